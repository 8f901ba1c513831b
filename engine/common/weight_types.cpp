// Weight type names (see lectern/engine/weight_types.h).
#include "lectern/engine/weight_types.h"

#include <algorithm>
#include <cctype>

namespace lectern {
namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& ch : out) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return out;
}

}  // namespace

std::span<const DType> all_weight_types() {
    static constexpr DType types[] = {DType::F32,  DType::F16,  DType::BF16, DType::Q8_0,
                                      DType::Q4_0, DType::Q4_K, DType::Q5_K, DType::Q6_K};
    return types;
}

std::string weight_type_name(DType type) { return lower(dtype_name(type)); }

std::string weight_type_names(std::span<const DType> types) {
    std::string out;
    for (DType t : types) out += (out.empty() ? "" : ", ") + weight_type_name(t);
    return out;
}

Result<DType> parse_weight_type(std::string_view name, std::span<const DType> accepted) {
    const std::string wanted = lower(name);
    for (DType t : accepted) {
        if (weight_type_name(t) == wanted) return t;
    }
    const auto all = all_weight_types();
    const bool known = std::any_of(all.begin(), all.end(),
                                   [&](DType t) { return weight_type_name(t) == wanted; });
    return make_error(ErrorCode::InvalidArgument,
                      (known ? "weight type '" + std::string(name) + "' is not accepted here"
                             : "unknown weight type '" + std::string(name) + "'") +
                          " (accepted: " + weight_type_names(accepted) + ")");
}

}  // namespace lectern
