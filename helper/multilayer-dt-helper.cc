/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "multilayer-dt-helper.h"

#include "dt-stats-collector.h"

#include "ns3/abort.h"
#include "ns3/basic-energy-source-helper.h"
#include "ns3/boolean.h"
#include "ns3/box.h"
#include "ns3/channel.h"
#include "ns3/cloud-dt-application.h"
#include "ns3/double.h"
#include "ns3/dt-app-usage-model.h"
#include "ns3/dt-compute-energy-model.h"
#include "ns3/dt-energy-compat.h"
#include "ns3/dt-fault-error-model.h"
#include "ns3/dt-lte-radio-energy-model.h"
#include "ns3/dt-malformed-injector.h"
#include "ns3/dt-ns3-version.h"
#include "ns3/dt-wifi-radio-energy-model.h"
#include "ns3/dt-wifi-roaming-manager.h"
#include "ns3/edge-dt-application.h"
#include "ns3/enum.h"
#include "ns3/flow-monitor-helper.h"
#include "ns3/inet-socket-address.h"
#include "ns3/internet-stack-helper.h"
#include "ns3/ipv4-address-helper.h"
#include "ns3/ipv4-global-routing-helper.h"
#include "ns3/ipv4-routing-table-entry.h"
#include "ns3/ipv4-static-routing-helper.h"
#include "ns3/ipv4-static-routing.h"
#include "ns3/local-dt-application.h"
#include "ns3/log.h"
#include "ns3/lte-enb-net-device.h"
#include "ns3/lte-enb-phy.h"
#include "ns3/lte-enb-rrc.h"
#include "ns3/lte-helper.h"
#include "ns3/lte-ue-net-device.h"
#include "ns3/lte-ue-rrc.h"
#include "ns3/mobility-helper.h"
#include "ns3/mobility-model.h"
#include "ns3/point-to-point-epc-helper.h"
#include "ns3/point-to-point-helper.h"
#include "ns3/point-to-point-net-device.h"
#include "ns3/pointer.h"
#include "ns3/position-allocator.h"
#include "ns3/propagation-loss-model.h"
#include "ns3/rng-seed-manager.h"
#include "ns3/socket.h"
#include "ns3/spectrum-channel.h"
#include "ns3/ssid.h"
#include "ns3/sta-wifi-mac.h"
#include "ns3/string.h"
#include "ns3/udp-socket-factory.h"
#include "ns3/uinteger.h"
#include "ns3/vht-phy.h"
#include "ns3/wifi-helper.h"
#include "ns3/wifi-mac-helper.h"
#include "ns3/wifi-mac.h"
#include "ns3/wifi-net-device.h"
#include "ns3/yans-wifi-helper.h"

#include <filesystem>
#include <set>
#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("MultiLayerDtHelper");

NS_OBJECT_ENSURE_REGISTERED(MultiLayerDtHelper);

