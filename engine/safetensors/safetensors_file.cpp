// Safetensors reader: header length, JSON header and byte ranges are validated before any
// tensor is exposed. JSON errors from nlohmann::json stay inside this file.
#include "safetensors/safetensors_file.h"

#include <algorithm>
#include <cstring>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "common/mapped_file.h"

namespace lectern::safetensors {
namespace {

// The header of a real checkpoint is a few hundred KiB; the reference implementation
// refuses headers over 100 MB, and so does Lectern.
constexpr uint64_t kMaxHeaderBytes = 100'000'000;

Error corrupt(std::string message, const std::string& context) {
    return make_error(ErrorCode::Corrupt, std::move(message), context);
}

}  // namespace

int dtype_size(std::string_view dtype) {
    static const std::pair<std::string_view, int> sizes[] = {
        {"BOOL", 1}, {"U8", 1}, {"I8", 1}, {"F8_E4M3", 1}, {"F8_E5M2", 1},
        {"I16", 2}, {"U16", 2}, {"F16", 2}, {"BF16", 2},
        {"I32", 4}, {"U32", 4}, {"F32", 4},
        {"I64", 8}, {"U64", 8}, {"F64", 8},
    };
    for (const auto& [name, size] : sizes)
        if (name == dtype) return size;
    return 0;
}

struct File::State {
    std::string path;
    std::shared_ptr<const void> mapping;
    std::vector<TensorInfo> tensors;
    std::unordered_map<std::string, size_t> index;
    std::map<std::string, std::string> metadata;
};

namespace {

struct Range {
    uint64_t begin, end;
    const std::string* name;
};

// One header entry: {"dtype": "BF16", "shape": [r, c], "data_offsets": [b, e]}.
Result<TensorInfo> parse_entry(const std::string& name, const nlohmann::json& e,
                               uint64_t data_size, const std::string& ctx, Range& range) {
    const std::string where = "tensor '" + name + "'";
    if (!e.is_object()) return corrupt(where + " is not a JSON object", ctx);
    auto dt = e.find("dtype");
    auto sh = e.find("shape");
    auto off = e.find("data_offsets");
    if (dt == e.end() || !dt->is_string()) return corrupt(where + " has no dtype string", ctx);
    if (sh == e.end() || !sh->is_array()) return corrupt(where + " has no shape array", ctx);
    if (off == e.end() || !off->is_array() || off->size() != 2 || !(*off)[0].is_number_unsigned() ||
        !(*off)[1].is_number_unsigned())
        return corrupt(where + " has no [begin, end] data_offsets", ctx);
    TensorInfo t;
    t.name = name;
    t.dtype = dt->get<std::string>();
    int elem = dtype_size(t.dtype);
    if (elem == 0) return corrupt(where + " has an unknown dtype '" + t.dtype + "'", ctx);
    uint64_t n_bytes = static_cast<uint64_t>(elem);
    for (const nlohmann::json& d : *sh) {
        if (!d.is_number_unsigned()) return corrupt(where + " has a negative or non-integer dimension", ctx);
        uint64_t v = d.get<uint64_t>();
        if (v > static_cast<uint64_t>(INT64_MAX) || __builtin_mul_overflow(n_bytes, v, &n_bytes))
            return corrupt(where + " has a shape too large for any file", ctx);
        t.shape.push_back(static_cast<int64_t>(v));
    }
    range = Range{(*off)[0].get<uint64_t>(), (*off)[1].get<uint64_t>(), nullptr};
    if (range.begin > range.end || range.end > data_size)
        return corrupt(where + " data_offsets [" + std::to_string(range.begin) + ", " +
                           std::to_string(range.end) + "] lie outside the " +
                           std::to_string(data_size) + " bytes of data",
                       ctx);
    if (range.end - range.begin != n_bytes)
        return corrupt(where + " takes " + std::to_string(range.end - range.begin) +
                           " bytes but its shape and dtype need " + std::to_string(n_bytes),
                       ctx);
    t.size = n_bytes;
    return t;
}

Status check_no_overlap(std::vector<Range> ranges, const std::string& ctx) {
    std::sort(ranges.begin(), ranges.end(),
              [](const Range& a, const Range& b) { return a.begin < b.begin; });
    for (size_t i = 1; i < ranges.size(); ++i) {
        if (ranges[i - 1].end > ranges[i].begin)
            return corrupt("tensors '" + *ranges[i - 1].name + "' and '" + *ranges[i].name +
                               "' overlap in the data",
                           ctx);
    }
    return {};
}

Status parse_metadata(const nlohmann::json& m, std::map<std::string, std::string>& out,
                      const std::string& ctx) {
    if (!m.is_object()) return corrupt("__metadata__ is not a JSON object", ctx);
    for (const auto& [key, value] : m.items()) {
        if (!value.is_string()) return corrupt("__metadata__ value '" + key + "' is not a string", ctx);
        out[key] = value.get<std::string>();
    }
    return {};
}

}  // namespace

Result<File> File::parse(const uint8_t* bytes, size_t size, std::string context) {
    try {
        return parse_header(bytes, size, context);
    } catch (const std::bad_alloc&) {
        return make_error(ErrorCode::OutOfMemory, "out of memory reading a safetensors header", context);
    } catch (const std::exception& e) {
        return corrupt(std::string("malformed safetensors header: ") + e.what(), context);
    }
}

Result<File> File::parse_header(const uint8_t* bytes, size_t size, const std::string& context) {
    auto s = std::make_shared<State>();
    s->path = context;
    const std::string& ctx = s->path;
    if (size < 8) return corrupt("file is truncated: shorter than the 8-byte header length", ctx);
    uint64_t header_len;
    std::memcpy(&header_len, bytes, 8);
    if (header_len > kMaxHeaderBytes)
        return corrupt("header length " + std::to_string(header_len) + " exceeds 100 MB", ctx);
    if (header_len > size - 8)
        return corrupt("file is truncated: the header runs past the end of the file", ctx);
    const char* header = reinterpret_cast<const char*>(bytes + 8);
    if (header_len < 2 || header[0] != '{')
        return corrupt("not a safetensors file (the header is not a JSON object)", ctx);
    nlohmann::json j = nlohmann::json::parse(header, header + header_len, nullptr, false);
    if (j.is_discarded() || !j.is_object()) return corrupt("the header is not valid JSON", ctx);

    const uint8_t* data = bytes + 8 + header_len;
    uint64_t data_size = size - 8 - header_len;
    std::vector<Range> ranges;
    for (const auto& [name, entry] : j.items()) {
        if (name == "__metadata__") {
            LECTERN_TRY(parse_metadata(entry, s->metadata, ctx));
            continue;
        }
        Range r{};
        Result<TensorInfo> t = parse_entry(name, entry, data_size, ctx, r);
        if (!t.ok()) return t.error();
        t->data = data + r.begin;
        s->index.emplace(name, s->tensors.size());
        s->tensors.push_back(std::move(*t));
        ranges.push_back(r);
    }
    for (size_t i = 0; i < ranges.size(); ++i) ranges[i].name = &s->tensors[i].name;
    LECTERN_TRY(check_no_overlap(std::move(ranges), ctx));
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

const std::vector<TensorInfo>& File::tensors() const { return s_->tensors; }
const std::map<std::string, std::string>& File::metadata() const { return s_->metadata; }
const std::string& File::path() const { return s_->path; }

const TensorInfo* File::find(std::string_view name) const {
    auto it = s_->index.find(std::string(name));
    return it == s_->index.end() ? nullptr : &s_->tensors[it->second];
}

std::shared_ptr<const void> File::mapping() const {
    if (s_->mapping) return s_->mapping;
    return s_;
}

}  // namespace lectern::safetensors
