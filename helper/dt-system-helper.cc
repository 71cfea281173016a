/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "dt-system-helper.h"

#include "dt-attribute-arguments.h"
#include "dt-default-workload.h"
#include "dt-results-writer.h"
#include "dt-stats-collector.h"

#include "ns3/abort.h"
#include "ns3/cloud-dt-application.h"
#include "ns3/double.h"
#include "ns3/dt-address-book.h"
#include "ns3/dt-app-usage-model.h"
#include "ns3/dt-compute-energy-model.h"
#include "ns3/dt-demand-class.h"
#include "ns3/dt-energy-compat.h"
#include "ns3/dt-placement-policy.h"
#include "ns3/edge-dt-application.h"
#include "ns3/enum.h"
#include "ns3/flow-monitor-helper.h"
#include "ns3/ipv4.h"
#include "ns3/local-dt-application.h"
#include "ns3/log.h"
#include "ns3/lte-enb-net-device.h"
#include "ns3/lte-ue-net-device.h"
#include "ns3/mobility-model.h"
#include "ns3/pointer.h"
#include "ns3/uinteger.h"
#include "ns3/wifi-mac.h"
#include "ns3/wifi-net-device.h"

#include <limits>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("DtSystemHelper");

DtSystemHelper::DtSystemHelper()
    : m_architecture(DtArchitecture::MULTI_LAYER)
    , m_start(Seconds(1))
    , m_stop(Seconds(60))
    , m_book(CreateObject<DtAddressBook>())
    , m_stats(CreateObject<DtStatsCollector>())
{
    m_local.factory.SetTypeId(LocalDtApplication::GetTypeId());
    m_edge.factory.SetTypeId(EdgeDtApplication::GetTypeId());
    m_cloud.factory.SetTypeId(CloudDtApplication::GetTypeId());
    // The compute of the built-in scenarios (doc/): a terminal's 1 GFLOPS is
    // ComputeResource's own default.
    SetEdgeDtDefault("Compute/CapacityGflops", DoubleValue(20));
    SetCloudDtDefault("Compute/CapacityGflops", DoubleValue(500));
}

DtSystemHelper::~DtSystemHelper()
{
    m_cloudApp = nullptr;
    m_edgeApps.clear();
    m_flowMonitor = nullptr;
}

void
DtSystemHelper::Record(Layer& layer,
                       std::vector<std::pair<std::string, Ptr<AttributeValue>>>& list,
                       const std::string& name,
                       const AttributeValue& value)
{
    NS_ABORT_MSG_IF(name.empty() || name.front() == '/' || name.back() == '/',
                    "DtSystemHelper: '" << name << "' is not an attribute name or path");
    const std::string first = name.substr(0, name.find('/'));
    TypeId::AttributeInformation info;
    NS_ABORT_MSG_IF(!layer.factory.GetTypeId().LookupAttributeByName(first, &info),
                    "DtSystemHelper: " << layer.factory.GetTypeId().GetName()
                                       << " has no attribute '" << first << "' (in '" << name
                                       << "')");
    for (auto& [n, v] : list)
    {
        if (n == name)
        {
            v = value.Copy();
            return;
        }
    }
    list.emplace_back(name, value.Copy());
}

void
DtSystemHelper::SetLocalDtAttribute(const std::string& name, const AttributeValue& value)
{
    Record(m_local, m_local.user, name, value);
}

void
DtSystemHelper::SetEdgeDtAttribute(const std::string& name, const AttributeValue& value)
{
    Record(m_edge, m_edge.user, name, value);
}

void
DtSystemHelper::SetCloudDtAttribute(const std::string& name, const AttributeValue& value)
{
    Record(m_cloud, m_cloud.user, name, value);
}

void
DtSystemHelper::SetLocalDtDefault(const std::string& name, const AttributeValue& value)
{
    Record(m_local, m_local.defaults, name, value);
}

void
DtSystemHelper::SetEdgeDtDefault(const std::string& name, const AttributeValue& value)
{
    Record(m_edge, m_edge.defaults, name, value);
}

void
DtSystemHelper::SetCloudDtDefault(const std::string& name, const AttributeValue& value)
{
    Record(m_cloud, m_cloud.defaults, name, value);
}

