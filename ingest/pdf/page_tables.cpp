// read_page_text (see page_tables.h). poppler::page::text_list() gives the words with their
// boxes; a page of several columns with tables is read from them, column by column; on
// another page the words are matched to page::text()'s tokens, so that each table's words
// have a place in Poppler's text.
#include "pdf/page_tables.h"

#include <poppler/cpp/poppler-page.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <functional>
#include <map>
#include <set>

#include "common/markdown_table.h"
#include "pdf/table_finder.h"

namespace lectern::ingest {
namespace {

struct Token {
    std::size_t begin = 0, end = 0;  // bytes of the text
};

std::vector<Token> tokens_of(const std::string& text) {
    std::vector<Token> out;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
        if (i == text.size()) break;
        Token t;
        t.begin = i;
        while (i < text.size() && !std::isspace(static_cast<unsigned char>(text[i]))) ++i;
        t.end = i;
        out.push_back(t);
    }
    return out;
}

std::vector<PageWord> words_of(const poppler::page& page) {
    std::vector<PageWord> out;
    for (const poppler::text_box& box : page.text_list()) {
        const poppler::byte_array utf8 = box.text().to_utf8();
        PageWord w;
        w.text.assign(utf8.begin(), utf8.end());
        const poppler::rectf r = box.bbox();
        w.box.x0 = r.x();
        w.box.y0 = r.y();
        w.box.x1 = r.x() + r.width();
        w.box.y1 = r.y() + r.height();
        w.rotated = box.rotation() != 0;
        out.push_back(std::move(w));
    }
    return out;
}

// token_of[w]: the token of `text` that word w is, or -1. Words and tokens come mostly in
// the same order (within a right-to-left line they run the other way): each word takes the
// unused token of the same text nearest to where the word before it was.
std::vector<long> match_words(const std::vector<PageWord>& words, const std::string& text,
                              const std::vector<Token>& tokens) {
    std::map<std::string_view, std::vector<std::size_t>> at;
    for (std::size_t t = 0; t < tokens.size(); ++t)
        at[std::string_view(text).substr(tokens[t].begin, tokens[t].end - tokens[t].begin)].push_back(t);
    std::vector<bool> used(tokens.size(), false);
    std::vector<long> token_of(words.size(), -1);
    long expected = 0;
    for (std::size_t w = 0; w < words.size(); ++w) {
        const auto found = at.find(words[w].text);
        if (found == at.end()) continue;
        long best = -1;
        for (std::size_t t : found->second)
            if (!used[t] && (best < 0 || std::labs(static_cast<long>(t) - expected) < std::labs(best - expected)))
                best = static_cast<long>(t);
        if (best < 0) continue;
        used[static_cast<std::size_t>(best)] = true;
        token_of[w] = best;
        expected = best + 1;
    }
    return token_of;
}

std::string table_block(const FoundTable& t, int number) {
    return "<table n=\"" + std::to_string(number) + "\">\n" + render_markdown_table(t.cells, t.header_rows) +
           "</table>";
}

Table to_table(const FoundTable& t, int number) {
    Table table;
    table.number = number;
    table.header_rows = t.header_rows;
    table.cells = t.cells;
    table.boxes = t.boxes;
    table.box = t.box;
    return table;
}

// The tables put in Poppler's `text` where their words are (right-to-left pages, whose words
// the page's boxes give in drawing order, keep Poppler's logical order this way).
PageText substitute_tables(const std::vector<PageWord>& words, const std::vector<FoundTable>& found,
                           const std::string& text) {
    PageText out;
    out.text = text;
    const std::vector<Token> tokens = tokens_of(text);
    const std::vector<long> token_of = match_words(words, text, tokens);
    struct Span {
        std::size_t first, last;  // tokens
        std::size_t table;
    };
    std::vector<Span> spans;
    for (std::size_t t = 0; t < found.size(); ++t) {
        long first = -1, last = -1;
        std::size_t matched = 0;
        for (std::size_t w : found[t].words) {
            const long k = token_of[w];
            if (k < 0) continue;
            ++matched;
            first = first < 0 ? k : std::min(first, k);
            last = std::max(last, k);
        }
        // Nearly every word must be found, or the table's place in the text is a guess.
        if (first < 0 || matched * 10 < found[t].words.size() * 9) {
            out.unplaced = true;
            continue;
        }
        spans.push_back({static_cast<std::size_t>(first), static_cast<std::size_t>(last), t});
    }
    std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) { return a.first < b.first; });
    // Overlapping spans would interleave two tables: the later one is left as text.
    std::vector<Span> kept;
    for (const Span& s : spans)
        if (kept.empty() || s.first > kept.back().last) kept.push_back(s);
        else out.unplaced = true;
    std::string result;
    std::size_t copied = 0;
    for (std::size_t k = 0; k < kept.size(); ++k) {
        const Span& s = kept[k];
        const FoundTable& t = found[s.table];
        std::set<long> own;
        for (std::size_t w : t.words) own.insert(token_of[w]);
        result.append(text, copied, tokens[s.first].begin - copied);
        while (!result.empty() && (result.back() == ' ' || result.back() == '\n')) result.pop_back();
        if (!result.empty()) result += '\n';
        result += table_block(t, static_cast<int>(k) + 1);
        // Words within the table's stretch of text that are not its own stay, after it.
        std::string others;
        for (std::size_t i = s.first; i <= s.last; ++i)
            if (!own.count(static_cast<long>(i))) {
                if (!others.empty()) others += ' ';
                others.append(text, tokens[i].begin, tokens[i].end - tokens[i].begin);
            }
        if (!others.empty()) result += "\n" + others;
        copied = tokens[s.last].end;
        while (copied < text.size() && (text[copied] == ' ' || text[copied] == '\n')) ++copied;
        if (copied < text.size()) result += '\n';
        out.tables.push_back(to_table(t, static_cast<int>(k) + 1));
    }
    result.append(text, copied, std::string::npos);
    out.text = std::move(result);
    return out;
}


