// StreamingDetokenizer: appends each token's bytes and emits the longest prefix that ends on
// a character boundary. An unfinished character (a valid UTF-8 prefix at the very end) is
// held back; anything ill-formed is replaced by U+FFFD exactly as decode() would, so the
// pieces always concatenate to decode() of the whole sequence.
#include "lectern/engine/tokenizer.h"
#include "unicode.h"

namespace lectern {

std::string StreamingDetokenizer::feed(int32_t id) {
    if (id < 0 || id >= tokenizer_->n_vocab()) return {};
    const std::string b = tokenizer_->token_bytes(id);
    pending_ += at_start_ ? tokenizer_->leading_token_bytes(id) : b;
    if (!b.empty()) at_start_ = false;
    return drain(false);
}

std::string StreamingDetokenizer::flush() {
    std::string out = drain(true);
    reset();
    return out;
}

void StreamingDetokenizer::reset() {
    pending_.clear();
    at_start_ = true;
}

std::string StreamingDetokenizer::drain(bool final) {
    // Only the tail can be an unfinished character: find where it would start (at most 3
    // bytes back) and keep it if it is a valid, incomplete prefix.
    size_t keep = 0;
    if (!final) {
        const size_t n = pending_.size();
        for (size_t back = 1; back <= 3 && back <= n; ++back) {
            const auto b = static_cast<uint8_t>(pending_[n - back]);
            if ((b & 0xC0) != 0x80) {  // a lead byte (or ASCII): the last sequence starts here
                if (tokenizer::utf8_incomplete_prefix(std::string_view(pending_).substr(n - back)) == back)
                    keep = back;
                break;
            }
        }
    }
    std::string out = tokenizer::sanitize_utf8(std::string_view(pending_).substr(0, pending_.size() - keep));
    pending_.erase(0, pending_.size() - keep);
    return out;
}

}  // namespace lectern
