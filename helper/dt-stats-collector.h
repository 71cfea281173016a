/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DT_STATS_COLLECTOR_H
#define DT_STATS_COLLECTOR_H

#include "dt-handover-windows.h"
#include "dt-timeline.h"
#include "dt-wire-counter.h"

#include "ns3/data-rate.h"
#include "ns3/dt-address-book.h"
#include "ns3/dt-demand.h"
#include "ns3/local-dt-data-module.h"
#include "ns3/net-device-container.h"
#include "ns3/nstime.h"
#include "ns3/object.h"

#include <array>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace ns3
{

class DtApplication;
class DtHeader;
class LocalDtApplication;
class CloudDtApplication;
class EdgeDtApplication;
class DtFaultErrorModel;

/**
 * \ingroup multilayer-dt
 * Latency statistics of a set of demands.
 */
struct DtLatencyStats
{
    uint64_t count{0}; //!< demands
    double mean{0};    //!< mean, ms
    double p50{0};     //!< median, ms
    double p95{0};     //!< 95th percentile, ms
    double p99{0};     //!< 99th percentile, ms
};

/**
 * \ingroup multilayer-dt
 * Anomaly detection quality: injected anomalies against flagged samples.
 */
struct DtDetectionStats
{
    uint64_t injected{0};      //!< anomalies injected
    uint64_t detected{0};      //!< injected anomalies with at least one flag in their window
    uint64_t flagged{0};       //!< samples flagged
    uint64_t truePositives{0}; //!< flags inside an injected anomaly's window

    /** \return truePositives / flagged, or -1 if nothing was flagged */
    double Precision() const
    {
        return flagged ? static_cast<double>(truePositives) / flagged : -1;
    }

    /** \return detected / injected, or -1 if nothing was injected */
    double Recall() const
    {
        return injected ? static_cast<double>(detected) / injected : -1;
    }
};

/**
 * \ingroup multilayer-dt
 * Where a demand ran: the DT whose processor ran it, how long it waited
 * for a core there and how long it ran (the last time it started, if it
 * was run again).
 */
struct DtDemandRun
{
    uint32_t dt{0}; //!< DT id of the DT that ran it
    Time start;     //!< when it started on a core
    Time wait;      //!< time waiting for a core
    Time service;   //!< time on the core
};

/**
 * \ingroup multilayer-dt
 * Data-module figures summed over the local DTs.
 */
struct DtDataStats
{
    uint64_t samples{0};           //!< samples taken
    uint64_t rawBytes{0};          //!< RAW size of the sample blocks sent
    uint64_t sentBytes{0};         //!< size of the sample blocks sent
    double reconstructionRmse{0};  //!< RMSE of the compressed position values sent, m
    double maxErrorOverBound{0};   //!< largest compression error over its bound (<= 1)
    uint64_t undecodableBlocks{0}; //!< sample blocks the edges could not decode
    std::array<DtSourceStats, LocalDtDataModule::N_SOURCES> bySource{}; //!< per DtSource - 1
    uint64_t modelUpdates{0};   //!< model versions the cloud pushed
    double modelVersionLag{-1}; //!< mean versions a DT was behind (-1: no sample)
};

/**
 * \ingroup multilayer-dt
 * One agent migration, as the target edge saw it.
 */
struct DtMigrationRecord
{
    uint64_t id{0};        //!< migration id
    uint32_t terminal{0};  //!< whose agent
    uint32_t from{0};      //!< source edge DT
    uint32_t to{0};        //!< target edge DT
    Time start;            //!< request sent
    Time end;              //!< agent restored, or failure (negative: still running)
    uint32_t bytes{0};     //!< state bytes received
    bool completed{false}; //!< restored (else failed, discarded or still running)
    bool discarded{false}; //!< a pre-copy nobody used
    bool proactive{false}; //!< pre-copied before the handover (else pulled after it)
    Time downtime;         //!< how long the agent was unavailable
};

/**
 * \ingroup multilayer-dt
 * One synchronization request, as its terminal saw it end.
 */
struct DtSyncRecord
{
    uint32_t terminal{0}; //!< the terminal
    uint64_t id{0};       //!< its sync id
    Time end;             //!< when it ended
    Time latency;         //!< synchronization time: generation to twin updated (< 0: not applied)
    Time roundTrip;       //!< generation to the twin's answer at the terminal (< 0: none)
    uint8_t outcome{0};   //!< LocalDtApplication::SyncOutcome
};

/**
 * \ingroup multilayer-dt
 * Terminal energy figures, from the ns-3 energy sources and models the
 * helper installs (all 0 without batteries).
 */
struct DtEnergyStats
{
    uint32_t terminals{0};        //!< terminals with a battery
    double totalJ{0};             //!< energy drawn from their batteries
    double radioJ{0};             //!< of which by Wi-Fi radios
    double computeJ{0};           //!< of which by processors
    double minBatteryFraction{1}; //!< lowest remaining battery fraction
};

/**
 * \ingroup multilayer-dt
 * Collects a run's results from the DTs' trace sources and writes them:
 * summary.json (the contract of doc/, section Outputs) and demands.csv.
 */
class DtStatsCollector : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    DtStatsCollector();

    /**
     * Connect to a DT's traces (messages; demands for a local DT; escalations
     * for an edge DT).
     * \param app the DT
     */
    void Watch(Ptr<DtApplication> app);

    /**
     * Record a configuration entry for summary.json ("config"). Values that
     * read as numbers or booleans are written as such.
     * \param key the name
     * \param value its value
     */
    void SetConfig(const std::string& key, const std::string& value);
    /**
     * \param scenario scenario name for summary.json
     * \param architecture "multilayer" or "centralized"
     */
    void SetScenario(const std::string& scenario, const std::string& architecture);

    /** \return demands created */
    uint64_t GetCreated() const;
    /**
     * \param state a final state
     * \return demands in it
     */
    uint64_t GetCount(DtDemandState state) const;
    /** \return failed demands by reason name */
    std::map<std::string, uint64_t> GetFailedReasons() const;
    /**
     * \param tier a tier (LOCAL, EDGE, CLOUD) or -1 for all
     * \return latency statistics of the completed demands that ran there
     */
    DtLatencyStats GetLatency(int tier) const;
    /**
     * \param layer a layer
     * \return signaling bytes sent by the DTs of that layer (DT header and
     *         payload of every message, demand input/output data excluded)
     */
    uint64_t GetSignalingBytes(DtLayer layer) const;
    /**
     * \return what counts the frames of the DT exchange on the links
     *         (transport, IP and link headers, acknowledgements,
     *         retransmissions); its attribute Enabled turns it off
     */
    Ptr<DtWireCounter> GetWireCounter() const;
    /**
     * \return the time series of the run (timeline.csv); its attribute
     *         Interval turns it on
     */
    Ptr<DtTimeline> GetTimeline() const;
    /**
     * \param origin the terminal that created a demand
     * \param id the demand's id
     * \param[out] run where it ran
     * \return false if it never started on a processor
     */
    bool GetDemandRun(uint32_t origin, uint64_t id, DtDemandRun& run) const;
    /**
     * \param layer a layer
     * \return demand input/output bytes sent by the DTs of that layer
     */
    uint64_t GetDataBytes(DtLayer layer) const;
    /** \return every demand in its final state, in the order they finished */
    const std::vector<DtDemand>& GetFinished() const;
    /** \return demands escalated by edge DTs */
    uint64_t GetEscalations() const;
    /** \return malformed packets dropped by all DTs */
    uint64_t GetMalformedDropped() const;
    /**
     * \param slack how long after an injected anomaly ends a flag still counts for it
     * \return detection quality
     */
    DtDetectionStats GetDetection(Time slack = Seconds(1.5)) const;
    /** \return data-module figures of the local DTs */
    DtDataStats GetData() const;
    /** \return energy figures of the terminals */
    DtEnergyStats GetEnergy() const;
    /** \return time the terminals spent in each app-usage state, by state name */
    std::map<std::string, Time> GetAppUsageTimes() const;

    /** \return the scenario name (SetScenario) */
    std::string GetScenario() const;
    /** \return the architecture name (SetScenario) */
    std::string GetArchitectureName() const;
    /** \return the configuration entries (SetConfig), in the order set */
    const std::vector<std::pair<std::string, std::string>>& GetConfig() const;
    /**
     * \param type a DtMessageType value
     * \return messages of that type the DTs sent
     */
    uint64_t GetMessagesSent(uint32_t type) const;
    /** \return mean latency of agent messages delivered across edges, s (-1: none) */
    double GetAgentLatencyAcross() const;
    /** \return edge DT recoveries */
    uint64_t GetEdgeRecoveries() const;
    /** \return region summaries the edge DTs hold back while the cloud is out of reach */
    uint64_t GetSummariesQueued() const;
    /** \return region summaries the edge DTs dropped (queue full) */
    uint64_t GetSummariesDropped() const;
    /** \return the migrations seen so far */
    const std::vector<DtMigrationRecord>& GetMigrations() const;
    /** \return handovers the local DTs detected */
    uint64_t GetHandovers() const;
    /** \return every handover and how long its twin took to serve again */
    const std::vector<DtHandoverWindow>& GetHandoverWindows() const;
    /** \return the synchronizations that ended */
    const std::vector<DtSyncRecord>& GetSyncs() const;
    /**
     * \return mean age of information of the twins where their terminals
     *         synchronize them: at the edges, or in the cloud when no edge
     *         tracked any (TwinPlacement Cloud, centralized); s (-1: none)
     */
    double GetMeanAgeOfInformation() const;
    /**
     * \return mean age of information of the twins the cloud DT holds in the
     *         multi-layer architecture (cloud twins, or the edge twins'
     *         cloud copies), s (-1: none)
     */
    double GetCloudAgeOfInformation() const;
    /**
     * Count the bytes the backhaul (fibre) devices transmit.
     * \param devices point-to-point devices
     */
    void WatchBackhaul(NetDeviceContainer devices);
    /**
     * Count the packets a fault model drops (summary "faults").
     * \param model the model of one receiving device
     */
    void WatchFaults(Ptr<DtFaultErrorModel> model);
    /** \return demands run again after their DT became unreachable */
    uint64_t GetRetried() const;
    /** \return demands that waited for their edge DT (LocalDtServiceModule HoldForEdge) */
    uint64_t GetHeld() const;
    /** \return edge DT failures */
    uint64_t GetEdgeFailures() const;
    /** \return local DTs' failovers to another edge DT */
    uint64_t GetFailovers() const;
    /**
     * \return joins the local DTs sent to ask a silent or unacknowledging
     *         edge DT whether it still answers (DtEdgeLink's Probe)
     */
    uint64_t GetEdgeProbes() const;

    /**
     * \param capacity the most uplink a cell of the access network carries
     *        (0: unknown, or not shared)
     */
    void SetUplinkCapacity(DataRate capacity);
    /** \return the access network's uplink capacity per cell (0: unknown) */
    DataRate GetUplinkCapacity() const;
    /**
     * \return per serving cell, the rate at which the terminals' DTs handed
     *         bytes to their sockets (retransmissions included, transport
     *         and lower headers not), bit/s, between the first and the last
     */
    std::map<uint32_t, double> GetUplinkOffered() const;
    /**
     * \return the serving cells offered more uplink (GetUplinkOffered) than
     *         the capacity (none if it is unknown), in increasing order
     */
    std::vector<uint32_t> GetUplinkOverloadedCells() const;
    /** \return packets the watched fault models dropped by their loss rate */
    uint64_t GetPacketsLost() const;
    /** \return packets the watched fault models exposed to their loss rate */
    uint64_t GetPacketsExposed() const;
    /** \return packets the watched fault models dropped while down */
    uint64_t GetPacketsDroppedDown() const;
    /**
     * \param outcome an EdgeDtApplication::AgentMessageOutcome
     * \return agent messages that ended so
     */
    uint64_t GetAgentMessages(uint8_t outcome) const;
    /** \return agent messages sent by the watched edge DTs' agents */
    uint64_t GetAgentMessagesSent() const;
    /** \return agent messages forwarded after their agent moved */
    uint64_t GetAgentMessagesForwarded() const;
    /** \return times interacting agents were found closer than ProximityRadius */
    uint64_t GetProximityAlerts() const;
    /** \return bytes transmitted on the backhaul so far (frames, with their headers) */
    uint64_t GetBackhaulBytes() const;

  protected:
    void DoDispose() override;

  private:
    /**
     * \param count a counter of DtFaultErrorModel
     * \return its sum over the watched fault models
     */
    uint64_t SumFaults(uint64_t (DtFaultErrorModel::*count)() const) const;
    /** \param d a created demand */
    void DemandCreated(const DtDemand& d);
    /** \param d a demand in its final state */
    void DemandFinished(const DtDemand& d);
    /**
     * \param layer sender's layer
     * \param header message header
     * \param bytes message size
     * \param bulk demand data part
     */
    void MessageSent(DtLayer layer, const DtHeader& header, uint32_t bytes, uint32_t bulk);
    /** Count one escalation. */
    void Escalated();
    /** Count one malformed packet. */
    void Malformed();

    Ptr<DtWireCounter> m_wire;                //!< frames of the DT exchange on the links
    bool m_wireScheduled{false};              //!< its Start is scheduled
    std::string m_scenario{"custom"};         //!< scenario name
    std::string m_architecture{"multilayer"}; //!< architecture name
    std::vector<std::pair<std::string, std::string>> m_config;          //!< configuration
    uint64_t m_created{0};                                              //!< demands created
    std::vector<DtDemand> m_finished;                                   //!< final demands
    std::array<uint64_t, 3> m_signaling{};                              //!< by layer
    std::array<uint64_t, 3> m_data{};                                   //!< by layer
    std::array<uint64_t, DT_MESSAGE_TYPE_COUNT + 1> m_messagesByType{}; //!< sent, by type
    uint64_t m_escalations{0};                                          //!< edge escalations
    uint64_t m_retried{0};                                              //!< demands retried
    uint64_t m_edgeFailures{0};                                         //!< edge DT failures
    uint64_t m_edgeRecoveries{0};                                       //!< edge DT recoveries
    uint64_t m_failovers{0};                                            //!< local DT failovers
    uint64_t m_edgeProbes{0};                                           //!< probing joins
    uint64_t m_held{0};                                                 //!< demands held
    std::map<uint32_t, uint64_t> m_uplinkBytes; //!< bytes the terminals sent, by serving cell
    Time m_uplinkFirst;                         //!< first of them
    Time m_uplinkLast;                          //!< last of them
    DataRate m_uplinkCapacity{0};               //!< per cell (0: unknown)

    /**
     * A terminal's DT handed bytes to a socket.
     * \param cell its serving cell
     * \param bytes how many
     */
    void UplinkOffered(uint32_t cell, uint32_t bytes);
    std::vector<Ptr<DtFaultErrorModel>> m_faultModels; //!< devices' fault models
    std::vector<Ptr<LocalDtApplication>> m_locals;     //!< watched local DTs
    std::vector<Ptr<EdgeDtApplication>> m_edges;       //!< watched edge DTs
    Ptr<CloudDtApplication> m_cloud;                   //!< watched cloud DT
    std::array<uint64_t, 3> m_agentMessages{};         //!< ended, by outcome
    double m_agentLatency{0};                          //!< sum across edges, s
    uint64_t m_proximityAlerts{0};                     //!< interacting agents close
    uint64_t m_backhaulBytes{0};                       //!< fibre bytes sent
    std::vector<DtMigrationRecord> m_migrations;       //!< agent migrations
    uint64_t m_handovers{0};                           //!< handovers detected
    DtHandoverWindows m_handoverWindows;               //!< handover to twin serving again
    std::vector<DtSyncRecord> m_syncs;                 //!< ended synchronizations
    uint64_t m_modelUpdates{0};                        //!< model versions pushed
    double m_lagSum{0};                                //!< version lags, summed
    uint64_t m_lagSamples{0};                          //!< version lags sampled

    Ptr<DtTimeline> m_timeline; //!< time series of the run
    /// Where each demand ran, by (origin, demand id).
    std::map<std::pair<uint32_t, uint64_t>, DtDemandRun> m_runs;

    /// An injected anomaly.
    struct Injection
    {
        uint32_t terminal; //!< where
        Time start;        //!< from
        Time end;          //!< until
    };

    std::vector<Injection> m_injections;            //!< injected anomalies
    std::vector<std::pair<uint32_t, Time>> m_flags; //!< flagged samples: terminal, time
    uint64_t m_malformed{0};                        //!< malformed dropped
};

} // namespace ns3

#endif /* DT_STATS_COLLECTOR_H */