void
DtSystemHelper::SetArchitecture(DtArchitecture architecture)
{
    m_architecture = architecture;
    for (Layer* layer : {&m_local, &m_edge, &m_cloud})
    {
        Record(*layer, layer->defaults, "Architecture", EnumValue(architecture));
    }
}

DtArchitecture
DtSystemHelper::GetArchitecture() const
{
    return m_cloudApp ? m_cloudApp->GetArchitecture() : m_architecture;
}

void
DtSystemHelper::SetDemandClasses(const std::vector<ObjectFactory>& classes)
{
    for (const auto& f : classes)
    {
        NS_ABORT_MSG_IF(f.GetTypeId() != DtDemandClass::GetTypeId(),
                        "DtSystemHelper::SetDemandClasses: a factory of "
                            << f.GetTypeId().GetName() << ", not ns3::DtDemandClass");
    }
    m_classes = classes;
}

void
DtSystemHelper::SetAppUsage(bool enable)
{
    m_appUsage = enable;
}

void
DtSystemHelper::SetPlacementPolicyType(const std::string& type)
{
    TypeId tid;
    NS_ABORT_MSG_IF(!TypeId::LookupByNameFailSafe(type, &tid) ||
                        !tid.IsChildOf(DtPlacementPolicy::GetTypeId()),
                    "DtSystemHelper: placement policy '"
                        << type << "' is not a registered subclass of ns3::DtPlacementPolicy");
    m_placementPolicy.SetTypeId(tid);
}

void
DtSystemHelper::SetPlacementPolicyAttribute(const std::string& name, const AttributeValue& value)
{
    NS_ABORT_MSG_IF(m_placementPolicy.GetTypeId() == TypeId(),
                    "DtSystemHelper: SetPlacementPolicyType before SetPlacementPolicyAttribute");
    m_placementPolicy.Set(name, value);
}

void
DtSystemHelper::SetStartTime(Time start)
{
    NS_ABORT_MSG_IF(start.IsNegative(),
                    "DtSystemHelper::SetStartTime: " << start.As(Time::S) << " is negative");
    m_start = start;
}

Time
DtSystemHelper::GetStartTime() const
{
    return m_start;
}

void
DtSystemHelper::SetStopTime(Time stop)
{
    m_stop = stop;
}

Time
DtSystemHelper::GetStopTime() const
{
    return m_stop;
}

bool
DtSystemHelper::UserSet(const Layer& layer, const std::string& name)
{
    for (const auto& [n, v] : layer.user)
    {
        if (n == name)
        {
            return true;
        }
    }
    return false;
}

void
DtSystemHelper::SetPath(Ptr<Object> object,
                        const std::string& path,
                        const AttributeValue& value,
                        bool onlyIfDefault)
{
    Ptr<Object> target = object;
    std::string rest = path;
    for (std::size_t slash = rest.find('/'); slash != std::string::npos; slash = rest.find('/'))
    {
        const std::string part = rest.substr(0, slash);
        TypeId::AttributeInformation info;
        NS_ABORT_MSG_IF(!target->GetInstanceTypeId().LookupAttributeByName(part, &info),
                        "DtSystemHelper: " << target->GetInstanceTypeId().GetName()
                                           << " has no attribute '" << part << "' (in '" << path
                                           << "')");
        PointerValue inner;
        target->GetAttribute(part, inner);
        NS_ABORT_MSG_IF(!inner.Get<Object>(),
                        "DtSystemHelper: '" << part << "' of "
                                            << target->GetInstanceTypeId().GetName()
                                            << " holds no object (in '" << path << "')");
        target = inner.Get<Object>();
        rest = rest.substr(slash + 1);
    }
    if (onlyIfDefault && DtDefaultChanged(target->GetInstanceTypeId(), rest))
    {
        NS_LOG_LOGIC("'" << path << "' keeps the value given with Config::SetDefault");
        return;
    }
    NS_ABORT_MSG_IF(!target->SetAttributeFailSafe(rest, value),
                    "DtSystemHelper: cannot set '"
                        << path << "' of " << object->GetInstanceTypeId().GetName() << " to "
                        << value.SerializeToString(MakeEmptyAttributeChecker())
                        << " (no such attribute, or a value of the wrong type or range)");
}

