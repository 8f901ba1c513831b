// KV cache element types: names, row sizes and cache sizes (see backend.h). Every backend,
// the memory planner and KV snapshots size the cache through these.
#include <string>

#include "lectern/engine/backend.h"

namespace lectern {
namespace {

constexpr int64_t kQ8Block = 32;      // values per q8_0 block
constexpr size_t kQ8BlockBytes = 34;  // f16 scale + 32 int8

}  // namespace

const char* kv_type_name(KvType type) {
    switch (type) {
    case KvType::F32: return "f32";
    case KvType::F16: return "f16";
    case KvType::BF16: return "bf16";
    case KvType::Q8_0: return "q8_0";
    }
    return "?";
}

std::optional<KvType> parse_kv_type(std::string_view name) {
    for (KvType t : {KvType::F32, KvType::F16, KvType::BF16, KvType::Q8_0})
        if (name == kv_type_name(t)) return t;
    return std::nullopt;
}

DType kv_dtype(KvType type) {
    switch (type) {
    case KvType::F32: return DType::F32;
    case KvType::F16: return DType::F16;
    case KvType::BF16: return DType::BF16;
    case KvType::Q8_0: return DType::Q8_0;
    }
    return DType::F32;
}

size_t kv_row_bytes(KvType type, int64_t head_dim) {
    const auto hd = static_cast<size_t>(head_dim < 0 ? 0 : head_dim);
    switch (type) {
    case KvType::F32: return hd * 4;
    case KvType::F16:
    case KvType::BF16: return hd * 2;
    case KvType::Q8_0: return (hd + kQ8Block - 1) / kQ8Block * kQ8BlockBytes;
    }
    return 0;
}

size_t kv_cache_bytes(const ModelConfig& c, KvType type, int64_t n_ctx) {
    const size_t rows = 2 * static_cast<size_t>(c.n_layer * c.n_kv_head) * static_cast<size_t>(n_ctx < 0 ? 0 : n_ctx);
    return rows * kv_row_bytes(type, c.head_dim);
}

bool kv_type_supported(const ModelConfig& c, KvType type) {
    return type != KvType::Q8_0 || (c.head_dim > 0 && c.head_dim % kQ8Block == 0);
}

size_t kv_snapshot_bytes(const ModelConfig& config, KvType type, int64_t n_tokens) {
    return kv_cache_bytes(config, type, n_tokens);
}

}  // namespace lectern
