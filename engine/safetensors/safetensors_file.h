// Safetensors container: an 8-byte little-endian header length, a JSON header mapping each
// tensor name to {dtype, shape, data_offsets}, then the data. Read over a read-only memory
// map; the header is validated when the file is opened (length bounded, JSON well formed,
// every tensor's byte range inside the data, its size = product(shape) * dtype size, no two
// ranges overlapping). After open() succeeds, accessors trust it.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "lectern/engine/result.h"

namespace lectern::safetensors {

struct TensorInfo {
    std::string name;
    std::string dtype;            // as written: "BF16", "F16", "F32", "I64", ...
    std::vector<int64_t> shape;   // outermost first (PyTorch order): a matrix is [rows, cols]
    uint64_t size = 0;            // bytes
    const uint8_t* data = nullptr;  // into the mapping
};

// Bytes per element of a safetensors dtype; 0 for a name the format does not define.
int dtype_size(std::string_view dtype);

class File {
public:
    // Errors: NotFound/Io (cannot open or map), Corrupt (header or offsets malformed).
    static Result<File> open(const std::string& path);
    // Parses an in-memory image (the fuzzer's entry point); `bytes` must outlive the File.
    static Result<File> parse(const uint8_t* bytes, size_t size, std::string context);

    const std::vector<TensorInfo>& tensors() const;
    const TensorInfo* find(std::string_view name) const;
    const std::map<std::string, std::string>& metadata() const;  // "__metadata__"
    const std::string& path() const;
    std::shared_ptr<const void> mapping() const;

private:
    static Result<File> parse_header(const uint8_t* bytes, size_t size, const std::string& context);
    struct State;
    std::shared_ptr<State> s_;
};

}  // namespace lectern::safetensors
