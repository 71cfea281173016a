/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef MULTILAYER_DT_HELPER_H
#define MULTILAYER_DT_HELPER_H

#include "ns3/application-container.h"
#include "ns3/box.h"
#include "ns3/data-rate.h"
#include "ns3/dt-access-network.h"
#include "ns3/dt-application.h"
#include "ns3/dt-demand-class.h"
#include "ns3/dt-fading.h"
#include "ns3/dt-migration-policy.h"
#include "ns3/dt-system-helper.h"
#include "ns3/dt-twin-placement.h"
#include "ns3/ipv4-interface-container.h"
#include "ns3/mac48-address.h"
#include "ns3/net-device-container.h"
#include "ns3/node-container.h"
#include "ns3/object-factory.h"
#include "ns3/object.h"
#include "ns3/queue-size.h"
#include "ns3/vector.h"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace ns3
{

class DtAdhocNetwork;
class DtAddressBook;
class DtFaultHelper;
class DtFibreCore;
class DtMetroRing;
class DtStatsCollector;

/**
 * \ingroup multilayer-dt
 * Builds a complete multi-layer DT scenario: terminals, edge servers and a
 * cloud, their network, and their DT applications. The network is one of
 * the built-in access networks (DtWifiAccess, DtWifiRoamingAccess,
 * DtLteAccess, DtWiredAccess) with the fibre core (DtFibreCore); the DTs are
 * installed on it by DtSystemHelper, which also installs them on networks
 * of your own. The scenario-wide values of the DTs (SyncProbability,
 * MigrationPolicy, ...) are defaults: values set with Set*DtAttribute or
 * Config::SetDefault win.
 *
 * Network (Access=Wifi): every edge server is the access point of its own
 * 802.11ac BSS (one channel object per BSS); a terminal joins the BSS of the
 * edge it is assigned to (round robin) and is placed at random within
 * TerminalRadius of that access point. The station and access point data
 * modes are the slowest VHT MCS (1 spatial stream, ChannelWidth MHz) whose PHY
 * rate reaches UplinkRate and DownlinkRate. Edges reach the cloud over
 * point-to-point "fibre" links of FibreRate with a delay of
 * EdgeCloudDistanceKm x FibreDelayPerKm, and their neighbours likewise.
 * Routing is ns-3's global routing.
 *
 * Typical use, like ns-3's scenario helpers:
 * \code
 *   Ptr<MultiLayerDtHelper> dt = CreateObject<MultiLayerDtHelper> ();
 *   dt->SetAttribute ("Terminals", UintegerValue (10));
 *   dt->SetAttribute ("Architecture", EnumValue (DtArchitecture::CENTRALIZED));
 *   dt->Build ();                           // nodes, devices, addresses, routes
 *   ApplicationContainer apps = dt->Install (); // every DT, started and stopped
 *   Simulator::Stop (dt->GetStopTime ());
 *   Simulator::Run ();
 *   dt->WriteOutputs ("out");               // summary.json, demands.csv
 *   Simulator::Destroy ();
 * \endcode
 */
class MultiLayerDtHelper : public Object
{
  public:
    /// Access technology between terminals and edges.
    enum Access
    {
        WIFI = 0,  //!< 802.11ac, one BSS per edge server
        LTE = 1,   //!< LTE with EPC, one eNB per edge site, X2 handover
        WIRED = 2, //!< a point-to-point link per terminal to its edge: no radio
    };

    /// IP TOS of the DT datagrams with LteDtBearer: DSCP 46 (expedited forwarding).
    static constexpr uint8_t DT_BEARER_TOS = 46 << 2;

    /// Where the LTE scheduler takes a UE's uplink channel quality from.
    enum LteUplinkCqi
    {
        CQI_SRS = 0,   //!< sounding reference signals (ns-3's default)
        CQI_PUSCH = 1, //!< the UE's own uplink transmissions
    };

    /// RLC mode of the LTE data bearers.
    enum LteRlcMode
    {
        RLC_UM = 0, //!< unacknowledged: a PDU lost after HARQ is lost
        RLC_AM = 1, //!< acknowledged: lost PDUs are retransmitted (ARQ)
    };

    /// How the edge servers are linked to each other (LTE).
    enum Backhaul
    {
        BACKHAUL_STAR = 0, //!< each edge on its own fibre to the PGW; edges meet at the PGW
        BACKHAUL_RING = 1, //!< edges at the cells on a metro ring (DtMetroRing); relayed syncs
    };

    /// How terminals move.
    enum TerminalMobility
    {
        STATIC = 0,       //!< constant positions
        GAUSS_MARKOV = 1, //!< GaussMarkovMobilityModel within a square around their AP
    };

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    MultiLayerDtHelper();
    ~MultiLayerDtHelper() override;

    /**
     * Place the edge sites (access points, eNBs) at these positions instead
     * of on a line EdgeSpacing apart (before Build; one per edge).
     * \param positions the sites
     */
    void SetEdgePositions(const std::vector<Vector>& positions);

    /**
     * Hand a terminal over to another edge site's cell at a given time (LTE
     * access, after Build): an X2 handover requested from the cell serving it
     * then.
     * \param at when
     * \param terminal the terminal node
     * \param targetEdge index of the edge site whose cell it moves to, or
     *        NEXT_EDGE for the site after the one serving it then
     */
    void ScheduleHandover(Time at, Ptr<Node> terminal, uint32_t targetEdge);
    /// ScheduleHandover target: the edge site after the serving one.
    static constexpr uint32_t NEXT_EDGE = DtAccessNetwork::NEXT_EDGE;

    /**
     * Move the terminals with any ns-3 mobility model instead of the
     * TerminalMobility attribute's (before Build). Each terminal gets its own
     * instance, starting at its place around its access point.
     * \param factory a factory of an ns3::MobilityModel subclass
     */
    void SetTerminalMobilityModel(const ObjectFactory& factory);

    /**
     * Replace the demand classes every terminal draws from (default: the
     * three classes documented in doc/: control, regional, analytics).
     * \param classes one factory per class (TypeId ns3::DtDemandClass and its attributes)
     */
    void SetDemandClasses(const std::vector<ObjectFactory>& classes);
    /** \return the demand class factories */
    const std::vector<ObjectFactory>& GetDemandClasses() const;

    /**
     * Set an attribute of every local DT created by Install; it wins over the
     * scenario's own value of the same attribute (DtSystemHelper).
     * \param name attribute name, or a path into the DT's parts
     *        ("Compute/CapacityGflops", "ServiceModule/DemandRate")
     * \param value its value
     */
    void SetLocalDtAttribute(const std::string& name, const AttributeValue& value);
    /**
     * Set an attribute of every edge DT created by Install; it wins over the
     * scenario's own value of the same attribute (DtSystemHelper).
     * \param name attribute name, or a path into the DT's parts
     *        ("Compute/CapacityGflops", "ServiceModule/DemandRate")
     * \param value its value
     */
    void SetEdgeDtAttribute(const std::string& name, const AttributeValue& value);
    /**
     * Set an attribute of the cloud DT created by Install; it wins over the
     * scenario's own value of the same attribute (DtSystemHelper).
     * \param name attribute name, or a path into the DT's parts
     *        ("Compute/CapacityGflops", "ServiceModule/DemandRate")
     * \param value its value
     */
    void SetCloudDtAttribute(const std::string& name, const AttributeValue& value);

    /** Create nodes, devices, mobility, the IP stack, addresses and routes. */
    void Build();

    /**
     * Install every DT on the built network, fill the address book, connect
     * the statistics, and set start and stop times.
     * \return the cloud DT, then the edge DTs, then the local DTs
     */
    ApplicationContainer Install();

    /**
     * Install local DTs on terminals of the built network.
     * \param terminals terminal nodes (each must be one of GetTerminals())
     * \return the local DTs
     */
    ApplicationContainer InstallLocalDt(NodeContainer terminals);
    /**
     * \param terminal a terminal node
     * \return its local DT
     */
    ApplicationContainer InstallLocalDt(Ptr<Node> terminal);
    /**
     * Install edge DTs on edge nodes of the built network.
     * \param edges edge nodes (each must be one of GetEdges())
     * \return the edge DTs
     */
    ApplicationContainer InstallEdgeDt(NodeContainer edges);
    /**
     * Install the cloud DT on the cloud node.
     * \return the cloud DT
     */
    ApplicationContainer InstallCloudDt();

    /**
     * Write PCAP traces (call after Build): every Wi-Fi device (radiotap),
     * every fibre link, and over LTE the EPC's links at the SGW (S1-U, GTP-U:
     * ns-3's LTE radio writes no PCAP); files PREFIX-KIND-NODE-DEVICE.pcap.
     * \param prefix file name prefix (may include a folder)
     */
    void EnablePcap(const std::string& prefix);

    /**
     * Measure every IP flow with ns-3's FlowMonitor (all nodes); WriteOutputs
     * then writes flowmon.xml. Call after Build.
     */
    void EnableFlowMonitor();

    /**
     * Write summary.json and demands.csv into a folder (created if needed).
     * \param dir the folder
     * \param wallSeconds wall-clock time of the run, for summary.json
     */
    void WriteOutputs(const std::string& dir, double wallSeconds) const;

    /** \return the installer of the DTs (after Build) */
    DtSystemHelper& GetSystemHelper();
    /** \return the access network (after Build) */
    Ptr<DtAccessNetwork> GetAccessNetwork() const;
    /** \return the statistics collected so far */
    Ptr<DtStatsCollector> GetStats() const;
    /** \return the address book of the scenario */
    Ptr<DtAddressBook> GetAddressBook() const;
    /** \return terminal nodes */
    NodeContainer GetTerminals() const;
    /** \return edge server nodes */
    NodeContainer GetEdges() const;
    /** \return the cloud node */
    Ptr<Node> GetCloud() const;
    /** \return every node that runs a DT: the cloud, the edges, the terminals */
    NodeContainer GetDtNodes() const;
    /** \return when the DTs stop: warm-up (1 s) + SimTime + DrainTime */
    Time GetDtStopTime() const;
    /** \return when the simulation should stop: just after the DTs stop */
    Time GetStopTime() const;
    /**
     * \param terminal a terminal index
     * \return the index of the edge serving it
     */
    uint32_t GetEdgeOf(uint32_t terminal) const;
    /** \return the architecture */
    DtArchitecture GetArchitecture() const;

    /**
     * \param stream first random stream index for the DTs' random variables
     * \return streams used
     */
    int64_t AssignStreams(int64_t stream);

    /// DT id of the cloud DT.
    static constexpr uint32_t CLOUD_DT_ID = DtSystemHelper::CLOUD_DT_ID;
    /// DT id of edge 0; edge e has EDGE_DT_ID_BASE + e.
    static constexpr uint32_t EDGE_DT_ID_BASE = DtSystemHelper::EDGE_DT_ID_BASE;
    /// DT id of terminal 0; terminal i has LOCAL_DT_ID_BASE + i.
    static constexpr uint32_t LOCAL_DT_ID_BASE = DtSystemHelper::LOCAL_DT_ID_BASE;

  protected:
    void DoDispose() override;

  private:
    /** Place access points, edges, the cloud and the terminals (with their mobility). */
    void PlaceNodes();
    /**
     * The scenario-wide values of the DTs, as the installer's defaults
     * (values users set on the DTs win over them).
     */
    void SetDtDefaults();
    /**
     * \param e an edge index
     * \return the address its edge DT receives on
     */
    Ipv4Address GetEdgeAddress(uint32_t e) const;
    /**
     * Carry out a scheduled handover.
     * \param terminal terminal index
     * \param targetEdge edge index or NEXT_EDGE
     */
    void DoHandover(uint32_t terminal, uint32_t targetEdge);
    /**
     * \param node a terminal node
     * \return its index, aborting if it is not a terminal of this scenario
     */
    uint32_t TerminalIndex(Ptr<Node> node) const;
    /** \return the fibre devices: the access network's backhaul, then the core */
    NetDeviceContainer GetFibreDevices() const;

    // Attributes
    uint32_t m_terminals;              //!< number of terminals
    uint32_t m_edges;                  //!< number of edge servers
    DtArchitecture m_architecture;     //!< architecture
    bool m_peerToPeer;                 //!< terminals' ad hoc network
    Access m_access;                   //!< access technology
    double m_terminalGflops;           //!< terminal capacity
    double m_edgeGflops;               //!< edge capacity
    double m_cloudGflops;              //!< cloud capacity
    uint32_t m_edgeCores;              //!< edge cores
    uint32_t m_cloudCores;             //!< cloud cores
    DataRate m_uplinkRate;             //!< access uplink target
    DataRate m_downlinkRate;           //!< access downlink target
    DataRate m_fibreRate;              //!< fibre rate
    double m_edgeCloudKm;              //!< edge-cloud distance
    DataRate m_wanRate;                //!< wide-area segment's rate (0: none)
    QueueSize m_wanQueue;              //!< its transmit queue
    double m_wanLoad;                  //!< its background load
    double m_edgeGatewayKm;            //!< edge to its gateway
    double m_edgeEdgeKm;               //!< edge-edge distance
    Time m_fibreDelayPerKm;            //!< fibre delay per km
    uint16_t m_channelWidth;           //!< Wi-Fi channel width, MHz
    double m_edgeSpacing;              //!< metres between access points
    double m_terminalRadius;           //!< terminal placement radius, m
    TerminalMobility m_mobility;       //!< how terminals move
    double m_meanSpeed;                //!< Gauss-Markov mean speed, m/s
    double m_gmAlpha;                  //!< Gauss-Markov memory
    Time m_gmTimeStep;                 //!< Gauss-Markov update period
    ObjectFactory m_mobilityFactory;   //!< user's terminal mobility (if set)
    std::vector<Vector> m_sites;       //!< edge sites (empty: on a line)
    Box m_mobilityBounds;              //!< Gauss-Markov area (empty: automatic)
    double m_demandRate;               //!< demands per second per terminal
    Time m_simTime;                    //!< demand generation time
    Time m_drainTime;                  //!< time for the last demands to finish
    Time m_statusInterval;             //!< status update period
    double m_anomalyRate;              //!< injected anomalies per second per terminal
    bool m_appUsage;                   //!< terminals run the default app-usage chain
    double m_batteryEnergy;            //!< terminal battery, J (0: none)
    DtMigrationMode m_migrationPolicy; //!< agent migration on handover
    DtTwinPlacement m_twinPlacement;   //!< where the twins live
    TypeId m_placementPolicy;          //!< where demands run (DtPlacementPolicy subclass)
    Time m_interactionInterval;        //!< agent-to-agent round period (0: none)
    double m_workloadScale;            //!< factor on every demand's workload
    uint32_t m_groupSize;              //!< terminals per interacting group
    double m_syncProbability;          //!< sync request probability per slot
    Time m_syncSlot;                   //!< sync slot
    Time m_syncDeadline;               //!< sync latency requirement
    double m_syncGflop;                //!< work per sync at the twin's host
    uint32_t m_twinStateBytes;         //!< model size of each twin
    Backhaul m_backhaul;               //!< how the edges are linked (LTE)
    double m_metroHopKm;               //!< metro ring: fibre per hop, km
    DataRate m_metroRate;              //!< metro ring: rate of every hop
    double m_metroLoad;                //!< metro ring: background load per hop and way
    bool m_statusUpdates;              //!< local DTs send status updates
    uint16_t m_lteRbs;                 //!< LTE bandwidth, resource blocks
    uint32_t m_lteSrs;                 //!< SRS periodicity, ms (0: automatic)
    LteUplinkCqi m_lteUplinkCqi;       //!< uplink CQI source
    LteRlcMode m_lteRlc;               //!< RLC mode of the data bearers
    Time m_lteRlcReordering;           //!< RLC t-Reordering
    bool m_lteDtBearer;                //!< DT datagrams on a dedicated bearer
    double m_enbTxPower;               //!< eNB transmit power, dBm
    DtFading::Model m_fading;          //!< fast fading on the radio links
    double m_ricianK;                  //!< its Rician K factor (linear)
    double m_nakagamiM;                //!< Independent fading's shape (0: from K)
    bool m_autoHandover;               //!< A3-RSRP handover (else only scheduled ones)
    double m_hoHysteresis;             //!< A3 handover hysteresis, dB
    Time m_hoTimeToTrigger;            //!< A3 handover time to trigger
    double m_edgePgwKm;                //!< edge server to PGW fibre, km
    bool m_wifiRoaming;                //!< one ESS: stations roam between the APs
    double m_wifiExponent;             //!< Wi-Fi log-distance path loss exponent
    double m_wifiTxPower;              //!< Wi-Fi transmit power, dBm

    std::vector<ObjectFactory> m_classes; //!< demand classes
    std::unique_ptr<DtSystemHelper> m_dt; //!< installs the DTs
    bool m_built{false};                  //!< Build() done
    NodeContainer m_terminalNodes;        //!< terminals
    NodeContainer m_edgeNodes;            //!< edge servers / APs
    NodeContainer m_cloudNode;            //!< the cloud
    std::vector<uint32_t> m_edgeOf;       //!< terminal -> edge at the start
    Ptr<DtAccessNetwork> m_accessNet;     //!< the access network
    Ptr<DtFibreCore> m_core;              //!< the fibre core
    Ptr<DtMetroRing> m_metro;             //!< the metro ring (Backhaul=Ring)
    Ptr<DtAdhocNetwork> m_adhoc;          //!< the terminals' ad hoc network (PeerToPeer)
    Ptr<DtFaultHelper> m_faults;          //!< fault models (LossRate, edge failures)
    double m_lossRate;                    //!< packet loss on access and fibre
    uint32_t m_failedEdge;                //!< edge that fails
    Time m_edgeFailAt;                    //!< when (0: never)
    Time m_edgeRecoverAt;                 //!< when it comes back (0: never)
    bool m_edgeFailover;                  //!< LTE: local DTs fail over to another edge DT
    Time m_malformedInterval;             //!< injector period (0: none)
    uint16_t m_malformedPort;             //!< injector port (0: the DTs')
};

} // namespace ns3

#endif /* MULTILAYER_DT_HELPER_H */