// Whether any word is in a right-to-left script (Hebrew, Arabic and their presentation forms).
bool right_to_left(const std::vector<PageWord>& words) {
    for (const auto& w : words)
        for (std::size_t i = 0; i + 1 < w.text.size(); ++i) {
            const auto c = static_cast<unsigned char>(w.text[i]), d = static_cast<unsigned char>(w.text[i + 1]);
            if ((c >= 0xD6 && c <= 0xDD) || (c == 0xEF && d >= 0xAD && d <= 0xBB)) return true;
        }
    return false;
}

// Whether the page can be read from its words line by line: no sideways text, no
// right-to-left script (whose words come in drawing order), no prose side by side that the
// column split missed.
bool readable_from_words(const std::vector<PageWord>& words, const PageTables& found) {
    return !found.prose_side_by_side && !right_to_left(words) &&
           std::none_of(words.begin(), words.end(), [](const PageWord& w) { return w.rotated; });
}

// The page read from its words, column by column, each table in its place and numbered in
// the order the text gives them.
PageText text_with_tables(const std::vector<PageWord>& words, const PageTables& found) {
    PageText out;
    std::vector<std::size_t> order;
    out.text = text_in_columns(words, found, [&](std::size_t t) {
        order.push_back(t);
        return table_block(found.tables[t], static_cast<int>(order.size()));
    });
    for (std::size_t k = 0; k < order.size(); ++k)
        out.tables.push_back(to_table(found.tables[order[k]], static_cast<int>(k) + 1));
    return out;
}

}  // namespace

bool may_hold_table(std::string_view text) {
    int figure_lines = 0;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view line = text.substr(start, end - start);
        int figures = 0, others = 0;
        std::size_t i = 0;
        while (i < line.size()) {
            while (i < line.size() && line[i] == ' ') ++i;
            std::size_t j = i;
            while (j < line.size() && line[j] != ' ') ++j;
            if (j > i) (is_figure(line.substr(i, j - i)) ? figures : others)++;
            i = j;
        }
        // A table's row as Poppler prints it (its cells alone, or a label with its figures);
        // a sentence with figures in it has more words than figures.
        figure_lines += figures >= 1 && figures >= others;
        start = end + 1;
    }
    return figure_lines >= 3;
}

PageText read_page_text(const poppler::page& page, const std::function<std::string()>& poppler_text,
                        TableHistory& history) {
    PageText out;
    std::vector<PageWord> words;
    PageTables found;
    bool looked = false;
    if (history.words_first()) {
        words = words_of(page);
        found = find_tables(words);
        looked = true;
        // With tables, or (the page after a run of tables) in one column of plain lines: read
        // from the words, as Poppler would read it.
        if ((!found.tables.empty() || found.columns == 1) && readable_from_words(words, found)) {
            history.note(!found.tables.empty());
            return text_with_tables(words, found);
        }
    }
    out.text = poppler_text();
    if (!looked && may_hold_table(out.text)) {
        words = words_of(page);
        found = find_tables(words);
    }
    history.note(!found.tables.empty());
    if (found.tables.empty()) return out;
    // Poppler's order mixes columns once a table sits in one of them; a page of one column
    // keeps Poppler's text with the tables put where their words are.
    if (found.columns > 1 && readable_from_words(words, found)) return text_with_tables(words, found);
    return substitute_tables(words, found.tables, out.text);
}

void mark_continued_tables(std::vector<Unit>& pages) {
    for (std::size_t p = 1; p < pages.size(); ++p) {
        Unit& page = pages[p];
        const Unit& before = pages[p - 1];
        if (page.tables.empty() || before.tables.empty()) continue;
        const std::string tag = "<table n=\"1\">";
        const std::size_t at = page.text.find(tag);
        if (at == std::string::npos) continue;
        const std::string_view lead = std::string_view(page.text).substr(0, at);
        const bool opens = lead.find('\n') == lead.rfind('\n') && lead.size() < 80;  // a running head at most
        const auto& last = before.tables.back();
        const auto& first = page.tables.front();
        if (!opens || last.cells.empty() || first.cells.empty() || last.cells[0].size() != first.cells[0].size())
            continue;
        // A header of its own must repeat the previous table's.
        if (first.header_rows > 0 && (last.header_rows == 0 || first.cells[0] != last.cells[0])) continue;
        // The previous page's table must reach its foot: one short line after it at most.
        const std::size_t close = before.text.rfind("</table>");
        if (close == std::string::npos) continue;
        const std::string_view tail = std::string_view(before.text).substr(close + 8);
        const auto first_char = tail.find_first_not_of('\n');
        const std::string_view rest = first_char == std::string_view::npos ? std::string_view() : tail.substr(first_char);
        if (rest.size() > 80 || rest.find('\n') != std::string_view::npos) continue;
        page.tables.front().continued = true;
        page.text.replace(at, tag.size(),
                          "<table n=\"1\" continued=\"from page " + std::to_string(before.page) + "\">");
    }
}

}  // namespace lectern::ingest
