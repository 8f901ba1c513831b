// Typed access to GGUF metadata: each getter accepts every stored type that converts to the
// requested one without ambiguity (any integer type for get_int, any number for get_float).
#include "gguf/gguf_file.h"

namespace lectern::gguf {

std::optional<std::string> File::get_string(std::string_view key) const {
    const Value* v = find(key);
    if (!v || v->type != ValueType::STRING) return std::nullopt;
    return std::get<std::string>(v->data);
}

std::optional<int64_t> File::get_int(std::string_view key) const {
    const Value* v = find(key);
    if (!v || v->type == ValueType::ARRAY) return std::nullopt;
    if (const int64_t* i = std::get_if<int64_t>(&v->data)) return *i;
    if (const uint64_t* u = std::get_if<uint64_t>(&v->data)) {
        if (*u > static_cast<uint64_t>(INT64_MAX)) return std::nullopt;
        return static_cast<int64_t>(*u);
    }
    return std::nullopt;
}

std::optional<double> File::get_float(std::string_view key) const {
    const Value* v = find(key);
    if (!v || v->type == ValueType::ARRAY) return std::nullopt;
    if (const double* d = std::get_if<double>(&v->data)) return *d;
    if (const int64_t* i = std::get_if<int64_t>(&v->data)) return static_cast<double>(*i);
    if (const uint64_t* u = std::get_if<uint64_t>(&v->data)) return static_cast<double>(*u);
    return std::nullopt;
}

std::optional<bool> File::get_bool(std::string_view key) const {
    const Value* v = find(key);
    if (!v || v->type != ValueType::BOOL) return std::nullopt;
    return std::get<bool>(v->data);
}

const std::vector<std::string>* File::get_string_array(std::string_view key) const {
    const Value* v = find(key);
    if (!v || v->type != ValueType::ARRAY) return nullptr;
    return std::get_if<std::vector<std::string>>(&v->data);
}

std::optional<std::vector<int64_t>> File::get_int_array(std::string_view key) const {
    const Value* v = find(key);
    if (!v || v->type != ValueType::ARRAY) return std::nullopt;
    if (const auto* i = std::get_if<std::vector<int64_t>>(&v->data)) return *i;
    if (const auto* u = std::get_if<std::vector<uint64_t>>(&v->data)) {
        std::vector<int64_t> out;
        out.reserve(u->size());
        for (uint64_t x : *u) {
            if (x > static_cast<uint64_t>(INT64_MAX)) return std::nullopt;
            out.push_back(static_cast<int64_t>(x));
        }
        return out;
    }
    return std::nullopt;
}

std::optional<std::vector<float>> File::get_float_array(std::string_view key) const {
    const Value* v = find(key);
    if (!v || v->type != ValueType::ARRAY) return std::nullopt;
    std::vector<float> out;
    if (const auto* d = std::get_if<std::vector<double>>(&v->data)) {
        out.assign(d->begin(), d->end());
    } else if (const auto* i = std::get_if<std::vector<int64_t>>(&v->data)) {
        for (int64_t x : *i) out.push_back(static_cast<float>(x));
    } else if (const auto* u = std::get_if<std::vector<uint64_t>>(&v->data)) {
        for (uint64_t x : *u) out.push_back(static_cast<float>(x));
    } else {
        return std::nullopt;
    }
    return out;
}

}  // namespace lectern::gguf
