/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "dt-lte-access.h"

#include "dt-attribute-arguments.h"
#include "dt-fibre-core.h"

#include "ns3/abort.h"
#include "ns3/config.h"
#include "ns3/double.h"
#include "ns3/enum.h"
#include "ns3/epc-tft.h"
#include "ns3/eps-bearer.h"
#include "ns3/ff-mac-scheduler.h"
#include "ns3/ipv4-address-helper.h"
#include "ns3/ipv4-static-routing-helper.h"
#include "ns3/ipv4-static-routing.h"
#include "ns3/log.h"
#include "ns3/lte-amc.h"
#include "ns3/lte-enb-net-device.h"
#include "ns3/lte-enb-phy.h"
#include "ns3/lte-enb-rrc.h"
#include "ns3/lte-helper.h"
#include "ns3/lte-spectrum-value-helper.h"
#include "ns3/lte-ue-net-device.h"
#include "ns3/lte-ue-rrc.h"
#include "ns3/mobility-helper.h"
#include "ns3/mobility-model.h"
#include "ns3/point-to-point-epc-helper.h"
#include "ns3/point-to-point-helper.h"
#include "ns3/point-to-point-net-device.h"
#include "ns3/position-allocator.h"
#include "ns3/propagation-loss-model.h"
#include "ns3/spectrum-channel.h"
#include "ns3/uinteger.h"

#include <map>
#include <set>
#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("DtLteAccess");

NS_OBJECT_ENSURE_REGISTERED(DtLteAccess);

TypeId
DtLteAccess::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::DtLteAccess").SetParent<DtAccessNetwork>().SetGroupName("MultilayerDt");
    return tid;
}

DtLteAccess::DtLteAccess()
{
}

DtLteAccess::DtLteAccess(const Parameters& parameters)
    : m_parameters(parameters)
{
}

DtLteAccess::~DtLteAccess()
{
}

namespace
{

/**
 * Set an attribute's default unless the user changed it (Config::SetDefault,
 * the command line): a default this function set itself counts as unchanged.
 * \param type the TypeId name
 * \param name the attribute
 * \param value the value
 */
void
SetDefaultUnlessUserSet(const std::string& type,
                        const std::string& name,
                        const AttributeValue& value)
{
    static std::map<std::string, std::string> ours; // what this function last set
    const TypeId tid = TypeId::LookupByName(type);
    TypeId::AttributeInformation info;
    NS_ABORT_MSG_UNLESS(tid.LookupAttributeByName(name, &info),
                        type << " has no attribute " << name);
    const std::string key = type + "::" + name;
    auto it = ours.find(key);
    if (DtDefaultChanged(tid, name)
        && (it == ours.end() || it->second != info.initialValue->SerializeToString(info.checker)))
    {
        return; // the user's
    }
    Config::SetDefault(key, value);
    ours[key] = value.SerializeToString(info.checker);
}

} // namespace

uint32_t
DtLteAccess::SrsPeriodicityFor(uint32_t terminals)
{
    for (uint32_t period : {2, 5, 10, 20, 40, 80, 160, 320})
    {
        if (period >= terminals)
        {
            return period;
        }
    }
    return 0;
}

void
DtLteAccess::DoDispose()
{
    m_lte = nullptr;
    m_epc = nullptr;
    m_edges = NodeContainer();
    m_enbNodes = NodeContainer();
    m_enbDevices = NetDeviceContainer();
    m_ueDevices = NetDeviceContainer();
    m_backhaul = NetDeviceContainer();
    DtAccessNetwork::DoDispose();
}