Ptr<DtApplication>
DtSystemHelper::CreateDt(
    const Layer& layer, const std::vector<std::pair<std::string, Ptr<AttributeValue>>>& fixed) const
{
    const TypeId tid = layer.factory.GetTypeId();
    ObjectFactory factory = layer.factory;
    for (const auto& [name, value] : fixed)
    {
        factory.Set(name, *value);
    }
    for (const auto& [name, value] : layer.defaults)
    {
        if (name.find('/') == std::string::npos && !UserSet(layer, name)
            && !DtDefaultChanged(tid, name))
        {
            factory.Set(name, *value);
        }
    }
    for (const auto& [name, value] : layer.user)
    {
        if (name.find('/') == std::string::npos)
        {
            factory.Set(name, *value);
        }
    }
    Ptr<DtApplication> app = factory.Create<DtApplication>();
    for (const auto& [name, value] : layer.defaults)
    {
        if (name.find('/') != std::string::npos && !UserSet(layer, name))
        {
            SetPath(app, name, *value, true);
        }
    }
    for (const auto& [name, value] : layer.user)
    {
        if (name.find('/') != std::string::npos)
        {
            SetPath(app, name, *value, false);
        }
    }
    return app;
}

Ipv4Address
DtSystemHelper::GetNodeAddress(Ptr<Node> node)
{
    Ptr<Ipv4> ipv4 = node->GetObject<Ipv4>();
    NS_ABORT_MSG_IF(!ipv4, "DtSystemHelper: node " << node->GetId() << " has no IPv4 stack");
    for (uint32_t i = 0; i < ipv4->GetNInterfaces(); ++i)
    {
        for (uint32_t a = 0; a < ipv4->GetNAddresses(i); ++a)
        {
            const Ipv4Address address = ipv4->GetAddress(i, a).GetLocal();
            if (!address.IsLocalhost() && address != Ipv4Address::GetAny())
            {
                return address;
            }
        }
    }
    NS_FATAL_ERROR("DtSystemHelper: node " << node->GetId()
                                           << " has no IPv4 address besides the loopback");
    return Ipv4Address();
}

ApplicationContainer
DtSystemHelper::InstallCloudDt(Ptr<Node> node)
{
    return InstallCloudDt(node, GetNodeAddress(node));
}

ApplicationContainer
DtSystemHelper::InstallCloudDt(Ptr<Node> node, Ipv4Address address)
{
    NS_ABORT_MSG_IF(m_cloudApp, "DtSystemHelper: the cloud DT is installed already");
    NS_ABORT_MSG_IF(!node, "DtSystemHelper::InstallCloudDt: no node");
    Ptr<CloudDtApplication> app = DynamicCast<CloudDtApplication>(
        CreateDt(m_cloud, {{"DtId", UintegerValue(CLOUD_DT_ID).Copy()}}));
    app->SetAddressBook(m_book);
    node->AddApplication(app);
    m_book->Add(CLOUD_DT_ID, address, DtLayer::CLOUD);
    app->SetStartTime(m_start / 2);
    app->SetStopTime(m_stop);
    m_stats->Watch(app);
    m_cloudApp = app;
    m_architecture = app->GetArchitecture();
    return ApplicationContainer(app);
}

ApplicationContainer
DtSystemHelper::InstallEdgeDt(NodeContainer nodes)
{
    ApplicationContainer apps;
    for (uint32_t k = 0; k < nodes.GetN(); ++k)
    {
        apps.Add(InstallEdgeDt(nodes.Get(k), m_nextEdgeId, GetNodeAddress(nodes.Get(k))));
    }
    return apps;
}

