// Weight types by name, as the tools take them (`--type q4_k`): one parser for every command,
// so each accepts the same spellings and rejects an unknown name the same way.
//
// A name is dtype_name()'s in any letter case ("q4_K", "q4_k", "Q4_K" are one type).
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "lectern/engine/dtype.h"
#include "lectern/engine/result.h"

namespace lectern {

// Every weight type Lectern runs: f32, f16, bf16, q8_0, q4_0, q4_k, q5_k, q6_k.
std::span<const DType> all_weight_types();

// The type named `name` if it is one of `accepted`. Errors: InvalidArgument (an unknown name,
// or a type not in `accepted`), whose message gives the name and the accepted names.
Result<DType> parse_weight_type(std::string_view name,
                                std::span<const DType> accepted = all_weight_types());

// dtype_name() in lower case: the spelling the tools document ("q4_k").
std::string weight_type_name(DType type);

// The accepted names in lower case, comma-separated: "f32, f16, bf16".
std::string weight_type_names(std::span<const DType> types);

}  // namespace lectern
