// Attention of one query over a KV head (see attention.h). 16-bit caches are widened to
// float32 one key/value row at a time; all arithmetic is float32 (the softmax sums in double).
#include "cpu/attention.h"

#include <cmath>
#include <cstring>

#include "cpu/ops.h"
#include "quant/half.h"

namespace lectern::cpu {
namespace {

constexpr int64_t kMaxHeadDim = 512;

// Row j of a (n_ctx, head_dim) cache head as f32: a pointer into the cache when it is f32,
// otherwise widened into `tmp`.
inline const float* row_f32(const void* base, KvType type, int64_t j, int64_t head_dim, float* tmp) {
    if (type == KvType::F32) return static_cast<const float*>(base) + j * head_dim;
    const uint16_t* r = static_cast<const uint16_t*>(base) + j * head_dim;
    if (type == KvType::F16) {
        for (int64_t i = 0; i < head_dim; ++i) tmp[i] = quant::f16_to_f32(r[i]);
    } else {
        for (int64_t i = 0; i < head_dim; ++i) tmp[i] = quant::bf16_to_f32(r[i]);
    }
    return tmp;
}

}  // namespace

void attend_one(const float* q, const void* keys, const void* values, KvType type,
                int64_t n_keys, int64_t head_dim, float* scores, float* out) {
    float tmp[kMaxHeadDim];
    const float scale = static_cast<float>(1.0 / std::sqrt(static_cast<double>(head_dim)));
    for (int64_t j = 0; j < n_keys; ++j)
        scores[j] = dot(q, row_f32(keys, type, j, head_dim, tmp), head_dim) * scale;
    softmax(scores, n_keys);
    std::memset(out, 0, static_cast<size_t>(head_dim) * sizeof(float));
    for (int64_t j = 0; j < n_keys; ++j)
        axpy(scores[j], row_f32(values, type, j, head_dim, tmp), out, head_dim);
}

}  // namespace lectern::cpu
