// Finds special-token text ("<|eot_id|>", "<s>") in a string, for encoding with
// parse_special: the leftmost occurrence wins, and the longest token at that position.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace lectern::tokenizer {

class SpecialTokenMatcher {
public:
    void add(std::string_view text, int32_t id);
    bool empty() const { return nodes_.size() <= 1; }

    struct Match {
        size_t pos = std::string_view::npos;  // npos: none
        size_t len = 0;
        int32_t id = -1;
    };
    // The first special token in text[from..].
    Match find(std::string_view text, size_t from) const;

    // Splits `text` into plain segments and special tokens: calls plain(std::string_view)
    // for each non-empty plain segment and special(int32_t) for each token, in order.
    template <class Plain, class Special>
    void split(std::string_view text, Plain&& plain, Special&& special) const {
        size_t pos = 0;
        while (pos < text.size()) {
            const Match m = find(text, pos);
            if (m.pos == std::string_view::npos) break;
            if (m.pos > pos) plain(text.substr(pos, m.pos - pos));
            special(m.id);
            pos = m.pos + m.len;
        }
        if (pos < text.size()) plain(text.substr(pos));
    }

private:
    struct Node {
        std::vector<std::pair<uint8_t, int32_t>> next;  // byte -> child node, sorted
        int32_t id = -1;                                // token ending here
    };
    int32_t child(int32_t node, uint8_t b) const;

    std::vector<Node> nodes_{1};
    bool first_byte_[256] = {};
};

}  // namespace lectern::tokenizer