void
DtLteAccess::Build(const DtAccessPlan& plan)
{
    const Parameters& p = m_parameters;
    const uint32_t edges = plan.edges.GetN();
    const uint32_t terminals = plan.terminals.GetN();
    m_edges = plan.edges;
    static const std::set<uint16_t> rbs{6, 15, 25, 50, 75, 100};
    NS_ABORT_MSG_IF(rbs.count(p.bandwidth) == 0,
                    "LteBandwidth=" << p.bandwidth << " is not 6, 15, 25, 50, 75 or 100 RBs");
    m_lte = CreateObject<LteHelper>();
    m_epc = CreateObject<PointToPointEpcHelper>();
    m_lte->SetEpcHelper(m_epc);
    if (p.automaticHandover)
    {
        m_lte->SetHandoverAlgorithmType("ns3::A3RsrpHandoverAlgorithm");
        m_lte->SetHandoverAlgorithmAttribute("Hysteresis", DoubleValue(p.hysteresis));
        m_lte->SetHandoverAlgorithmAttribute("TimeToTrigger", TimeValue(p.timeToTrigger));
    }
    else
    {
        m_lte->SetHandoverAlgorithmType("ns3::NoOpHandoverAlgorithm");
    }
    m_lte->SetSchedulerAttribute(
        "UlCqiFilter",
        EnumValue(p.puschUplinkCqi ? FfMacScheduler::PUSCH_UL_CQI : FfMacScheduler::SRS_UL_CQI));
    // The RLC entities are created per bearer from their TypeIds' defaults:
    // the reordering timer is set there, unless the user set it.
    for (const char* rlc : {"ns3::LteRlcUm", "ns3::LteRlcAm"})
    {
        SetDefaultUnlessUserSet(rlc, "ReorderingTimer", TimeValue(p.rlcReordering));
    }
    m_lte->SetEnbDeviceAttribute("DlBandwidth", UintegerValue(p.bandwidth));
    m_lte->SetEnbDeviceAttribute("UlBandwidth", UintegerValue(p.bandwidth));

    // One eNB at each edge site.
    m_enbNodes.Create(edges);
    MobilityHelper fixed;
    Ptr<ListPositionAllocator> sites = CreateObject<ListPositionAllocator>();
    for (uint32_t e = 0; e < edges; ++e)
    {
        sites->Add(plan.edges.Get(e)->GetObject<MobilityModel>()->GetPosition());
    }
    fixed.SetPositionAllocator(sites);
    fixed.SetMobilityModel("ns3::ConstantPositionMobilityModel");
    fixed.Install(m_enbNodes);
    m_enbDevices = m_lte->InstallEnbDevice(m_enbNodes);
    if (p.fading.model != DtFading::NONE)
    {
        // Each direction fades at its own carrier (FDD): the eNBs' EARFCNs.
        Ptr<LteEnbNetDevice> enb = m_enbDevices.Get(0)->GetObject<LteEnbNetDevice>();
        const double dl = LteSpectrumValueHelper::GetCarrierFrequency(enb->GetDlEarfcn());
        const double ul = LteSpectrumValueHelper::GetCarrierFrequency(enb->GetUlEarfcn());
        int64_t stream = p.stream + 2000000;
        for (auto [channel, frequency] : {std::make_pair(m_lte->GetDownlinkSpectrumChannel(), dl),
                                          std::make_pair(m_lte->GetUplinkSpectrumChannel(), ul)})
        {
            // on top of the path loss
            channel->AddPropagationLossModel(p.fading.Create(frequency, stream));
            stream += DtFading::STREAMS;
        }
    }
    // An eNB serves as many UEs as its SRS periodicity (ms) allows; any
    // terminal may end up in any cell. The shortest such period gives the
    // eNB the freshest uplink channel estimates.
    const uint32_t fits = SrsPeriodicityFor(terminals);
    NS_ABORT_MSG_IF(fits == 0,
                    "LTE access: " << terminals << " terminals, more than the 320 an eNB "
                                   << "can serve (SRS periodicity)");
    const uint32_t srs = p.srsPeriodicity ? p.srsPeriodicity : fits;
    NS_ABORT_MSG_IF(SrsPeriodicityFor(srs) != srs,
                    "LteSrsPeriodicity=" << srs << " is not 2, 5, 10, 20, 40, 80, 160 or 320 ms");
    NS_ABORT_MSG_IF(srs < fits,
                    "LteSrsPeriodicity=" << srs << " ms gives SRS to only " << srs << " of the "
                                         << terminals << " UEs a cell may serve (at least " << fits
                                         << " ms)");
    for (uint32_t e = 0; e < edges; ++e)
    {
        Ptr<LteEnbNetDevice> enb = DynamicCast<LteEnbNetDevice>(m_enbDevices.Get(e));
        enb->GetPhy()->SetTxPower(p.enbTxPower);
        enb->GetRrc()->SetAttribute("SrsPeriodicity", UintegerValue(srs));
        enb->GetRrc()->SetAttribute(
            "EpsBearerToRlcMapping",
            EnumValue(p.rlcAm ? LteEnbRrc::RLC_AM_ALWAYS : LteEnbRrc::RLC_UM_ALWAYS));
    }
    m_ueDevices = m_lte->InstallUeDevice(plan.terminals);
    m_lte->AssignStreams(m_enbDevices, p.stream);
    m_lte->AssignStreams(m_ueDevices, p.stream + 1000000);

    m_terminalAddr.resize(terminals);
    m_edgeAddr.resize(edges);
    Ipv4InterfaceContainer ueIf = m_epc->AssignUeIpv4Address(m_ueDevices);
    Ipv4StaticRoutingHelper routing;
    for (uint32_t i = 0; i < terminals; ++i)
    {
        m_terminalAddr[i] = ueIf.GetAddress(i);
        Ptr<Ipv4> ipv4 = plan.terminals.Get(i)->GetObject<Ipv4>();
        routing.GetStaticRouting(ipv4)->SetDefaultRoute(
            m_epc->GetUeDefaultGatewayAddress(), ipv4->GetInterfaceForDevice(m_ueDevices.Get(i)));
        m_lte->Attach(m_ueDevices.Get(i), m_enbDevices.Get(plan.edgeOf[i]));
    }
    if (p.dtBearerTos != 0)
    {
        // The DT datagrams (marked with this TOS by their comm modules) on a
        // bearer of their own, both directions, apart from the TCP bulk
        // transfers on the default bearer: their own RLC queue at the UE and
        // at the eNB.
        Ptr<EpcTft> tft = Create<EpcTft>();
        EpcTft::PacketFilter dt;
        dt.direction = EpcTft::BIDIRECTIONAL;
        dt.typeOfService = p.dtBearerTos;
        dt.typeOfServiceMask = 0xfc; // the DSCP bits
        tft->Add(dt);
        m_lte->ActivateDedicatedEpsBearer(
            m_ueDevices, EpsBearer(EpsBearer::NGBR_VOICE_VIDEO_GAMING), tft);
    }
    m_lte->AddX2Interface(m_enbNodes);

    // Edge servers sit behind the PGW, each on its own fibre.
    PointToPointHelper link;
    link.SetDeviceAttribute("DataRate", DataRateValue(p.fibreRate));
    link.SetChannelAttribute("Delay", TimeValue(p.fibreDelayPerKm * p.edgePgwKm));
    for (uint32_t e = 0; e < edges; ++e)
    {
        NetDeviceContainer d = link.Install(plan.edges.Get(e), m_epc->GetPgwNode());
        Ipv4AddressHelper ip;
        std::ostringstream base;
        base << "172.20." << e << ".0";
        ip.SetBase(base.str().c_str(), "255.255.255.0");
        m_edgeAddr[e] = ip.Assign(d).GetAddress(0);
        m_backhaul.Add(d);
    }
}

