// Device memory planning (see memory_plan.h). The scratch mirrors what CudaSequence
// allocates; keep the two in step (cuda_sequence.cpp).
#include "cuda/memory_plan.h"

#include <algorithm>
#include <cstdio>

namespace lectern::cuda {
namespace {

size_t u(int64_t v) { return static_cast<size_t>(v); }

// The largest context, a multiple of 1024 positions, whose plan fits in free_bytes; 0 if none.
int64_t largest_fitting_ctx(const ModelConfig& c, const PlanRequest& r, size_t fixed,
                            size_t free_bytes) {
    if (fixed >= free_bytes) return 0;
    const size_t per_1k = kv_bytes(c, 1024, r.kv);
    if (per_1k == 0) return 0;
    const int64_t k = static_cast<int64_t>((free_bytes - fixed) / per_1k);
    return std::min<int64_t>(k * 1024, r.n_ctx - 1) / 1024 * 1024;
}

std::string context_name(int64_t n_ctx) {
    return n_ctx % 1024 == 0 ? std::to_string(n_ctx / 1024) + "K" : std::to_string(n_ctx);
}

}  // namespace

const char* kv_storage_name(KvStorage kv) {
    switch (kv) {
    case KvStorage::F32: return "f32";
    case KvStorage::F16: return "f16";
    case KvStorage::BF16: return "bf16";
    case KvStorage::Q8: return "q8";
    }
    return "?";
}

size_t kv_bytes(const ModelConfig& c, int64_t n_ctx, KvStorage kv) {
    const size_t rows = 2 * u(c.n_layer) * u(c.n_kv_head) * u(n_ctx);  // (K|V, layer, head, pos)
    switch (kv) {
    case KvStorage::F32: return rows * u(c.head_dim) * 4;
    case KvStorage::F16:
    case KvStorage::BF16: return rows * u(c.head_dim) * 2;
    case KvStorage::Q8: return rows * (u(c.head_dim) + 4);  // int8 values + f32 scale per row
    }
    return 0;
}

size_t scratch_bytes(const ModelConfig& c, int64_t max_chunk, bool weight_scratch) {
    const size_t C = u(max_chunk);
    const size_t q = u(c.n_head * c.head_dim), kv = u(c.n_kv_head * c.head_dim);
    const size_t widest = std::max({u(c.d_model), u(c.d_ffn), q});
    size_t f32 = C * (3 * u(c.d_model) + 2 * q + 2 * kv + 2 * u(c.d_ffn));  // x xn head_x q att k v gate up
    f32 += C * u(c.n_vocab);                                                 // logits
    f32 += u(kDecodeMaxTokens) * q / u(c.head_dim) * u(kDecodeMaxSplits) * (u(c.head_dim) + 2);
    size_t bytes = f32 * 4 + C * widest * 2 + C * 4 + C * 8;  // + 16-bit activations, ids, rows
    if (weight_scratch) {
        const size_t widest_matrix = std::max({u(c.d_ffn) * u(c.d_model), q * u(c.d_model)});
        bytes += widest_matrix * 2;
    }
    return bytes;
}

Result<DevicePlan> plan_device_memory(const ModelConfig& c, const PlanRequest& r,
                                      size_t free_bytes) {
    if (r.n_ctx < 1 || r.max_chunk < 1)
        return make_error(ErrorCode::InvalidArgument, "n_ctx and max_chunk must be at least 1");
    DevicePlan p;
    p.weights = r.weight_bytes;
    p.kv = kv_bytes(c, r.n_ctx, r.kv);
    p.scratch = scratch_bytes(c, r.max_chunk, r.weight_scratch);
    p.reserve = kReserveBytes;
    if (p.total() <= free_bytes) return p;

    const size_t fixed = p.weights + p.scratch + p.reserve;
    std::string advice;
    if (r.kv != KvStorage::Q8 && fixed + kv_bytes(c, r.n_ctx, KvStorage::Q8) <= free_bytes) {
        advice = "use an 8-bit KV cache";
    }
    if (const int64_t ctx = largest_fitting_ctx(c, r, fixed, free_bytes); ctx > 0) {
        advice += (advice.empty() ? "use a " : " or a ") + context_name(ctx) + " context";
    }
    if (advice.empty()) {
        advice = fixed >= free_bytes
                     ? "the weights and scratch alone need " + format_bytes(fixed) +
                           ": use a smaller quantization or a smaller chunk"
                     : "use a smaller model";
    }
    return make_error(ErrorCode::OutOfDeviceMemory,
                      "needs " + format_bytes(p.total()) + ", " + format_bytes(free_bytes) +
                          " free: " + advice,
                      "weights " + format_bytes(p.weights) + ", " + kv_storage_name(r.kv) +
                          " KV cache for " + context_name(r.n_ctx) + " positions " +
                          format_bytes(p.kv) + ", scratch " + format_bytes(p.scratch));
}

std::string format_bytes(size_t bytes) {
    char buf[32];
    const double gib = static_cast<double>(bytes) / (1024.0 * 1024.0 * 1024.0);
    if (gib >= 1.0) {
        std::snprintf(buf, sizeof buf, "%.1f GiB", gib);
    } else {
        std::snprintf(buf, sizeof buf, "%.1f MiB", static_cast<double>(bytes) / (1024.0 * 1024.0));
    }
    return buf;
}

}  // namespace lectern::cuda