ApplicationContainer
DtSystemHelper::InstallEdgeDt(Ptr<Node> node, uint32_t dtId, Ipv4Address address)
{
    NS_ABORT_MSG_IF(!node, "DtSystemHelper::InstallEdgeDt: no node");
    NS_ABORT_MSG_IF(m_edgeApps.count(node), "node " << node->GetId() << " has an edge DT already");
    NS_ABORT_MSG_IF(m_book->Has(dtId), "DtSystemHelper: DT id " << dtId << " is in use");
    Ptr<EdgeDtApplication> app = DynamicCast<EdgeDtApplication>(CreateDt(
        m_edge,
        {{"DtId", UintegerValue(dtId).Copy()}, {"CloudDtId", UintegerValue(CLOUD_DT_ID).Copy()}}));
    app->SetAddressBook(m_book);
    node->AddApplication(app);
    m_book->Add(dtId, address, DtLayer::EDGE);
    app->SetStartTime(m_start / 2);
    app->SetStopTime(m_stop);
    m_stats->Watch(app);
    m_edgeApps[node] = app;
    m_edgeNodes.push_back(node);
    m_nextEdgeId = std::max(m_nextEdgeId, dtId + 1);
    return ApplicationContainer(app);
}

uint32_t
DtSystemHelper::EdgeDtIdOf(Ptr<Node> node) const
{
    auto it = m_edgeApps.find(node);
    NS_ABORT_MSG_IF(it == m_edgeApps.end(),
                    "DtSystemHelper: node " << (node ? node->GetId() : 0)
                                            << " has no edge DT (InstallEdgeDt first)");
    return it->second->GetDtId();
}

uint32_t
DtSystemHelper::AddCell(Ptr<Node> edge, Ptr<NetDevice> device)
{
    NS_ABORT_MSG_IF(!device, "DtSystemHelper::AddCell: no device");
    Vector site;
    Ptr<MobilityModel> mm = device->GetNode()->GetObject<MobilityModel>();
    if (mm)
    {
        site = mm->GetPosition();
    }
    uint32_t cell = 0;
    if (Ptr<LteEnbNetDevice> enb = DynamicCast<LteEnbNetDevice>(device))
    {
        cell = enb->GetCellId();
    }
    else if (Ptr<WifiNetDevice> wifi = DynamicCast<WifiNetDevice>(device))
    {
        NS_ABORT_MSG_IF(!wifi->GetMac() || wifi->GetMac()->GetTypeOfStation() != AP,
                        "DtSystemHelper::AddCell: Wi-Fi device of node "
                            << device->GetNode()->GetId() << " is not an access point");
        cell = m_nextWifiCell++;
        m_book->AddAccessPoint(wifi->GetMac()->GetAddress(), cell);
    }
    else
    {
        NS_FATAL_ERROR("DtSystemHelper::AddCell: device "
                       << device->GetInstanceTypeId().GetName() << " of node "
                       << device->GetNode()->GetId()
                       << " is neither an LteEnbNetDevice nor a Wi-Fi access point");
    }
    const uint32_t edgeId = EdgeDtIdOf(edge);
    m_book->AddCell(cell, edgeId);
    if (mm)
    {
        m_book->SetCellSite(cell, site);
    }
    m_edgeCells[edgeId].push_back(cell);
    return cell;
}

void
DtSystemHelper::AddCell(Ptr<Node> edge, uint32_t cell, const Vector& site)
{
    const uint32_t edgeId = EdgeDtIdOf(edge);
    m_book->AddCell(cell, edgeId);
    m_book->SetCellSite(cell, site);
    m_edgeCells[edgeId].push_back(cell);
}

void
DtSystemHelper::AddAccessPoint(Mac48Address bssid, uint32_t cell)
{
    m_book->AddAccessPoint(bssid, cell);
}

void
DtSystemHelper::SetServingEdge(Ptr<Node> terminal, Ptr<Node> edge)
{
    NS_ABORT_MSG_IF(!terminal || !edge, "DtSystemHelper::SetServingEdge: no node");
    m_servingEdge[terminal] = edge;
}

