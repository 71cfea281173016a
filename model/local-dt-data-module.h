/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef LOCAL_DT_DATA_MODULE_H
#define LOCAL_DT_DATA_MODULE_H

#include "dt-status-update-header.h"

#include "ns3/event-id.h"
#include "ns3/object.h"
#include "ns3/vector.h"

#include <vector>

namespace ns3
{

class Node;

/**
 * \ingroup multilayer-dt
 * Data module of a local DT: samples the terminal's real state and builds the
 * status updates its twin receives.
 *
 * Every SamplePeriod it records the node's position and velocity (from its
 * MobilityModel). A status update carries the latest state; with raw samples
 * requested (the centralized architecture, where the cloud twin does all the
 * processing) it also carries every sample taken since the previous update,
 * each as a 4-byte time offset (us) and six big-endian binary64 values: 52
 * bytes per sample. The processing pipeline (cleaning, filtering, compression)
 * plugs in at BuildStatusUpdate.
 */
class LocalDtDataModule : public Object
{
  public:
    /// Bytes one raw sample takes in a status update.
    static constexpr uint32_t RAW_SAMPLE_BYTES = 4 + 6 * 8;

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    LocalDtDataModule();

    /**
     * Start sampling.
     * \param node the terminal
     */
    void Start(Ptr<Node> node);
    /** Stop sampling. */
    void Stop();

    /**
     * Build a status update from the samples since the previous one, and
     * start a new sample window.
     * \param rawSamples carry every raw sample (centralized) or the latest state only
     * \param queueLength demands waiting at the terminal
     * \param servingCell the serving cell / AP id
     * \return the status update
     */
    DtStatusUpdateHeader BuildStatusUpdate(bool rawSamples,
                                           uint32_t queueLength,
                                           uint32_t servingCell);

    /** \return the status update period */
    Time GetStatusInterval() const;
    /** \return samples taken since the previous status update */
    uint32_t GetWindowSamples() const;
    /** \return samples taken so far */
    uint64_t GetSamplesTaken() const;

  protected:
    void DoDispose() override;

  private:
    /// One sample of the terminal's state.
    struct Sample
    {
        Time t;          //!< when
        Vector position; //!< where
        Vector velocity; //!< how fast
    };

    /** Take one sample and schedule the next. */
    void TakeSample();

    Ptr<Node> m_node;             //!< the terminal
    Time m_samplePeriod;          //!< sampling period
    Time m_statusInterval;        //!< status update period
    uint32_t m_maxSamples;        //!< window limit
    std::vector<Sample> m_window; //!< samples since the last update
    Sample m_latest;              //!< latest sample
    Time m_windowStart;           //!< start of the current window
    uint64_t m_samples{0};        //!< samples taken
    EventId m_event;              //!< next sample
};

} // namespace ns3

#endif /* LOCAL_DT_DATA_MODULE_H */