DataRate
DtLteAccess::GetUplinkCapacity() const
{
    Ptr<LteAmc> amc = CreateObject<LteAmc>();
    const int bitsPerTti = amc->GetUlTbSizeFromMcs(28, m_parameters.bandwidth);
    return DataRate(static_cast<uint64_t>(bitsPerTti) * 1000);
}

void
DtLteAccess::Route(const DtAccessPlan& plan, const DtFibreCore& core)
{
    // Edge e: 172.20.e.1 towards the PGW, 172.16.e.1 towards the cloud; the
    // cloud's address is 172.16.0.2. UEs (7.0.0.0/8) already route through
    // the EPC gateway.
    Ipv4StaticRoutingHelper routing;
    auto ifFor = [](Ptr<Ipv4> ipv4, const std::string& prefix)
    {
        const int32_t i =
            ipv4->GetInterfaceForPrefix(Ipv4Address(prefix.c_str()), Ipv4Mask("255.255.255.0"));
        NS_ABORT_MSG_IF(i < 0, "LTE routes: no interface in " << prefix << "/24");
        return static_cast<uint32_t>(i);
    };
    auto net = [](const char* a, uint32_t e, const char* b)
    {
        std::ostringstream os;
        os << a << e << b;
        return os.str();
    };
    // The routes towards the access network belong at the far end of the
    // edges' fibre: the cloud, or the gateway of a wide-area segment.
    Ptr<Ipv4> cloud = core.GetCoreRouter()->GetObject<Ipv4>();
    Ptr<Ipv4> pgw = m_epc->GetPgwNode()->GetObject<Ipv4>();
    for (uint32_t e = 0; e < m_edges.GetN(); ++e)
    {
        Ptr<Ipv4> edge = m_edges.Get(e)->GetObject<Ipv4>();
        routing.GetStaticRouting(edge)->SetDefaultRoute(
            Ipv4Address(net("172.20.", e, ".2").c_str()), ifFor(edge, net("172.20.", e, ".0")));
        if (e > 0 || core.HasWan())
        {
            routing.GetStaticRouting(edge)->AddHostRouteTo(
                core.GetCloudAddress(),
                Ipv4Address(net("172.16.", e, ".2").c_str()),
                ifFor(edge, net("172.16.", e, ".0")));
        }
        routing.GetStaticRouting(cloud)->AddNetworkRouteTo(
            Ipv4Address(net("172.20.", e, ".0").c_str()),
            Ipv4Mask("255.255.255.0"),
            Ipv4Address(net("172.16.", e, ".1").c_str()),
            ifFor(cloud, net("172.16.", e, ".0")));
    }
    routing.GetStaticRouting(cloud)->AddNetworkRouteTo(Ipv4Address("7.0.0.0"),
                                                       Ipv4Mask("255.0.0.0"),
                                                       Ipv4Address("172.16.0.1"),
                                                       ifFor(cloud, "172.16.0.0"));
    routing.GetStaticRouting(pgw)->AddNetworkRouteTo(Ipv4Address("172.16.0.0"),
                                                     Ipv4Mask("255.255.0.0"),
                                                     Ipv4Address("172.20.0.1"),
                                                     ifFor(pgw, "172.20.0.0"));
    if (core.HasWan())
    {
        // The cloud beyond the wide-area gateway, through edge 0 like the rest.
        routing.GetStaticRouting(pgw)->AddHostRouteTo(
            core.GetCloudAddress(), Ipv4Address("172.20.0.1"), ifFor(pgw, "172.20.0.0"));
    }
}

