/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DT_STATUS_UPDATE_HEADER_H
#define DT_STATUS_UPDATE_HEADER_H

#include "dt-payload.h"

#include "ns3/vector.h"

#include <vector>

namespace ns3
{

/**
 * \ingroup multilayer-dt
 * How the sample block of a status update is encoded.
 */
enum class DtSampleEncoding : uint8_t
{
    RAW = 0,             //!< uncompressed samples (centralized twin input)
    DELTA_QUANTIZED = 1, //!< delta + quantization with a bounded error
};

/**
 * \ingroup multilayer-dt
 * STATUS_UPDATE payload: the terminal state a local DT reports upward.
 *
 * Layout: position x,y,z f64, velocity x,y,z f64, servingCell u32,
 * queueLength u32, cpuLoadPermille u16 (<= 1000), batteryPermille u16
 * (<= 1000), encoding u8, sampleCount u16, samples: u32 length + bytes
 * (<= DtPayload::MAX_BLOB).
 */
class DtStatusUpdateHeader : public DtWireChunk<DtStatusUpdateHeader, DtPayload>
{
  public:
    static constexpr uint16_t PERMILLE_MAX = 1000; //!< 100 %

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
        v.Double("posX", h.m_position.x);
        v.Double("posY", h.m_position.y);
        v.Double("posZ", h.m_position.z);
        v.Double("velX", h.m_velocity.x);
        v.Double("velY", h.m_velocity.y);
        v.Double("velZ", h.m_velocity.z);
        v.U32("servingCell", h.m_servingCell);
        v.U32("queueLength", h.m_queueLength);
        v.U16("cpuLoadPermille", h.m_cpuLoadPermille);
        v.Require("cpuLoadPermille", h.m_cpuLoadPermille <= PERMILLE_MAX, DtParseError::BAD_FIELD);
        v.U16("batteryPermille", h.m_batteryPermille);
        v.Require("batteryPermille", h.m_batteryPermille <= PERMILLE_MAX, DtParseError::BAD_FIELD);
        v.Enum("encoding", h.m_encoding, DtSampleEncoding::DELTA_QUANTIZED);
        v.U16("sampleCount", h.m_sampleCount);
        v.Bytes("samples", h.m_samples, DtPayload::MAX_BLOB);
    }

    DtMessageType GetMessageType() const override;

    /** \param p terminal position (m) */
    void SetPosition(const Vector& p)
    {
        m_position = p;
    }

    /** \return terminal position (m) */
    Vector GetPosition() const
    {
        return m_position;
    }

    /** \param v terminal velocity (m/s) */
    void SetVelocity(const Vector& v)
    {
        m_velocity = v;
    }

    /** \return terminal velocity (m/s) */
    Vector GetVelocity() const
    {
        return m_velocity;
    }

    /** \param cell id of the serving AP / eNB cell */
    void SetServingCell(uint32_t cell)
    {
        m_servingCell = cell;
    }

    /** \return id of the serving AP / eNB cell */
    uint32_t GetServingCell() const
    {
        return m_servingCell;
    }

    /** \param n demands waiting at the terminal */
    void SetQueueLength(uint32_t n)
    {
        m_queueLength = n;
    }

    /** \return demands waiting at the terminal */
    uint32_t GetQueueLength() const
    {
        return m_queueLength;
    }

    /** \param permille CPU load, 0..1000 */
    void SetCpuLoadPermille(uint16_t permille);

    /** \return CPU load, 0..1000 */
    uint16_t GetCpuLoadPermille() const
    {
        return m_cpuLoadPermille;
    }

    /** \param permille battery level, 0..1000 */
    void SetBatteryPermille(uint16_t permille);

    /** \return battery level, 0..1000 */
    uint16_t GetBatteryPermille() const
    {
        return m_batteryPermille;
    }

    /**
     * \param encoding how the samples are encoded
     * \param sampleCount how many samples the block holds
     * \param samples the encoded block (at most DtPayload::MAX_BLOB bytes)
     */
    void SetSamples(DtSampleEncoding encoding, uint16_t sampleCount, std::vector<uint8_t> samples);

    /** \return how the samples are encoded */
    DtSampleEncoding GetEncoding() const
    {
        return m_encoding;
    }

    /** \return how many samples the block holds */
    uint16_t GetSampleCount() const
    {
        return m_sampleCount;
    }

    /** \return the encoded sample block */
    const std::vector<uint8_t>& GetSamples() const
    {
        return m_samples;
    }

  private:
    Vector m_position;                                  //!< position
    Vector m_velocity;                                  //!< velocity
    uint32_t m_servingCell{0};                          //!< serving cell
    uint32_t m_queueLength{0};                          //!< queue length
    uint16_t m_cpuLoadPermille{0};                      //!< CPU load
    uint16_t m_batteryPermille{PERMILLE_MAX};           //!< battery
    DtSampleEncoding m_encoding{DtSampleEncoding::RAW}; //!< sample encoding
    uint16_t m_sampleCount{0};                          //!< samples in the block
    std::vector<uint8_t> m_samples;                     //!< encoded samples
};

} // namespace ns3

#endif /* DT_STATUS_UPDATE_HEADER_H */
