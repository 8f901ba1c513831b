// Byte layouts of ggml's quantized blocks, as stored in GGUF files. A row of n weights is
// n / QK blocks laid end to end. Sizes must match engine/common/dtype.cpp.
#pragma once

#include <cstdint>

namespace lectern::quant {

constexpr int kQK = 32;    // elements per Q8_0 / Q4_0 block
constexpr int kQKK = 256;  // elements per K-quant super-block
constexpr int kKScaleBytes = 12;

// Q8_0: x = d * qs[i].
struct BlockQ8_0 {
    uint16_t d;  // f16 scale
    int8_t qs[kQK];
};

// Q4_0: x = d * (nibble - 8); element i < 16 in the low nibble of qs[i], i >= 16 in the high
// nibble of qs[i - 16].
struct BlockQ4_0 {
    uint16_t d;
    uint8_t qs[kQK / 2];
};

// Q4_K: 8 sub-blocks of 32 with 6-bit scale/min pairs packed into `scales`;
// x = d * sc * q - dmin * m. Each 32 bytes of qs hold two sub-blocks (low nibbles, then high).
struct BlockQ4_K {
    uint16_t d;
    uint16_t dmin;
    uint8_t scales[kKScaleBytes];
    uint8_t qs[kQKK / 2];
};

// Q5_K: Q4_K plus a fifth bit per weight in qh (bit 2j / 2j+1 of qh[l] for sub-blocks 2j, 2j+1).
struct BlockQ5_K {
    uint16_t d;
    uint16_t dmin;
    uint8_t scales[kKScaleBytes];
    uint8_t qh[kQKK / 8];
    uint8_t qs[kQKK / 2];
};

// Q6_K: 16 sub-blocks of 16 with int8 scales; q = (4 low bits | 2 high bits << 4) - 32,
// x = d * scales[s] * q.
struct BlockQ6_K {
    uint8_t ql[kQKK / 2];
    uint8_t qh[kQKK / 4];
    int8_t scales[kQKK / 16];
    uint16_t d;
};

static_assert(sizeof(BlockQ8_0) == 34);
static_assert(sizeof(BlockQ4_0) == 18);
static_assert(sizeof(BlockQ4_K) == 144);
static_assert(sizeof(BlockQ5_K) == 176);
static_assert(sizeof(BlockQ6_K) == 210);

// The 6-bit scale and min of sub-block j (0..7) of a Q4_K/Q5_K block.
inline void k_scale_min(int j, const uint8_t* q, uint8_t* sc, uint8_t* m) {
    if (j < 4) {
        *sc = q[j] & 63;
        *m = q[j + 4] & 63;
    } else {
        *sc = static_cast<uint8_t>((q[j + 4] & 0xF) | ((q[j - 4] >> 6) << 4));
        *m = static_cast<uint8_t>((q[j + 4] >> 4) | ((q[j] >> 6) << 4));
    }
}

}  // namespace lectern::quant
