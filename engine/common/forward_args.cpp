// Argument checks shared by the backends' forward passes.
#include "common/forward_args.h"

#include <string>

namespace lectern {

Status check_forward_args(const SequenceOptions& o, int64_t n_tok, int64_t pos0,
                          std::span<const int64_t> logit_rows) {
    if (n_tok < 1 || n_tok > o.max_chunk || pos0 < 0 || pos0 + n_tok > o.n_ctx) {
        return make_error(ErrorCode::InvalidArgument, "chunk does not fit the sequence",
                          std::to_string(n_tok) + " tokens at position " + std::to_string(pos0) +
                              ", n_ctx " + std::to_string(o.n_ctx) + ", max_chunk " +
                              std::to_string(o.max_chunk));
    }
    if (static_cast<int64_t>(logit_rows.size()) > o.max_chunk)
        return make_error(ErrorCode::InvalidArgument, "more logit rows than max_chunk");
    for (int64_t r : logit_rows) {
        if (r < 0 || r >= n_tok)
            return make_error(ErrorCode::InvalidArgument, "logit row outside the chunk",
                              "row " + std::to_string(r));
    }
    return {};
}

}  // namespace lectern
