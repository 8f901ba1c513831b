// Memory planning (see memory_plan.h). The scratch figures mirror what the backends allocate
// per sequence (cpu_backend.cpp's create_sequence and Session; cuda_sequence.cpp): keep them
// in step.
#include "lectern/engine/memory_plan.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>

namespace lectern {
namespace {

size_t u(int64_t v) { return static_cast<size_t>(v < 0 ? 0 : v); }

Result<MemoryPlan> size_plan(const ModelConfig& c, const MemoryRequest& r) {
    if (r.n_ctx < 1 || r.max_chunk < 1)
        return make_error(ErrorCode::InvalidArgument, "n_ctx and max_chunk must be at least 1");
    MemoryPlan p;
    p.weights = r.weight_bytes;
    p.kv = kv_cache_bytes(c, r.kv, r.n_ctx);
    if (r.kind == MemoryKind::Host) {
        p.scratch = host_scratch_bytes(c, r.max_chunk, r.n_ctx, r.n_threads);
        p.reserve = kHostReserveBytes;
    } else {
        p.scratch = device_scratch_bytes(c, r.max_chunk, r.weight_scratch);
        p.reserve = kDeviceReserveBytes;
    }
    return p;
}

bool fits(const ModelConfig& c, MemoryRequest r, int64_t n_ctx, KvType kv, size_t available) {
    r.n_ctx = n_ctx;
    r.kv = kv;
    auto p = size_plan(c, r);
    return p && p->total() <= available;
}

// The largest context, a multiple of 1024 positions below `below`, whose plan fits; 0 if none.
int64_t largest_fitting_ctx(const ModelConfig& c, const MemoryRequest& r, KvType kv, int64_t below,
                            size_t available) {
    int64_t lo = 0, hi = (below - 1) / 1024;  // in units of 1K; the plan grows with the context
    while (lo < hi) {
        const int64_t mid = (lo + hi + 1) / 2;
        if (fits(c, r, mid * 1024, kv, available)) lo = mid;
        else hi = mid - 1;
    }
    return lo * 1024;
}

}  // namespace

size_t host_scratch_bytes(const ModelConfig& c, int64_t max_chunk, int64_t n_ctx, int n_threads) {
    const size_t C = u(max_chunk);
    const size_t q = u(c.n_head * c.head_dim), kv = u(c.n_kv_head * c.head_dim);
    // x xn head_x, q att, k v, gate up, cos sin (cpu_backend.cpp), then the session's logits.
    size_t f32 = C * (3 * u(c.d_model) + 2 * q + 2 * kv + 2 * u(c.d_ffn) + u(c.head_dim));
    f32 += u(std::max(n_threads, 1)) * 8 * u(n_ctx);  // a tile of scores per thread
    f32 += (C + 1) * u(c.n_vocab);
    return f32 * 4;
}

size_t device_scratch_bytes(const ModelConfig& c, int64_t max_chunk, bool weight_scratch) {
    const size_t C = u(max_chunk);
    const size_t q = u(c.n_head * c.head_dim), kv = u(c.n_kv_head * c.head_dim);
    const size_t widest = std::max({u(c.d_model), u(c.d_ffn), q});
    size_t f32 = C * (3 * u(c.d_model) + 2 * q + 2 * kv + 2 * u(c.d_ffn));  // x xn head_x q att k v gate up
    f32 += C * u(c.n_vocab);                                                 // logits
    f32 += u(kDeviceDecodeMaxTokens) * q / u(std::max<int64_t>(c.head_dim, 1)) *
           u(kDeviceDecodeMaxSplits) * (u(c.head_dim) + 2);
    size_t bytes = f32 * 4 + C * widest * 2 + C * 4 + C * 8;  // + 16-bit activations, ids, rows
    if (weight_scratch) {
        const size_t widest_matrix = std::max({u(c.d_ffn) * u(c.d_model), q * u(c.d_model)});
        bytes += widest_matrix * 2;
    }
    return bytes;
}

Result<MemoryPlan> plan_memory(const ModelConfig& c, const MemoryRequest& r, size_t available) {
    auto plan = size_plan(c, r);
    if (!plan || plan->total() <= available) return plan;
    const MemoryPlan& p = *plan;
    const size_t fixed = p.weights + p.scratch + p.reserve;
    std::string advice;
    if (r.kv != KvType::Q8_0 && kv_type_supported(c, KvType::Q8_0) &&
        fits(c, r, r.n_ctx, KvType::Q8_0, available))
        advice = "use an 8-bit KV cache (--kv q8_0)";
    if (const int64_t ctx = largest_fitting_ctx(c, r, r.kv, r.n_ctx, available); ctx > 0)
        advice += (advice.empty() ? "use a " : " or a ") + context_name(ctx) + " context";
    if (advice.empty()) {
        advice = fixed >= available ? "the weights and scratch alone need " + format_bytes(fixed) +
                                          ": use a smaller quantization of the model"
                                    : "use a smaller model";
    }
    const bool host = r.kind == MemoryKind::Host;
    return make_error(host ? ErrorCode::OutOfMemory : ErrorCode::OutOfDeviceMemory,
                      "needs " + format_bytes(p.total()) + ", " + format_bytes(available) +
                          (host ? " free" : " free on the GPU") + ": " + advice,
                      "weights " + format_bytes(p.weights) + ", " + kv_type_name(r.kv) + " KV cache for " +
                          context_name(r.n_ctx) + " positions " + format_bytes(p.kv) + ", scratch " +
                          format_bytes(p.scratch));
}

Result<ContextChoice> fit_context(const ModelConfig& c, const MemoryRequest& r, bool kv_fixed, size_t available) {
    auto first = plan_memory(c, r, available);
    const std::string trained = "the model's context of " + context_name(r.n_ctx) + " positions";
    if (first) {
        return ContextChoice{r.n_ctx, r.kv, *first,
                             trained + ", " + kv_type_name(r.kv) + " KV cache (needs " +
                                 format_bytes(first->total()) + " of " + format_bytes(available) + " free)"};
    }
    if (first.error().code != ErrorCode::OutOfMemory && first.error().code != ErrorCode::OutOfDeviceMemory)
        return first.error();
    const std::string why = kv_type_name(r.kv) + std::string(" at ") + context_name(r.n_ctx) + " would need " +
                            format_bytes(size_plan(c, r)->total()) + ", " + format_bytes(available) + " free";
    const KvType kv = !kv_fixed && kv_type_supported(c, KvType::Q8_0) ? KvType::Q8_0 : r.kv;
    MemoryRequest q = r;
    q.kv = kv;
    if (kv != r.kv) {
        if (auto p = plan_memory(c, q, available))
            return ContextChoice{r.n_ctx, kv, *p, trained + ", 8-bit (q8_0) KV cache: " + why};
    }
    const int64_t ctx = largest_fitting_ctx(c, q, kv, r.n_ctx, available);
    if (ctx < 1024) return first.error();
    q.n_ctx = ctx;
    auto p = plan_memory(c, q, available);
    if (!p) return p.error();
    return ContextChoice{ctx, kv, *p,
                         "context lowered to " + context_name(ctx) + " positions with a " + kv_type_name(kv) +
                             " KV cache, the most that fits: " + why};
}

size_t available_host_memory() {
    if (const char* s = std::getenv("LECTERN_MEMORY_AVAILABLE"); s && *s) return std::strtoull(s, nullptr, 10);
    std::ifstream in("/proc/meminfo");
    std::string key, unit;
    size_t kib = 0;
    while (in >> key >> kib >> unit)
        if (key == "MemAvailable:") return kib * 1024;
    return 0;
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

std::string context_name(int64_t n_ctx) {
    return n_ctx % 1024 == 0 ? std::to_string(n_ctx / 1024) + "K" : std::to_string(n_ctx);
}

}  // namespace lectern