uint32_t
DtSystemHelper::FindServingEdge(Ptr<Node> terminal, uint32_t& cell) const
{
    cell = 0;
    auto given = m_servingEdge.find(terminal);
    if (given != m_servingEdge.end())
    {
        const uint32_t edgeId = EdgeDtIdOf(given->second);
        auto cells = m_edgeCells.find(edgeId);
        if (cells != m_edgeCells.end() && !cells->second.empty())
        {
            cell = cells->second.front();
        }
        return edgeId;
    }
    uint32_t edgeId = 0;
    for (uint32_t d = 0; d < terminal->GetNDevices(); ++d)
    {
        Ptr<NetDevice> dev = terminal->GetDevice(d);
        if (Ptr<LteUeNetDevice> ue = DynamicCast<LteUeNetDevice>(dev))
        {
            // The eNB the UE was attached to (LteHelper::Attach).
            Ptr<LteEnbNetDevice> enb = ue->GetTargetEnb();
            if (enb && m_book->GetEdgeOfCell(enb->GetCellId(), edgeId))
            {
                cell = enb->GetCellId();
                return edgeId;
            }
        }
        Ptr<WifiNetDevice> wifi = DynamicCast<WifiNetDevice>(dev);
        Ptr<MobilityModel> mm = terminal->GetObject<MobilityModel>();
        if (wifi && wifi->GetMac() && wifi->GetMac()->GetTypeOfStation() == STA && mm)
        {
            // The nearest access point of the station's SSID.
            const Ssid ssid = wifi->GetMac()->GetSsid();
            double best = std::numeric_limits<double>::infinity();
            for (const Ptr<Node>& node : m_edgeNodes) // install order: ties go to the first
            {
                for (uint32_t k = 0; k < node->GetNDevices(); ++k)
                {
                    Ptr<WifiNetDevice> ap = DynamicCast<WifiNetDevice>(node->GetDevice(k));
                    uint32_t apCell = 0;
                    Ptr<MobilityModel> apPos = node->GetObject<MobilityModel>();
                    if (!ap || !ap->GetMac() || ap->GetMac()->GetTypeOfStation() != AP
                        || !(ap->GetMac()->GetSsid() == ssid)
                        || !m_book->GetCellOfAccessPoint(ap->GetMac()->GetAddress(), apCell)
                        || !apPos)
                    {
                        continue;
                    }
                    const double d2 = CalculateDistance(apPos->GetPosition(), mm->GetPosition());
                    if (d2 < best && m_book->GetEdgeOfCell(apCell, edgeId))
                    {
                        best = d2;
                        cell = apCell;
                    }
                }
            }
            if (cell != 0)
            {
                m_book->GetEdgeOfCell(cell, edgeId);
                return edgeId;
            }
        }
    }
    if (Ptr<MobilityModel> mm = terminal->GetObject<MobilityModel>())
    {
        if (m_book->GetNearestCell(mm->GetPosition(), cell) && m_book->GetEdgeOfCell(cell, edgeId))
        {
            return edgeId;
        }
    }
    NS_ABORT_MSG_IF(m_edgeNodes.size() != 1,
                    "DtSystemHelper: cannot tell which edge DT serves terminal node "
                        << terminal->GetId() << " (" << m_edgeNodes.size()
                        << " edge DTs; no registered cell near it): use SetServingEdge or AddCell");
    return EdgeDtIdOf(m_edgeNodes.front());
}

ApplicationContainer
DtSystemHelper::InstallLocalDt(NodeContainer terminals)
{
    ApplicationContainer apps;
    for (uint32_t k = 0; k < terminals.GetN(); ++k)
    {
        apps.Add(InstallLocalDt(terminals.Get(k), m_nextLocalId, GetNodeAddress(terminals.Get(k))));
    }
    return apps;
}

