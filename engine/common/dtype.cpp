// Block geometry of the supported tensor types (the layouts are ggml's; see engine/quant/).
#include "lectern/engine/dtype.h"

namespace lectern {

std::optional<DTypeInfo> dtype_info(uint32_t ggml_type) {
    switch (static_cast<DType>(ggml_type)) {
    case DType::F32: return DTypeInfo{"f32", 1, 4};
    case DType::F16: return DTypeInfo{"f16", 1, 2};
    case DType::BF16: return DTypeInfo{"bf16", 1, 2};
    case DType::Q8_0: return DTypeInfo{"q8_0", 32, 34};   // f16 scale + 32 x int8
    case DType::Q4_0: return DTypeInfo{"q4_0", 32, 18};   // f16 scale + 16 bytes of nibbles
    case DType::Q4_K: return DTypeInfo{"q4_K", 256, 144}; // 2 x f16 + 12 scale bytes + 128
    case DType::Q5_K: return DTypeInfo{"q5_K", 256, 176}; // as Q4_K + 32 bytes of high bits
    case DType::Q6_K: return DTypeInfo{"q6_K", 256, 210}; // 128 + 64 + 16 scales + f16
    }
    return std::nullopt;
}

DTypeInfo dtype_info(DType type) { return *dtype_info(static_cast<uint32_t>(type)); }

const char* dtype_name(DType type) { return dtype_info(type).name; }

size_t row_bytes(DType type, int64_t n) {
    DTypeInfo info = dtype_info(type);
    return static_cast<size_t>(n / info.block_size) * static_cast<size_t>(info.block_bytes);
}

bool is_quantized(DType type) { return dtype_info(type).block_size > 1; }

}  // namespace lectern