Ipv4Address
DtLteAccess::GetEdgeAddress(uint32_t edge) const
{
    NS_ABORT_MSG_IF(edge >= m_edgeAddr.size(), "DtLteAccess: no edge " << edge);
    return m_edgeAddr[edge];
}

uint32_t
DtLteAccess::GetCellOfEdge(uint32_t edge) const
{
    NS_ABORT_MSG_IF(edge >= m_enbDevices.GetN(), "DtLteAccess: no edge " << edge);
    return DynamicCast<LteEnbNetDevice>(m_enbDevices.Get(edge))->GetCellId();
}

NetDeviceContainer
DtLteAccess::GetBackhaulDevices() const
{
    return m_backhaul;
}

void
DtLteAccess::EnablePcap(const std::string& prefix) const
{
    // ns-3's LTE radio writes no PCAP: the EPC's links at the SGW (S1-U, GTP-U).
    PointToPointHelper p2p;
    Ptr<Node> sgw = m_epc->GetSgwNode();
    for (uint32_t d = 0; d < sgw->GetNDevices(); ++d)
    {
        if (DynamicCast<PointToPointNetDevice>(sgw->GetDevice(d)))
        {
            p2p.EnablePcap(prefix + "-epc", sgw->GetDevice(d));
        }
    }
}

bool
DtLteAccess::CanHandOver() const
{
    return true;
}

void
DtLteAccess::Handover(uint32_t terminal, uint32_t targetEdge)
{
    NS_ABORT_MSG_IF(terminal >= m_ueDevices.GetN(), "DtLteAccess: no terminal " << terminal);
    Ptr<LteUeNetDevice> ue = DynamicCast<LteUeNetDevice>(m_ueDevices.Get(terminal));
    const uint16_t cell = ue->GetRrc()->GetCellId();
    const uint32_t edges = m_edges.GetN();
    uint32_t source = edges;
    for (uint32_t e = 0; e < edges; ++e)
    {
        if (GetCellOfEdge(e) == cell)
        {
            source = e;
        }
    }
    if (source == edges || ue->GetRrc()->GetState() != LteUeRrc::CONNECTED_NORMALLY)
    {
        NS_LOG_LOGIC("terminal " << terminal << " not connected to a cell: handover skipped");
        return;
    }
    const uint32_t target = targetEdge == NEXT_EDGE ? (source + 1) % edges : targetEdge;
    if (target == source)
    {
        return;
    }
    m_lte->HandoverRequest(Seconds(0), ue, m_enbDevices.Get(source), m_enbDevices.Get(target));
}

NetDeviceContainer
DtLteAccess::GetEnbDevices() const
{
    return m_enbDevices;
}

NetDeviceContainer
DtLteAccess::GetUeDevices() const
{
    return m_ueDevices;
}

} // namespace ns3
