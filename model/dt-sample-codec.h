/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DT_SAMPLE_CODEC_H
#define DT_SAMPLE_CODEC_H

#include <array>
#include <cstdint>
#include <vector>

namespace ns3
{

/**
 * \ingroup multilayer-dt
 * One sample of a terminal's state as a local DT records it.
 */
struct DtSample
{
    double offsetS{0}; //!< seconds since the start of the status window
    double x{0};       //!< position x, m
    double y{0};       //!< position y, m
    double vx{0};      //!< velocity x, m/s
    double vy{0};      //!< velocity y, m/s
    double sensor{0};  //!< synthetic sensor reading
};

/**
 * \ingroup multilayer-dt
 * The sample block of a STATUS_UPDATE, in its two encodings.
 *
 * RAW: per sample a u32 time offset in microseconds and x, y, vx, vy, sensor
 * as big-endian binary64: 44 bytes a sample.
 *
 * DELTA_QUANTIZED: per channel (x, y, vx, vy, sensor, in that order) the
 * error bound as a big-endian binary32, a u16 byte count and the channel's
 * DtDeltaQuantizer encoding. Samples are periodic, so no time offsets are
 * sent (decoded offsets are 0). Every reconstructed value is within its
 * channel's bound.
 */
class DtSampleCodec
{
  public:
    /// Channels of a sample (x, y, vx, vy, sensor).
    static constexpr uint32_t CHANNELS = 5;
    /// Bytes one sample takes in the RAW encoding.
    static constexpr uint32_t RAW_SAMPLE_BYTES = 4 + CHANNELS * 8;

    /**
     * \param samples the samples
     * \return the RAW encoding
     */
    static std::vector<uint8_t> EncodeRaw(const std::vector<DtSample>& samples);
    /**
     * \param bytes a RAW block
     * \param count samples it holds
     * \param samples the decoded samples
     * \return false (samples unchanged) if the block does not hold count valid samples
     */
    static bool DecodeRaw(const std::vector<uint8_t>& bytes,
                          uint32_t count,
                          std::vector<DtSample>& samples);
    /**
     * \param samples the samples
     * \param bounds error bound of each channel, > 0
     * \return the DELTA_QUANTIZED encoding
     */
    static std::vector<uint8_t> EncodeCompressed(const std::vector<DtSample>& samples,
                                                 const std::array<double, CHANNELS>& bounds);
    /**
     * \param bytes a DELTA_QUANTIZED block
     * \param count samples it holds
     * \param samples the reconstructed samples
     * \return false (samples unchanged) if the block is not valid for count samples
     */
    static bool DecodeCompressed(const std::vector<uint8_t>& bytes,
                                 uint32_t count,
                                 std::vector<DtSample>& samples);
};

} // namespace ns3

#endif /* DT_SAMPLE_CODEC_H */
