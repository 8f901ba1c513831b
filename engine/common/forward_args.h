// The checks every Backend::forward makes on its arguments before touching a sequence:
// the chunk fits the sequence's context and max_chunk, and each requested logit row lies
// inside the chunk. Shared so the CPU and CUDA backends refuse the same inputs alike.
#pragma once

#include <cstdint>
#include <span>

#include "lectern/engine/backend.h"

namespace lectern {

// Errors: InvalidArgument naming the offending size, position or row.
Status check_forward_args(const SequenceOptions& options, int64_t n_tok, int64_t pos0,
                          std::span<const int64_t> logit_rows);

}  // namespace lectern
