// GGUF writer: version 3, little-endian, metadata in insertion order, tensors laid out in
// the order added, each at an offset aligned to `alignment` (written as general.alignment
// when it is not the default 32), the data section padded to the alignment as ggml does.
#include <cerrno>
#include <cstdio>
#include <cstring>

#include "gguf/gguf_file.h"

namespace lectern::gguf {
namespace {

class Out {
public:
    template <class T>
    void put(T v) {
        uint8_t b[sizeof(T)];
        std::memcpy(b, &v, sizeof(T));
        bytes.insert(bytes.end(), b, b + sizeof(T));
    }
    void put_string(const std::string& s) {
        put<uint64_t>(s.size());
        bytes.insert(bytes.end(), s.begin(), s.end());
    }
    void pad_to(size_t alignment) {
        while (bytes.size() % alignment != 0) bytes.push_back(0);
    }
    std::vector<uint8_t> bytes;
};

void put_unsigned(Out& o, ValueType t, uint64_t v) {
    switch (t) {
    case ValueType::U8: o.put<uint8_t>(static_cast<uint8_t>(v)); break;
    case ValueType::U16: o.put<uint16_t>(static_cast<uint16_t>(v)); break;
    case ValueType::U32: o.put<uint32_t>(static_cast<uint32_t>(v)); break;
    default: o.put<uint64_t>(v); break;
    }
}

void put_signed(Out& o, ValueType t, int64_t v) {
    switch (t) {
    case ValueType::I8: o.put<int8_t>(static_cast<int8_t>(v)); break;
    case ValueType::I16: o.put<int16_t>(static_cast<int16_t>(v)); break;
    case ValueType::I32: o.put<int32_t>(static_cast<int32_t>(v)); break;
    default: o.put<int64_t>(v); break;
    }
}

void put_float(Out& o, ValueType t, double v) {
    if (t == ValueType::F32) o.put<float>(static_cast<float>(v));
    else o.put<double>(v);
}

// Writes the payload of a value (scalar or array), not its type tag.
struct PutPayload {
    Out& o;
    ValueType t;  // the scalar type, or the element type of an array
    void operator()(uint64_t v) const { put_unsigned(o, t, v); }
    void operator()(int64_t v) const { put_signed(o, t, v); }
    void operator()(double v) const { put_float(o, t, v); }
    void operator()(bool v) const { o.put<uint8_t>(v ? 1 : 0); }
    void operator()(const std::string& v) const { o.put_string(v); }
    template <class E>
    void operator()(const std::vector<E>& v) const {
        o.put<uint32_t>(static_cast<uint32_t>(t));
        o.put<uint64_t>(v.size());
        for (const E& e : v) (*this)(e);
    }
};

void put_value(Out& o, const Value& v) {
    o.put<uint32_t>(static_cast<uint32_t>(v.type));
    ValueType t = v.type == ValueType::ARRAY ? v.array_type : v.type;
    std::visit(PutPayload{o, t}, v.data);
}

}  // namespace

void Writer::set_value(const std::string& key, Value v) {
    for (Kv& kv : kvs_) {
        if (kv.key == key) {
            kv.value = std::move(v);
            return;
        }
    }
    kvs_.push_back({key, std::move(v)});
}

void Writer::set_u32(const std::string& key, uint32_t v) {
    set_value(key, Value{ValueType::U32, ValueType::U8, uint64_t{v}});
}
void Writer::set_i32(const std::string& key, int32_t v) {
    set_value(key, Value{ValueType::I32, ValueType::U8, int64_t{v}});
}
void Writer::set_u64(const std::string& key, uint64_t v) {
    set_value(key, Value{ValueType::U64, ValueType::U8, v});
}
void Writer::set_f32(const std::string& key, float v) {
    set_value(key, Value{ValueType::F32, ValueType::U8, double{v}});
}
void Writer::set_bool(const std::string& key, bool v) {
    set_value(key, Value{ValueType::BOOL, ValueType::U8, v});
}
void Writer::set_string(const std::string& key, const std::string& v) {
    set_value(key, Value{ValueType::STRING, ValueType::U8, v});
}
void Writer::set_string_array(const std::string& key, const std::vector<std::string>& v) {
    set_value(key, Value{ValueType::ARRAY, ValueType::STRING, v});
}
void Writer::set_i32_array(const std::string& key, const std::vector<int32_t>& v) {
    set_value(key, Value{ValueType::ARRAY, ValueType::I32, std::vector<int64_t>(v.begin(), v.end())});
}
void Writer::set_f32_array(const std::string& key, const std::vector<float>& v) {
    set_value(key, Value{ValueType::ARRAY, ValueType::F32, std::vector<double>(v.begin(), v.end())});
}

void Writer::add_tensor(const std::string& name, DType type, std::vector<int64_t> ne,
                        std::vector<uint8_t> bytes) {
    tensors_.push_back({name, type, std::move(ne), std::move(bytes)});
}

std::vector<uint8_t> Writer::to_bytes(uint32_t alignment) const {
    std::vector<Kv> kvs = kvs_;
    if (alignment != 32) {
        bool has = false;
        for (const Kv& kv : kvs) has = has || kv.key == "general.alignment";
        if (!has) kvs.push_back({"general.alignment", Value{ValueType::U32, ValueType::U8, uint64_t{alignment}}});
    }
    Out o;
    o.put<uint32_t>(0x46554747);  // "GGUF"
    o.put<uint32_t>(3);
    o.put<uint64_t>(tensors_.size());
    o.put<uint64_t>(kvs.size());
    for (const Kv& kv : kvs) {
        o.put_string(kv.key);
        put_value(o, kv.value);
    }
    uint64_t offset = 0;
    for (const T& t : tensors_) {
        o.put_string(t.name);
        o.put<uint32_t>(static_cast<uint32_t>(t.ne.size()));
        for (int64_t d : t.ne) o.put<uint64_t>(static_cast<uint64_t>(d));
        o.put<uint32_t>(static_cast<uint32_t>(t.type));
        o.put<uint64_t>(offset);
        offset += (t.bytes.size() + alignment - 1) / alignment * alignment;
    }
    o.pad_to(alignment);
    for (const T& t : tensors_) {
        o.bytes.insert(o.bytes.end(), t.bytes.begin(), t.bytes.end());
        o.pad_to(alignment);
    }
    return std::move(o.bytes);
}

Status Writer::write(const std::string& path) const {
    std::vector<uint8_t> bytes = to_bytes();
    std::FILE* f = std::fopen(path.c_str(), "wb");
    if (!f) return make_error(ErrorCode::Io, std::string("cannot create: ") + std::strerror(errno), path);
    size_t n = std::fwrite(bytes.data(), 1, bytes.size(), f);
    bool closed = std::fclose(f) == 0;
    if (n != bytes.size() || !closed)
        return make_error(ErrorCode::Io, "cannot write the whole file", path);
    return {};
}

}  // namespace lectern::gguf
