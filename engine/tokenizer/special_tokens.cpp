// A byte trie over the special tokens' text; candidate positions are found by their first
// byte, so text without any special token's first byte costs one table lookup per byte.
#include "special_tokens.h"

#include <algorithm>

namespace lectern::tokenizer {

int32_t SpecialTokenMatcher::child(int32_t node, uint8_t b) const {
    const auto& next = nodes_[static_cast<size_t>(node)].next;
    auto it = std::lower_bound(next.begin(), next.end(), b,
                               [](const auto& e, uint8_t v) { return e.first < v; });
    return (it != next.end() && it->first == b) ? it->second : -1;
}

void SpecialTokenMatcher::add(std::string_view text, int32_t id) {
    if (text.empty()) return;
    int32_t node = 0;
    for (char ch : text) {
        const auto b = static_cast<uint8_t>(ch);
        int32_t c = child(node, b);
        if (c < 0) {
            c = static_cast<int32_t>(nodes_.size());
            nodes_.emplace_back();
            auto& next = nodes_[static_cast<size_t>(node)].next;
            next.insert(std::lower_bound(next.begin(), next.end(), b,
                                         [](const auto& e, uint8_t v) { return e.first < v; }),
                        {b, c});
        }
        node = c;
    }
    auto& n = nodes_[static_cast<size_t>(node)];
    if (n.id < 0) n.id = id;  // the first token registered with this text wins
    first_byte_[static_cast<uint8_t>(text[0])] = true;
}

SpecialTokenMatcher::Match SpecialTokenMatcher::find(std::string_view text, size_t from) const {
    for (size_t pos = from; pos < text.size(); ++pos) {
        if (!first_byte_[static_cast<uint8_t>(text[pos])]) continue;
        Match best;
        int32_t node = 0;
        for (size_t i = pos; i < text.size(); ++i) {
            node = child(node, static_cast<uint8_t>(text[i]));
            if (node < 0) break;
            const int32_t id = nodes_[static_cast<size_t>(node)].id;
            if (id >= 0) best = Match{pos, i + 1 - pos, id};
        }
        if (best.id >= 0) return best;
    }
    return Match{};
}

}  // namespace lectern::tokenizer
