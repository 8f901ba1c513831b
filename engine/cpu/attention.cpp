// Attention of a tile of queries over a KV head (see attention.h), in three passes: scores 8
// keys at a time (keeping each query's maximum), exp and sum (the maximum subtracted first),
// then the weighted sum of values, divided by the sum at the end. 16- and 8-bit caches are widened
// to float32 8 rows at a time; all arithmetic is float32.
#include "cpu/attention.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

#include "cpu/attention_simd.h"

namespace lectern::cpu {
namespace {

constexpr int64_t kMaxHeadDim = 512;
constexpr int kRows = 8;  // keys / values read together

// Rows [j, j + n) of a (n_ctx, row) cache head as contiguous f32: a pointer into the cache
// when it is f32, otherwise widened into `tmp` (n * head_dim floats, in L1): the cache is
// read in its own type, never copied whole.
const float* rows_f32(const void* base, KvType type, int64_t j, int n, int64_t head_dim, float* tmp) {
    const size_t row = kv_row_bytes(type, head_dim);
    const auto* r = static_cast<const uint8_t*>(base) + static_cast<size_t>(j) * row;
    const int64_t count = n * head_dim;
    switch (type) {
    case KvType::F32: return reinterpret_cast<const float*>(r);
    case KvType::F16: simd::widen_f16(reinterpret_cast<const uint16_t*>(r), count, tmp); break;
    case KvType::BF16: simd::widen_bf16(reinterpret_cast<const uint16_t*>(r), count, tmp); break;
    case KvType::Q8_0: simd::widen_q8_0(r, count / 32, tmp); break;
    }
    return tmp;
}

struct Tile {
    const float* q[kAttendTile];  // scaled queries
    const int64_t* n_keys;
    int n_q;
    int64_t max_keys;
    int64_t head_dim;
};

// scores[i * stride + j] = q_i . k_j for j < n_keys[i] (a few more within max_keys), and
// mx[i] = the largest of them.
void score_keys(const Tile& t, const void* keys, KvType type, float* tmp, float* scores, int64_t stride,
                float* mx) {
    for (int i = 0; i < t.n_q; ++i) mx[i] = -std::numeric_limits<float>::infinity();
    for (int64_t j = 0; j < t.max_keys; j += kRows) {
        const int nb = static_cast<int>(std::min<int64_t>(kRows, t.max_keys - j));
        const float* k = rows_f32(keys, type, j, nb, t.head_dim, tmp);
        for (int i = 0; i < t.n_q; ++i) {
            if (t.n_keys[i] <= j) continue;
            float* s = scores + i * stride + j;
            if (nb == kRows) {
                simd::dot8(t.q[i], k, t.head_dim, s);
            } else {
                for (int r = 0; r < nb; ++r) {
                    float acc = 0.0f;
                    for (int64_t d = 0; d < t.head_dim; ++d) acc += t.q[i][d] * k[r * t.head_dim + d];
                    s[r] = acc;
                }
            }
            const int valid = static_cast<int>(std::min<int64_t>(nb, t.n_keys[i] - j));
            for (int r = 0; r < valid; ++r) mx[i] = std::max(mx[i], s[r]);
        }
    }
}

// out_i = sum_j scores_i[j] v_j over j < n_keys[i].
void weigh_values(const Tile& t, const void* values, KvType type, float* tmp, const float* scores,
                  int64_t stride, float* const* out) {
    for (int64_t j = 0; j < t.max_keys; j += kRows) {
        const int nb = static_cast<int>(std::min<int64_t>(kRows, t.max_keys - j));
        const float* v = rows_f32(values, type, j, nb, t.head_dim, tmp);
        for (int i = 0; i < t.n_q; ++i) {
            if (t.n_keys[i] <= j) continue;
            const int n = static_cast<int>(std::min<int64_t>(nb, t.n_keys[i] - j));
            simd::accumulate_rows(scores + i * stride + j, v, n, t.head_dim, out[i]);
        }
    }
}

}  // namespace

void attend_tile(const float* const* q, const int64_t* n_keys, int n_q, const void* keys,
                 const void* values, KvType type, int64_t head_dim, float* scores,
                 int64_t scores_stride, float* const* out) {
    float tmp[kRows * kMaxHeadDim];
    float q_scaled[kAttendTile][kMaxHeadDim];
    Tile t{{}, n_keys, n_q, 0, head_dim};
    // Scaling each query once (by 1/sqrt(head_dim)) instead of every score.
    const float scale = static_cast<float>(1.0 / std::sqrt(static_cast<double>(head_dim)));
    for (int i = 0; i < n_q; ++i) {
        for (int64_t d = 0; d < head_dim; ++d) q_scaled[i][d] = q[i][d] * scale;
        t.q[i] = q_scaled[i];
        t.max_keys = std::max(t.max_keys, n_keys[i]);
    }
    float mx[kAttendTile];
    score_keys(t, keys, type, tmp, scores, scores_stride, mx);
    float sums[kAttendTile];
    for (int i = 0; i < n_q; ++i) {
        float* s = scores + i * scores_stride;
        sums[i] = simd::exp_shifted_sum(s, n_keys[i], mx[i]);
        std::memset(out[i], 0, static_cast<size_t>(head_dim) * sizeof(float));
    }
    weigh_values(t, values, type, tmp, scores, scores_stride, out);
    for (int i = 0; i < n_q; ++i) {
        const float inv = 1.0f / sums[i];
        for (int64_t d = 0; d < head_dim; ++d) out[i][d] *= inv;
    }
}

void attend_one(const float* q, const void* keys, const void* values, KvType type,
                int64_t n_keys, int64_t head_dim, float* scores, float* out) {
    attend_tile(&q, &n_keys, 1, keys, values, type, head_dim, scores, n_keys, &out);
}

}  // namespace lectern::cpu
