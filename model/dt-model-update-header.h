/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DT_MODEL_UPDATE_HEADER_H
#define DT_MODEL_UPDATE_HEADER_H

#include "dt-payload.h"

#include <vector>

namespace ns3
{

/// Model id of the cloud's delay model: parameters (c0, c1) of
/// delay = c0 + c1 w seconds for a demand of w GFLOP served at the cloud.
constexpr uint32_t DELAY_MODEL_ID = 1;

/**
 * \ingroup multilayer-dt
 * MODEL_UPDATE payload: a versioned model the cloud DT pushes down.
 *
 * Layout: modelId u32, version u32 (>= 1), trainedAtNs u64, trainingSamples
 * u32, parameters: u32 count + count f64 (<= DtPayload::MAX_VALUES). The
 * message size is therefore set by the model's parameter count.
 */
class DtModelUpdateHeader : public DtWireChunk<DtModelUpdateHeader, DtPayload>
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
        v.U32("modelId", h.m_modelId);
        v.U32("version", h.m_version);
        v.Require("version", h.m_version >= 1, DtParseError::BAD_FIELD);
        v.U64("trainedAtNs", h.m_trainedAtNs);
        v.Require(
            "trainedAtNs", h.m_trainedAtNs <= DtHeader::MAX_TIMESTAMP_NS, DtParseError::BAD_FIELD);
        v.U32("trainingSamples", h.m_trainingSamples);
        v.DoubleArray("parameters", h.m_parameters, DtPayload::MAX_VALUES);
    }

    DtMessageType GetMessageType() const override;

    /** \param id which model (scenario-defined) */
    void SetModelId(uint32_t id)
    {
        m_modelId = id;
    }

    /** \return which model */
    uint32_t GetModelId() const
    {
        return m_modelId;
    }

    /** \param version model version, >= 1 */
    void SetVersion(uint32_t version);

    /** \return model version */
    uint32_t GetVersion() const
    {
        return m_version;
    }

    /** \param t when the cloud trained this version */
    void SetTrainedAt(Time t);
    /** \return when the cloud trained this version */
    Time GetTrainedAt() const;

    /** \param n samples the model was trained on */
    void SetTrainingSamples(uint32_t n)
    {
        m_trainingSamples = n;
    }

    /** \return samples the model was trained on */
    uint32_t GetTrainingSamples() const
    {
        return m_trainingSamples;
    }

    /** \param parameters model parameters (finite, at most DtPayload::MAX_VALUES) */
    void SetParameters(std::vector<double> parameters);

    /** \return model parameters */
    const std::vector<double>& GetParameters() const
    {
        return m_parameters;
    }

  private:
    uint32_t m_modelId{0};            //!< model id
    uint32_t m_version{1};            //!< version
    uint64_t m_trainedAtNs{0};        //!< training time
    uint32_t m_trainingSamples{0};    //!< training set size
    std::vector<double> m_parameters; //!< parameters
};

/**
 * \ingroup multilayer-dt
 * The cloud delay model as a DT below the cloud holds it: the newest version
 * received, and its parameters (c0, c1).
 */
struct DtDelayModel
{
    uint32_t version{0};            //!< version in use (0: none)
    std::vector<double> parameters; //!< (c0, c1), empty if none

    /**
     * Adopt an update if it is a delay model newer than the one held.
     * \param update a received MODEL_UPDATE
     * \return true if it was adopted
     */
    bool Adopt(const DtModelUpdateHeader& update);
};

} // namespace ns3

#endif /* DT_MODEL_UPDATE_HEADER_H */
