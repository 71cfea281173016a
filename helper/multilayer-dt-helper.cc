/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "multilayer-dt-helper.h"

#include "dt-access-network.h"
#include "dt-adhoc-network.h"
#include "dt-default-workload.h"
#include "dt-energy-helper.h"
#include "dt-fault-helper.h"
#include "dt-fibre-core.h"
#include "dt-lte-access.h"
#include "dt-metro-ring.h"
#include "dt-scenario-placement.h"
#include "dt-stats-collector.h"
#include "dt-wifi-access.h"
#include "dt-wifi-roaming-access.h"
#include "dt-wired-access.h"

#include "ns3/abort.h"
#include "ns3/boolean.h"
#include "ns3/box.h"
#include "ns3/cloud-dt-application.h"
#include "ns3/double.h"
#include "ns3/dt-address-book.h"
#include "ns3/dt-malformed-injector.h"
#include "ns3/dt-ns3-version.h"
#include "ns3/dt-placement-policy.h"
#include "ns3/edge-dt-application.h"
#include "ns3/enum.h"
#include "ns3/internet-stack-helper.h"
#include "ns3/ipv4-address.h"
#include "ns3/local-dt-application.h"
#include "ns3/log.h"
#include "ns3/mobility-helper.h"
#include "ns3/mobility-model.h"
#include "ns3/point-to-point-helper.h"
#include "ns3/pointer.h"
#include "ns3/position-allocator.h"
#include "ns3/queue-size.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"

