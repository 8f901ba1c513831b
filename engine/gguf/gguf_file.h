// GGUF container: parsing (header, typed metadata incl. arrays, tensor infos) over a
// read-only memory map, and writing (used by tests and tools). Every count, offset, size and
// alignment is validated when the file is opened; after open() succeeds, accessors trust it.
// Format: little-endian, versions 2 and 3, default alignment 32 (`general.alignment`).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "lectern/engine/dtype.h"
#include "lectern/engine/result.h"

namespace lectern::gguf {

enum class ValueType : uint32_t {
    U8 = 0, I8 = 1, U16 = 2, I16 = 3, U32 = 4, I32 = 5, F32 = 6, BOOL = 7,
    STRING = 8, ARRAY = 9, U64 = 10, I64 = 11, F64 = 12,
};

// One metadata value. Scalars are widened; arrays keep their element type.
struct Value {
    ValueType type = ValueType::U8;
    ValueType array_type = ValueType::U8;  // element type when type == ARRAY
    std::variant<uint64_t, int64_t, double, bool, std::string,
                 std::vector<uint64_t>, std::vector<int64_t>, std::vector<double>,
                 std::vector<bool>, std::vector<std::string>>
        data;
};

struct TensorInfo {
    std::string name;
    DType type = DType::F32;
    std::vector<int64_t> ne;   // dimensions, innermost first (ne[0] = row length)
    uint64_t offset = 0;       // from the start of the data section
    uint64_t size = 0;         // bytes
    const uint8_t* data = nullptr;  // into the mapping
};

class File {
public:
    // Maps and validates `path`. Errors: Io, Corrupt (bad magic/version, truncation,
    // out-of-range or misaligned or overlapping tensors), UnsupportedModel (tensor type).
    static Result<File> open(const std::string& path);
    // Parses an in-memory image (the fuzzer's entry point); `bytes` must outlive the File.
    static Result<File> parse(const uint8_t* bytes, size_t size, std::string context);
    // Parses the header from the first `size` bytes of a file of `file_size` bytes (one not
    // downloaded yet): metadata and tensor infos, each tensor placed within file_size, every
    // TensorInfo::data null. Errors: those of parse(); when the header runs past `size`,
    // Corrupt with *bytes_needed set to the bytes it needs at least (else it is set to 0).
    static Result<File> parse_header(const uint8_t* bytes, size_t size, uint64_t file_size, std::string context,
                                     uint64_t* bytes_needed);

    uint32_t version() const;
    uint32_t alignment() const;  // of tensor data: `general.alignment` or 32
    const std::vector<std::pair<std::string, Value>>& metadata() const;
    const Value* find(std::string_view key) const;
    std::optional<std::string> get_string(std::string_view key) const;
    std::optional<int64_t> get_int(std::string_view key) const;    // any integer type
    std::optional<double> get_float(std::string_view key) const;   // any numeric type
    std::optional<bool> get_bool(std::string_view key) const;
    const std::vector<std::string>* get_string_array(std::string_view key) const;
    std::optional<std::vector<int64_t>> get_int_array(std::string_view key) const;
    std::optional<std::vector<float>> get_float_array(std::string_view key) const;

    const std::vector<TensorInfo>& tensors() const;
    const TensorInfo* find_tensor(std::string_view name) const;
    const std::string& path() const;
    // Keeps the mapping alive (for ModelWeights::storage).
    std::shared_ptr<const void> mapping() const;

private:
    struct State;
    std::shared_ptr<State> s_;
};

// Builds a GGUF file in memory; tensors are added with their raw (already encoded) bytes.
class Writer {
public:
    void set_u32(const std::string& key, uint32_t v);
    void set_i32(const std::string& key, int32_t v);
    void set_u64(const std::string& key, uint64_t v);
    void set_f32(const std::string& key, float v);
    void set_bool(const std::string& key, bool v);
    void set_string(const std::string& key, const std::string& v);
    void set_string_array(const std::string& key, const std::vector<std::string>& v);
    void set_i32_array(const std::string& key, const std::vector<int32_t>& v);
    void set_f32_array(const std::string& key, const std::vector<float>& v);
    void add_tensor(const std::string& name, DType type, std::vector<int64_t> ne,
                    std::vector<uint8_t> bytes);
    // Any value, e.g. of a type the typed setters do not cover; replaces an existing key.
    void set_value(const std::string& key, Value v);
    std::vector<uint8_t> to_bytes(uint32_t alignment = 32) const;
    Status write(const std::string& path) const;

private:
    struct Kv { std::string key; Value value; };
    struct T { std::string name; DType type; std::vector<int64_t> ne; std::vector<uint8_t> bytes; };
    std::vector<Kv> kvs_;
    std::vector<T> tensors_;
};

}  // namespace lectern::gguf
