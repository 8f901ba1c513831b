// Scalar conversions between float and the 16-bit float formats of model files: IEEE half
// (F16) and bfloat16 (BF16). Exact (round to nearest even on the way down), so they agree
// bit for bit with the F16C instructions and with ggml's conversions.
#pragma once

#include <cstdint>
#include <cstring>

#if defined(__F16C__)
#include <immintrin.h>
#endif

namespace lectern::quant {

inline float bits_to_float(uint32_t u) {
    float f;
    std::memcpy(&f, &u, sizeof f);
    return f;
}

inline uint32_t float_to_bits(float f) {
    uint32_t u;
    std::memcpy(&u, &f, sizeof u);
    return u;
}

inline float f16_to_f32(uint16_t h) {
#if defined(__F16C__)
    return _cvtsh_ss(h);
#else
    const uint32_t sign = static_cast<uint32_t>(h & 0x8000u) << 16;
    const uint32_t exp = (h >> 10) & 0x1fu;
    uint32_t mant = h & 0x3ffu;
    if (exp == 0x1f) return bits_to_float(sign | 0x7f800000u | (mant << 13));  // inf / nan
    if (exp != 0) return bits_to_float(sign | ((exp + 112) << 23) | (mant << 13));
    if (mant == 0) return bits_to_float(sign);
    // Subnormal half: normalize into a float.
    int e = 113;
    while ((mant & 0x400u) == 0) {
        mant <<= 1;
        --e;
    }
    return bits_to_float(sign | (static_cast<uint32_t>(e) << 23) | ((mant & 0x3ffu) << 13));
#endif
}

inline uint16_t f32_to_f16(float f) {
#if defined(__F16C__)
    return _cvtss_sh(f, _MM_FROUND_TO_NEAREST_INT);
#else
    const uint32_t x = float_to_bits(f);
    const uint32_t sign = (x >> 16) & 0x8000u;
    const uint32_t abs = x & 0x7fffffffu;
    if (abs > 0x7f800000u) return static_cast<uint16_t>(sign | 0x7e00u);          // nan
    if (abs >= 0x477ff000u) return static_cast<uint16_t>(sign | 0x7c00u);         // overflow
    if (abs < 0x38800000u) {
        // Result is subnormal or zero: add the magic that aligns the lowest half bit.
        const float r = bits_to_float(abs) + 0.5f;  // 0.5 = 2^-1: ulp 2^-24 in the sum
        return static_cast<uint16_t>(sign | (float_to_bits(r) - 0x3f000000u));
    }
    const uint32_t odd = (abs >> 13) & 1u;
    const uint32_t rounded = abs + 0xfffu + odd - 0x38000000u;  // rebias 127 -> 15
    return static_cast<uint16_t>(sign | (rounded >> 13));
#endif
}

inline float bf16_to_f32(uint16_t h) { return bits_to_float(static_cast<uint32_t>(h) << 16); }

inline uint16_t f32_to_bf16(float f) {
    const uint32_t x = float_to_bits(f);
    if ((x & 0x7fffffffu) > 0x7f800000u) return static_cast<uint16_t>((x >> 16) | 0x40u);  // quiet nan
    return static_cast<uint16_t>((x + 0x7fffu + ((x >> 16) & 1u)) >> 16);
}

}  // namespace lectern::quant
