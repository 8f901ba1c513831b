// Unit splitting for chunks; see split.h.
#include "pack/split.h"

#include <algorithm>
#include <string_view>

#include "pack/render.h"

namespace lectern::ingest {
namespace {

bool is_blank(std::string_view line) {
    return line.find_first_not_of(" \t\r") == std::string_view::npos;
}

// Byte offsets where a natural piece may begin (besides 0).
std::vector<std::size_t> natural_cuts(const Document& doc, std::string_view text) {
    std::vector<std::size_t> cuts;
    const bool code = doc.kind == DocumentKind::CodeFolder;
    std::string_view previous;
    bool have_previous = false;
    for (std::size_t pos = 0; pos < text.size();) {
        std::size_t nl = std::min(text.find('\n', pos), text.size());
        std::string_view line = text.substr(pos, nl - pos);
        if (have_previous && !is_blank(line)) {
            bool cut;
            if (code) {
                const bool closer = previous == "}" || previous == "};" || previous == "end";
                cut = (is_blank(previous) || closer) && line[0] != ' ' && line[0] != '\t' &&
                      line[0] != '}' && line[0] != ')' && line[0] != ']';
            } else {
                cut = is_blank(previous);
            }
            if (cut) cuts.push_back(pos);
        }
        previous = line;
        have_previous = true;
        pos = nl + 1;
    }
    return cuts;
}

// A cut near the middle of text[begin, end): a line start, else after a space, else a
// UTF-8 character boundary. Returns begin when the range cannot be cut.
std::size_t middle_cut(std::string_view text, std::size_t begin, std::size_t end) {
    const std::size_t mid = begin + (end - begin) / 2;
    auto nearest = [&](char c) -> std::size_t {
        std::size_t best = begin;
        std::size_t before = text.rfind(c, mid == begin ? begin : mid - 1);
        if (before != std::string_view::npos && before >= begin && before + 1 < end)
            best = before + 1;
        std::size_t after = text.find(c, mid);
        if (after != std::string_view::npos && after + 1 < end &&
            (best == begin || after + 1 - mid < mid - best))
            best = after + 1;
        return best;
    };
    if (std::size_t cut = nearest('\n'); cut != begin) return cut;
    if (std::size_t cut = nearest(' '); cut != begin) return cut;
    std::size_t cut = mid;
    while (cut > begin && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    if (cut == begin) {
        cut = mid;
        while (cut < end && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) ++cut;
    }
    return cut < end ? cut : begin;
}

struct Splitter {
    const Document& doc;
    UnitRef ref;
    const TokenCounter& counter;
    std::size_t max_tokens;
    const PackOptions& options;
    std::vector<CountedPiece> out;

    const Unit& unit() const { return doc.units[ref.unit]; }
    std::size_t seen_offset = 0;  // line_at() is asked for offsets in increasing order
    std::size_t seen_line = 1;
    std::size_t line_at(std::size_t offset) {
        const auto& t = unit().text;
        seen_line += static_cast<std::size_t>(
            std::count(t.begin() + static_cast<std::ptrdiff_t>(seen_offset),
                       t.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
        seen_offset = offset;
        return seen_line;
    }
    void split(std::size_t begin, std::size_t end) {
        const std::size_t first_line = line_at(begin);
        const std::size_t tokens =
            counter.count(render_body(doc, unit(), begin, end, first_line, options));
        const std::size_t cut = tokens > max_tokens ? middle_cut(unit().text, begin, end)
                                                    : begin;
        if (cut == begin) {
            out.push_back({Piece{ref, begin, end, first_line}, tokens});
            return;
        }
        split(begin, cut);
        split(cut, end);
    }
};

}  // namespace

std::vector<CountedPiece> split_unit(const Document& doc, UnitRef ref,
                                     const TokenCounter& counter, std::size_t max_tokens,
                                     const PackOptions& options) {
    Splitter splitter{doc, ref, counter, std::max<std::size_t>(max_tokens, 1), options, {}, 0, 1};
    const std::string& text = doc.units[ref.unit].text;
    std::vector<std::size_t> cuts = natural_cuts(doc, text);
    cuts.push_back(text.size());
    std::size_t begin = 0;
    for (std::size_t cut : cuts) {
        if (cut > begin || (cut == 0 && text.empty())) splitter.split(begin, cut);
        begin = cut;
    }
    return std::move(splitter.out);
}

}  // namespace lectern::ingest
