// Attention of one query over a KV head (see attention.h), in three passes over the keys:
// scores 8 keys at a time, exp and sum (the maximum subtracted first), then the weighted sum
// of values, divided by the sum at the end. 16-bit caches are widened to float32 8 rows at a
// time; all arithmetic is float32.
#include "cpu/attention.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "cpu/attention_simd.h"
#include "quant/half.h"

namespace lectern::cpu {
namespace {

constexpr int64_t kMaxHeadDim = 512;
constexpr int kRows = 8;  // keys / values handled together

// Rows [j, j + n) of a (n_ctx, head_dim) cache head as contiguous f32: a pointer into the
// cache when it is f32, otherwise widened into `tmp` (n * head_dim floats).
const float* rows_f32(const void* base, KvType type, int64_t j, int n, int64_t head_dim, float* tmp) {
    if (type == KvType::F32) return static_cast<const float*>(base) + j * head_dim;
    const uint16_t* r = static_cast<const uint16_t*>(base) + j * head_dim;
    const int64_t count = n * head_dim;
    if (type == KvType::F16) {
        for (int64_t i = 0; i < count; ++i) tmp[i] = quant::f16_to_f32(r[i]);
    } else {
        for (int64_t i = 0; i < count; ++i) tmp[i] = quant::bf16_to_f32(r[i]);
    }
    return tmp;
}

// scores[j] = q . k_j for j < n_keys.
void score_keys(const float* q, const void* keys, KvType type, int64_t n_keys, int64_t head_dim,
                float* tmp, float* scores) {
    int64_t j = 0;
    for (; j + kRows <= n_keys; j += kRows)
        simd::dot8(q, rows_f32(keys, type, j, kRows, head_dim, tmp), head_dim, scores + j);
    for (; j < n_keys; ++j) {
        const float* k = rows_f32(keys, type, j, 1, head_dim, tmp);
        float s = 0.0f;
        for (int64_t d = 0; d < head_dim; ++d) s += q[d] * k[d];
        scores[j] = s;
    }
}

}  // namespace

void attend_one(const float* q, const void* keys, const void* values, KvType type,
                int64_t n_keys, int64_t head_dim, float* scores, float* out) {
    float tmp[kRows * kMaxHeadDim];
    float q_scaled[kMaxHeadDim];
    // Scaling q once instead of every score (1/sqrt(head_dim)).
    const float scale = static_cast<float>(1.0 / std::sqrt(static_cast<double>(head_dim)));
    for (int64_t d = 0; d < head_dim; ++d) q_scaled[d] = q[d] * scale;
    score_keys(q_scaled, keys, type, n_keys, head_dim, tmp, scores);
    const float mx = *std::max_element(scores, scores + n_keys);
    const float sum = simd::exp_shifted_sum(scores, n_keys, mx);
    std::memset(out, 0, static_cast<size_t>(head_dim) * sizeof(float));
    for (int64_t j = 0; j < n_keys; j += kRows) {
        const int n = static_cast<int>(std::min<int64_t>(kRows, n_keys - j));
        simd::accumulate_rows(scores + j, rows_f32(values, type, j, n, head_dim, tmp), n, head_dim, out);
    }
    const float inv = 1.0f / sum;
    for (int64_t d = 0; d < head_dim; ++d) out[d] *= inv;
}

}  // namespace lectern::cpu
