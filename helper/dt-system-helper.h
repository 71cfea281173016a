/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DT_SYSTEM_HELPER_H
#define DT_SYSTEM_HELPER_H

#include "ns3/application-container.h"
#include "ns3/dt-application.h"
#include "ns3/ipv4-address.h"
#include "ns3/mac48-address.h"
#include "ns3/net-device-container.h"
#include "ns3/node-container.h"
#include "ns3/nstime.h"
#include "ns3/object-factory.h"
#include "ns3/vector.h"

#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace ns3
{

class CloudDtApplication;
class DtAddressBook;
class DtStatsCollector;
class EdgeDtApplication;
class FlowMonitor;
class FlowMonitorHelper;
class LocalDtApplication;
class NetDevice;

/**
 * \ingroup multilayer-dt
 * Installs the three layers of DTs on the nodes of any IPv4 network: the
 * cloud DT on one node, edge DTs on edge servers, local DTs on terminals, as
 * ns-3's application helpers install applications.
 *
 * What it needs from the network: IPv4 reachability between every DT node
 * (terminals to their edges and the cloud, edges to each other and to the
 * cloud), a MobilityModel on the terminals (and on the cell sites, for the
 * proactive migration's prediction). What it finds by itself:
 * - each DT's address: the first address of the node's first IPv4
 *   interface other than the loopback (or the one given);
 * - the radio cells, from the devices given to AddCell: an LTE eNB's cell
 *   id, a Wi-Fi access point's BSSID, the site from its node's position;
 * - which edge serves a terminal at the start: the one SetServingEdge gave,
 *   else the edge of the eNB an LTE UE was attached to, else of the nearest
 *   access point with the station's SSID, else of the nearest cell.
 * Handover detection, migration and proactive prediction then work on that
 * network as on the built-in scenarios.
 *
 * Attributes: a value set with Set{Local,Edge,Cloud}DtAttribute, or on the
 * attribute's TypeId with Config::SetDefault, is never overwritten. A name
 * may be a path into the DT's parts: "Compute/CapacityGflops",
 * "DataModule/StatusInterval", "ServiceModule/DemandRate". Scenario-wide
 * values (Set{Local,Edge,Cloud}DtDefault, SetArchitecture) apply only where
 * the user set nothing. The DT ids and the serving edge and cell of each
 * local DT are the installer's to set. Defaults of the installer itself: the
 * compute of the built-in scenarios (edge 20 GFLOPS, cloud 500 GFLOPS; a
 * terminal has ComputeResource's 1 GFLOPS). Set what your network gives,
 * in particular the access rates the local DTs assume when they estimate
 * transfer times ("ServiceModule/UplinkRate" and "ServiceModule/DownlinkRate",
 * 50 and 200 Mb/s by default, Wi-Fi-like; a loaded LTE cell gives far less).
 *
 * \code
 *   DtSystemHelper dt;
 *   dt.SetLocalDtAttribute("SyncProbability", DoubleValue(0.2));
 *   dt.InstallCloudDt(cloudNode);
 *   dt.InstallEdgeDt(edgeNodes);
 *   dt.AddCell(edgeNodes.Get(0), enbDevices.Get(0));  // and the other cells
 *   dt.InstallLocalDt(ueNodes);
 *   Simulator::Stop(dt.GetStopTime() + MilliSeconds(1));
 *   Simulator::Run();
 *   dt.WriteOutputs("out", 0);  // summary.json, demands.csv, sync.csv, migrations.csv
 * \endcode
 */
class DtSystemHelper
{
  public:
    /// DT id of the cloud DT.
    static constexpr uint32_t CLOUD_DT_ID = 1;
    /// DT id of the first edge DT; the next ones count up.
    static constexpr uint32_t EDGE_DT_ID_BASE = 100;
    /// DT id of the first local DT; the next ones count up.
    static constexpr uint32_t LOCAL_DT_ID_BASE = 1000;
    /// First cell number AddCell gives a Wi-Fi access point (above every LTE cell id).
    static constexpr uint32_t WIFI_CELL_BASE = 0x10000;

    DtSystemHelper();
    ~DtSystemHelper();

    DtSystemHelper(const DtSystemHelper&) = delete;
    DtSystemHelper& operator=(const DtSystemHelper&) = delete;

    /**
     * Set an attribute of every local DT installed from now on; it wins over
     * every scenario-wide value.
     * \param name attribute name, or a path into the DT's parts ("Compute/CapacityGflops")
     * \param value its value
     */
    void SetLocalDtAttribute(const std::string& name, const AttributeValue& value);
    /**
     * Set an attribute of every edge DT installed from now on (see SetLocalDtAttribute).
     * \param name attribute name or path
     * \param value its value
     */
    void SetEdgeDtAttribute(const std::string& name, const AttributeValue& value);
    /**
     * Set an attribute of the cloud DT (see SetLocalDtAttribute).
     * \param name attribute name or path
     * \param value its value
     */
    void SetCloudDtAttribute(const std::string& name, const AttributeValue& value);

    /**
     * A scenario-wide value for the local DTs: used unless the user set the
     * attribute (SetLocalDtAttribute, or Config::SetDefault of its TypeId).
     * \param name attribute name or path
     * \param value its value
     */
    void SetLocalDtDefault(const std::string& name, const AttributeValue& value);
    /**
     * A scenario-wide value for the edge DTs (see SetLocalDtDefault).
     * \param name attribute name or path
     * \param value its value
     */
    void SetEdgeDtDefault(const std::string& name, const AttributeValue& value);
    /**
     * A scenario-wide value for the cloud DT (see SetLocalDtDefault).
     * \param name attribute name or path
     * \param value its value
     */
    void SetCloudDtDefault(const std::string& name, const AttributeValue& value);
    /**
     * The architecture of every DT (a scenario-wide value of the three
     * layers' Architecture attribute; default: multi-layer).
     * \param architecture the architecture
     */
    void SetArchitecture(DtArchitecture architecture);
    /** \return the architecture the cloud DT is installed with */
    DtArchitecture GetArchitecture() const;

    /**
     * The demand classes every local DT draws from (default: none; the
     * built-in scenarios' three are DtDefaultWorkload::GetDemandClasses).
     * \param classes one factory per class (TypeId ns3::DtDemandClass)
     */
    void SetDemandClasses(const std::vector<ObjectFactory>& classes);
    /**
     * Give every local DT the default app-usage chain
     * (DtDefaultWorkload::CreateAppUsage), which scales the rates of the
     * three default demand classes.
     * \param enable true: give it
     */
    void SetAppUsage(bool enable);
    /**
     * Where the local DTs installed from now on place their demands: each
     * gets its own instance of this DtPlacementPolicy subclass as its service
     * module's PlacementPolicy (default: the service module's own,
     * DtLowestFeasiblePlacement). A value the user sets with
     * SetLocalDtAttribute("ServiceModule/PlacementPolicy", ...) wins.
     * \param type the policy's TypeId name, e.g. "ns3::DtMinLatencyPlacement"
     */
    void SetPlacementPolicyType(const std::string& type);
    /**
     * Set an attribute of the placement policies created from now on.
     * \param name the attribute's name
     * \param value its value
     */
    void SetPlacementPolicyAttribute(const std::string& name, const AttributeValue& value);

    /**
     * When the DTs start: local DTs then, the cloud and edge DTs at half of
     * it, so that they listen when the local DTs join (default 1 s).
     * \param start the local DTs' start time
     */
    void SetStartTime(Time start);
    /** \return when the local DTs start */
    Time GetStartTime() const;
    /**
     * When every DT stops (default 60 s); pending demands end then, as failed.
     * \param stop the stop time
     */
    void SetStopTime(Time stop);
    /** \return when every DT stops */
    Time GetStopTime() const;

    /**
     * Install the cloud DT on a node; its address is the node's first IPv4
     * address.
     * \param node the cloud node
     * \return the cloud DT
     */
    ApplicationContainer InstallCloudDt(Ptr<Node> node);
    /**
     * Install the cloud DT on a node.
     * \param node the cloud node
     * \param address where it receives DT traffic
     * \return the cloud DT
     */
    ApplicationContainer InstallCloudDt(Ptr<Node> node, Ipv4Address address);

    /**
     * Install an edge DT on each node; the DT ids count up from
     * EDGE_DT_ID_BASE, the addresses are the nodes' first IPv4 addresses.
     * \param nodes the edge servers
     * \return the edge DTs
     */
    ApplicationContainer InstallEdgeDt(NodeContainer nodes);
    /**
     * Install an edge DT on a node.
     * \param node the edge server
     * \param dtId its DT id (not in use)
     * \param address where it receives DT traffic
     * \return the edge DT
     */
    ApplicationContainer InstallEdgeDt(Ptr<Node> node, uint32_t dtId, Ipv4Address address);

    /**
     * Register the radio cell of an installed edge DT's site: an LTE eNB
     * device (its cell id) or a Wi-Fi access point (a cell number from
     * WIFI_CELL_BASE up, and its BSSID); the site is the device's node's
     * position (no MobilityModel: no site).
     * \param edge a node with an edge DT
     * \param device an LteEnbNetDevice or a WifiNetDevice with an ApWifiMac
     * \return the cell number
     */
    uint32_t AddCell(Ptr<Node> edge, Ptr<NetDevice> device);
    /**
     * Register a cell of an installed edge DT's site by number.
     * \param edge a node with an edge DT
     * \param cell the cell number (an LTE cell id, or a number of your own)
     * \param site where its antenna stands
     */
    void AddCell(Ptr<Node> edge, uint32_t cell, const Vector& site);
    /**
     * Record the cell of a Wi-Fi access point (what AddCell does for a Wi-Fi device).
     * \param bssid the AP's BSSID
     * \param cell its cell number
     */
    void AddAccessPoint(Mac48Address bssid, uint32_t cell);

    /**
     * Which edge DT serves a terminal at the start (else it is found, see
     * the class description).
     * \param terminal the terminal node
     * \param edge a node with an edge DT
     */
    void SetServingEdge(Ptr<Node> terminal, Ptr<Node> edge);

    /**
     * Install a local DT on each terminal; the DT ids count up from
     * LOCAL_DT_ID_BASE, the addresses are the nodes' first IPv4 addresses.
     * \param terminals the terminals
     * \return the local DTs
     */
    ApplicationContainer InstallLocalDt(NodeContainer terminals);
    /**
     * Install a local DT on a terminal.
     * \param terminal the terminal
     * \param dtId its DT id (not in use)
     * \param address where it receives DT traffic
     * \return the local DT
     */
    ApplicationContainer InstallLocalDt(Ptr<Node> terminal, uint32_t dtId, Ipv4Address address);

    /**
     * Measure every IP flow of the nodes with ns-3's FlowMonitor;
     * WriteOutputs then writes flowmon.xml.
     * \param nodes the nodes (all nodes if empty)
     */
    void EnableFlowMonitor(NodeContainer nodes = NodeContainer());

    /**
     * Write summary.json, demands.csv, sync.csv, migrations.csv (and
     * flowmon.xml) into a folder, created if needed.
     * \param dir the folder
     * \param wallSeconds wall-clock time of the run, for summary.json
     */
    void WriteOutputs(const std::string& dir, double wallSeconds) const;

    /**
     * \param stream first random stream index for the local DTs' random variables
     * \return streams used
     */
    int64_t AssignStreams(int64_t stream);

    /** \return the address book every installed DT shares */
    Ptr<DtAddressBook> GetAddressBook() const;
    /** \return the statistics of every installed DT */
    Ptr<DtStatsCollector> GetStats() const;
    /** \return the cloud DT (null before InstallCloudDt) */
    Ptr<CloudDtApplication> GetCloudDt() const;
    /**
     * \param node a node
     * \return its edge DT, or null
     */
    Ptr<EdgeDtApplication> GetEdgeDt(Ptr<Node> node) const;
    /** \return the local DTs installed so far */
    ApplicationContainer GetLocalDts() const;
    /** \return every node with a DT: the cloud, the edges, the terminals */
    NodeContainer GetDtNodes() const;

    /**
     * \param node a node with an IPv4 stack
     * \return the first address of its first interface other than the loopback
     */
    static Ipv4Address GetNodeAddress(Ptr<Node> node);

  private:
    /// A DT layer's factory: the user's values and the scenario's defaults.
    struct Layer
    {
        ObjectFactory factory;                                             //!< the DT type
        std::vector<std::pair<std::string, Ptr<AttributeValue>>> user;     //!< user's values
        std::vector<std::pair<std::string, Ptr<AttributeValue>>> defaults; //!< scenario's
    };

    /**
     * Record a value of a layer.
     * \param layer the layer
     * \param list its user or default list
     * \param name attribute name or path
     * \param value the value
     */
    static void Record(Layer& layer,
                       std::vector<std::pair<std::string, Ptr<AttributeValue>>>& list,
                       const std::string& name,
                       const AttributeValue& value);
    /**
     * Create a DT of a layer: structural values, then defaults (unless the
     * user set the attribute), then the user's values.
     * \param layer the layer
     * \param fixed the installer's own values (DT id, serving edge, ...)
     * \return the DT
     */
    Ptr<DtApplication> CreateDt(
        const Layer& layer,
        const std::vector<std::pair<std::string, Ptr<AttributeValue>>>& fixed) const;
    /**
     * \param layer a layer
     * \param name attribute name or path
     * \return true if the user set it on the layer
     */
    static bool UserSet(const Layer& layer, const std::string& name);
    /**
     * Set an attribute or a path of attributes on an object.
     * \param object the object
     * \param path attribute name, or POINTER_ATTRIBUTE/.../NAME
     * \param value the value
     * \param onlyIfDefault do nothing when Config::SetDefault changed the attribute
     */
    static void SetPath(Ptr<Object> object,
                        const std::string& path,
                        const AttributeValue& value,
                        bool onlyIfDefault);
    /**
     * Find the edge DT (and cell) serving a terminal at the start.
     * \param terminal the terminal
     * \param cell set to its cell (0: none)
     * \return the edge DT id
     */
    uint32_t FindServingEdge(Ptr<Node> terminal, uint32_t& cell) const;
    /**
     * \param node a node
     * \return the id of its edge DT (aborts if none)
     */
    uint32_t EdgeDtIdOf(Ptr<Node> node) const;

    Layer m_local;                                          //!< local DTs
    Layer m_edge;                                           //!< edge DTs
    Layer m_cloud;                                          //!< the cloud DT
    DtArchitecture m_architecture;                          //!< for the summary
    std::vector<ObjectFactory> m_classes;                   //!< demand classes
    bool m_appUsage{false};                                 //!< default app-usage chain
    ObjectFactory m_placementPolicy;                        //!< placement policy (if set)
    Time m_start;                                           //!< local DTs' start
    Time m_stop;                                            //!< every DT's stop
    Ptr<DtAddressBook> m_book;                              //!< shared address book
    Ptr<DtStatsCollector> m_stats;                          //!< statistics
    Ptr<CloudDtApplication> m_cloudApp;                     //!< the cloud DT
    std::map<Ptr<Node>, Ptr<EdgeDtApplication>> m_edgeApps; //!< edge DT by node
    std::vector<Ptr<Node>> m_edgeNodes;                     //!< in install order
    ApplicationContainer m_localApps;                       //!< local DTs
    NodeContainer m_terminals;                              //!< terminals, in install order
    std::map<Ptr<Node>, Ptr<Node>> m_servingEdge;           //!< terminal -> edge node (given)
    std::map<uint32_t, std::vector<uint32_t>> m_edgeCells;  //!< edge DT id -> its cells
    uint32_t m_nextEdgeId{EDGE_DT_ID_BASE};                 //!< next automatic edge DT id
    uint32_t m_nextLocalId{LOCAL_DT_ID_BASE};               //!< next automatic local DT id
    uint32_t m_nextWifiCell{WIFI_CELL_BASE};                //!< next automatic Wi-Fi cell
    std::shared_ptr<FlowMonitorHelper> m_flowHelper;        //!< FlowMonitor (if enabled)
    Ptr<FlowMonitor> m_flowMonitor;                         //!< FlowMonitor (if enabled)
};

} // namespace ns3

#endif /* DT_SYSTEM_HELPER_H */
