/*
 * Copyright (c) 2026 multilayer-dt authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DT_DELTA_QUANTIZER_H
#define DT_DELTA_QUANTIZER_H

#include <cstdint>
#include <vector>

namespace ns3
{

/**
 * \ingroup multilayer-dt
 * Lossy compression of a series with a guaranteed error bound: the
 * compression step of a local DT's data module.
 *
 * Each value v is quantized to the integer code round(v / (2 e)), so the
 * reconstruction is within e of v. The first code is written as is, the
 * others as the difference to the previous code; each integer is zig-zag
 * mapped and written as a variable-length integer (7 bits per byte). A smooth
 * signal gives small differences, hence about one byte per value instead of
 * eight; a noisy one larger differences and more bytes.
 */
class DtDeltaQuantizer
{
  public:
    /**
     * \param errorBound largest allowed reconstruction error, > 0
     */
    explicit DtDeltaQuantizer(double errorBound);

    /**
     * \param values the series (finite values whose codes round(v / (2 e)) are at most
     *        2^50 in magnitude; aborts otherwise)
     * \return the encoded bytes
     */
    std::vector<uint8_t> Encode(const std::vector<double>& values) const;

    /**
     * \param bytes output of Encode
     * \param count number of values encoded
     * \param values the reconstruction
     * \return false (values unchanged) if bytes is not a valid encoding of count values
     *         (codes above 2^50 in magnitude included, which Encode never writes)
     */
    bool Decode(const std::vector<uint8_t>& bytes,
                std::size_t count,
                std::vector<double>& values) const;

    /** \return the error bound */
    double GetErrorBound() const;

  private:
    double m_step; //!< quantization step, 2 x the error bound
};

} // namespace ns3

#endif /* DT_DELTA_QUANTIZER_H */
