// For tests: reading a fixture's golden.safetensors (tokens as I32, logits as F32) and the
// relative L2 error the golden tests measure. Test-only; header-only.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <span>
#include <string>
#include <vector>

#include "lectern/engine/result.h"
#include "safetensors/safetensors_file.h"

namespace lectern::testing {

class GoldenFile {
public:
    static Result<GoldenFile> open(const std::string& path) {
        auto f = safetensors::File::open(path);
        if (!f) return f.error();
        GoldenFile g;
        g.file_ = std::make_shared<safetensors::File>(std::move(f.value()));
        return g;
    }

    // Elements of tensor `name`, which must have the given dtype ("I32" or "F32").
    template <class T>
    Result<std::vector<T>> read(const std::string& name, const char* dtype) const {
        const safetensors::TensorInfo* t = file_->find(name);
        if (!t) return make_error(ErrorCode::NotFound, "no tensor " + name, file_->path());
        if (t->dtype != dtype)
            return make_error(ErrorCode::Corrupt, name + " is " + t->dtype + ", expected " + dtype);
        std::vector<T> v(t->size / sizeof(T));
        std::memcpy(v.data(), t->data, v.size() * sizeof(T));
        return v;
    }
    Result<std::vector<int32_t>> tokens(const std::string& name) const { return read<int32_t>(name, "I32"); }
    Result<std::vector<float>> floats(const std::string& name) const { return read<float>(name, "F32"); }

private:
    std::shared_ptr<safetensors::File> file_;
};

// ||got - ref|| / ||ref||, accumulated in double.
inline double rel_l2(std::span<const float> got, std::span<const float> ref) {
    double num = 0, den = 0;
    for (size_t i = 0; i < ref.size(); ++i) {
        const double d = static_cast<double>(got[i]) - ref[i];
        num += d * d;
        den += static_cast<double>(ref[i]) * ref[i];
    }
    return std::sqrt(num / den);
}

// The worst rel_l2 over the rows of (rows, n_vocab) logits.
inline double worst_row_error(std::span<const float> got, std::span<const float> ref, int64_t n_vocab) {
    double worst = 0;
    const auto v = static_cast<size_t>(n_vocab);
    for (size_t r = 0; r * v < ref.size(); ++r)
        worst = std::max(worst, rel_l2(got.subspan(r * v, v), ref.subspan(r * v, v)));
    return worst;
}

}  // namespace lectern::testing
