// Row quantization, used to build models in memory (synthetic benchmarks, round-trip tests).
// Q8_0 and Q4_0 follow ggml's reference quantizers (so re-quantizing a dequantized Q8_0 row
// gives back its bytes); Q4_K uses a plain min/max fit per 32-element sub-block, which is
// valid Q4_K data, only less accurate than llama.cpp's iterative search.
#include <algorithm>
#include <cmath>
#include <cstring>

#include "quant/blocks.h"
#include "quant/dequant.h"
#include "quant/half.h"

namespace lectern::quant {
namespace {

void quant_q8_0(const float* x, BlockQ8_0* y, int64_t n) {
    for (int64_t b = 0; b < n / kQK; ++b, x += kQK) {
        float amax = 0.0f;
        for (int j = 0; j < kQK; ++j) amax = std::max(amax, std::fabs(x[j]));
        const float d = amax / 127.0f;
        const float id = d != 0.0f ? 1.0f / d : 0.0f;
        y[b].d = f32_to_f16(d);
        for (int j = 0; j < kQK; ++j) y[b].qs[j] = static_cast<int8_t>(std::roundf(x[j] * id));
    }
}

void quant_q4_0(const float* x, BlockQ4_0* y, int64_t n) {
    for (int64_t b = 0; b < n / kQK; ++b, x += kQK) {
        float amax = 0.0f, max = 0.0f;  // the value of largest magnitude, with its sign
        for (int j = 0; j < kQK; ++j) {
            if (std::fabs(x[j]) > amax) {
                amax = std::fabs(x[j]);
                max = x[j];
            }
        }
        const float d = max / -8.0f;
        const float id = d != 0.0f ? 1.0f / d : 0.0f;
        y[b].d = f32_to_f16(d);
        for (int j = 0; j < kQK / 2; ++j) {
            const int q0 = std::min(15, static_cast<int>(x[j] * id + 8.5f));
            const int q1 = std::min(15, static_cast<int>(x[j + kQK / 2] * id + 8.5f));
            y[b].qs[j] = static_cast<uint8_t>(q0 | (q1 << 4));
        }
    }
}

// Packs 8 six-bit scales and mins the way k_scale_min() unpacks them.
void pack_k_scales(const uint8_t* ls, const uint8_t* lm, uint8_t* scales) {
    std::memset(scales, 0, kKScaleBytes);
    for (int j = 0; j < 8; ++j) {
        if (j < 4) {
            scales[j] = ls[j];
            scales[j + 4] = lm[j];
        } else {
            scales[j + 4] = static_cast<uint8_t>((ls[j] & 0xF) | ((lm[j] & 0xF) << 4));
            scales[j - 4] |= static_cast<uint8_t>((ls[j] >> 4) << 6);
            scales[j] |= static_cast<uint8_t>((lm[j] >> 4) << 6);
        }
    }
}

void quant_q4_k_block(const float* x, BlockQ4_K* y) {
    float scale[8], min[8];  // per sub-block: x ~ scale * q - min, q in 0..15
    float max_scale = 0.0f, max_min = 0.0f;
    for (int j = 0; j < 8; ++j) {
        float lo = 0.0f, hi = 0.0f;
        for (int l = 0; l < 32; ++l) {
            lo = std::min(lo, x[32 * j + l]);
            hi = std::max(hi, x[32 * j + l]);
        }
        scale[j] = (hi - lo) / 15.0f;
        min[j] = -lo;
        max_scale = std::max(max_scale, scale[j]);
        max_min = std::max(max_min, min[j]);
    }
    const float d = max_scale / 63.0f, dmin = max_min / 63.0f;
    y->d = f32_to_f16(d);
    y->dmin = f32_to_f16(dmin);
    const float d_stored = f16_to_f32(y->d), dmin_stored = f16_to_f32(y->dmin);
    uint8_t ls[8], lm[8];
    for (int j = 0; j < 8; ++j) {
        ls[j] = static_cast<uint8_t>(d_stored > 0 ? std::clamp(std::lround(scale[j] / d_stored), 0L, 63L) : 0);
        lm[j] = static_cast<uint8_t>(dmin_stored > 0 ? std::clamp(std::lround(min[j] / dmin_stored), 0L, 63L) : 0);
    }
    pack_k_scales(ls, lm, y->scales);
    uint8_t q[kQKK];
    for (int j = 0; j < 8; ++j) {
        const float sd = d_stored * ls[j], sm = dmin_stored * lm[j];
        for (int l = 0; l < 32; ++l) {
            const long v = sd > 0 ? std::lround((x[32 * j + l] + sm) / sd) : 0;
            q[32 * j + l] = static_cast<uint8_t>(std::clamp(v, 0L, 15L));
        }
    }
    for (int j = 0; j < kQKK; j += 64)
        for (int l = 0; l < 32; ++l)
            y->qs[j / 2 + l] = static_cast<uint8_t>(q[j + l] | (q[j + l + 32] << 4));
}

}  // namespace

bool can_quantize(DType type) {
    switch (type) {
    case DType::F32:
    case DType::F16:
    case DType::BF16:
    case DType::Q8_0:
    case DType::Q4_0:
    case DType::Q4_K: return true;
    default: return false;
    }
}

bool quantize_row(DType type, const float* in, void* row, int64_t n) {
    switch (type) {
    case DType::F32: std::memcpy(row, in, static_cast<size_t>(n) * sizeof(float)); return true;
    case DType::F16:
        for (int64_t i = 0; i < n; ++i) static_cast<uint16_t*>(row)[i] = f32_to_f16(in[i]);
        return true;
    case DType::BF16:
        for (int64_t i = 0; i < n; ++i) static_cast<uint16_t*>(row)[i] = f32_to_bf16(in[i]);
        return true;
    case DType::Q8_0: quant_q8_0(in, static_cast<BlockQ8_0*>(row), n); return true;
    case DType::Q4_0: quant_q4_0(in, static_cast<BlockQ4_0*>(row), n); return true;
    case DType::Q4_K:
        for (int64_t b = 0; b < n / kQKK; ++b)
            quant_q4_k_block(in + b * kQKK, static_cast<BlockQ4_K*>(row) + b);
        return true;
    default: return false;
    }
}

}  // namespace lectern::quant
