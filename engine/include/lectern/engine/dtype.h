// Element and block types of weight tensors. The numeric values are GGUF's (ggml_type), so a
// GGUF tensor's type field converts directly. Quantized types store rows as runs of blocks;
// a row of n elements takes n / block_size blocks of block_bytes each.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace lectern {

enum class DType : uint32_t {
    F32 = 0,
    F16 = 1,
    Q4_0 = 2,
    Q8_0 = 8,
    Q4_K = 12,
    Q5_K = 13,
    Q6_K = 14,
    BF16 = 30,
};

struct DTypeInfo {
    const char* name;    // as GGUF tools print it: "f32", "q4_K", ...
    int block_size;      // elements per block (1 for plain floats)
    int block_bytes;     // bytes per block
};

// Info for a supported type; nullopt for a GGUF type id Lectern does not support.
std::optional<DTypeInfo> dtype_info(uint32_t ggml_type);
DTypeInfo dtype_info(DType type);
const char* dtype_name(DType type);

// Bytes of one row of n elements; n must be a multiple of the block size.
size_t row_bytes(DType type, int64_t n);
bool is_quantized(DType type);

}  // namespace lectern