TypeId
MultiLayerDtHelper::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::MultiLayerDtHelper")
            .SetParent<Object>()
            .SetGroupName("MultilayerDt")
            .AddConstructor<MultiLayerDtHelper>()
            .AddAttribute("Terminals",
                          "Number of terminals (each runs a local DT).",
                          UintegerValue(10),
                          MakeUintegerAccessor(&MultiLayerDtHelper::m_terminals),
                          MakeUintegerChecker<uint32_t>(1, 60000))
            .AddAttribute("Edges",
                          "Number of edge servers (each an access point running an edge DT).",
                          UintegerValue(2),
                          MakeUintegerAccessor(&MultiLayerDtHelper::m_edges),
                          MakeUintegerChecker<uint32_t>(1, 250))
            .AddAttribute("Architecture",
                          "MultiLayer or Centralized DT system on the same network.",
                          EnumValue(DtArchitecture::MULTI_LAYER),
                          DtMakeEnumAccessor<DtArchitecture>(&MultiLayerDtHelper::m_architecture),
                          MakeEnumChecker(DtArchitecture::MULTI_LAYER,
                                          "MultiLayer",
                                          DtArchitecture::CENTRALIZED,
                                          "Centralized"))
            .AddAttribute(
                "Access",
                "Access technology between terminals and edge servers: Wi-Fi, LTE, or Wired "
                "(a point-to-point link of UplinkRate per terminal, no radio: the DT logic "
                "alone, for scaling studies).",
                EnumValue(MultiLayerDtHelper::WIFI),
                DtMakeEnumAccessor<MultiLayerDtHelper::Access>(&MultiLayerDtHelper::m_access),
                MakeEnumChecker(MultiLayerDtHelper::WIFI,
                                "Wifi",
                                MultiLayerDtHelper::LTE,
                                "Lte",
                                MultiLayerDtHelper::WIRED,
                                "Wired"))
            .AddAttribute(
                "MigrationPolicy",
                "What happens to a terminal's agent when it is handed over to a "
                "cell of another edge: Reactive (the new edge pulls its state from "
                "the old one), Proactive (the old edge pre-copies it to the edge "
                "of the predicted cell, then sends the delta at the handover) or "
                "None (it stays; the terminal reaches it through the backhaul).",
                EnumValue(DT_MIGRATION_REACTIVE),
                DtMakeEnumAccessor<DtMigrationPolicy>(&MultiLayerDtHelper::m_migrationPolicy),
                MakeEnumChecker(DT_MIGRATION_REACTIVE,
                                "Reactive",
                                DT_MIGRATION_PROACTIVE,
                                "Proactive",
                                DT_MIGRATION_NONE,
                                "None"))
            .AddAttribute(
                "TwinPlacement",
                "Where the terminals' twins live in the multi-layer architecture: "
                "Edge (at the serving edge DT; they migrate), Cloud (at the cloud "
                "DT) or EdgeCloud (at the edge, with a copy in the cloud refreshed "
                "by every synchronization).",
                EnumValue(DT_TWIN_EDGE),
                DtMakeEnumAccessor<DtTwinPlacement>(&MultiLayerDtHelper::m_twinPlacement),
                MakeEnumChecker(
                    DT_TWIN_EDGE, "Edge", DT_TWIN_CLOUD, "Cloud", DT_TWIN_EDGE_CLOUD, "EdgeCloud"))
            .AddAttribute("WorkloadScale",
                          "Factor on the workload of every demand (to sweep workload sizes; "
                          "the papers give none).",
                          DoubleValue(1.0),
                          MakeDoubleAccessor(&MultiLayerDtHelper::m_workloadScale),
                          MakeDoubleChecker<double>(1e-6, 1e6))
            .AddAttribute("AgentInteractionInterval",
                          "Period at which each agent messages the other agents of its "
                          "group (agent-to-agent interaction at the edge DTs); 0: none.",
                          TimeValue(Seconds(0)),
                          MakeTimeAccessor(&MultiLayerDtHelper::m_interactionInterval),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("InteractionGroupSize",
                          "Terminals are grouped by index, this many per group; the agents "
                          "of a group interact.",
                          UintegerValue(4),
                          MakeUintegerAccessor(&MultiLayerDtHelper::m_groupSize),
                          MakeUintegerChecker<uint32_t>(2))
            .AddAttribute("SyncProbability",
                          "Probability that a terminal sends a synchronization request to its "
                          "twin in a slot (Bernoulli; 0: none).",
                          DoubleValue(0),
                          MakeDoubleAccessor(&MultiLayerDtHelper::m_syncProbability),
                          MakeDoubleChecker<double>(0, 1))
            .AddAttribute("SyncSlot",
                          "Length of a synchronization slot.",
                          TimeValue(MilliSeconds(100)),
                          MakeTimeAccessor(&MultiLayerDtHelper::m_syncSlot),
                          MakeTimeChecker(MicroSeconds(100)))
            .AddAttribute("SyncDeadline",
                          "Latency requirement of a synchronization.",
                          TimeValue(MilliSeconds(50)),
                          MakeTimeAccessor(&MultiLayerDtHelper::m_syncDeadline),
                          MakeTimeChecker(MicroSeconds(1)))
            .AddAttribute("LteBandwidth",
                          "LTE uplink and downlink bandwidth, resource blocks (6, 15, 25, 50, "
                          "75 or 100).",
                          UintegerValue(25),
                          MakeUintegerAccessor(&MultiLayerDtHelper::m_lteRbs),
                          MakeUintegerChecker<uint16_t>(6, 100))
            .AddAttribute("EnbTxPower",
                          "Transmit power of the eNBs, dBm.",
                          DoubleValue(30),
                          MakeDoubleAccessor(&MultiLayerDtHelper::m_enbTxPower),
                          MakeDoubleChecker<double>(-50, 60))
            .AddAttribute("AutomaticHandover",
                          "LTE: the eNBs hand terminals over by A3-RSRP (false: only the "
                          "handovers requested with ScheduleHandover happen).",
                          BooleanValue(true),
                          MakeBooleanAccessor(&MultiLayerDtHelper::m_autoHandover),
                          MakeBooleanChecker())
            .AddAttribute(
                "NakagamiM",
                "Nakagami-m fast fading on every radio link (LTE and Wi-Fi), shape m >= 0.5 (1: "
                "Rayleigh; a Rician channel of factor K is approximated by m = "
                "(K + 1)^2 / (2K + 1)); 0: no fading.",
                DoubleValue(0),
                MakeDoubleAccessor(&MultiLayerDtHelper::m_nakagamiM),
                MakeDoubleChecker<double>(0, 100))
            .AddAttribute("HandoverHysteresis",
                          "Hysteresis of the A3-RSRP handover algorithm, dB.",
                          DoubleValue(3.0),
                          MakeDoubleAccessor(&MultiLayerDtHelper::m_hoHysteresis),
                          MakeDoubleChecker<double>(0, 15))
            .AddAttribute("HandoverTimeToTrigger",
                          "Time to trigger of the A3-RSRP handover algorithm.",
                          TimeValue(MilliSeconds(256)),
                          MakeTimeAccessor(&MultiLayerDtHelper::m_hoTimeToTrigger),
                          MakeTimeChecker(Seconds(0), Seconds(5.12)))
            .AddAttribute("EdgePgwDistanceKm",
                          "LTE: fibre length between each edge server and the PGW, km "
                          "(edge servers sit behind the PGW).",
                          DoubleValue(1.0),
                          MakeDoubleAccessor(&MultiLayerDtHelper::m_edgePgwKm),
                          MakeDoubleChecker<double>(0))
            .AddAttribute("PeerToPeer",
                          "Also connect the terminals by an 802.11a ad hoc network "
                          "(OfdmRate24Mbps, one channel), over which local DTs discover each "
                          "other and offload demands when their edge is unreachable.",
                          BooleanValue(false),
                          MakeBooleanAccessor(&MultiLayerDtHelper::m_peerToPeer),
                          MakeBooleanChecker())
            .AddAttribute("TerminalCapacityGflops",
                          "Compute capacity of a terminal.",
                          DoubleValue(1.0),
                          MakeDoubleAccessor(&MultiLayerDtHelper::m_terminalGflops),
                          MakeDoubleChecker<double>(1e-6))
            .AddAttribute("EdgeCapacityGflops",
                          "Compute capacity of an edge server.",
                          DoubleValue(20.0),
                          MakeDoubleAccessor(&MultiLayerDtHelper::m_edgeGflops),
                          MakeDoubleChecker<double>(1e-6))
            .AddAttribute("CloudCapacityGflops",
                          "Compute capacity of the cloud.",
                          DoubleValue(500.0),
                          MakeDoubleAccessor(&MultiLayerDtHelper::m_cloudGflops),
                          MakeDoubleChecker<double>(1e-6))
            .AddAttribute("EdgeCores",
                          "Parallel jobs on an edge server (capacity is shared).",
                          UintegerValue(1),
                          MakeUintegerAccessor(&MultiLayerDtHelper::m_edgeCores),
                          MakeUintegerChecker<uint32_t>(1, 4096))
            .AddAttribute("CloudCores",
                          "Parallel jobs on the cloud (capacity is shared).",
                          UintegerValue(1),
                          MakeUintegerAccessor(&MultiLayerDtHelper::m_cloudCores),
                          MakeUintegerChecker<uint32_t>(1, 4096))
            .AddAttribute("UplinkRate",
                          "Target access uplink rate: stations use the slowest VHT MCS whose "
                          "PHY rate reaches it.",
                          DataRateValue(DataRate("50Mbps")),
                          MakeDataRateAccessor(&MultiLayerDtHelper::m_uplinkRate),
                          MakeDataRateChecker())
            .AddAttribute("DownlinkRate",
                          "Target access downlink rate: access points use the slowest VHT MCS "
                          "whose PHY rate reaches it.",
                          DataRateValue(DataRate("200Mbps")),
                          MakeDataRateAccessor(&MultiLayerDtHelper::m_downlinkRate),
                          MakeDataRateChecker())
            .AddAttribute("FibreRate",
                          "Data rate of the edge-cloud and edge-edge fibre links.",
                          DataRateValue(DataRate("1Gbps")),
                          MakeDataRateAccessor(&MultiLayerDtHelper::m_fibreRate),
                          MakeDataRateChecker())
            .AddAttribute("EdgeCloudDistanceKm",
                          "Fibre length between an edge server and the cloud.",
                          DoubleValue(100.0),
                          MakeDoubleAccessor(&MultiLayerDtHelper::m_edgeCloudKm),
                          MakeDoubleChecker<double>(0, 40000))
            .AddAttribute("EdgeEdgeDistanceKm",
                          "Fibre length between neighbouring edge servers.",
                          DoubleValue(1.0),
                          MakeDoubleAccessor(&MultiLayerDtHelper::m_edgeEdgeKm),
                          MakeDoubleChecker<double>(0, 40000))
            .AddAttribute("FibreDelayPerKm",
                          "Propagation delay of fibre per km.",
                          TimeValue(MicroSeconds(5)),
                          MakeTimeAccessor(&MultiLayerDtHelper::m_fibreDelayPerKm),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("WifiRoaming",
                          "Wi-Fi: all access points share one channel, SSID and subnet and "
                          "the stations roam between them (DtWifiRoamingManager: on beacon "
                          "SNR, beacon loss, or ScheduleHandover); the edges' DT addresses "
                          "are then on their fibre side and static routes follow each "
                          "station's association. Rates adapt (IdealWifiManager). Else each "
                          "AP has its own channel, SSID and subnet, at constant rates.",
                          BooleanValue(false),
                          MakeBooleanAccessor(&MultiLayerDtHelper::m_wifiRoaming),
                          MakeBooleanChecker())
            .AddAttribute("WifiPathLossExponent",
                          "Wi-Fi log-distance path loss exponent (3, ns-3's default, suits "
                          "indoor and street level; about 2 for line of sight).",
                          DoubleValue(3.0),
                          MakeDoubleAccessor(&MultiLayerDtHelper::m_wifiExponent),
                          MakeDoubleChecker<double>(1.5, 6.0))
            .AddAttribute("WifiTxPower",
                          "Wi-Fi transmit power of access points and stations, dBm.",
                          DoubleValue(16.0206),
                          MakeDoubleAccessor(&MultiLayerDtHelper::m_wifiTxPower),
                          MakeDoubleChecker<double>(-10.0, 36.0))
            .AddAttribute("ChannelWidth",
                          "Wi-Fi channel width in MHz (20, 40, 80 or 160).",
                          UintegerValue(80),
                          MakeUintegerAccessor(&MultiLayerDtHelper::m_channelWidth),
                          MakeUintegerChecker<uint16_t>(20, 160))
            .AddAttribute("EdgeSpacing",
                          "Distance between neighbouring access points, m.",
                          DoubleValue(200.0),
                          MakeDoubleAccessor(&MultiLayerDtHelper::m_edgeSpacing),
                          MakeDoubleChecker<double>(0))
            .AddAttribute("TerminalRadius",
                          "Terminals are placed uniformly within this radius of their AP, m.",
                          DoubleValue(10.0),
                          MakeDoubleAccessor(&MultiLayerDtHelper::m_terminalRadius),
                          MakeDoubleChecker<double>(0))
            .AddAttribute("TerminalMobility",
                          "How terminals move: Static, or GaussMarkov within a square of "
                          "side 2 x TerminalRadius around their access point.",
                          EnumValue(MultiLayerDtHelper::STATIC),
                          DtMakeEnumAccessor<MultiLayerDtHelper::TerminalMobility>(
                              &MultiLayerDtHelper::m_mobility),
                          MakeEnumChecker(MultiLayerDtHelper::STATIC,
                                          "Static",
                                          MultiLayerDtHelper::GAUSS_MARKOV,
                                          "GaussMarkov"))
            .AddAttribute("MeanSpeed",
                          "Mean speed of Gauss-Markov terminals, m/s.",
                          DoubleValue(1.5),
                          MakeDoubleAccessor(&MultiLayerDtHelper::m_meanSpeed),
                          MakeDoubleChecker<double>(0, 1000))
            .AddAttribute("MobilityBounds",
                          "Area Gauss-Markov terminals move in (an empty box: a square of "
                          "side 2 x TerminalRadius around their AP with Wi-Fi, the row of "
                          "cells with LTE).",
                          BoxValue(Box(0, 0, 0, 0, 0, 0)),
                          MakeBoxAccessor(&MultiLayerDtHelper::m_mobilityBounds),
                          MakeBoxChecker())
            .AddAttribute("GaussMarkovAlpha",
                          "Memory of the Gauss-Markov model, in [0, 1] (1: constant "
                          "velocity, 0: memoryless).",
                          DoubleValue(0.85),
                          MakeDoubleAccessor(&MultiLayerDtHelper::m_gmAlpha),
                          MakeDoubleChecker<double>(0, 1))
            .AddAttribute("GaussMarkovTimeStep",
                          "Period at which Gauss-Markov terminals draw a new velocity.",
                          TimeValue(Seconds(1)),
                          MakeTimeAccessor(&MultiLayerDtHelper::m_gmTimeStep),
                          MakeTimeChecker(MilliSeconds(1)))
            .AddAttribute("DemandRate",
                          "Mean demands per second of each terminal (Poisson).",
                          DoubleValue(2.0),
                          MakeDoubleAccessor(&MultiLayerDtHelper::m_demandRate),
                          MakeDoubleChecker<double>(0, 1e6))
            .AddAttribute("SimTime",
                          "How long terminals create demands (after the warm-up second).",
                          TimeValue(Seconds(10)),
                          MakeTimeAccessor(&MultiLayerDtHelper::m_simTime),
                          MakeTimeChecker(MilliSeconds(1)))
            .AddAttribute("DrainTime",
                          "Time after SimTime for the last demands to finish before the DTs "
                          "stop (pending demands then fail with simulation-end).",
                          TimeValue(Seconds(10)),
                          MakeTimeAccessor(&MultiLayerDtHelper::m_drainTime),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("AnomalyRate",
                          "Sensor anomalies injected per second per terminal (0: none), to "
                          "measure the detectors.",
                          DoubleValue(0),
                          MakeDoubleAccessor(&MultiLayerDtHelper::m_anomalyRate),
                          MakeDoubleChecker<double>(0, 1000))
            .AddAttribute("AppUsage",
                          "Terminals run the default app-usage Markov chain, which shapes "
                          "their demand rate and class mix (false: constant rate and mix).",
                          BooleanValue(true),
                          MakeBooleanAccessor(&MultiLayerDtHelper::m_appUsage),
                          MakeBooleanChecker())
            .AddAttribute("BatteryEnergy",
                          "Initial battery energy of a terminal, J, drained by its Wi-Fi "
                          "radios and its processor (0: no battery model).",
                          DoubleValue(40000),
                          MakeDoubleAccessor(&MultiLayerDtHelper::m_batteryEnergy),
                          MakeDoubleChecker<double>(0))
            .AddAttribute("StatusInterval",
                          "Period of the local DTs' status updates.",
                          TimeValue(MilliSeconds(100)),
                          MakeTimeAccessor(&MultiLayerDtHelper::m_statusInterval),
                          MakeTimeChecker(MilliSeconds(1)))
            .AddAttribute("LossRate",
                          "Probability that a packet is lost on each access (Wi-Fi, wired; "
                          "LTE: the edge-PGW links) and fibre link it crosses, in [0, 1].",
                          DoubleValue(0),
                          MakeDoubleAccessor(&MultiLayerDtHelper::m_lossRate),
                          MakeDoubleChecker<double>(0, 1))
            .AddAttribute("FailedEdge",
                          "Index of the edge server that fails at EdgeFailureTime.",
                          UintegerValue(0),
                          MakeUintegerAccessor(&MultiLayerDtHelper::m_failedEdge),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("EdgeFailureTime",
                          "When edge server FailedEdge fails: its DT crashes, its links go "
                          "down, its access point switches off (0: never).",
                          TimeValue(Seconds(0)),
                          MakeTimeAccessor(&MultiLayerDtHelper::m_edgeFailAt),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("EdgeRecoveryTime",
                          "When the failed edge server comes back, its DT with empty state "
                          "(0: never; else after EdgeFailureTime).",
                          TimeValue(Seconds(0)),
                          MakeTimeAccessor(&MultiLayerDtHelper::m_edgeRecoverAt),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("EdgeFailover",
                          "LTE access: local DTs take an edge DT silent for 2 s (or whose "
                          "join failed) as lost and fail over to another edge DT, all of "
                          "which the PGW reaches. (With Wi-Fi or wired access the edge node is "
                          "the terminals' access: there is nothing to fail over to.)",
                          BooleanValue(true),
                          MakeBooleanAccessor(&MultiLayerDtHelper::m_edgeFailover),
                          MakeBooleanChecker())
            .AddAttribute("MalformedInterval",
                          "Period of the malformed DT datagrams a DtMalformedInjector on the "
                          "cloud node sends to every DT in turn (0: no injector).",
                          TimeValue(Seconds(0)),
                          MakeTimeAccessor(&MultiLayerDtHelper::m_malformedInterval),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("MalformedPort",
                          "Port the injector sends to: 0 for the DTs' port; another port "
                          "gets a discarding socket on every DT node (the control run).",
                          UintegerValue(0),
                          MakeUintegerAccessor(&MultiLayerDtHelper::m_malformedPort),
                          MakeUintegerChecker<uint16_t>());
    return tid;
}

/// DTs start after this warm-up (Wi-Fi association, ARP).
static const Time WARMUP = Seconds(1);

// Every random variable of a scenario gets an explicit stream, so that a run
// depends on RngRun only: the same in a fresh process or after other runs in
// the same process (the two architectures of one comparison, for example).
static constexpr int64_t STREAM_POSITIONS = 0;         //!< terminal placement, + edge
static constexpr int64_t STREAM_INTERNET = 1000;       //!< IP stacks
static constexpr int64_t STREAM_WIFI = 10000000;       //!< Wi-Fi, + 1000000 per edge
static constexpr int64_t STREAM_DTS = 1000000000;      //!< DT demand generators
static constexpr int64_t STREAM_ADHOC = 2000000000;    //!< terminals' ad hoc devices
static constexpr int64_t STREAM_MOBILITY = 3000000000; //!< terminals' mobility models
static constexpr int64_t STREAM_LTE = 4000000000;      //!< LTE devices
static constexpr int64_t STREAM_FAULTS = 5000000000;   //!< fault models, + device

MultiLayerDtHelper::MultiLayerDtHelper()
    : m_book(CreateObject<DtAddressBook>())
    , m_stats(CreateObject<DtStatsCollector>())
{
    m_localFactory.SetTypeId(LocalDtApplication::GetTypeId());
    m_edgeFactory.SetTypeId(EdgeDtApplication::GetTypeId());
    m_cloudFactory.SetTypeId(CloudDtApplication::GetTypeId());
    SetDefaultDemandClasses();
}

MultiLayerDtHelper::~MultiLayerDtHelper()
{
}

void
MultiLayerDtHelper::DoDispose()
{
    m_book = nullptr;
    m_stats = nullptr;
    m_flowMonitor = nullptr;
    m_flowHelper.reset();
    m_roaming.clear();
    m_edgeApps.clear();
    m_faults.clear();
    for (auto& socket : m_discard)
    {
        socket->Close();
    }
    m_discard.clear();
    m_terminalNodes = NodeContainer();
    m_edgeNodes = NodeContainer();
    m_cloudNode = NodeContainer();
    Object::DoDispose();
}

void
MultiLayerDtHelper::SetDefaultDemandClasses()
{
    // Three classes after the paper's demand levels (Section III.A): light
    // control demands with tight deadlines, regional demands for the edge, and
    // heavy analytics. The paper states no sizes; these are ours (see doc/).
    ObjectFactory control("ns3::DtDemandClass");
    control.Set("Name", StringValue("control"));
    control.Set("Weight", DoubleValue(0.5));
    control.Set("Priority", UintegerValue(6));
    control.Set("Workload", StringValue("ns3::UniformRandomVariable[Min=0.02|Max=0.1]"));
    control.Set("InputBytes", StringValue("ns3::UniformRandomVariable[Min=200|Max=2000]"));
    control.Set("OutputBytes", StringValue("ns3::ConstantRandomVariable[Constant=200]"));
    control.Set("Deadline", StringValue("ns3::ConstantRandomVariable[Constant=0.1]"));

    ObjectFactory regional("ns3::DtDemandClass");
    regional.Set("Name", StringValue("regional"));
    regional.Set("Weight", DoubleValue(0.35));
    regional.Set("Priority", UintegerValue(3));
    regional.Set("Workload", StringValue("ns3::UniformRandomVariable[Min=0.5|Max=4]"));
    regional.Set("InputBytes", StringValue("ns3::UniformRandomVariable[Min=10000|Max=100000]"));
    regional.Set("OutputBytes", StringValue("ns3::UniformRandomVariable[Min=1000|Max=10000]"));
    regional.Set("Deadline", StringValue("ns3::ConstantRandomVariable[Constant=1.0]"));

    ObjectFactory analytics("ns3::DtDemandClass");
    analytics.Set("Name", StringValue("analytics"));
    analytics.Set("Weight", DoubleValue(0.15));
    analytics.Set("Priority", UintegerValue(1));
    analytics.Set("Workload", StringValue("ns3::UniformRandomVariable[Min=50|Max=200]"));
    analytics.Set("InputBytes", StringValue("ns3::UniformRandomVariable[Min=200000|Max=1000000]"));
    analytics.Set("OutputBytes", StringValue("ns3::ConstantRandomVariable[Constant=20000]"));
    analytics.Set("Deadline", StringValue("ns3::ConstantRandomVariable[Constant=5.0]"));

    m_classes = {control, regional, analytics};
}

uint32_t
MultiLayerDtHelper::GetCellOfEdge(uint32_t e) const
{
    if (m_access == LTE)
    {
        return DynamicCast<LteEnbNetDevice>(m_enbDevices.Get(e))->GetCellId();
    }
    return e; // Wi-Fi: the AP's index
}

void
MultiLayerDtHelper::ScheduleHandover(Time at, Ptr<Node> terminal, uint32_t targetEdge)
{
    NS_ABORT_MSG_IF(!m_built || (m_access != LTE && !m_wifiRoaming),
                    "MultiLayerDtHelper::ScheduleHandover needs a built LTE or WifiRoaming "
                    "scenario");
    NS_ABORT_MSG_IF(targetEdge != NEXT_EDGE && targetEdge >= m_edges,
                    "ScheduleHandover: no edge " << targetEdge << " (" << m_edges << " edges)");
    Simulator::Schedule(at - Simulator::Now(),
                        &MultiLayerDtHelper::DoHandover,
                        this,
                        TerminalIndex(terminal),
                        targetEdge);
}

void
MultiLayerDtHelper::DoHandover(uint32_t terminal, uint32_t targetEdge)
{
    if (m_access == WIFI)
    {
        const uint32_t source = m_servingEdge[terminal];
        const uint32_t target = targetEdge == NEXT_EDGE ? (source + 1) % m_edges : targetEdge;
        m_roaming[terminal]->RoamTo(m_apMac[target]);
        return;
    }
    Ptr<LteUeNetDevice> ue = DynamicCast<LteUeNetDevice>(m_ueDevices.Get(terminal));
    const uint16_t cell = ue->GetRrc()->GetCellId();
    uint32_t source = m_edges;
    for (uint32_t e = 0; e < m_edges; ++e)
    {
        if (GetCellOfEdge(e) == cell)
        {
            source = e;
        }
    }
    if (source == m_edges || ue->GetRrc()->GetState() != LteUeRrc::CONNECTED_NORMALLY)
    {
        NS_LOG_LOGIC("terminal " << terminal << " not connected to a cell: handover skipped");
        return;
    }
    const uint32_t target = targetEdge == NEXT_EDGE ? (source + 1) % m_edges : targetEdge;
    if (target == source)
    {
        return;
    }
    m_lte->HandoverRequest(Seconds(0), ue, m_enbDevices.Get(source), m_enbDevices.Get(target));
}

void
MultiLayerDtHelper::SetEdgePositions(const std::vector<Vector>& positions)
{
    NS_ABORT_MSG_IF(m_built, "MultiLayerDtHelper: set the edge positions before Build");
    m_sites = positions;
}

void
MultiLayerDtHelper::SetTerminalMobilityModel(const ObjectFactory& factory)
{
    NS_ABORT_MSG_IF(m_built, "MultiLayerDtHelper: set the terminal mobility before Build");
    m_mobilityFactory = factory;
}

void
MultiLayerDtHelper::SetDemandClasses(const std::vector<ObjectFactory>& classes)
{
    NS_ABORT_MSG_IF(classes.empty(), "MultiLayerDtHelper: at least one demand class is needed");
    m_classes = classes;
}

const std::vector<ObjectFactory>&
MultiLayerDtHelper::GetDemandClasses() const
{
    return m_classes;
}

void
MultiLayerDtHelper::SetLocalDtAttribute(const std::string& name, const AttributeValue& value)
{
    m_localFactory.Set(name, value);
}

void
MultiLayerDtHelper::SetEdgeDtAttribute(const std::string& name, const AttributeValue& value)
{
    m_edgeFactory.Set(name, value);
}

void
MultiLayerDtHelper::SetCloudDtAttribute(const std::string& name, const AttributeValue& value)
{
    m_cloudFactory.Set(name, value);
}

namespace
{

/**
 * \param target a PHY rate to reach, bit/s
 * \param width channel width, MHz
 * \return the name of the slowest VHT MCS (1 stream, 800 ns GI) reaching it
 */
std::string
SlowestVhtModeReaching(uint64_t target, uint16_t width)
{
    for (uint8_t mcs = 0; mcs <= 9; ++mcs)
    {
        WifiMode mode = VhtPhy::GetVhtMcs(mcs);
        if (width == 20 && mcs == 9)
        {
            continue; // VHT-MCS 9 is not defined for 20 MHz, 1 stream
        }
        if (mode.GetDataRate(width, DtGuardInterval(800), 1) >= target)
        {
            return mode.GetUniqueName();
        }
    }
    NS_FATAL_ERROR("no VHT MCS at " << width << " MHz reaches " << target
                                    << " bit/s (try a wider ChannelWidth or a lower rate)");
    return "";
}

} // namespace

void
MultiLayerDtHelper::Build()
{
    NS_LOG_FUNCTION(this);
    NS_ABORT_MSG_IF(m_built, "MultiLayerDtHelper::Build called twice");
    NS_ABORT_MSG_IF(m_channelWidth != 20 && m_channelWidth != 40 && m_channelWidth != 80
                        && m_channelWidth != 160,
                    "ChannelWidth=" << m_channelWidth << " is not 20, 40, 80 or 160 MHz");
    m_cloudNode.Create(1);
    m_edgeNodes.Create(m_edges);
    m_terminalNodes.Create(m_terminals);
    m_edgeOf.resize(m_terminals);
    for (uint32_t i = 0; i < m_terminals; ++i)
    {
        m_edgeOf[i] = i % m_edges;
    }
    InternetStackHelper internet;
    internet.Install(GetDtNodes());
    internet.AssignStreams(GetDtNodes(), STREAM_INTERNET);
    PlaceNodes();
    MobilityHelper().AssignStreams(m_terminalNodes, STREAM_MOBILITY);
    if (m_access == LTE)
    {
        BuildLte();
    }
    else if (m_access == WIRED)
    {
        BuildWired();
    }
    else if (m_wifiRoaming)
    {
        BuildWifiRoaming();
    }
    else
    {
        BuildWifi();
    }
    BuildFibre();
    if (m_peerToPeer)
    {
        BuildAdhoc();
    }
    if (m_batteryEnergy > 0)
    {
        BuildEnergy();
    }
    NS_ABORT_MSG_IF(m_edgeFailAt.IsStrictlyPositive() && m_failedEdge >= m_edges,
                    "FailedEdge=" << m_failedEdge << " is not an edge index (0.." << m_edges - 1
                                  << ")");
    NS_ABORT_MSG_IF(m_edgeRecoverAt.IsStrictlyPositive() && m_edgeRecoverAt <= m_edgeFailAt,
                    "EdgeRecoveryTime=" << m_edgeRecoverAt.As(Time::S)
                                        << " must come after EdgeFailureTime="
                                        << m_edgeFailAt.As(Time::S));
    if (m_lossRate > 0 || m_edgeFailAt.IsStrictlyPositive())
    {
        BuildFaults();
    }
    if (m_access == LTE)
    {
        RouteLte(); // global routing does not handle the EPC's nodes
    }
    else if (m_access == WIRED)
    {
        RouteWired();
    }
    else if (m_wifiRoaming)
    {
        RouteWifiRoaming(); // one subnet over several APs: routes follow the stations
    }
    else
    {
        Ipv4GlobalRoutingHelper::PopulateRoutingTables();
    }
    m_built = true;
}

void
MultiLayerDtHelper::PlaceNodes()
{
    // Positions: access points on a line, terminals on a disc around theirs.
    MobilityHelper fixed;
    Ptr<ListPositionAllocator> apPos = CreateObject<ListPositionAllocator>();
    NS_ABORT_MSG_IF(!m_sites.empty() && m_sites.size() != m_edges,
                    m_sites.size() << " edge positions for " << m_edges << " edges");
    for (uint32_t e = 0; e < m_edges; ++e)
    {
        apPos->Add(m_sites.empty() ? Vector(e * m_edgeSpacing, 0, 0) : m_sites[e]);
    }
    fixed.SetPositionAllocator(apPos);
    fixed.SetMobilityModel("ns3::ConstantPositionMobilityModel");
    fixed.Install(m_edgeNodes);
    fixed.Install(m_cloudNode);

    for (uint32_t e = 0; e < m_edges; ++e)
    {
        NodeContainer stas;
        for (uint32_t i = 0; i < m_terminals; ++i)
        {
            if (m_edgeOf[i] == e)
            {
                stas.Add(m_terminalNodes.Get(i));
            }
        }
        Ptr<UniformDiscPositionAllocator> around = CreateObject<UniformDiscPositionAllocator>();
        const Vector site = m_edgeNodes.Get(e)->GetObject<MobilityModel>()->GetPosition();
        around->SetX(site.x);
        around->SetY(site.y);
        around->SetRho(m_terminalRadius);
        around->AssignStreams(STREAM_POSITIONS + e);
        ObjectFactory model = m_mobilityFactory;
        if (model.GetTypeId() == TypeId())
        {
            model.SetTypeId("ns3::ConstantPositionMobilityModel");
            if (m_mobility == GAUSS_MARKOV)
            {
                // Wi-Fi: a square around the terminal's AP (no roaming);
                // LTE: the whole row of cells (handover).
                const double r = std::max(m_terminalRadius, 1.0);
                const bool roams = m_access == LTE || m_wifiRoaming;
                double x0 = roams ? -r : site.x - r;
                double x1 = roams ? (m_edges - 1) * m_edgeSpacing + r : site.x + r;
                double y0 = site.y - r;
                double y1 = site.y + r;
                if (m_mobilityBounds.xMax > m_mobilityBounds.xMin
                    && m_mobilityBounds.yMax > m_mobilityBounds.yMin)
                {
                    x0 = m_mobilityBounds.xMin;
                    x1 = m_mobilityBounds.xMax;
                    y0 = m_mobilityBounds.yMin;
                    y1 = m_mobilityBounds.yMax;
                }
                std::ostringstream speed;
                speed << "ns3::ConstantRandomVariable[Constant=" << m_meanSpeed << "]";
                model.SetTypeId("ns3::GaussMarkovMobilityModel");
                model.Set("Bounds", BoxValue(Box(x0, x1, y0, y1, 0, 0)));
                model.Set("TimeStep", TimeValue(m_gmTimeStep));
                model.Set("Alpha", DoubleValue(m_gmAlpha));
                model.Set("MeanVelocity", StringValue(speed.str()));
                model.Set("MeanPitch", StringValue("ns3::ConstantRandomVariable[Constant=0]"));
                model.Set("NormalPitch",
                          StringValue("ns3::NormalRandomVariable[Mean=0|Variance=0]"));
            }
        }
        for (uint32_t k = 0; k < stas.GetN(); ++k)
        {
            Ptr<MobilityModel> mm = model.Create<MobilityModel>();
            NS_ABORT_MSG_IF(!mm,
                            "terminal mobility: " << model.GetTypeId().GetName()
                                                  << " is not an ns3::MobilityModel");
            stas.Get(k)->AggregateObject(mm);
            mm->SetPosition(around->GetNext());
        }
    }
}

void
MultiLayerDtHelper::BuildLte()
{
    static const std::set<uint16_t> rbs{6, 15, 25, 50, 75, 100};
    NS_ABORT_MSG_IF(rbs.count(m_lteRbs) == 0,
                    "LteBandwidth=" << m_lteRbs << " is not 6, 15, 25, 50, 75 or 100 RBs");
    m_lte = CreateObject<LteHelper>();
    m_epc = CreateObject<PointToPointEpcHelper>();
    m_lte->SetEpcHelper(m_epc);
    if (m_autoHandover)
    {
        m_lte->SetHandoverAlgorithmType("ns3::A3RsrpHandoverAlgorithm");
        m_lte->SetHandoverAlgorithmAttribute("Hysteresis", DoubleValue(m_hoHysteresis));
        m_lte->SetHandoverAlgorithmAttribute("TimeToTrigger", TimeValue(m_hoTimeToTrigger));
    }
    else
    {
        m_lte->SetHandoverAlgorithmType("ns3::NoOpHandoverAlgorithm");
    }
    m_lte->SetEnbDeviceAttribute("DlBandwidth", UintegerValue(m_lteRbs));
    m_lte->SetEnbDeviceAttribute("UlBandwidth", UintegerValue(m_lteRbs));

    // One eNB at each edge site.
    m_enbNodes.Create(m_edges);
    MobilityHelper fixed;
    Ptr<ListPositionAllocator> sites = CreateObject<ListPositionAllocator>();
    for (uint32_t e = 0; e < m_edges; ++e)
    {
        sites->Add(m_edgeNodes.Get(e)->GetObject<MobilityModel>()->GetPosition());
    }
    fixed.SetPositionAllocator(sites);
    fixed.SetMobilityModel("ns3::ConstantPositionMobilityModel");
    fixed.Install(m_enbNodes);
    m_enbDevices = m_lte->InstallEnbDevice(m_enbNodes);
    if (m_nakagamiM > 0)
    {
        NS_ABORT_MSG_IF(m_nakagamiM < 0.5, "NakagamiM=" << m_nakagamiM << " is below 0.5");
        int64_t stream = STREAM_LTE + 2000000;
        for (Ptr<SpectrumChannel> channel :
             {m_lte->GetDownlinkSpectrumChannel(), m_lte->GetUplinkSpectrumChannel()})
        {
            Ptr<NakagamiPropagationLossModel> fading = CreateObject<NakagamiPropagationLossModel>();
            fading->SetAttribute("m0", DoubleValue(m_nakagamiM));
            fading->SetAttribute("m1", DoubleValue(m_nakagamiM));
            fading->SetAttribute("m2", DoubleValue(m_nakagamiM));
            stream += fading->AssignStreams(stream);
            channel->AddPropagationLossModel(fading); // on top of the path loss
        }
    }
    // An eNB serves as many UEs as its SRS periodicity (ms) allows; any
    // terminal may end up in any cell.
    uint32_t srs = 40;
    while (srs < m_terminals && srs < 320)
    {
        srs *= 2;
    }
    NS_ABORT_MSG_IF(m_terminals > 320,
                    "LTE access: " << m_terminals << " terminals, more than the 320 an eNB "
                                   << "can serve (SRS periodicity)");
    for (uint32_t e = 0; e < m_edges; ++e)
    {
        Ptr<LteEnbNetDevice> enb = DynamicCast<LteEnbNetDevice>(m_enbDevices.Get(e));
        enb->GetPhy()->SetTxPower(m_enbTxPower);
        enb->GetRrc()->SetAttribute("SrsPeriodicity", UintegerValue(srs));
    }
    m_ueDevices = m_lte->InstallUeDevice(m_terminalNodes);
    m_lte->AssignStreams(m_enbDevices, STREAM_LTE);
    m_lte->AssignStreams(m_ueDevices, STREAM_LTE + 1000000);

    m_terminalAddr.resize(m_terminals);
    m_edgeAddr.resize(m_edges);
    Ipv4InterfaceContainer ueIf = m_epc->AssignUeIpv4Address(m_ueDevices);
    Ipv4StaticRoutingHelper routing;
    for (uint32_t i = 0; i < m_terminals; ++i)
    {
        m_terminalAddr[i] = ueIf.GetAddress(i);
        Ptr<Ipv4> ipv4 = m_terminalNodes.Get(i)->GetObject<Ipv4>();
        routing.GetStaticRouting(ipv4)->SetDefaultRoute(
            m_epc->GetUeDefaultGatewayAddress(), ipv4->GetInterfaceForDevice(m_ueDevices.Get(i)));
        m_lte->Attach(m_ueDevices.Get(i), m_enbDevices.Get(m_edgeOf[i]));
    }
    m_lte->AddX2Interface(m_enbNodes);

    // Edge servers sit behind the PGW, each on its own fibre.
    PointToPointHelper link;
    link.SetDeviceAttribute("DataRate", DataRateValue(m_fibreRate));
    link.SetChannelAttribute("Delay", TimeValue(m_fibreDelayPerKm * m_edgePgwKm));
    for (uint32_t e = 0; e < m_edges; ++e)
    {
        NetDeviceContainer d = link.Install(m_edgeNodes.Get(e), m_epc->GetPgwNode());
        Ipv4AddressHelper ip;
        std::ostringstream base;
        base << "172.20." << e << ".0";
        ip.SetBase(base.str().c_str(), "255.255.255.0");
        m_edgeAddr[e] = ip.Assign(d).GetAddress(0);
        m_fibreDevices.Add(d);
    }
}

void
MultiLayerDtHelper::RouteLte()
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
    Ptr<Ipv4> cloud = m_cloudNode.Get(0)->GetObject<Ipv4>();
    Ptr<Ipv4> pgw = m_epc->GetPgwNode()->GetObject<Ipv4>();
    for (uint32_t e = 0; e < m_edges; ++e)
    {
        Ptr<Ipv4> edge = m_edgeNodes.Get(e)->GetObject<Ipv4>();
        routing.GetStaticRouting(edge)->SetDefaultRoute(
            Ipv4Address(net("172.20.", e, ".2").c_str()), ifFor(edge, net("172.20.", e, ".0")));
        if (e > 0)
        {
            routing.GetStaticRouting(edge)->AddHostRouteTo(
                m_cloudAddr,
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
}

/**
 * \param exponent log-distance path loss exponent
 * \param nakagamiM Nakagami-m fading shape on top (0: none)
 * \param stream random stream of the fading
 * \return a Wi-Fi channel with that path loss, at the speed of light
 */
static Ptr<YansWifiChannel>
CreateWifiChannel(double exponent, double nakagamiM, int64_t stream)
{
    Ptr<YansWifiChannel> channel = CreateObject<YansWifiChannel>();
    channel->SetPropagationDelayModel(CreateObject<ConstantSpeedPropagationDelayModel>());
    Ptr<LogDistancePropagationLossModel> loss = CreateObject<LogDistancePropagationLossModel>();
    loss->SetAttribute("Exponent", DoubleValue(exponent));
    if (nakagamiM > 0)
    {
        Ptr<NakagamiPropagationLossModel> fading = CreateObject<NakagamiPropagationLossModel>();
        fading->SetAttribute("m0", DoubleValue(nakagamiM));
        fading->SetAttribute("m1", DoubleValue(nakagamiM));
        fading->SetAttribute("m2", DoubleValue(nakagamiM));
        fading->AssignStreams(stream);
        loss->SetNext(fading);
    }
    channel->SetPropagationLossModel(loss);
    return channel;
}

/**
 * \param channel the channel
 * \param txPower transmit power, dBm
 * \return a PHY helper on that channel, radiotap PCAP
 */
static YansWifiPhyHelper
WifiPhyOn(Ptr<YansWifiChannel> channel, double txPower)
{
    YansWifiPhyHelper phy;
    phy.SetChannel(channel);
    phy.Set("TxPowerStart", DoubleValue(txPower));
    phy.Set("TxPowerEnd", DoubleValue(txPower));
    phy.SetPcapDataLinkType(WifiPhyHelper::DLT_IEEE802_11_RADIO);
    return phy;
}

void
MultiLayerDtHelper::BuildWifiRoaming()
{
    m_terminalAddr.resize(m_terminals);
    m_edgeAddr.resize(m_edges);
    std::ostringstream channel;
    channel << "{0, " << m_channelWidth << ", BAND_5GHZ, 0}";
    YansWifiPhyHelper phy = WifiPhyOn(
        CreateWifiChannel(m_wifiExponent, m_nakagamiM, STREAM_WIFI + 950000), m_wifiTxPower);
    phy.Set("ChannelSettings", StringValue(channel.str()));
    WifiHelper wifi;
    wifi.SetStandard(WIFI_STANDARD_80211ac);
    // Distances vary as stations move: rates follow the SNR.
    wifi.SetRemoteStationManager("ns3::IdealWifiManager");
    WifiMacHelper mac;
    const Ssid ssid("mldt");
    mac.SetType("ns3::StaWifiMac", "Ssid", SsidValue(ssid));
    NetDeviceContainer staDevs = wifi.Install(phy, mac, m_terminalNodes);
    mac.SetType("ns3::ApWifiMac", "Ssid", SsidValue(ssid));
    NetDeviceContainer apDevs = wifi.Install(phy, mac, m_edgeNodes);
    wifi.AssignStreams(staDevs, STREAM_WIFI);
    wifi.AssignStreams(apDevs, STREAM_WIFI + 900000);

    Ipv4AddressHelper ip("10.1.0.0", "255.255.0.0");
    ip.Assign(apDevs);
    Ipv4InterfaceContainer staIf = ip.Assign(staDevs);
    for (uint32_t e = 0; e < m_edges; ++e)
    {
        m_apMac.push_back(DynamicCast<WifiNetDevice>(apDevs.Get(e))->GetMac()->GetAddress());
    }
    m_servingEdge = m_edgeOf; // until the stations associate
    for (uint32_t i = 0; i < m_terminals; ++i)
    {
        m_terminalAddr[i] = staIf.GetAddress(i);
        Ptr<StaWifiMac> sta =
            DynamicCast<StaWifiMac>(DynamicCast<WifiNetDevice>(staDevs.Get(i))->GetMac());
        Ptr<DtWifiRoamingManager> roaming = CreateObject<DtWifiRoamingManager>();
        sta->SetAssocManager(roaming);
        roaming->Start();
        m_roaming.push_back(roaming);
        sta->TraceConnectWithoutContext("Assoc",
                                        Callback<void, Mac48Address>(
                                            [this, i](Mac48Address bssid)
                                            {
                                                StationAssociated(i, bssid);
                                            }));
    }
    m_accessDevices.Add(apDevs);
    m_accessDevices.Add(staDevs);
    m_staDevices = staDevs;
}

uint32_t
MultiLayerDtHelper::ChainNextHop(uint32_t from, uint32_t to, Ipv4Address& nextHop) const
{
    // Edges e and e+1 share 172.17.e.0/24: e is .1, e+1 is .2.
    const uint32_t link = to > from ? from : from - 1;
    std::ostringstream net;
    net << "172.17." << link << ".0";
    std::ostringstream hop;
    hop << "172.17." << link << (to > from ? ".2" : ".1");
    nextHop = Ipv4Address(hop.str().c_str());
    Ptr<Ipv4> ipv4 = m_edgeNodes.Get(from)->GetObject<Ipv4>();
    const int32_t i =
        ipv4->GetInterfaceForPrefix(Ipv4Address(net.str().c_str()), Ipv4Mask("255.255.255.0"));
    NS_ABORT_MSG_IF(i < 0, "Wi-Fi routes: edge " << from << " has no link " << net.str());
    return static_cast<uint32_t>(i);
}

/**
 * Replace the routes to a destination.
 * \param routing a node's static routing
 * \param dest the destination
 * \param mask its mask
 * \param nextHop the gateway (0.0.0.0: none, on-link; the routes are only removed)
 * \param interface the output interface
 */
static void
ReplaceRoute(Ptr<Ipv4StaticRouting> routing,
             Ipv4Address dest,
             Ipv4Mask mask,
             Ipv4Address nextHop,
             uint32_t interface)
{
    for (uint32_t r = routing->GetNRoutes(); r-- > 0;)
    {
        const Ipv4RoutingTableEntry e = routing->GetRoute(r);
        if (e.GetDest() == dest && e.GetDestNetworkMask() == mask && e.IsGateway())
        {
            routing->RemoveRoute(r);
        }
    }
    if (nextHop != Ipv4Address::GetAny())
    {
        routing->AddNetworkRouteTo(dest, mask, nextHop, interface);
    }
}

void
MultiLayerDtHelper::RouteStation(uint32_t terminal, uint32_t edge)
{
    Ipv4StaticRoutingHelper routing;
    const Ipv4Address sta = m_terminalAddr[terminal];
    const Ipv4Mask host("255.255.255.255");
    // The station: through its AP.
    Ptr<Ipv4> t = m_terminalNodes.Get(terminal)->GetObject<Ipv4>();
    const uint32_t wifiIf = t->GetInterfaceForDevice(m_staDevices.Get(terminal));
    ReplaceRoute(routing.GetStaticRouting(t),
                 Ipv4Address::GetAny(),
                 Ipv4Mask::GetZero(),
                 Ipv4Address(0x0a010000 + edge + 1), // 10.1.0.(edge + 1), the AP
                 wifiIf);
    // The edges: on-link from the serving AP, along the chain from the others.
    for (uint32_t f = 0; f < m_edges; ++f)
    {
        Ipv4Address hop = Ipv4Address::GetAny();
        const uint32_t out = f == edge ? 0 : ChainNextHop(f, edge, hop);
        ReplaceRoute(
            routing.GetStaticRouting(m_edgeNodes.Get(f)->GetObject<Ipv4>()), sta, host, hop, out);
    }
    // The cloud: through the serving edge's fibre.
    Ptr<Ipv4> cloud = m_cloudNode.Get(0)->GetObject<Ipv4>();
    std::ostringstream net;
    net << "172.16." << edge << ".0";
    const int32_t up =
        cloud->GetInterfaceForPrefix(Ipv4Address(net.str().c_str()), Ipv4Mask("255.255.255.0"));
    ReplaceRoute(routing.GetStaticRouting(cloud), sta, host, m_edgeAddr[edge], up);
}

void
MultiLayerDtHelper::StationAssociated(uint32_t terminal, Mac48Address bssid)
{
    for (uint32_t e = 0; e < m_edges; ++e)
    {
        if (m_apMac[e] == bssid && m_servingEdge[terminal] != e)
        {
            NS_LOG_INFO("terminal " << terminal << " now behind edge " << e);
            m_servingEdge[terminal] = e;
            RouteStation(terminal, e);
        }
    }
}

void
MultiLayerDtHelper::RouteWifiRoaming()
{
    Ipv4StaticRoutingHelper routing;
    for (uint32_t e = 0; e < m_edges; ++e)
    {
        Ptr<Ipv4StaticRouting> r = routing.GetStaticRouting(m_edgeNodes.Get(e)->GetObject<Ipv4>());
        std::ostringstream up;
        up << "172.16." << e << ".2";
        if (e > 0)
        {
            // The cloud's DT address is on edge 0's link.
            r->AddHostRouteTo(
                m_cloudAddr,
                Ipv4Address(up.str().c_str()),
                m_edgeNodes.Get(e)->GetObject<Ipv4>()->GetInterfaceForAddress(m_edgeAddr[e]));
        }
        for (uint32_t f = 0; f < m_edges; ++f)
        {
            if (f != e)
            {
                Ipv4Address hop;
                const uint32_t out = ChainNextHop(e, f, hop);
                r->AddHostRouteTo(m_edgeAddr[f], hop, out);
            }
        }
        // The chain links themselves: a packet an edge sends along the chain
        // carries the address of its chain interface, and is answered there.
        for (uint32_t l = 0; l + 1 < m_edges; ++l)
        {
            if (l + 1 < e || l > e)
            {
                std::ostringstream net;
                net << "172.17." << l << ".0";
                Ipv4Address hop;
                const uint32_t out = ChainNextHop(e, l > e ? l : l + 1, hop);
                r->AddNetworkRouteTo(
                    Ipv4Address(net.str().c_str()), Ipv4Mask("255.255.255.0"), hop, out);
            }
        }
    }
    for (uint32_t i = 0; i < m_terminals; ++i)
    {
        RouteStation(i, m_servingEdge[i]);
    }
}

void
MultiLayerDtHelper::BuildWired()
{
    m_terminalAddr.resize(m_terminals);
    m_edgeAddr.resize(m_edges);
    PointToPointHelper link;
    link.SetDeviceAttribute("DataRate", DataRateValue(m_uplinkRate));
    link.SetChannelAttribute("Delay", TimeValue(MicroSeconds(1)));
    std::vector<uint32_t> onEdge(m_edges, 0);
    for (uint32_t i = 0; i < m_terminals; ++i)
    {
        const uint32_t e = m_edgeOf[i];
        NetDeviceContainer d = link.Install(m_terminalNodes.Get(i), m_edgeNodes.Get(e));
        // Edge e's terminals share 10.(e+1).0.0/16, a /30 each.
        const uint32_t k = onEdge[e]++;
        NS_ABORT_MSG_IF(k >= 16384,
                        "Access=Wired: more than 16384 terminals on edge " << e << "; add edges");
        Ipv4AddressHelper ip;
        ip.SetBase(Ipv4Address((10u << 24) | ((e + 1) << 16) | (k << 2)),
                   Ipv4Mask("255.255.255.252"));
        Ipv4InterfaceContainer ifs = ip.Assign(d);
        m_terminalAddr[i] = ifs.GetAddress(0);
        m_accessDevices.Add(d);
    }
}

void
MultiLayerDtHelper::RouteWired()
{
    Ipv4StaticRoutingHelper routing;
    for (uint32_t i = 0; i < m_terminals; ++i)
    {
        // The terminal's only link leads to its edge.
        Ptr<Ipv4> ipv4 = m_terminalNodes.Get(i)->GetObject<Ipv4>();
        const uint32_t ifIndex = ipv4->GetInterfaceForAddress(m_terminalAddr[i]);
        const Ipv4Address edgeSide(m_terminalAddr[i].Get() + 1);
        routing.GetStaticRouting(ipv4)->SetDefaultRoute(edgeSide, ifIndex);
    }
    Ptr<Ipv4> cloud = m_cloudNode.Get(0)->GetObject<Ipv4>();
    for (uint32_t e = 0; e < m_edges; ++e)
    {
        // Edges reach everything else through the cloud; the cloud reaches
        // edge e's terminals through edge e.
        Ptr<Ipv4> edge = m_edgeNodes.Get(e)->GetObject<Ipv4>();
        const Ipv4Address edgeUp((172u << 24) | (16u << 16) | (e << 8) | 1);
        const Ipv4Address cloudSide(edgeUp.Get() + 1);
        routing.GetStaticRouting(edge)->SetDefaultRoute(cloudSide,
                                                        edge->GetInterfaceForAddress(edgeUp));
        routing.GetStaticRouting(cloud)->AddNetworkRouteTo(
            Ipv4Address((10u << 24) | ((e + 1) << 16)),
            Ipv4Mask("255.255.0.0"),
            edgeUp,
            cloud->GetInterfaceForAddress(cloudSide));
    }
}

void
MultiLayerDtHelper::BuildWifi()
{
    m_uplinkMode = SlowestVhtModeReaching(m_uplinkRate.GetBitRate(), m_channelWidth);
    m_downlinkMode = SlowestVhtModeReaching(m_downlinkRate.GetBitRate(), m_channelWidth);

    m_terminalAddr.resize(m_terminals);
    m_edgeAddr.resize(m_edges);
    std::ostringstream channel;
    channel << "{0, " << m_channelWidth << ", BAND_5GHZ, 0}";
    for (uint32_t e = 0; e < m_edges; ++e)
    {
        NodeContainer stas;
        for (uint32_t i = 0; i < m_terminals; ++i)
        {
            if (m_edgeOf[i] == e)
            {
                stas.Add(m_terminalNodes.Get(i));
            }
        }
        // One channel object per BSS: cells do not interfere, and each
        // subnet stays on its own link for global routing.
        YansWifiPhyHelper phy = WifiPhyOn(
            CreateWifiChannel(m_wifiExponent, m_nakagamiM, STREAM_WIFI + 1000000 * e + 950000),
            m_wifiTxPower);
        phy.Set("ChannelSettings", StringValue(channel.str()));
        phy.SetPcapDataLinkType(WifiPhyHelper::DLT_IEEE802_11_RADIO);
        WifiHelper wifi;
        wifi.SetStandard(WIFI_STANDARD_80211ac);
        WifiMacHelper mac;
        Ssid ssid("mldt-edge-" + std::to_string(e));

        wifi.SetRemoteStationManager("ns3::ConstantRateWifiManager",
                                     "DataMode",
                                     StringValue(m_uplinkMode),
                                     "ControlMode",
                                     StringValue("VhtMcs0"));
        mac.SetType("ns3::StaWifiMac", "Ssid", SsidValue(ssid));
        NetDeviceContainer staDevs = wifi.Install(phy, mac, stas);

        wifi.SetRemoteStationManager("ns3::ConstantRateWifiManager",
                                     "DataMode",
                                     StringValue(m_downlinkMode),
                                     "ControlMode",
                                     StringValue("VhtMcs0"));
        mac.SetType("ns3::ApWifiMac", "Ssid", SsidValue(ssid));
        NetDeviceContainer apDev = wifi.Install(phy, mac, m_edgeNodes.Get(e));

        wifi.AssignStreams(staDevs, STREAM_WIFI + 1000000 * e);
        wifi.AssignStreams(apDev, STREAM_WIFI + 1000000 * e + 900000);

        Ipv4AddressHelper ip;
        std::ostringstream base;
        base << "10." << (e + 1) << ".0.0";
        ip.SetBase(base.str().c_str(), "255.255.0.0");
        Ipv4InterfaceContainer apIf = ip.Assign(apDev);
        Ipv4InterfaceContainer staIf = ip.Assign(staDevs);
        m_edgeAddr[e] = apIf.GetAddress(0);
        uint32_t k = 0;
        for (uint32_t i = 0; i < m_terminals; ++i)
        {
            if (m_edgeOf[i] == e)
            {
                m_terminalAddr[i] = staIf.GetAddress(k++);
            }
        }
        m_accessDevices.Add(apDev);
        m_accessDevices.Add(staDevs);
        m_staDevices.Add(staDevs);
    }
}

void
MultiLayerDtHelper::BuildEnergy()
{
    BasicEnergySourceHelper battery;
    battery.Set("BasicEnergySourceInitialEnergyJ", DoubleValue(m_batteryEnergy));
    battery.Set("BasicEnergySupplyVoltageV", DoubleValue(3.7));
    energy::EnergySourceContainer sources = battery.Install(m_terminalNodes);
    for (uint32_t i = 0; i < m_terminalNodes.GetN(); ++i)
    {
        Ptr<Node> n = m_terminalNodes.Get(i);
        for (uint32_t d = 0; d < n->GetNDevices(); ++d)
        {
            if (Ptr<WifiNetDevice> dev = DynamicCast<WifiNetDevice>(n->GetDevice(d)))
            {
                Ptr<DtWifiRadioEnergyModel> wifi = CreateObject<DtWifiRadioEnergyModel>();
                wifi->SetEnergySource(sources.Get(i));
                sources.Get(i)->AppendDeviceEnergyModel(wifi);
                wifi->Attach(dev);
            }
            if (Ptr<LteUeNetDevice> ue = DynamicCast<LteUeNetDevice>(n->GetDevice(d)))
            {
                Ptr<DtLteRadioEnergyModel> lte = CreateObject<DtLteRadioEnergyModel>();
                lte->SetEnergySource(sources.Get(i));
                sources.Get(i)->AppendDeviceEnergyModel(lte);
                lte->Attach(ue);
            }
        }
    }
}

Ptr<DtAppUsageModel>
MultiLayerDtHelper::CreateDefaultAppUsage() const
{
    // What the terminal's user is doing; factors apply to the default classes
    // (control, regional, analytics). The papers give no usage model: these
    // values are ours (doc/, Behavioral data).
    Ptr<DtAppUsageModel> m = CreateObject<DtAppUsageModel>();
    const uint32_t monitor = m->AddState("monitoring", Seconds(8), 1.0, {1.4, 0.6, 0.3});
    const uint32_t coord = m->AddState("coordination", Seconds(5), 1.2, {0.8, 1.6, 0.7});
    const uint32_t analysis = m->AddState("analysis", Seconds(3), 0.6, {0.6, 0.8, 3.0});
    m->SetTransition(monitor, coord, 0.7);
    m->SetTransition(monitor, analysis, 0.3);
    m->SetTransition(coord, monitor, 0.6);
    m->SetTransition(coord, analysis, 0.4);
    m->SetTransition(analysis, monitor, 0.7);
    m->SetTransition(analysis, coord, 0.3);
    return m;
}

void
MultiLayerDtHelper::BuildAdhoc()
{
    YansWifiChannelHelper channelHelper = YansWifiChannelHelper::Default();
    YansWifiPhyHelper phy;
    phy.SetChannel(channelHelper.Create());
    phy.SetPcapDataLinkType(WifiPhyHelper::DLT_IEEE802_11_RADIO);
    WifiHelper wifi;
    wifi.SetStandard(WIFI_STANDARD_80211a);
    wifi.SetRemoteStationManager("ns3::ConstantRateWifiManager",
                                 "DataMode",
                                 StringValue("OfdmRate24Mbps"),
                                 "ControlMode",
                                 StringValue("OfdmRate6Mbps"));
    WifiMacHelper mac;
    mac.SetType("ns3::AdhocWifiMac");
    m_adhocDevices = wifi.Install(phy, mac, m_terminalNodes);
    wifi.AssignStreams(m_adhocDevices, STREAM_ADHOC);
    Ipv4AddressHelper ip("192.168.0.0", "255.255.0.0");
    ip.Assign(m_adhocDevices);
}

void
MultiLayerDtHelper::BuildFibre()
{
    PointToPointHelper up;
    up.SetDeviceAttribute("DataRate", DataRateValue(m_fibreRate));
    up.SetChannelAttribute("Delay", TimeValue(m_fibreDelayPerKm * m_edgeCloudKm));
    for (uint32_t e = 0; e < m_edges; ++e)
    {
        NetDeviceContainer d = up.Install(m_edgeNodes.Get(e), m_cloudNode.Get(0));
        Ipv4AddressHelper ip;
        std::ostringstream base;
        base << "172.16." << e << ".0";
        ip.SetBase(base.str().c_str(), "255.255.255.0");
        Ipv4InterfaceContainer ifs = ip.Assign(d);
        if (e == 0)
        {
            m_cloudAddr = ifs.GetAddress(1);
        }
        if ((m_access == WIFI && m_wifiRoaming) || m_access == WIRED)
        {
            m_edgeAddr[e] = ifs.GetAddress(0); // no one access-side address per edge
        }
        m_fibreDevices.Add(d);
    }
    PointToPointHelper side;
    side.SetDeviceAttribute("DataRate", DataRateValue(m_fibreRate));
    side.SetChannelAttribute("Delay", TimeValue(m_fibreDelayPerKm * m_edgeEdgeKm));
    for (uint32_t e = 0; e + 1 < m_edges; ++e)
    {
        NetDeviceContainer d = side.Install(m_edgeNodes.Get(e), m_edgeNodes.Get(e + 1));
        Ipv4AddressHelper ip;
        std::ostringstream base;
        base << "172.17." << e << ".0";
        ip.SetBase(base.str().c_str(), "255.255.255.0");
        ip.Assign(d);
        m_fibreDevices.Add(d);
    }
}

void
MultiLayerDtHelper::BuildFaults()
{
    int64_t stream = STREAM_FAULTS;
    auto attach = [this, &stream](Ptr<NetDevice> dev)
    {
        Ptr<DtFaultErrorModel> em = CreateObject<DtFaultErrorModel>();
        em->SetAttribute("LossRate", DoubleValue(m_lossRate));
        em->AssignStreams(stream++);
        if (Ptr<PointToPointNetDevice> p2p = DynamicCast<PointToPointNetDevice>(dev))
        {
            p2p->SetReceiveErrorModel(em);
        }
        else if (Ptr<WifiNetDevice> wifi = DynamicCast<WifiNetDevice>(dev))
        {
            // Data frames only: ns-3.37's block-ack code does not survive lost
            // management frames (ADDBA), and beacons have their own loss model.
            em->SetAttribute("IpOnly", BooleanValue(true));
            wifi->GetPhy()->SetPostReceptionErrorModel(em);
        }
        else
        {
            return; // LTE radio: its own channel and HARQ model the losses
        }
        m_faults[dev] = em;
        m_stats->WatchFaults(em);
    };
    for (NetDeviceContainer* c : {&m_accessDevices, &m_fibreDevices})
    {
        for (uint32_t i = 0; i < c->GetN(); ++i)
        {
            attach(c->Get(i));
        }
    }
}

void
MultiLayerDtHelper::SetEdgeDown(uint32_t e, bool down)
{
    Ptr<Node> node = m_edgeNodes.Get(e);
    for (uint32_t d = 0; d < node->GetNDevices(); ++d)
    {
        Ptr<NetDevice> dev = node->GetDevice(d);
        std::vector<Ptr<NetDevice>> ends{dev};
        if (DynamicCast<PointToPointNetDevice>(dev) && dev->GetChannel())
        {
            Ptr<Channel> ch = dev->GetChannel();
            for (std::size_t k = 0; k < ch->GetNDevices(); ++k)
            {
                ends.push_back(ch->GetDevice(k));
            }
        }
        for (const auto& end : ends)
        {
            auto it = m_faults.find(end);
            if (it != m_faults.end())
            {
                it->second->SetDown(down);
            }
        }
        if (Ptr<WifiNetDevice> ap = DynamicCast<WifiNetDevice>(dev))
        {
            if (down)
            {
                ap->GetPhy()->SetOffMode(); // no beacons: stations lose the AP
            }
            else
            {
                ap->GetPhy()->ResumeFromOff();
            }
        }
    }
}

void
MultiLayerDtHelper::FailEdge(uint32_t e)
{
    NS_LOG_INFO("edge server " << e << " fails");
    SetEdgeDown(e, true); // first: nothing the crashing DT's sockets send gets out
    if (e < m_edgeApps.size() && m_edgeApps[e])
    {
        m_edgeApps[e]->Fail();
    }
}

void
MultiLayerDtHelper::RecoverEdge(uint32_t e)
{
    NS_LOG_INFO("edge server " << e << " recovers");
    SetEdgeDown(e, false);
    if (e < m_edgeApps.size() && m_edgeApps[e])
    {
        m_edgeApps[e]->Recover();
    }
}

void
MultiLayerDtHelper::InstallInjector()
{
    Ptr<DtMalformedInjector> injector = CreateObject<DtMalformedInjector>();
    injector->SetAttribute("Interval", TimeValue(m_malformedInterval));
    UintegerValue dtPort;
    m_edgeApps.front()->GetCommModule()->GetAttribute("Port", dtPort);
    const uint16_t port = m_malformedPort ? m_malformedPort : dtPort.Get();
    injector->SetAttribute("Port", UintegerValue(port));
    for (const auto& [id, entry] : m_book->GetAll())
    {
        injector->AddTarget(entry.address, id);
    }
    if (port != dtPort.Get())
    {
        NodeContainer nodes = GetDtNodes();
        for (uint32_t n = 0; n < nodes.GetN(); ++n)
        {
            Ptr<Socket> s = Socket::CreateSocket(nodes.Get(n), UdpSocketFactory::GetTypeId());
            NS_ABORT_MSG_IF(s->Bind(InetSocketAddress(Ipv4Address::GetAny(), port)) != 0,
                            "MalformedPort=" << port << " is already in use");
            s->SetRecvCallback(MakeCallback(&DtCommModule::Discard));
            m_discard.push_back(s);
        }
    }
    m_cloudNode.Get(0)->AddApplication(injector);
    injector->SetStartTime(WARMUP);
    injector->SetStopTime(GetDtStopTime());
}

uint32_t
MultiLayerDtHelper::TerminalIndex(Ptr<Node> node) const
{
    for (uint32_t i = 0; i < m_terminalNodes.GetN(); ++i)
    {
        if (m_terminalNodes.Get(i) == node)
        {
            return i;
        }
    }
    NS_FATAL_ERROR("node " << node->GetId() << " is not a terminal of this scenario");
    return 0;
}

ApplicationContainer
MultiLayerDtHelper::InstallCloudDt()
{
    NS_ABORT_MSG_IF(!m_built, "MultiLayerDtHelper: Build before Install");
    m_cloudFactory.Set("DtId", UintegerValue(CLOUD_DT_ID));
    m_cloudFactory.Set("Architecture", EnumValue(m_architecture));
    Ptr<CloudDtApplication> app = m_cloudFactory.Create<CloudDtApplication>();
    app->GetCompute()->SetAttribute("CapacityGflops", DoubleValue(m_cloudGflops));
    app->GetCompute()->SetAttribute("Cores", UintegerValue(m_cloudCores));
    app->SetAddressBook(m_book);
    m_cloudNode.Get(0)->AddApplication(app);
    m_book->Add(CLOUD_DT_ID, m_cloudAddr, DtLayer::CLOUD);
    app->SetStartTime(WARMUP / 2);
    app->SetStopTime(GetDtStopTime());
    m_stats->Watch(app);
    return ApplicationContainer(app);
}

ApplicationContainer
MultiLayerDtHelper::InstallEdgeDt(NodeContainer edges)
{
    NS_ABORT_MSG_IF(!m_built, "MultiLayerDtHelper: Build before Install");
    ApplicationContainer apps;
    for (uint32_t k = 0; k < edges.GetN(); ++k)
    {
        uint32_t e = m_edges;
        for (uint32_t j = 0; j < m_edges; ++j)
        {
            if (m_edgeNodes.Get(j) == edges.Get(k))
            {
                e = j;
            }
        }
        NS_ABORT_MSG_IF(e == m_edges, "node " << edges.Get(k)->GetId() << " is not an edge node");
        m_edgeFactory.Set("DtId", UintegerValue(EDGE_DT_ID_BASE + e));
        m_edgeFactory.Set("CloudDtId", UintegerValue(CLOUD_DT_ID));
        m_edgeFactory.Set("Architecture", EnumValue(m_architecture));
        m_edgeFactory.Set("MigrationPolicy", EnumValue(m_migrationPolicy));
        m_edgeFactory.Set("TwinPlacement", EnumValue(m_twinPlacement));
        m_edgeFactory.Set("InteractionInterval", TimeValue(m_interactionInterval));
        Ptr<EdgeDtApplication> app = m_edgeFactory.Create<EdgeDtApplication>();
        app->GetCompute()->SetAttribute("CapacityGflops", DoubleValue(m_edgeGflops));
        app->GetCompute()->SetAttribute("Cores", UintegerValue(m_edgeCores));
        app->GetServiceModule()->SetAttribute("DownlinkRate", DataRateValue(m_downlinkRate));
        app->GetServiceModule()->SetAttribute("BackhaulRate", DataRateValue(m_fibreRate));
        app->SetAddressBook(m_book);
        if (m_interactionInterval.IsStrictlyPositive())
        {
            // Groups of consecutive terminals; each agent starts at its
            // terminal's first edge.
            std::map<uint32_t, std::vector<uint32_t>> peers;
            std::map<uint32_t, uint32_t> home;
            for (uint32_t i = 0; i < m_terminals; ++i)
            {
                const uint32_t first = i / m_groupSize * m_groupSize;
                for (uint32_t j = first; j < std::min(first + m_groupSize, m_terminals); ++j)
                {
                    if (j != i)
                    {
                        peers[LOCAL_DT_ID_BASE + i].push_back(LOCAL_DT_ID_BASE + j);
                    }
                }
                home[LOCAL_DT_ID_BASE + i] = EDGE_DT_ID_BASE + m_edgeOf[i];
            }
            app->SetInteractionPlan(std::move(peers), std::move(home));
        }
        edges.Get(k)->AddApplication(app);
        m_book->Add(EDGE_DT_ID_BASE + e, m_edgeAddr[e], DtLayer::EDGE);
        m_book->AddCell(GetCellOfEdge(e), EDGE_DT_ID_BASE + e);
        m_book->SetCellSite(GetCellOfEdge(e),
                            edges.Get(k)->GetObject<MobilityModel>()->GetPosition());
        if (m_access == WIFI)
        {
            for (uint32_t d = 0; d < edges.Get(k)->GetNDevices(); ++d)
            {
                if (Ptr<WifiNetDevice> ap = DynamicCast<WifiNetDevice>(edges.Get(k)->GetDevice(d)))
                {
                    m_book->AddAccessPoint(ap->GetMac()->GetAddress(), e);
                }
            }
        }
        app->SetStartTime(WARMUP / 2);
        app->SetStopTime(GetDtStopTime());
        m_stats->Watch(app);
        apps.Add(app);
        m_edgeApps.resize(m_edges);
        m_edgeApps[e] = app;
    }
    return apps;
}

ApplicationContainer
MultiLayerDtHelper::InstallLocalDt(Ptr<Node> terminal)
{
    return InstallLocalDt(NodeContainer(terminal));
}

ApplicationContainer
MultiLayerDtHelper::InstallLocalDt(NodeContainer terminals)
{
    NS_ABORT_MSG_IF(!m_built, "MultiLayerDtHelper: Build before Install");
    ApplicationContainer apps;
    for (uint32_t k = 0; k < terminals.GetN(); ++k)
    {
        const uint32_t i = TerminalIndex(terminals.Get(k));
        const uint32_t e = m_edgeOf[i];
        m_localFactory.Set("DtId", UintegerValue(LOCAL_DT_ID_BASE + i));
        m_localFactory.Set("EdgeDtId", UintegerValue(EDGE_DT_ID_BASE + e));
        m_localFactory.Set("CloudDtId", UintegerValue(CLOUD_DT_ID));
        m_localFactory.Set("ServingCell", UintegerValue(GetCellOfEdge(e)));
        m_localFactory.Set("Architecture", EnumValue(m_architecture));
        m_localFactory.Set("MigrationPolicy", EnumValue(m_migrationPolicy));
        m_localFactory.Set("TwinPlacement", EnumValue(m_twinPlacement));
        if (m_access == LTE && m_edgeFailover)
        {
            // Edges sit behind the PGW: any of them can take a terminal over.
            m_localFactory.Set("EdgeFailover", BooleanValue(true));
            m_localFactory.Set("EdgeTimeout", TimeValue(Seconds(2)));
        }
        m_localFactory.Set("SyncProbability", DoubleValue(m_syncProbability));
        m_localFactory.Set("SyncSlot", TimeValue(m_syncSlot));
        m_localFactory.Set("SyncDeadline", TimeValue(m_syncDeadline));
        m_localFactory.Set("PeerBroadcast",
                           Ipv4AddressValue(m_peerToPeer ? Ipv4Address("192.168.255.255")
                                                         : Ipv4Address::GetAny()));
        Ptr<LocalDtApplication> app = m_localFactory.Create<LocalDtApplication>();
        app->GetCompute()->SetAttribute("CapacityGflops", DoubleValue(m_terminalGflops));
        app->GetDataModule()->SetAttribute("StatusInterval", TimeValue(m_statusInterval));
        app->GetDataModule()->SetAttribute("AnomalyRate", DoubleValue(m_anomalyRate));
        Ptr<LocalDtServiceModule> service = app->GetServiceModule();
        service->SetAttribute("DemandRate", DoubleValue(m_demandRate));
        service->SetAttribute("UplinkRate", DataRateValue(m_uplinkRate));
        service->SetAttribute("DownlinkRate", DataRateValue(m_downlinkRate));
        service->SetAttribute("GenerationStopTime", TimeValue(WARMUP + m_simTime));
        for (const auto& f : m_classes)
        {
            Ptr<DtDemandClass> c = f.Create<DtDemandClass>();
            c->SetAttribute("WorkloadScale", DoubleValue(m_workloadScale));
            service->AddDemandClass(c);
        }
        if (m_appUsage)
        {
            service->SetAttribute("AppUsage", PointerValue(CreateDefaultAppUsage()));
        }
        if (Ptr<energy::EnergySourceContainer> batteries =
                terminals.Get(k)->GetObject<energy::EnergySourceContainer>())
        {
            Ptr<energy::EnergySource> battery = batteries->Get(0);
            Ptr<DtComputeEnergyModel> cpu = CreateObject<DtComputeEnergyModel>();
            cpu->SetEnergySource(battery);
            battery->AppendDeviceEnergyModel(cpu);
            cpu->Attach(app->GetCompute());
        }
        app->SetAddressBook(m_book);
        terminals.Get(k)->AddApplication(app);
        m_book->Add(LOCAL_DT_ID_BASE + i, m_terminalAddr[i], DtLayer::LOCAL);
        app->SetStartTime(WARMUP);
        app->SetStopTime(GetDtStopTime());
        m_stats->Watch(app);
        apps.Add(app);
    }
    return apps;
}

ApplicationContainer
MultiLayerDtHelper::Install()
{
    NS_LOG_FUNCTION(this);
    ApplicationContainer apps = InstallCloudDt();
    apps.Add(InstallEdgeDt(m_edgeNodes));
    apps.Add(InstallLocalDt(m_terminalNodes));
    AssignStreams(STREAM_DTS);
    m_stats->WatchBackhaul(m_fibreDevices);
    if (m_edgeFailAt.IsStrictlyPositive())
    {
        Simulator::Schedule(m_edgeFailAt, &MultiLayerDtHelper::FailEdge, this, m_failedEdge);
        if (m_edgeRecoverAt.IsStrictlyPositive())
        {
            Simulator::Schedule(
                m_edgeRecoverAt, &MultiLayerDtHelper::RecoverEdge, this, m_failedEdge);
        }
    }
    if (m_malformedInterval.IsStrictlyPositive())
    {
        InstallInjector();
    }

    m_stats->SetScenario("custom", DtArchitectureName(m_architecture));
    TypeId tid = GetInstanceTypeId();
    for (uint32_t a = 0; a < tid.GetAttributeN(); ++a)
    {
        TypeId::AttributeInformation info = tid.GetAttribute(a);
        Ptr<AttributeValue> v = info.checker->Create();
        GetAttribute(info.name, *v);
        m_stats->SetConfig(info.name, v->SerializeToString(info.checker));
    }
    for (std::size_t c = 0; c < m_classes.size(); ++c)
    {
        std::ostringstream os;
        os << m_classes[c];
        m_stats->SetConfig("DemandClass" + std::to_string(c), os.str());
    }
    m_stats->SetConfig("UplinkMode", m_uplinkMode);
    m_stats->SetConfig("DownlinkMode", m_downlinkMode);
    m_stats->SetConfig("WarmupTime", std::to_string(WARMUP.GetSeconds()));
    return apps;
}

int64_t
MultiLayerDtHelper::AssignStreams(int64_t stream)
{
    int64_t used = 0;
    for (uint32_t i = 0; i < m_terminalNodes.GetN(); ++i)
    {
        Ptr<Node> n = m_terminalNodes.Get(i);
        for (uint32_t a = 0; a < n->GetNApplications(); ++a)
        {
            if (auto local = DynamicCast<LocalDtApplication>(n->GetApplication(a)))
            {
                used += local->AssignStreams(stream + used);
            }
        }
    }
    return used;
}

void
MultiLayerDtHelper::EnablePcap(const std::string& prefix)
{
    NS_ABORT_MSG_IF(!m_built, "MultiLayerDtHelper: Build before EnablePcap");
    YansWifiPhyHelper phy;
    phy.SetPcapDataLinkType(WifiPhyHelper::DLT_IEEE802_11_RADIO);
    PointToPointHelper p2p;
    if (m_access == WIRED)
    {
        p2p.EnablePcap(prefix + "-access", m_accessDevices);
    }
    else
    {
        phy.EnablePcap(prefix + "-wifi", m_accessDevices);
    }
    if (m_adhocDevices.GetN() > 0)
    {
        phy.EnablePcap(prefix + "-adhoc", m_adhocDevices);
    }
    p2p.EnablePcap(prefix + "-fibre", m_fibreDevices);
    if (m_access == LTE)
    {
        Ptr<Node> sgw = m_epc->GetSgwNode();
        for (uint32_t d = 0; d < sgw->GetNDevices(); ++d)
        {
            if (DynamicCast<PointToPointNetDevice>(sgw->GetDevice(d)))
            {
                p2p.EnablePcap(prefix + "-epc", sgw->GetDevice(d));
            }
        }
    }
}

void
MultiLayerDtHelper::EnableFlowMonitor()
{
    NS_ABORT_MSG_IF(!m_built, "MultiLayerDtHelper: Build before EnableFlowMonitor");
    m_flowHelper = std::make_shared<FlowMonitorHelper>();
    m_flowMonitor = m_flowHelper->InstallAll();
}

void
MultiLayerDtHelper::WriteOutputs(const std::string& dir, double wallSeconds) const
{
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    NS_ABORT_MSG_IF(ec, "cannot create output folder " << dir << ": " << ec.message());
    const std::string summary = dir + "/summary.json";
    const std::string demands = dir + "/demands.csv";
    NS_ABORT_MSG_IF(!m_stats->WriteSummary(summary, wallSeconds),
                    "cannot write " << summary << " (is the output folder writable?)");
    NS_ABORT_MSG_IF(!m_stats->WriteDemandsCsv(demands),
                    "cannot write " << demands << " (is the output folder writable?)");
    const std::string syncs = dir + "/sync.csv";
    NS_ABORT_MSG_IF(!m_stats->WriteSyncCsv(syncs),
                    "cannot write " << syncs << " (is the output folder writable?)");
    const std::string migrations = dir + "/migrations.csv";
    NS_ABORT_MSG_IF(!m_stats->WriteMigrationsCsv(migrations),
                    "cannot write " << migrations << " (is the output folder writable?)");
    if (m_flowMonitor)
    {
        m_flowMonitor->CheckForLostPackets();
        m_flowMonitor->SerializeToXmlFile(dir + "/flowmon.xml", true, true);
    }
}

Ptr<DtStatsCollector>
MultiLayerDtHelper::GetStats() const
{
    return m_stats;
}

Ptr<DtAddressBook>
MultiLayerDtHelper::GetAddressBook() const
{
    return m_book;
}

NodeContainer
MultiLayerDtHelper::GetTerminals() const
{
    return m_terminalNodes;
}

NodeContainer
MultiLayerDtHelper::GetEdges() const
{
    return m_edgeNodes;
}

Ptr<Node>
MultiLayerDtHelper::GetCloud() const
{
    return m_cloudNode.GetN() ? m_cloudNode.Get(0) : nullptr;
}

NodeContainer
MultiLayerDtHelper::GetDtNodes() const
{
    return NodeContainer(m_cloudNode, m_edgeNodes, m_terminalNodes);
}

Time
MultiLayerDtHelper::GetStopTime() const
{
    // The DTs stop one millisecond earlier, so that their stop events (which
    // finalize pending demands) run before the simulator stops.
    return GetDtStopTime() + MilliSeconds(1);
}

Time
MultiLayerDtHelper::GetDtStopTime() const
{
    return WARMUP + m_simTime + m_drainTime;
}

uint32_t
MultiLayerDtHelper::GetEdgeOf(uint32_t terminal) const
{
    NS_ABORT_MSG_IF(terminal >= m_edgeOf.size(), "no terminal " << terminal);
    return m_edgeOf[terminal];
}

DtArchitecture
MultiLayerDtHelper::GetArchitecture() const
{
    return m_architecture;
}

} // namespace ns3
