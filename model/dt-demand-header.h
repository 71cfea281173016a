/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DT_DEMAND_HEADER_H
#define DT_DEMAND_HEADER_H

#include "dt-payload.h"

namespace ns3
{

/**
 * \ingroup multilayer-dt
 * The layer of the DT system that runs a demand.
 */
enum class DtTier : uint8_t
{
    LOCAL = 0, //!< on the terminal (local DT)
    EDGE = 1,  //!< on an edge server (edge DT)
    CLOUD = 2, //!< on the cloud (cloud DT)
    PEER = 3,  //!< on a neighbouring terminal (peer local DT)
};

/// The largest defined DtTier value.
constexpr DtTier DT_TIER_MAX = DtTier::PEER;

/**
 * \ingroup multilayer-dt
 * \param tier a tier
 * \return its lower-case name, e.g. "edge"
 */
const char* DtTierName(DtTier tier);

/**
 * \ingroup multilayer-dt
 * Final outcome of a demand as reported by the DT that ran it.
 */
enum class DtDemandOutcome : uint8_t
{
    COMPLETED = 0, //!< the result is attached
    FAILED = 1,    //!< the demand could not be served; see DtFailureReason
};

/**
 * \ingroup multilayer-dt
 * Why a demand failed.
 */
enum class DtFailureReason : uint8_t
{
    NONE = 0,            //!< not failed
    QUEUE_FULL = 1,      //!< the compute queue refused it
    UNREACHABLE = 2,     //!< no route to a DT able to serve it
    TIMEOUT = 3,         //!< no response before the give-up time
    MIGRATING = 4,       //!< its agent was migrating and the policy rejects
    UNKNOWN_SERVICE = 5, //!< no service is registered for its class
    NODE_FAILED = 6,     //!< the edge DT holding it stopped answering: a join to it failed
    SIMULATION_END = 7,  //!< still pending when the terminal's DT stopped
};

/// The largest defined DtFailureReason value.
constexpr DtFailureReason DT_FAILURE_REASON_MAX = DtFailureReason::SIMULATION_END;

/**
 * \ingroup multilayer-dt
 * \param reason a failure reason
 * \return its lower-case name, e.g. "queue-full"
 */
const char* DtFailureReasonName(DtFailureReason reason);

/**
 * \ingroup multilayer-dt
 * DEMAND_REQUEST payload: a demand sent to the DT that should run it.
 *
 * Layout: demandId u64, origin u32, demandClass u8, priority u8 (0..7),
 * tier u8, hops u8, workloadGflop f64 (> 0), inputBytes u32, outputBytes u32,
 * createdNs u64, deadlineNs u64 (>= createdNs); 48 bytes, followed by
 * inputBytes of bulk input data.
 */
class DtDemandRequestHeader : public DtWireChunk<DtDemandRequestHeader, DtPayload>
{
  public:
    static constexpr uint8_t MAX_PRIORITY = 7; //!< priorities are 0 (lowest) .. 7

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /**
     * The wire layout; see DtWireChunk.
     * \param v the visitor
     * \param h the payload
     */
    template <class V, class S>
    static void Fields(V& v, S& h)
    {
        v.U64("demandId", h.m_demandId);
        v.U32("origin", h.m_origin);
        v.U8("demandClass", h.m_demandClass);
        v.U8("priority", h.m_priority);
        v.Require("priority", h.m_priority <= MAX_PRIORITY, DtParseError::BAD_FIELD);
        v.Enum("tier", h.m_tier, DT_TIER_MAX);
        v.U8("hops", h.m_hops);
        v.Double("workloadGflop", h.m_workloadGflop);
        v.Require("workloadGflop", h.m_workloadGflop > 0, DtParseError::BAD_FIELD);
        v.U32("inputBytes", h.m_inputBytes);
        v.Require(
            "inputBytes", h.m_inputBytes <= DtHeader::MAX_PAYLOAD_LENGTH, DtParseError::TOO_LARGE);
        v.U32("outputBytes", h.m_outputBytes);
        v.U64("createdNs", h.m_createdNs);
        v.U64("deadlineNs", h.m_deadlineNs);
        v.Require("deadlineNs", h.m_deadlineNs >= h.m_createdNs, DtParseError::BAD_FIELD);
        v.Require(
            "deadlineNs", h.m_deadlineNs <= DtHeader::MAX_TIMESTAMP_NS, DtParseError::BAD_FIELD);
    }

