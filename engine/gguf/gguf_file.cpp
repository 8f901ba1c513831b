// GGUF reader: maps a file read-only and parses header, metadata and tensor infos, checking
// every count, length, offset and alignment against the bytes actually present before it is
// used. Parsing errors are thrown as ParseError inside this file and returned as Error.
#include "gguf/gguf_file.h"

#include <algorithm>
#include <cstring>
#include <unordered_map>

#include "common/mapped_file.h"

namespace lectern::gguf {
namespace {

constexpr uint32_t kMagic = 0x46554747;  // "GGUF" read as a little-endian u32
constexpr uint32_t kDefaultAlignment = 32;
constexpr uint32_t kMaxAlignment = 1u << 20;
constexpr uint32_t kMaxDims = 4;  // GGML_MAX_DIMS
constexpr uint64_t kMaxReserve = 1 << 16;

size_t reserve_size(uint64_t n) { return static_cast<size_t>(std::min(n, kMaxReserve)); }

struct ParseError {
    ErrorCode code;
    std::string message;
    uint64_t offset;
    uint64_t bytes_needed = 0;  // a header-only parse ran past its prefix: read at least this
};

// Bounds-checked little-endian reads over the image. The image may be the first `size`
// bytes of a file of `file_size` (a header read before the file is downloaded): counts are
// judged against the whole file, and a read past the prefix asks for more bytes.
class Cursor {
public:
    Cursor(const uint8_t* data, size_t size) : Cursor(data, size, size) {}
    Cursor(const uint8_t* data, size_t size, uint64_t file_size) : data_(data), size_(size), file_size_(file_size) {}

    size_t pos() const { return pos_; }
    uint64_t remaining() const { return file_size_ - pos_; }