ApplicationContainer
DtSystemHelper::InstallLocalDt(Ptr<Node> terminal, uint32_t dtId, Ipv4Address address)
{
    NS_ABORT_MSG_IF(!terminal, "DtSystemHelper::InstallLocalDt: no node");
    NS_ABORT_MSG_IF(m_book->Has(dtId), "DtSystemHelper: DT id " << dtId << " is in use");
    NS_ABORT_MSG_IF(m_edgeNodes.empty() && GetArchitecture() == DtArchitecture::MULTI_LAYER,
                    "DtSystemHelper: install the edge DTs before the local DTs");
    uint32_t cell = 0;
    const uint32_t edgeId = m_edgeNodes.empty() ? 0 : FindServingEdge(terminal, cell);
    Ptr<LocalDtApplication> app =
        DynamicCast<LocalDtApplication>(CreateDt(m_local,
                                                 {{"DtId", UintegerValue(dtId).Copy()},
                                                  {"EdgeDtId", UintegerValue(edgeId).Copy()},
                                                  {"CloudDtId", UintegerValue(CLOUD_DT_ID).Copy()},
                                                  {"ServingCell", UintegerValue(cell).Copy()}}));
    Ptr<LocalDtServiceModule> service = app->GetServiceModule();
    if (m_placementPolicy.GetTypeId() != TypeId() &&
        !UserSet(m_local, "ServiceModule/PlacementPolicy"))
    {
        service->SetAttribute("PlacementPolicy",
                              PointerValue(m_placementPolicy.Create<DtPlacementPolicy>()));
    }
    for (const auto& f : m_classes)
    {
        service->AddDemandClass(f.Create<DtDemandClass>());
    }
    if (m_appUsage)
    {
        service->SetAttribute("AppUsage", PointerValue(DtDefaultWorkload::CreateAppUsage()));
    }
    if (Ptr<energy::EnergySourceContainer> batteries =
            terminal->GetObject<energy::EnergySourceContainer>())
    {
        // The processor drains the terminal's battery too.
        Ptr<energy::EnergySource> battery = batteries->Get(0);
        Ptr<DtComputeEnergyModel> cpu = CreateObject<DtComputeEnergyModel>();
        cpu->SetEnergySource(battery);
        battery->AppendDeviceEnergyModel(cpu);
        cpu->Attach(app->GetCompute());
    }
    app->SetAddressBook(m_book);
    terminal->AddApplication(app);
    m_book->Add(dtId, address, DtLayer::LOCAL);
    app->SetStartTime(m_start);
    app->SetStopTime(m_stop);
    m_stats->Watch(app);
    m_localApps.Add(app);
    m_terminals.Add(terminal);
    m_nextLocalId = std::max(m_nextLocalId, dtId + 1);
    return ApplicationContainer(app);
}

void
DtSystemHelper::EnableFlowMonitor(NodeContainer nodes)
{
    m_flowHelper = std::make_shared<FlowMonitorHelper>();
    m_flowMonitor = nodes.GetN() ? m_flowHelper->Install(nodes) : m_flowHelper->InstallAll();
}

void
DtSystemHelper::WriteOutputs(const std::string& dir, double wallSeconds) const
{
    DtResultsWriter::WriteAll(*m_stats, dir, wallSeconds);
    if (m_flowMonitor)
    {
        m_flowMonitor->CheckForLostPackets();
        m_flowMonitor->SerializeToXmlFile(dir + "/flowmon.xml", true, true);
    }
}

int64_t
DtSystemHelper::AssignStreams(int64_t stream)
{
    int64_t used = 0;
    for (uint32_t i = 0; i < m_localApps.GetN(); ++i)
    {
        used += DynamicCast<LocalDtApplication>(m_localApps.Get(i))->AssignStreams(stream + used);
    }
    return used;
}

Ptr<DtAddressBook>
DtSystemHelper::GetAddressBook() const
{
    return m_book;
}

Ptr<DtStatsCollector>
DtSystemHelper::GetStats() const
{
    return m_stats;
}

Ptr<CloudDtApplication>
DtSystemHelper::GetCloudDt() const
{
    return m_cloudApp;
}

Ptr<EdgeDtApplication>
DtSystemHelper::GetEdgeDt(Ptr<Node> node) const
{
    auto it = m_edgeApps.find(node);
    return it == m_edgeApps.end() ? nullptr : it->second;
}

ApplicationContainer
DtSystemHelper::GetLocalDts() const
{
    return m_localApps;
}

NodeContainer
DtSystemHelper::GetDtNodes() const
{
    NodeContainer nodes;
    if (m_cloudApp)
    {
        nodes.Add(m_cloudApp->GetNode());
    }
    for (const auto& n : m_edgeNodes)
    {
        nodes.Add(n);
    }
    nodes.Add(m_terminals);
    return nodes;
}

} // namespace ns3