    DtMessageType GetMessageType() const override;
    /** \return inputBytes: the demand's input data follows this header */
    uint32_t GetBulkSize() const override;

    /** \param id the demand id, unique per origin */
    void SetDemandId(uint64_t id)
    {
        m_demandId = id;
    }

    /** \return the demand id */
    uint64_t GetDemandId() const
    {
        return m_demandId;
    }

    /** \param id DT id of the terminal that created the demand */
    void SetOrigin(uint32_t id)
    {
        m_origin = id;
    }

    /** \return DT id of the terminal that created the demand */
    uint32_t GetOrigin() const
    {
        return m_origin;
    }

    /** \param c demand class index (scenario-defined) */
    void SetDemandClass(uint8_t c)
    {
        m_demandClass = c;
    }

    /** \return demand class index */
    uint8_t GetDemandClass() const
    {
        return m_demandClass;
    }

    /** \param p priority, 0..MAX_PRIORITY */
    void SetPriority(uint8_t p);

    /** \return priority */
    uint8_t GetPriority() const
    {
        return m_priority;
    }

    /** \param t the tier the demand is sent to */
    void SetTier(DtTier t)
    {
        m_tier = t;
    }

    /** \return the tier the demand is sent to */
    DtTier GetTier() const
    {
        return m_tier;
    }

    /** \param hops DT-level forwarding hops so far */
    void SetHops(uint8_t hops)
    {
        m_hops = hops;
    }

    /** \return DT-level forwarding hops so far */
    uint8_t GetHops() const
    {
        return m_hops;
    }

    /** \param gflop compute workload, > 0 */
    void SetWorkloadGflop(double gflop);

    /** \return compute workload in GFLOP */
    double GetWorkloadGflop() const
    {
        return m_workloadGflop;
    }

    /** \param bytes input data size; that many bytes follow the header */
    void SetInputBytes(uint32_t bytes);

    /** \return input data size */
    uint32_t GetInputBytes() const
    {
        return m_inputBytes;
    }

    /** \param bytes size of the result */
    void SetOutputBytes(uint32_t bytes)
    {
        m_outputBytes = bytes;
    }

    /** \return size of the result */
    uint32_t GetOutputBytes() const
    {
        return m_outputBytes;
    }

    /** \param t creation time at the terminal */
    void SetCreated(Time t);
    /** \return creation time at the terminal */
    Time GetCreated() const;
    /** \param t absolute deadline, not before the creation time */
    void SetDeadline(Time t);
    /** \return absolute deadline */
    Time GetDeadline() const;

  private:
    uint64_t m_demandId{0};       //!< demand id
    uint32_t m_origin{0};         //!< terminal DT id
    uint8_t m_demandClass{0};     //!< class index
    uint8_t m_priority{0};        //!< priority
    DtTier m_tier{DtTier::LOCAL}; //!< destination tier
    uint8_t m_hops{0};            //!< hops so far
    double m_workloadGflop{1.0};  //!< workload
    uint32_t m_inputBytes{0};     //!< input bytes (bulk)
    uint32_t m_outputBytes{0};    //!< result bytes
    uint64_t m_createdNs{0};      //!< creation time
    uint64_t m_deadlineNs{0};     //!< deadline
};

/**
 * \ingroup multilayer-dt
 * PEER_DEMAND payload: a demand offloaded to a neighbouring local DT when no
 * edge is reachable. Same layout as DEMAND_REQUEST.
 */
class DtPeerDemandHeader : public DtDemandRequestHeader
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    TypeId GetInstanceTypeId() const override;
    DtMessageType GetMessageType() const override;
};

/**
 * \ingroup multilayer-dt
 * DEMAND_RESPONSE payload: the outcome of a demand, with its result data.
 *
 * Layout: demandId u64, origin u32, outcome u8, reason u8, executedTier u8,
 * hops u8, createdNs u64, completedNs u64 (>= createdNs), outputBytes u32;
 * 36 bytes, followed by outputBytes of result data. A completed demand has
 * reason NONE, a failed one any other reason.
 */
