/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DT_SAMPLE_CODEC_H
#define DT_SAMPLE_CODEC_H

#include <cstdint>
#include <vector>

namespace ns3
{

/**
 * \ingroup multilayer-dt
 * A data source of a local DT. Each has its own channels and sampling period.
 */
enum class DtSource : uint8_t
{
    POSITION = 1, //!< external: x, y (m), vx, vy (m/s) from the MobilityModel
    SENSOR = 2,   //!< external: the synthetic sensor channels
    INTERNAL = 3, //!< internal: CPU load (0..1), memory (bytes), backlog (demands), battery (0..1)
    RADIO = 4,    //!< external: RSSI (dBm) and SNR (dB) of the serving AP / cell
    BEHAVIOR = 5, //!< behavioral: app-usage state index
};

/**
 * \param source a source
 * \return its channel count, or 0 if the source has no fixed count (SENSOR)
 *         or is unknown
 */
uint8_t DtSourceChannels(DtSource source);

/**
 * \param source a source
 * \return its name ("position", "sensor", ...), "unknown" for others
 */
const char* DtSourceName(DtSource source);

/**
 * \ingroup multilayer-dt
 * Periodic samples of one source: sample i was taken
 * firstAgeUs - i x periodUs microseconds before the status update was built.
 */
struct DtSampleStream
{
    DtSource source{DtSource::POSITION}; //!< the source
    uint8_t channels{0};                 //!< values per sample
    uint32_t firstAgeUs{0};              //!< age of the first sample
    uint32_t periodUs{0};                //!< sampling period
    std::vector<double> values;          //!< sample-major: values[i * channels + c]
    std::vector<double> bounds; //!< per channel error bound (DELTA_QUANTIZED; set by the encoder's
                                //!< caller, filled by the decoder)

    /** \return samples held */
    uint32_t GetCount() const
    {
        return channels ? static_cast<uint32_t>(values.size() / channels) : 0;
    }

    /**
     * \param i sample index
     * \param c channel index
     * \return the value
     */
    double At(uint32_t i, uint32_t c) const
    {
        return values[static_cast<std::size_t>(i) * channels + c];
    }
};

/**
 * \ingroup multilayer-dt
 * The sample block of a STATUS_UPDATE, in its two encodings.
 *
 * A block is a sequence of streams, one per source that has something to
 * send. Each stream starts with an 12-byte head: source (u8), channels (u8),
 * sample count (u16), age of the first sample when the update was built and
 * sampling period (u32 microseconds each). Then:
 *
 * - RAW: the values, sample-major, as big-endian binary64 (a missing
 *   measurement is a NaN: cleaning it is the receiver's job);
 * - DELTA_QUANTIZED: per channel the error bound as a big-endian binary32, a
 *   u16 byte count and the channel's DtDeltaQuantizer encoding.
 *
 * The decoders check every length, count and value and never read past the
 * block; on error they leave their output unchanged.
 */
class DtSampleCodec
{
  public:
    /// Bytes of a stream's head.
    static constexpr uint32_t STREAM_HEAD_BYTES = 12;

    /**
     * \param streams the streams
     * \return bytes the RAW encoding takes
     */
    static uint64_t RawSize(const std::vector<DtSampleStream>& streams);

    /**
     * \param streams the streams (channels matching their source, at most
     *        65535 samples each)
     * \return the RAW encoding
     */
    static std::vector<uint8_t> EncodeRaw(const std::vector<DtSampleStream>& streams);
    /**
     * \param bytes a RAW block
     * \param count samples it holds, over all streams
     * \param streams the decoded streams
     * \return false (streams unchanged) if the block does not hold count valid samples
     */
    static bool DecodeRaw(const std::vector<uint8_t>& bytes,
                          uint32_t count,
                          std::vector<DtSampleStream>& streams);
    /**
     * \param streams the streams, each with finite values and a bound > 0
     *        per channel
     * \return the DELTA_QUANTIZED encoding
     */
    static std::vector<uint8_t> EncodeCompressed(const std::vector<DtSampleStream>& streams);
    /**
     * \param bytes a DELTA_QUANTIZED block
     * \param count samples it holds, over all streams
     * \param streams the reconstructed streams (bounds filled in)
     * \return false (streams unchanged) if the block is not valid for count samples
     */
    static bool DecodeCompressed(const std::vector<uint8_t>& bytes,
                                 uint32_t count,
                                 std::vector<DtSampleStream>& streams);
};

} // namespace ns3

#endif /* DT_SAMPLE_CODEC_H */
