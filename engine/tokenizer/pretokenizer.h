// The Llama 3 pre-tokenizer: splits text into the pieces the pattern
//   (?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}|
//   ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+
// matches, left to right, as a hand-written state machine over code points (\s is the
// Unicode White_Space property). Every byte of the input lands in exactly one piece;
// invalid UTF-8 bytes count as single non-letter, non-number, non-space characters.
#pragma once

#include <cstddef>
#include <string_view>

namespace lectern::tokenizer {

// End (byte offset, > pos) of the piece that starts at text[pos]; pos < text.size().
size_t llama3_pretoken_end(std::string_view text, size_t pos);

// Calls fn(std::string_view piece) for every piece of `text`, in order.
template <class Fn>
void for_each_llama3_pretoken(std::string_view text, Fn&& fn) {
    size_t pos = 0;
    while (pos < text.size()) {
        const size_t end = llama3_pretoken_end(text, pos);
        fn(text.substr(pos, end - pos));
        pos = end;
    }
}

}  // namespace lectern::tokenizer