class DtDemandResponseHeader : public DtWireChunk<DtDemandResponseHeader, DtPayload>
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /**
     * The wire layout; see DtWireChunk.
     * \param v the visitor
     * \param h the payload
     */
    template <class V, class S>
    static void Fields(V& v, S& h)
    {
        v.U64("demandId", h.m_demandId);
        v.U32("origin", h.m_origin);
        v.Enum("outcome", h.m_outcome, DtDemandOutcome::FAILED);
        v.Enum("reason", h.m_reason, DT_FAILURE_REASON_MAX);
        v.Require("reason",
                  (h.m_outcome == DtDemandOutcome::COMPLETED)
                      == (h.m_reason == DtFailureReason::NONE),
                  DtParseError::BAD_FIELD);
        v.Enum("executedTier", h.m_executedTier, DT_TIER_MAX);
        v.U8("hops", h.m_hops);
        v.U64("createdNs", h.m_createdNs);
        v.U64("completedNs", h.m_completedNs);
        v.Require("completedNs", h.m_completedNs >= h.m_createdNs, DtParseError::BAD_FIELD);
        v.Require(
            "completedNs", h.m_completedNs <= DtHeader::MAX_TIMESTAMP_NS, DtParseError::BAD_FIELD);
        v.U32("outputBytes", h.m_outputBytes);
        v.Require("outputBytes",
                  h.m_outputBytes <= DtHeader::MAX_PAYLOAD_LENGTH,
                  DtParseError::TOO_LARGE);
    }

    /**
     * The answer to a demand, decided now.
     * \param req the demand
     * \param executed the tier that ran (or refused) it
     * \param reason NONE if completed, else why it failed
     * \param outputBytes result size sent back (ignored if failed)
     * \return the response
     */
    static DtDemandResponseHeader Answer(const DtDemandRequestHeader& req,
                                         DtTier executed,
                                         DtFailureReason reason,
                                         uint32_t outputBytes);

    DtMessageType GetMessageType() const override;
    /** \return outputBytes: the result data follows this header */
    uint32_t GetBulkSize() const override;

    /** \param id the demand id */
    void SetDemandId(uint64_t id)
    {
        m_demandId = id;
    }

    /** \return the demand id */
    uint64_t GetDemandId() const
    {
        return m_demandId;
    }

    /** \param id DT id of the terminal that created the demand */
    void SetOrigin(uint32_t id)
    {
        m_origin = id;
    }

    /** \return DT id of the terminal that created the demand */
    uint32_t GetOrigin() const
    {
        return m_origin;
    }

    /** Mark the demand completed (reason NONE). */
    void SetCompleted();

    /**
     * Mark the demand failed.
     * \param reason why; must not be NONE
     */
    void SetFailed(DtFailureReason reason);

    /** \return the outcome */
    DtDemandOutcome GetOutcome() const
    {
        return m_outcome;
    }

    /** \return the failure reason (NONE if completed) */
    DtFailureReason GetReason() const
    {
        return m_reason;
    }

    /** \param t the tier that ran (or failed) the demand */
    void SetExecutedTier(DtTier t)
    {
        m_executedTier = t;
    }

    /** \return the tier that ran the demand */
    DtTier GetExecutedTier() const
    {
        return m_executedTier;
    }

    /** \param hops DT-level hops of the request */
    void SetHops(uint8_t hops)
    {
        m_hops = hops;
    }

    /** \return DT-level hops of the request */
    uint8_t GetHops() const
    {
        return m_hops;
    }

    /** \param t creation time of the demand */
    void SetCreated(Time t);
    /** \return creation time of the demand */
    Time GetCreated() const;
    /** \param t time the compute finished (or the failure was decided) */
    void SetCompletedAt(Time t);
    /** \return time the compute finished */
    Time GetCompletedAt() const;

    /** \param bytes result size; that many bytes follow the header */
    void SetOutputBytes(uint32_t bytes);

    /** \return result size */
    uint32_t GetOutputBytes() const
    {
        return m_outputBytes;
    }

  private:
    uint64_t m_demandId{0};                                //!< demand id
    uint32_t m_origin{0};                                  //!< terminal DT id
    DtDemandOutcome m_outcome{DtDemandOutcome::COMPLETED}; //!< outcome
    DtFailureReason m_reason{DtFailureReason::NONE};       //!< failure reason
    DtTier m_executedTier{DtTier::LOCAL};                  //!< executing tier
    uint8_t m_hops{0};                                     //!< hops
    uint64_t m_createdNs{0};                               //!< creation time
    uint64_t m_completedNs{0};                             //!< completion time
    uint32_t m_outputBytes{0};                             //!< result bytes (bulk)
};

} // namespace ns3

#endif /* DT_DEMAND_HEADER_H */