#include <cmath>
#include <iostream>
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
                DtMakeEnumAccessor<DtMigrationMode>(&MultiLayerDtHelper::m_migrationPolicy),
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
            .AddAttribute("PlacementPolicy",
                          "Where the multi-layer architecture's terminals run their demands: "
                          "a subclass of ns3::DtPlacementPolicy, for instance "
                          "ns3::DtLowestFeasiblePlacement (the lowest tier that meets the "
                          "deadline) or ns3::DtMinLatencyPlacement (the smallest expected "
                          "completion time that meets it). Each local DT gets its own "
                          "instance.",
                          TypeIdValue(DtLowestFeasiblePlacement::GetTypeId()),
                          MakeTypeIdAccessor(&MultiLayerDtHelper::m_placementPolicy),
                          MakeTypeIdChecker())
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
                          "Latency requirement of a synchronization (generation at the "
                          "terminal to twin updated at its host).",
                          TimeValue(MilliSeconds(50)),
                          MakeTimeAccessor(&MultiLayerDtHelper::m_syncDeadline),
                          MakeTimeChecker(MicroSeconds(1)))
            .AddAttribute("SyncGflop",
                          "Work of applying one synchronization at the twin's host (edge or "
                          "cloud compute queue); the twin is updated when it is done.",
                          DoubleValue(0.001),
                          MakeDoubleAccessor(&MultiLayerDtHelper::m_syncGflop),
                          MakeDoubleChecker<double>(0))
            .AddAttribute("TwinStateBytes",
                          "Size of each twin's model and state beyond its agent record, "
                          "bytes (DtAgentPool::TwinStateBytes of the edge DTs): what a full "
                          "migration or a pre-copy transfers on top of the record. 0: the "
                          "record alone.",
                          UintegerValue(0),
                          MakeUintegerAccessor(&MultiLayerDtHelper::m_twinStateBytes),
                          MakeUintegerChecker<uint32_t>(0, 4000000000u))
            .AddAttribute("StatusUpdates",
                          "Local DTs send status updates to their twins (false: the twins "
                          "learn their terminals' state from synchronizations only).",
                          BooleanValue(true),
                          MakeBooleanAccessor(&MultiLayerDtHelper::m_statusUpdates),
                          MakeBooleanChecker())
            .AddAttribute("LteBandwidth",
                          "LTE uplink and downlink bandwidth, resource blocks (6, 15, 25, 50, "
                          "75 or 100).",
                          UintegerValue(25),
                          MakeUintegerAccessor(&MultiLayerDtHelper::m_lteRbs),
                          MakeUintegerChecker<uint16_t>(6, 100))
            .AddAttribute("LteSrsPeriodicity",
                          "SRS periodicity of the eNBs, ms (2, 5, 10, 20, 40, 80, 160, 320; at "
                          "least the number of terminals, any of which may attach to one "
                          "cell). 0: the smallest such value, for the freshest uplink channel "
                          "estimates.",
                          UintegerValue(0),
                          MakeUintegerAccessor(&MultiLayerDtHelper::m_lteSrs),
                          MakeUintegerChecker<uint32_t>(0, 320))
            .AddAttribute(
                "LteUplinkCqi",
                "Where the eNB schedulers take a UE's uplink channel quality from: "
                "Srs (sounding reference signals, every LteSrsPeriodicity; ns-3's "
                "default) or Pusch (the UE's own uplink transmissions).",
                EnumValue(MultiLayerDtHelper::CQI_SRS),
                DtMakeEnumAccessor<MultiLayerDtHelper::LteUplinkCqi>(
                    &MultiLayerDtHelper::m_lteUplinkCqi),
                MakeEnumChecker(
                    MultiLayerDtHelper::CQI_SRS, "Srs", MultiLayerDtHelper::CQI_PUSCH, "Pusch"))
            .AddAttribute(
                "LteRlcMode",
                "RLC mode of the LTE data bearers: Am (lost PDUs retransmitted; "
                "how deployed networks run the default QCI 9 bearer, whose packet "
                "error loss rate of 1e-6, 3GPP TS 23.203 Table 6.1.7, needs ARQ) or "
                "Um (what ns-3's LteHelper picks with an EPC).",
                EnumValue(MultiLayerDtHelper::RLC_AM),
                DtMakeEnumAccessor<MultiLayerDtHelper::LteRlcMode>(&MultiLayerDtHelper::m_lteRlc),
                MakeEnumChecker(MultiLayerDtHelper::RLC_UM, "Um", MultiLayerDtHelper::RLC_AM, "Am"))
            .AddAttribute("LteRlcReorderingTimer",
                          "RLC t-Reordering (3GPP TS 36.322; UM and AM): how long a receiver "
                          "waits for a missing PDU before it delivers what follows. Default: "
                          "the longest ns-3's HARQ takes to deliver a PDU (a first "
                          "transmission and 3 retransmissions, 8 ms apart: 32 ms); ns-3's "
                          "own default is 100 ms. Sets the ns3::LteRlcUm and ns3::LteRlcAm "
                          "defaults, unless the user set them.",
                          TimeValue(MilliSeconds(32)),
                          MakeTimeAccessor(&MultiLayerDtHelper::m_lteRlcReordering),
                          MakeTimeChecker(Seconds(0), MilliSeconds(200)))
            .AddAttribute("LteDtBearer",
                          "Carry the DT datagrams (synchronizations, joins, acknowledgements, "
                          "load reports: UDP) on a dedicated non-GBR EPS bearer (QCI 7), "
                          "selected by a TFT on their IP TOS (DSCP 46, set on the DTs' comm "
                          "modules), apart from the bulk transfers over TCP on the default "
                          "bearer.",
                          BooleanValue(false),
                          MakeBooleanAccessor(&MultiLayerDtHelper::m_lteDtBearer),
                          MakeBooleanChecker())
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
                "Fading",
                "Fast fading on every radio link (LTE and Wi-Fi), chained on the path loss: "
                "None; Independent (a new Nakagami-m gain for every transmission, no time "
                "correlation); Correlated (Rician of factor RicianK, Rayleigh if 0, whose gain "
                "evolves with the Doppler of each pair's relative speed: "
                "DtCorrelatedFadingLossModel).",
                EnumValue(DtFading::NONE),
                DtMakeEnumAccessor<DtFading::Model>(&MultiLayerDtHelper::m_fading),
                MakeEnumChecker(DtFading::NONE,
                                "None",
                                DtFading::INDEPENDENT,
                                "Independent",
                                DtFading::CORRELATED,
                                "Correlated"))
            .AddAttribute("RicianK",
                          "Rician K factor of the fading, linear (0: Rayleigh). Default 9 dB, "
                          "the mean line-of-sight K factor of 3GPP TR 38.901 (Table 7.5-6, "
                          "UMa and UMi street canyon).",
                          DoubleValue(std::pow(10, 0.9)),
                          MakeDoubleAccessor(&MultiLayerDtHelper::m_ricianK),
                          MakeDoubleChecker<double>(0, 1e6))
            .AddAttribute(
                "NakagamiM",
                "Shape of Independent fading, m >= 0.5 (1: Rayleigh); 0: from RicianK, "
                "m = (K + 1)^2 / (2K + 1). A value > 0 with Fading None selects Independent "
                "fading (the meaning this attribute had before Fading existed).",
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
            .AddAttribute(
                "Backhaul",
                "LTE: how the edge servers are linked. Star: each on its own "
                "fibre to the PGW (EdgePgwDistanceKm), edges meet at the PGW. "
                "Ring: MEC, the edges at the cells on a metro ring (MetroHopKm, "
                "MetroRate, MetroLoad); a terminal's synchronizations go to the "
                "edge of its cell, which relays them across the ring to a twin "
                "left at another edge, and migrations cross the ring.",
                EnumValue(MultiLayerDtHelper::BACKHAUL_STAR),
                DtMakeEnumAccessor<MultiLayerDtHelper::Backhaul>(&MultiLayerDtHelper::m_backhaul),
                MakeEnumChecker(MultiLayerDtHelper::BACKHAUL_STAR,
                                "Star",
                                MultiLayerDtHelper::BACKHAUL_RING,
                                "Ring"))
            .AddAttribute("MetroHopKm",
                          "Backhaul=Ring: fibre length of each hop of the metro ring, km "
                          "(its delay at FibreDelayPerKm).",
                          DoubleValue(10.0),
                          MakeDoubleAccessor(&MultiLayerDtHelper::m_metroHopKm),
                          MakeDoubleChecker<double>(0, 1e5))
            .AddAttribute("MetroRate",
                          "Backhaul=Ring: rate of each hop of the metro ring (default: the "
                          "multi-layer DT paper's 1 Gb/s, as FibreRate's default).",
                          DataRateValue(DataRate("1Gbps")),
                          MakeDataRateAccessor(&MultiLayerDtHelper::m_metroRate),
                          MakeDataRateChecker())
            .AddAttribute("MetroLoad",
                          "Backhaul=Ring: background load on each hop of the ring and each "
                          "way, as a fraction of MetroRate (constant-rate UDP, 1500-byte "
                          "packets; 0: none).",
                          DoubleValue(0.0),
                          MakeDoubleAccessor(&MultiLayerDtHelper::m_metroLoad),
                          MakeDoubleChecker<double>(0, 0.99))
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
            .AddAttribute("WanRate",
                          "Rate of a wide-area segment that all edge servers share on "
                          "their way to the cloud (0: none, each edge has its own fibre "
                          "to the cloud). With one, the edges' fibre ends at a gateway "
                          "EdgeGatewayDistanceKm away, and the gateway reaches the cloud "
                          "at this rate over EdgeCloudDistanceKm, through a queue of "
                          "WanQueueSize, with WanLoad background traffic.",
                          DataRateValue(DataRate(0)),
                          MakeDataRateAccessor(&MultiLayerDtHelper::m_wanRate),
                          MakeDataRateChecker())
            .AddAttribute("WanQueueSize",
                          "Transmit queue of each end of the wide-area segment "
                          "(drop-tail).",
                          QueueSizeValue(QueueSize("100p")),
                          MakeQueueSizeAccessor(&MultiLayerDtHelper::m_wanQueue),
                          MakeQueueSizeChecker())
            .AddAttribute("WanLoad",
                          "Background load on the wide-area segment, each way, as a "
                          "fraction of WanRate (constant-rate UDP, 1500-byte packets; 0: "
                          "none).",
                          DoubleValue(0.0),
                          MakeDoubleAccessor(&MultiLayerDtHelper::m_wanLoad),
                          MakeDoubleChecker<double>(0, 0.99))
            .AddAttribute("EdgeGatewayDistanceKm",
                          "With a wide-area segment (WanRate): fibre length between each "
                          "edge server and the gateway, km.",
                          DoubleValue(10.0),
                          MakeDoubleAccessor(&MultiLayerDtHelper::m_edgeGatewayKm),
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
    : m_dt(std::make_unique<DtSystemHelper>())
{
    m_classes = DtDefaultWorkload::GetDemandClasses();
}

MultiLayerDtHelper::~MultiLayerDtHelper()
{
}

void
MultiLayerDtHelper::DoDispose()
{
    m_dt.reset();
    for (Ptr<Object> part :
         std::initializer_list<Ptr<Object>>{m_accessNet, m_core, m_adhoc, m_faults})
    {
        if (part)
        {
            part->Dispose();
        }
    }
    m_accessNet = nullptr;
    m_core = nullptr;
    m_adhoc = nullptr;
    m_faults = nullptr;
    m_terminalNodes = NodeContainer();
    m_edgeNodes = NodeContainer();
    m_cloudNode = NodeContainer();
    Object::DoDispose();
}

void
MultiLayerDtHelper::ScheduleHandover(Time at, Ptr<Node> terminal, uint32_t targetEdge)
{
    NS_ABORT_MSG_IF(!m_built || !m_accessNet->CanHandOver(),
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
    m_accessNet->Handover(terminal, targetEdge);
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
    m_dt->SetLocalDtAttribute(name, value);
}

void
MultiLayerDtHelper::SetEdgeDtAttribute(const std::string& name, const AttributeValue& value)
{
    m_dt->SetEdgeDtAttribute(name, value);
}

void
MultiLayerDtHelper::SetCloudDtAttribute(const std::string& name, const AttributeValue& value)
{
    m_dt->SetCloudDtAttribute(name, value);
}

void
MultiLayerDtHelper::Build()
{
    NS_LOG_FUNCTION(this);
    NS_ABORT_MSG_IF(m_built, "MultiLayerDtHelper::Build called twice");
    NS_ABORT_MSG_IF(m_channelWidth != 20 && m_channelWidth != 40 && m_channelWidth != 80
                        && m_channelWidth != 160,
                    "ChannelWidth=" << m_channelWidth << " is not 20, 40, 80 or 160 MHz");
    NS_ABORT_MSG_IF(m_backhaul == BACKHAUL_RING && m_access != LTE,
                    "Backhaul=Ring needs Access=Lte (the Wi-Fi and wired accesses link "
                    "their edges by the fibre core's neighbour links)");
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

    const DtAccessPlan plan{m_cloudNode, m_edgeNodes, m_terminalNodes, m_edgeOf};
    // The same fading on every radio link; NakagamiM alone selects Independent.
    DtFading fading;
    fading.model =
        (m_fading == DtFading::NONE && m_nakagamiM > 0) ? DtFading::INDEPENDENT : m_fading;
    fading.kFactor = m_ricianK;
    fading.nakagamiM = m_nakagamiM;
    DtWifiParameters wifi;
    wifi.channelWidth = m_channelWidth;
    wifi.pathLossExponent = m_wifiExponent;
    wifi.fading = fading;
    wifi.txPower = m_wifiTxPower;
    wifi.uplinkRate = m_uplinkRate;
    wifi.downlinkRate = m_downlinkRate;
    wifi.stream = STREAM_WIFI;
    if (m_access == LTE)
    {
        DtLteAccess::Parameters lte;
        lte.bandwidth = m_lteRbs;
        lte.enbTxPower = m_enbTxPower;
        lte.fading = fading;
        lte.automaticHandover = m_autoHandover;
        lte.hysteresis = m_hoHysteresis;
        lte.timeToTrigger = m_hoTimeToTrigger;
        lte.fibreRate = m_fibreRate;
        lte.fibreDelayPerKm = m_fibreDelayPerKm;
        lte.edgePgwKm = m_edgePgwKm;
        lte.stream = STREAM_LTE;
        lte.srsPeriodicity = m_lteSrs;
        lte.puschUplinkCqi = m_lteUplinkCqi == CQI_PUSCH;
        lte.rlcAm = m_lteRlc == RLC_AM;
        lte.rlcReordering = m_lteRlcReordering;
        lte.dtBearerTos = m_lteDtBearer ? DT_BEARER_TOS : 0;
        m_accessNet = CreateObject<DtLteAccess>(lte);
    }
    else if (m_access == WIRED)
    {
        m_accessNet = CreateObject<DtWiredAccess>(m_uplinkRate);
    }
    else if (m_wifiRoaming)
    {
        m_accessNet = CreateObject<DtWifiRoamingAccess>(wifi);
    }
    else
    {
        m_accessNet = CreateObject<DtWifiAccess>(wifi);
    }
    m_accessNet->Build(plan);
    m_dt->GetStats()->SetUplinkCapacity(m_accessNet->GetUplinkCapacity());

    DtFibreCore::Parameters fibre;
    fibre.rate = m_fibreRate;
    fibre.delayPerKm = m_fibreDelayPerKm;
    fibre.edgeCloudKm = m_edgeCloudKm;
    fibre.edgeEdgeKm = m_edgeEdgeKm;
    fibre.wanRate = m_wanRate;
    fibre.wanQueue = m_wanQueue;
    fibre.wanLoad = m_wanLoad;
    fibre.edgeGatewayKm = m_edgeGatewayKm;
    m_core = CreateObject<DtFibreCore>(fibre);
    m_core->Build(m_edgeNodes, m_cloudNode.Get(0));
    if (m_peerToPeer)
    {
        m_adhoc = CreateObject<DtAdhocNetwork>();
        m_adhoc->Build(m_terminalNodes, STREAM_ADHOC);
    }
    if (m_batteryEnergy > 0)
    {
        DtEnergyHelper energy;
        energy.SetBatteryEnergy(m_batteryEnergy);
        energy.SetSupplyVoltage(3.7);
        energy.Install(m_terminalNodes);
    }
    NS_ABORT_MSG_IF(m_edgeFailAt.IsStrictlyPositive() && m_failedEdge >= m_edges,
                    "FailedEdge=" << m_failedEdge << " is not an edge index (0.." << m_edges - 1
                                  << ")");
    NS_ABORT_MSG_IF(m_edgeRecoverAt.IsStrictlyPositive() && m_edgeRecoverAt <= m_edgeFailAt,
                    "EdgeRecoveryTime=" << m_edgeRecoverAt.As(Time::S)
                                        << " must come after EdgeFailureTime="
                                        << m_edgeFailAt.As(Time::S));
    m_faults = CreateObject<DtFaultHelper>();
    m_faults->SetAttribute("LossRate", DoubleValue(m_lossRate));
    m_faults->SetStats(m_dt->GetStats());
    if (m_lossRate > 0 || m_edgeFailAt.IsStrictlyPositive())
    {
        const int64_t used = m_faults->Install(m_accessNet->GetAccessDevices(), STREAM_FAULTS);
        m_faults->Install(GetFibreDevices(), STREAM_FAULTS + used);
    }
    // LTE: global routing does not handle the EPC's nodes; Wi-Fi ESS: one
    // subnet over several APs, the routes follow the stations.
    m_accessNet->Route(plan, *m_core);
    if (m_backhaul == BACKHAUL_RING && m_edges > 1)
    {
        DtMetroRing::Parameters metro;
        metro.rate = m_metroRate;
        metro.hopDelay = m_fibreDelayPerKm * m_metroHopKm;
        metro.load = m_metroLoad;
        std::vector<Ipv4Address> addresses;
        for (uint32_t e = 0; e < m_edges; ++e)
        {
            addresses.push_back(GetEdgeAddress(e));
        }
        m_metro = CreateObject<DtMetroRing>(metro);
        m_metro->Build(m_edgeNodes, addresses);
    }
    m_built = true;
}

void
MultiLayerDtHelper::PlaceNodes()
{
    DtScenarioPlacement::Parameters p;
    p.sites = m_sites;
    p.edgeSpacing = m_edgeSpacing;
    p.terminalRadius = m_terminalRadius;
    p.gaussMarkov = m_mobility == GAUSS_MARKOV;
    p.roaming = m_access == LTE || m_wifiRoaming;
    p.meanSpeed = m_meanSpeed;
    p.gaussMarkovAlpha = m_gmAlpha;
    p.gaussMarkovTimeStep = m_gmTimeStep;
    p.bounds = m_mobilityBounds;
    p.mobilityFactory = m_mobilityFactory;
    p.stream = STREAM_POSITIONS;
    DtScenarioPlacement::Place(p, m_cloudNode, m_edgeNodes, m_terminalNodes, m_edgeOf);
}

NetDeviceContainer
MultiLayerDtHelper::GetFibreDevices() const
{
    NetDeviceContainer devices = m_accessNet->GetBackhaulDevices();
    devices.Add(m_core->GetDevices());
    return devices;
}

Ipv4Address
MultiLayerDtHelper::GetEdgeAddress(uint32_t e) const
{
    const Ipv4Address access = m_accessNet->GetEdgeAddress(e);
    return access == Ipv4Address::GetAny() ? m_core->GetEdgeAddress(e) : access;
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

void
MultiLayerDtHelper::SetDtDefaults()
{
    DtSystemHelper& dt = *m_dt;
    dt.SetArchitecture(m_architecture);
    dt.SetStartTime(WARMUP);
    dt.SetStopTime(GetDtStopTime());

    dt.SetCloudDtDefault("Compute/CapacityGflops", DoubleValue(m_cloudGflops));
    dt.SetCloudDtDefault("Compute/Cores", UintegerValue(m_cloudCores));

    dt.SetEdgeDtDefault("MigrationPolicy", EnumValue(m_migrationPolicy));
    dt.SetEdgeDtDefault("TwinPlacement", EnumValue(m_twinPlacement));
    dt.SetEdgeDtDefault("InteractionInterval", TimeValue(m_interactionInterval));
    dt.SetEdgeDtDefault("Compute/CapacityGflops", DoubleValue(m_edgeGflops));
    dt.SetEdgeDtDefault("Compute/Cores", UintegerValue(m_edgeCores));
    dt.SetEdgeDtDefault("ServiceModule/DownlinkRate", DataRateValue(m_downlinkRate));
    // What an edge's estimates take for its path to the cloud: the slower of
    // its fibre and a wide-area segment.
    const DataRate backhaul =
        m_wanRate.GetBitRate() > 0 && m_wanRate < m_fibreRate ? m_wanRate : m_fibreRate;
    dt.SetEdgeDtDefault("ServiceModule/BackhaulRate", DataRateValue(backhaul));

    dt.SetPlacementPolicyType(m_placementPolicy.GetName());
    dt.SetLocalDtDefault("MigrationPolicy", EnumValue(m_migrationPolicy));
    dt.SetLocalDtDefault("TwinPlacement", EnumValue(m_twinPlacement));
    if (m_access == LTE && m_edgeFailover)
    {
        // Edges sit behind the PGW: any of them can take a terminal over.
        dt.SetLocalDtDefault("EdgeFailover", BooleanValue(true));
        dt.SetLocalDtDefault("EdgeTimeout", TimeValue(Seconds(2)));
    }
    dt.SetLocalDtDefault("SyncProbability", DoubleValue(m_syncProbability));
    dt.SetLocalDtDefault("SyncSlot", TimeValue(m_syncSlot));
    dt.SetLocalDtDefault("SyncDeadline", TimeValue(m_syncDeadline));
    dt.SetLocalDtDefault("StatusUpdates", BooleanValue(m_statusUpdates));
    if (m_access == LTE && m_lteDtBearer)
    {
        dt.SetLocalDtDefault("Comm/DatagramTos", UintegerValue(DT_BEARER_TOS));
        dt.SetEdgeDtDefault("Comm/DatagramTos", UintegerValue(DT_BEARER_TOS));
    }
    dt.SetEdgeDtDefault("ServiceModule/SyncGflop", DoubleValue(m_syncGflop));
    dt.SetCloudDtDefault("ServiceModule/SyncGflop", DoubleValue(m_syncGflop));
    dt.SetEdgeDtDefault("DataModule/AgentPool/TwinStateBytes", UintegerValue(m_twinStateBytes));
    if (m_backhaul == BACKHAUL_RING)
    {
        // MEC: a terminal talks to the edge of its cell, which relays to its twin.
        dt.SetEdgeDtDefault("Relay", BooleanValue(true));
        dt.SetLocalDtDefault("SyncViaServingEdge", BooleanValue(true));
    }
    dt.SetLocalDtDefault(
        "PeerBroadcast",
        Ipv4AddressValue(m_peerToPeer ? Ipv4Address("192.168.255.255") : Ipv4Address::GetAny()));
    dt.SetLocalDtDefault("Compute/CapacityGflops", DoubleValue(m_terminalGflops));
    dt.SetLocalDtDefault("DataModule/StatusInterval", TimeValue(m_statusInterval));
    dt.SetLocalDtDefault("DataModule/AnomalyRate", DoubleValue(m_anomalyRate));
    dt.SetLocalDtDefault("ServiceModule/DemandRate", DoubleValue(m_demandRate));
    dt.SetLocalDtDefault("ServiceModule/UplinkRate", DataRateValue(m_uplinkRate));
    dt.SetLocalDtDefault("ServiceModule/DownlinkRate", DataRateValue(m_downlinkRate));
    dt.SetLocalDtDefault("ServiceModule/GenerationStopTime", TimeValue(WARMUP + m_simTime));
    std::vector<ObjectFactory> classes = m_classes;
    for (auto& c : classes)
    {
        c.Set("WorkloadScale", DoubleValue(m_workloadScale));
    }
    dt.SetDemandClasses(classes);
    dt.SetAppUsage(m_appUsage);
}

ApplicationContainer
MultiLayerDtHelper::InstallCloudDt()
{
    NS_ABORT_MSG_IF(!m_built, "MultiLayerDtHelper: Build before Install");
    SetDtDefaults();
    return m_dt->InstallCloudDt(m_cloudNode.Get(0), m_core->GetCloudAddress());
}

ApplicationContainer
MultiLayerDtHelper::InstallEdgeDt(NodeContainer edges)
{
    NS_ABORT_MSG_IF(!m_built, "MultiLayerDtHelper: Build before Install");
    SetDtDefaults();
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
        Ptr<Node> node = edges.Get(k);
        ApplicationContainer app =
            m_dt->InstallEdgeDt(node, EDGE_DT_ID_BASE + e, GetEdgeAddress(e));
        const uint32_t cell = m_accessNet->GetCellOfEdge(e);
        m_dt->AddCell(node, cell, node->GetObject<MobilityModel>()->GetPosition());
        if (Ptr<NetDevice> ap = m_accessNet->GetAccessPoint(e))
        {
            m_dt->AddAccessPoint(Mac48Address::ConvertFrom(ap->GetAddress()), cell);
        }
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
            DynamicCast<EdgeDtApplication>(app.Get(0))
                ->SetInteractionPlan(std::move(peers), std::move(home));
        }
        apps.Add(app);
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
    SetDtDefaults();
    ApplicationContainer apps;
    for (uint32_t k = 0; k < terminals.GetN(); ++k)
    {
        const uint32_t i = TerminalIndex(terminals.Get(k));
        m_dt->SetServingEdge(terminals.Get(k), m_edgeNodes.Get(m_edgeOf[i]));
        apps.Add(m_dt->InstallLocalDt(
            terminals.Get(k), LOCAL_DT_ID_BASE + i, m_accessNet->GetTerminalAddress(i)));
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
    Ptr<DtStatsCollector> stats = m_dt->GetStats();
    stats->WatchBackhaul(GetFibreDevices());
    if (m_edgeFailAt.IsStrictlyPositive())
    {
        m_faults->ScheduleFailure(m_edgeNodes.Get(m_failedEdge), m_edgeFailAt, m_edgeRecoverAt);
    }
    if (m_malformedInterval.IsStrictlyPositive())
    {
        m_faults->InstallMalformedInjector(
            m_cloudNode.Get(0), *m_dt, m_malformedInterval, m_malformedPort);
    }

    stats->SetScenario("custom", DtArchitectureName(m_architecture));
    TypeId tid = GetInstanceTypeId();
    for (uint32_t a = 0; a < tid.GetAttributeN(); ++a)
    {
        TypeId::AttributeInformation info = tid.GetAttribute(a);
        Ptr<AttributeValue> v = info.checker->Create();
        GetAttribute(info.name, *v);
        stats->SetConfig(info.name, v->SerializeToString(info.checker));
    }
    for (std::size_t c = 0; c < m_classes.size(); ++c)
    {
        std::ostringstream os;
        os << m_classes[c];
        stats->SetConfig("DemandClass" + std::to_string(c), os.str());
    }
    Ptr<DtWifiAccess> wifi = DynamicCast<DtWifiAccess>(m_accessNet);
    stats->SetConfig("UplinkMode", wifi ? wifi->GetUplinkMode() : "");
    stats->SetConfig("DownlinkMode", wifi ? wifi->GetDownlinkMode() : "");
    stats->SetConfig("WarmupTime", std::to_string(WARMUP.GetSeconds()));
    return apps;
}

int64_t
MultiLayerDtHelper::AssignStreams(int64_t stream)
{
    return m_dt->AssignStreams(stream);
}

void
MultiLayerDtHelper::EnablePcap(const std::string& prefix)
{
    NS_ABORT_MSG_IF(!m_built, "MultiLayerDtHelper: Build before EnablePcap");
    m_accessNet->EnablePcap(prefix);
    if (m_adhoc)
    {
        m_adhoc->EnablePcap(prefix);
    }
    PointToPointHelper p2p;
    p2p.EnablePcap(prefix + "-fibre", GetFibreDevices());
    if (m_metro)
    {
        m_metro->EnablePcap(prefix);
    }
}

void
MultiLayerDtHelper::EnableFlowMonitor()
{
    NS_ABORT_MSG_IF(!m_built, "MultiLayerDtHelper: Build before EnableFlowMonitor");
    m_dt->EnableFlowMonitor();
}

void
MultiLayerDtHelper::WriteOutputs(const std::string& dir, double wallSeconds) const
{
    m_dt->WriteOutputs(dir, wallSeconds);
    // Say so when the DTs offered a cell more uplink than it can carry: the
    // results then measure a saturated access network.
    Ptr<DtStatsCollector> stats = m_dt->GetStats();
    const double capacity = static_cast<double>(stats->GetUplinkCapacity().GetBitRate());
    const std::map<uint32_t, double> offered = stats->GetUplinkOffered();
    for (uint32_t cell : stats->GetUplinkOverloadedCells())
    {
        std::cerr << "warning: the DTs offered cell " << cell << " " << offered.at(cell) / 1e6
                  << " Mb/s of uplink, more than the " << capacity / 1e6
                  << " Mb/s it carries at most (summary.json network."
                     "uplink_offered_mbps_by_cell): the access network is saturated"
                  << std::endl;
    }
}

DtSystemHelper&
MultiLayerDtHelper::GetSystemHelper()
{
    return *m_dt;
}

Ptr<DtAccessNetwork>
MultiLayerDtHelper::GetAccessNetwork() const
{
    return m_accessNet;
}

Ptr<DtStatsCollector>
MultiLayerDtHelper::GetStats() const
{
    return m_dt->GetStats();
}

Ptr<DtAddressBook>
MultiLayerDtHelper::GetAddressBook() const
{
    return m_dt->GetAddressBook();
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
