// ReadLimits and Nesting (see read_limits.h). Failures keep the first error: a walk that
// stops on one limit reports it, not what unwinding touched afterwards.
#include "office/read_limits.h"

#include <algorithm>

namespace lectern::ingest::office {

bool ReadLimits::spend(std::uint64_t n) {
    if (failure_) return false;
    if (n > max_text_bytes_ - std::min(text_bytes_, max_text_bytes_)) {
        failure_ = make_error(ErrorCode::Unsupported, "the document would expand past " +
                              std::to_string(max_text_bytes_ >> 20) + " MiB of text");
        return false;
    }
    text_bytes_ += n;
    return true;
}

bool ReadLimits::spend_table(const std::vector<std::vector<std::string>>& rows) {
    std::uint64_t width = 0, cells = 0;
    for (const auto& row : rows) {
        width = std::max<std::uint64_t>(width, row.size());
        for (const auto& cell : row) cells += cell.size();
    }
    return spend(cells + 4 * width * (rows.size() + 2));
}

Status ReadLimits::status(const std::string& path) const {
    if (!failure_) return {};
    return make_error(failure_->code, failure_->message, path);
}

Nesting::Nesting(ReadLimits& limits) : limits_(limits), ok_(false) {
    ++limits_.depth_;
    if (limits_.failure_) return;
    if (limits_.depth_ > kMaxNesting) {
        limits_.failure_ = make_error(ErrorCode::Corrupt, "the document is nested too deeply (more than " +
                                      std::to_string(kMaxNesting) + " levels)");
        return;
    }
    ok_ = true;
}

}  // namespace lectern::ingest::office