    [[noreturn]] void fail(std::string message, ErrorCode code = ErrorCode::Corrupt) const {
        throw ParseError{code, std::move(message), pos_};
    }
    void need(uint64_t n, const char* what) const {
        if (n > remaining())
            fail(std::string("file is truncated: ") + what + " runs past the end of the file");
        if (n > size_ - pos_)
            throw ParseError{ErrorCode::Corrupt,
                             "the header runs past the " + std::to_string(size_) + " bytes read", pos_, pos_ + n};
    }
    template <class T>
    T read(const char* what) {
        need(sizeof(T), what);
        T v;
        std::memcpy(&v, data_ + pos_, sizeof(T));
        pos_ += sizeof(T);
        return v;
    }
    std::string read_string(const char* what) {
        uint64_t n = read<uint64_t>(what);
        need(n, what);
        std::string s(reinterpret_cast<const char*>(data_ + pos_), static_cast<size_t>(n));
        pos_ += static_cast<size_t>(n);
        return s;
    }
    // A count of items that each take at least `min_item_bytes` of the rest of the file:
    // a count larger than that cannot be honest. An item in memory can be several times its
    // size on disk, so containers are reserved at most kMaxReserve ahead and grow with what
    // is actually read.
    uint64_t read_count(const char* what, uint64_t min_item_bytes) {
        uint64_t n = read<uint64_t>(what);
        if (n > remaining() / min_item_bytes)
            fail(std::string(what) + " " + std::to_string(n) + " is larger than the file can hold");
        return n;
    }

private:
    const uint8_t* data_;
    size_t size_;
    uint64_t file_size_;
    size_t pos_ = 0;
};

// Bytes one element of an array of this type takes at least (strings: their length).
uint64_t min_bytes(ValueType t) {
    switch (t) {
    case ValueType::U8: case ValueType::I8: case ValueType::BOOL: return 1;
    case ValueType::U16: case ValueType::I16: return 2;
    case ValueType::U32: case ValueType::I32: case ValueType::F32: return 4;
    case ValueType::U64: case ValueType::I64: case ValueType::F64: return 8;
    case ValueType::STRING: return 8;
    case ValueType::ARRAY: return 12;
    }
    return 1;
}

bool valid_type(uint32_t t) { return t <= static_cast<uint32_t>(ValueType::F64); }

uint64_t read_unsigned(Cursor& c, ValueType t) {
    switch (t) {
    case ValueType::U8: return c.read<uint8_t>("u8 value");
    case ValueType::U16: return c.read<uint16_t>("u16 value");
    case ValueType::U32: return c.read<uint32_t>("u32 value");
    default: return c.read<uint64_t>("u64 value");
    }
}

int64_t read_signed(Cursor& c, ValueType t) {
    switch (t) {
    case ValueType::I8: return c.read<int8_t>("i8 value");
    case ValueType::I16: return c.read<int16_t>("i16 value");
    case ValueType::I32: return c.read<int32_t>("i32 value");
    default: return c.read<int64_t>("i64 value");
    }
}

double read_float(Cursor& c, ValueType t) {
    if (t == ValueType::F32) return c.read<float>("f32 value");
    return c.read<double>("f64 value");
}

bool read_bool(Cursor& c) {
    uint8_t b = c.read<uint8_t>("bool value");
    if (b > 1) c.fail("bool value " + std::to_string(b) + " is neither 0 nor 1");
    return b != 0;
}

enum class Kind { Unsigned, Signed, Float, Bool, String };

Kind kind_of(ValueType t) {
    switch (t) {
    case ValueType::U8: case ValueType::U16: case ValueType::U32: case ValueType::U64:
        return Kind::Unsigned;
    case ValueType::I8: case ValueType::I16: case ValueType::I32: case ValueType::I64:
        return Kind::Signed;
    case ValueType::F32: case ValueType::F64: return Kind::Float;
    case ValueType::BOOL: return Kind::Bool;
    default: return Kind::String;
    }
}

template <class T, class F>
std::vector<T> read_array_of(uint64_t n, F&& read_one) {
    std::vector<T> v;
    v.reserve(reserve_size(n));
    for (uint64_t i = 0; i < n; ++i) v.push_back(read_one());
    return v;
}

Value read_array(Cursor& c) {
    uint32_t et = c.read<uint32_t>("array element type");
    if (!valid_type(et)) c.fail("unknown array element type " + std::to_string(et));
    Value v;
    v.type = ValueType::ARRAY;
    v.array_type = static_cast<ValueType>(et);
    if (v.array_type == ValueType::ARRAY)
        c.fail("nested metadata arrays are not supported", ErrorCode::UnsupportedModel);
    uint64_t n = c.read_count("array length", min_bytes(v.array_type));
    ValueType t = v.array_type;
    switch (kind_of(t)) {
    case Kind::Unsigned: v.data = read_array_of<uint64_t>(n, [&] { return read_unsigned(c, t); }); break;
    case Kind::Signed: v.data = read_array_of<int64_t>(n, [&] { return read_signed(c, t); }); break;
    case Kind::Float: v.data = read_array_of<double>(n, [&] { return read_float(c, t); }); break;
    case Kind::Bool: v.data = read_array_of<bool>(n, [&] { return read_bool(c); }); break;
    case Kind::String:
        v.data = read_array_of<std::string>(n, [&] { return c.read_string("array string"); });
        break;
    }
    return v;
}

Value read_value(Cursor& c, uint32_t type) {
    if (!valid_type(type)) c.fail("unknown metadata value type " + std::to_string(type));
    Value v;
    v.type = static_cast<ValueType>(type);
    if (v.type == ValueType::ARRAY) return read_array(c);
    switch (kind_of(v.type)) {
    case Kind::Unsigned: v.data = read_unsigned(c, v.type); break;
    case Kind::Signed: v.data = read_signed(c, v.type); break;
    case Kind::Float: v.data = read_float(c, v.type); break;
    case Kind::Bool: v.data = read_bool(c); break;
    case Kind::String: v.data = c.read_string("string value"); break;
    }
    return v;
}

uint64_t align_up(uint64_t x, uint64_t a) { return (x + a - 1) / a * a; }

// What parsing finds; File::State adds the path and the mapping.
struct Parsed {
    uint32_t version = 0;
    uint32_t alignment = kDefaultAlignment;
    std::vector<std::pair<std::string, Value>> metadata;
    std::unordered_map<std::string, size_t> metadata_index;
    std::vector<TensorInfo> tensors;
    std::unordered_map<std::string, size_t> tensor_index;
};

void parse_metadata(Cursor& c, Parsed& s, uint64_t n_kv) {
    s.metadata.reserve(reserve_size(n_kv));
    for (uint64_t i = 0; i < n_kv; ++i) {
        std::string key = c.read_string("metadata key");
        uint32_t type = c.read<uint32_t>("metadata value type");
        Value v = read_value(c, type);
        if (!s.metadata_index.emplace(key, s.metadata.size()).second)
            c.fail("duplicate metadata key '" + key + "'");
        s.metadata.emplace_back(std::move(key), std::move(v));
    }
    auto it = s.metadata_index.find("general.alignment");
    if (it == s.metadata_index.end()) return;
    const Value& a = s.metadata[it->second].second;
    const uint64_t* u = std::get_if<uint64_t>(&a.data);
    if (a.type == ValueType::ARRAY || !u || *u == 0 || *u > kMaxAlignment || (*u & (*u - 1)) != 0)
        c.fail("general.alignment must be a power of two up to 2^20");
    s.alignment = static_cast<uint32_t>(*u);
}

// Reads one tensor info and checks what can be checked before the data section is known.
TensorInfo parse_tensor_info(Cursor& c) {
    TensorInfo t;
    t.name = c.read_string("tensor name");
    uint32_t n_dims = c.read<uint32_t>("tensor dimension count");
    if (n_dims < 1 || n_dims > kMaxDims)
        c.fail("tensor '" + t.name + "' has " + std::to_string(n_dims) + " dimensions (1..4 allowed)");
    uint64_t n_elements = 1;
    for (uint32_t d = 0; d < n_dims; ++d) {
        uint64_t ne = c.read<uint64_t>("tensor dimension");
        if (ne == 0 || ne > static_cast<uint64_t>(INT64_MAX) ||
            __builtin_mul_overflow(n_elements, ne, &n_elements) || n_elements > (1ull << 62))
            c.fail("tensor '" + t.name + "' has an invalid dimension " + std::to_string(ne));
        t.ne.push_back(static_cast<int64_t>(ne));
    }
    uint32_t type = c.read<uint32_t>("tensor type");
    std::optional<DTypeInfo> info = dtype_info(type);
    if (!info)
        c.fail("tensor '" + t.name + "' has a tensor type (ggml type " + std::to_string(type) +
                   ") that Lectern does not support",
               ErrorCode::UnsupportedModel);
    t.type = static_cast<DType>(type);
    if (t.ne[0] % info->block_size != 0)
        c.fail("tensor '" + t.name + "': row length " + std::to_string(t.ne[0]) +
               " is not a multiple of the " + info->name + " block size " +
               std::to_string(info->block_size));
    t.size = n_elements / static_cast<uint64_t>(info->block_size) *
             static_cast<uint64_t>(info->block_bytes);
    t.offset = c.read<uint64_t>("tensor data offset");
    return t;
}

// Places every tensor inside the data section: in range, aligned, and not overlapping.
// Without `data` (a header-only parse) the tensors' data pointers stay null.
void place_tensors(Cursor& c, Parsed& s, const uint8_t* data, uint64_t data_start,
                   uint64_t file_size) {
    uint64_t data_size = file_size - data_start;
    for (TensorInfo& t : s.tensors) {
        if (t.offset % s.alignment != 0)
            c.fail("tensor '" + t.name + "' data offset " + std::to_string(t.offset) +
                   " is not aligned to " + std::to_string(s.alignment));
        if (t.offset > data_size || t.size > data_size - t.offset)
            c.fail("tensor '" + t.name + "' data [" + std::to_string(t.offset) + ", +" +
                   std::to_string(t.size) + ") lies outside the data section of " +
                   std::to_string(data_size) + " bytes");
        t.data = data ? data + data_start + t.offset : nullptr;
    }
    std::vector<const TensorInfo*> order;
    for (const TensorInfo& t : s.tensors) order.push_back(&t);
    std::sort(order.begin(), order.end(),
              [](const TensorInfo* a, const TensorInfo* b) { return a->offset < b->offset; });
    for (size_t i = 1; i < order.size(); ++i) {
        if (order[i - 1]->offset + order[i - 1]->size > order[i]->offset)
            c.fail("tensors '" + order[i - 1]->name + "' and '" + order[i]->name +
                   "' overlap in the data section");
    }
}

// `bytes` is null for a header-only parse of a file of `size` bytes.
void parse_image(Cursor& c, const uint8_t* bytes, uint64_t size, Parsed& s) {
    uint32_t magic = c.read<uint32_t>("magic");
    if (magic != kMagic) c.fail("not a GGUF file (bad magic)");
    s.version = c.read<uint32_t>("version");
    if (s.version == 0x02000000 || s.version == 0x03000000)
        c.fail("big-endian GGUF files are not supported", ErrorCode::UnsupportedModel);
    if (s.version != 2 && s.version != 3)
        c.fail("unsupported GGUF version " + std::to_string(s.version) + " (2 and 3 are read)");
    // Each tensor info takes at least 8 (name) + 4 + 8 + 4 + 8 bytes; a key-value pair 8 + 4 + 1.
    uint64_t n_tensors = c.read<uint64_t>("tensor count");
    uint64_t n_kv = c.read<uint64_t>("metadata count");
    if (n_tensors > c.remaining() / 32)
        c.fail("tensor count " + std::to_string(n_tensors) + " is larger than the file can hold");
    if (n_kv > c.remaining() / 13)
        c.fail("metadata count " + std::to_string(n_kv) + " is larger than the file can hold");
    parse_metadata(c, s, n_kv);
    s.tensors.reserve(reserve_size(n_tensors));
    for (uint64_t i = 0; i < n_tensors; ++i) {
        TensorInfo t = parse_tensor_info(c);
        if (!s.tensor_index.emplace(t.name, s.tensors.size()).second)
            c.fail("duplicate tensor name '" + t.name + "'");
        s.tensors.push_back(std::move(t));
    }
    if (n_tensors == 0) return;
    uint64_t data_start = align_up(c.pos(), s.alignment);
    if (data_start > size) c.fail("file is truncated: the tensor data section is missing");
    place_tensors(c, s, bytes, data_start, size);
}

// Runs parse_image, its exceptions turned into errors. `bytes` is null for a header-only
// parse of a file of `size` bytes; *bytes_needed (if given) gets how many bytes such a parse
// wanted, else 0.
Status parse_into(Cursor& c, const uint8_t* bytes, uint64_t size, Parsed& s, const std::string& context,
                  uint64_t* bytes_needed) {
    if (bytes_needed) *bytes_needed = 0;
    try {
        parse_image(c, bytes, size, s);
    } catch (const ParseError& e) {
        if (bytes_needed) *bytes_needed = e.bytes_needed;
        return make_error(e.code, e.message, context + " at byte " + std::to_string(e.offset));
    } catch (const std::bad_alloc&) {
        return make_error(ErrorCode::OutOfMemory, "out of memory reading GGUF metadata", context);
    }
    return {};
}

}  // namespace

struct File::State : Parsed {
    std::string path;
    std::shared_ptr<const void> mapping;  // the mmap (open); none for parse()
};

Result<File> File::parse(const uint8_t* bytes, size_t size, std::string context) {
    auto s = std::make_shared<State>();
    s->path = std::move(context);
    Cursor c(bytes, size);
    LECTERN_TRY(parse_into(c, bytes, size, *s, s->path, nullptr));
    File f;
    f.s_ = std::move(s);
    return f;
}

Result<File> File::parse_header(const uint8_t* bytes, size_t size, uint64_t file_size, std::string context,
                                uint64_t* bytes_needed) {
    auto s = std::make_shared<State>();
    s->path = std::move(context);
    Cursor c(bytes, std::min<uint64_t>(size, file_size), file_size);
    LECTERN_TRY(parse_into(c, nullptr, file_size, *s, s->path, bytes_needed));
    File f;
    f.s_ = std::move(s);
    return f;
}

Result<File> File::open(const std::string& path) {
    Result<MappedFile> m = map_file(path);
    if (!m.ok()) return m.error();
    Result<File> f = parse(m->data, m->size, path);
    if (f.ok()) f->s_->mapping = std::move(m->owner);
    return f;
}

uint32_t File::version() const { return s_->version; }
const std::vector<std::pair<std::string, Value>>& File::metadata() const { return s_->metadata; }
const std::vector<TensorInfo>& File::tensors() const { return s_->tensors; }
const std::string& File::path() const { return s_->path; }
uint32_t File::alignment() const { return s_->alignment; }

std::shared_ptr<const void> File::mapping() const {
    if (s_->mapping) return s_->mapping;
    return s_;
}

const Value* File::find(std::string_view key) const {
    auto it = s_->metadata_index.find(std::string(key));
    return it == s_->metadata_index.end() ? nullptr : &s_->metadata[it->second].second;
}

const TensorInfo* File::find_tensor(std::string_view name) const {
    auto it = s_->tensor_index.find(std::string(name));
    return it == s_->tensor_index.end() ? nullptr : &s_->tensors[it->second];
}

}  // namespace lectern::gguf
