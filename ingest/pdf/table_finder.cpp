// find_tables (see table_finder.h). The steps, each a function below: words -> lines (one
// baseline) -> segments (runs of words with word-sized gaps) -> page columns (split at a
// gutter with prose on both sides) -> regions (consecutive rows of several segments) ->
// bands (the table's columns) -> cells, with wrapped labels joined and header rows counted.
#include "pdf/table_finder.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <limits>
#include <string_view>
#include <utility>

namespace lectern::ingest {
namespace {

struct Segment {
    std::vector<std::size_t> words;
    TableBox box;
    std::string text;
    bool figure = false;
};

struct Line {
    double y0 = 0, y1 = 0;
    std::vector<Segment> segments;
};

TableBox unite(TableBox a, const TableBox& b) {
    if (a.x1 <= a.x0 && a.y1 <= a.y0) return b;
    a.x0 = std::min(a.x0, b.x0);
    a.y0 = std::min(a.y0, b.y0);
    a.x1 = std::max(a.x1, b.x1);
    a.y1 = std::max(a.y1, b.y1);
    return a;
}

double median_height(const std::vector<PageWord>& words) {
    std::vector<double> h;
    for (const auto& w : words)
        if (w.box.y1 > w.box.y0) h.push_back(w.box.y1 - w.box.y0);
    if (h.empty()) return 10;
    std::nth_element(h.begin(), h.begin() + static_cast<long>(h.size() / 2), h.end());
    return h[h.size() / 2];
}

// Words on one baseline (their vertical centres within half a line), left to right, cut into
// segments where the gap between two words is wider than most of a line's height.
std::vector<Line> lines_of(const std::vector<PageWord>& words, double h) {
    std::vector<std::size_t> order(words.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    auto centre = [&](std::size_t i) { return (words[i].box.y0 + words[i].box.y1) / 2; };
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return centre(a) < centre(b); });
    std::vector<std::vector<std::size_t>> groups;
    double group_centre = -1e9;
    for (std::size_t i : order) {
        if (groups.empty() || centre(i) - group_centre > 0.5 * h) {
            groups.emplace_back();
            group_centre = centre(i);
        }
        groups.back().push_back(i);
    }
    std::vector<Line> lines;
    for (auto& g : groups) {
        std::sort(g.begin(), g.end(), [&](std::size_t a, std::size_t b) { return words[a].box.x0 < words[b].box.x0; });
        Line line;
        line.y0 = 1e9;
        line.y1 = -1e9;
        for (std::size_t k = 0; k < g.size(); ++k) {
            const PageWord& w = words[g[k]];
            if (k == 0 || w.box.x0 - line.segments.back().box.x1 > 0.8 * h) line.segments.emplace_back();
            Segment& s = line.segments.back();
            if (!s.text.empty()) s.text += ' ';
            s.text += w.text;
            s.box = unite(s.box, w.box);
            s.words.push_back(g[k]);
            line.y0 = std::min(line.y0, w.box.y0);
            line.y1 = std::max(line.y1, w.box.y1);
        }
        for (auto& s : line.segments) s.figure = is_figure(s.text);
        lines.push_back(std::move(line));
    }
    return lines;
}

std::size_t word_count(const Segment& s) { return s.words.size(); }

// Gutters of a page set in columns: x ranges at least 12 pt wide that almost no line crosses,
// with prose (segments of four words or more) beside them on both sides in most lines. The
// gaps between a table's columns have figures on one side and are not gutters.
std::vector<double> gutters_of(const std::vector<Line>& lines) {
    double left = 1e9, right = -1e9;
    for (const auto& l : lines)
        for (const auto& s : l.segments) {
            left = std::min(left, s.box.x0);
            right = std::max(right, s.box.x1);
        }
    // A page wider than a few metres is a hostile MediaBox, not a layout: no gutters.
    if (lines.size() < 4 || right - left < 100 || right - left > 20000) return {};
    const int width = static_cast<int>(right - left) + 1;
    // Lines across most of the width (a title, an abstract over both columns) cross any
    // gutter; they are left out of the count, and read in their place between the columns.
    std::vector<int> cover(static_cast<std::size_t>(width), 0);
    int counted = 0;
    for (const auto& l : lines) {
        if (std::any_of(l.segments.begin(), l.segments.end(),
                        [&](const Segment& s) { return s.box.x1 - s.box.x0 > 0.75 * (right - left); }))
            continue;
        ++counted;
        for (const auto& s : l.segments)
            for (int x = static_cast<int>(s.box.x0 - left); x < static_cast<int>(s.box.x1 - left) && x < width; ++x)
                ++cover[static_cast<std::size_t>(std::max(0, x))];
    }
    const int allowed = counted / 20;
    std::vector<double> out;
    for (int x = 1; x < width - 1;) {
        if (cover[static_cast<std::size_t>(x)] > allowed) {
            ++x;
            continue;
        }
        int end = x;
        while (end < width - 1 && cover[static_cast<std::size_t>(end)] <= allowed) ++end;
        const double g0 = left + x, g1 = left + end;
        x = end;
        if (g1 - g0 < 12) continue;
        int prose_left = 0, prose_right = 0, lines_left = 0, lines_right = 0;
        for (const auto& l : lines) {
            bool any_left = false, any_right = false, long_left = false, long_right = false;
            for (const auto& s : l.segments) {
                if (s.box.x1 <= g0 + 1) {
                    any_left = true;
                    long_left = long_left || word_count(s) >= 4;
                } else if (s.box.x0 >= g1 - 1) {
                    any_right = true;
                    long_right = long_right || word_count(s) >= 4;
                }
            }
            lines_left += any_left;
            lines_right += any_right;
            prose_left += long_left;
            prose_right += long_right;
        }
        if (lines_left > 0 && lines_right > 0 && prose_left * 10 >= lines_left * 4 && prose_right * 10 >= lines_right * 4)
            out.push_back((g0 + g1) / 2);
    }
    return out;
}

// The lines of one page column [x0, x1): only the segments inside it. A segment across a
// gutter (a title over both columns) is kept in no column.
std::vector<Line> column_lines(const std::vector<Line>& lines, double x0, double x1,
                               const std::vector<bool>* taken = nullptr) {
    std::vector<Line> out;
    for (const auto& l : lines) {
        Line part;
        part.y0 = l.y0;
        part.y1 = l.y1;
        for (const auto& s : l.segments)
            if (s.box.x0 >= x0 && s.box.x1 <= x1 && !(taken && (*taken)[s.words[0]])) part.segments.push_back(s);
        if (!part.segments.empty()) out.push_back(std::move(part));
    }
    return out;
}

// At most this many lines make one table (a longer run is cut): bounds the work per page.
constexpr std::size_t kMaxRegionLines = 2000;

bool has_figures(const Line& l) {
    return std::any_of(l.segments.begin(), l.segments.end(), [](const Segment& s) { return s.figure; });
}

// Rows of a column that may form a table: from a line of several segments through the lines
// that follow closely, each of several segments or of one short one (a section heading, a
// wrapped label); a line of prose ends it. Returned as [begin, end) line ranges.
std::vector<std::pair<std::size_t, std::size_t>> regions_of(const std::vector<Line>& lines, double h,
                                                            double column_width) {
    std::vector<std::pair<std::size_t, std::size_t>> out;
    for (std::size_t i = 0; i < lines.size();) {
        if (lines[i].segments.size() < 2) {
            ++i;
            continue;
        }
        std::size_t end = i + 1;
        bool figures_seen = has_figures(lines[i]);
        while (end < lines.size() && end - i < kMaxRegionLines && lines[end].y0 - lines[end - 1].y1 <= 1.8 * h &&
               (lines[end].segments.size() >= 2 ||
                lines[end].segments[0].box.x1 - lines[end].segments[0].box.x0 <= 0.6 * column_width)) {
            // Two runs of prose side by side (the columns below a table across them): not a row.
            if (std::count_if(lines[end].segments.begin(), lines[end].segments.end(),
                              [](const Segment& s) { return s.words.size() >= 4; }) >= 2)
                break;
            // A row of headings under rows of figures, with figures again below it: the next table.
            if (figures_seen && lines[end].segments.size() >= 2 && !has_figures(lines[end]) && end + 1 < lines.size() &&
                has_figures(lines[end + 1]))
                break;
            figures_seen = figures_seen || has_figures(lines[end]);
            ++end;
        }
        // A caption below is not a row; the second line of a wrapped label, touching the row
        // above and starting in lower case, is.
        std::size_t last = end;
        while (last > i + 1 && lines[last - 1].segments.size() < 2 &&
               !(lines[last - 1].y0 - lines[last - 2].y1 < 0.3 * h &&
                 std::islower(static_cast<unsigned char>(lines[last - 1].segments[0].text[0]))))
            --last;
        if (last - i == 1 && lines[i].segments.size() < 2) last = i;
        out.emplace_back(i, last);
        i = end;
    }
    return out;
}

bool is_year(std::string_view c) {
    return c.size() == 4 && (c.starts_with("19") || c.starts_with("20")) &&
           std::all_of(c.begin(), c.end(), [](char ch) { return std::isdigit(static_cast<unsigned char>(ch)); });
}

// The table's columns: the x bands that the segments of its rows with figures cover.
std::vector<std::pair<double, double>> bands_of(const std::vector<Line>& lines, std::size_t begin, std::size_t end) {
    std::vector<std::pair<double, double>> spans;
    for (std::size_t i = begin; i < end; ++i) {
        const auto& segs = lines[i].segments;
        // Rows with figures other than years ("2025 2024" is a header, often wider than its column).
        if (segs.size() < 2 || std::none_of(segs.begin(), segs.end(), [](const Segment& s) {
                return s.figure && !is_year(s.text);
            }))
            continue;
        for (const auto& s : segs) spans.emplace_back(s.box.x0, s.box.x1);
    }
    std::sort(spans.begin(), spans.end());
    std::vector<std::pair<double, double>> bands;
    for (const auto& sp : spans) {
        if (!bands.empty() && sp.first <= bands.back().second + 2) bands.back().second = std::max(bands.back().second, sp.second);
        else bands.push_back(sp);
    }
    return bands;
}

// The band a segment belongs to: the one it overlaps most, else the nearest.
std::size_t band_of(const Segment& s, const std::vector<std::pair<double, double>>& bands) {
    std::size_t best = 0;
    double best_overlap = -1e9;
    for (std::size_t b = 0; b < bands.size(); ++b) {
        const double overlap = std::min(s.box.x1, bands[b].second) - std::max(s.box.x0, bands[b].first);
        if (overlap > best_overlap) {
            best_overlap = overlap;
            best = b;
        }
    }
    return best;
}

struct Row {
    double y0 = 0, y1 = 0;
    std::vector<std::string> cells;
    std::vector<TableBox> boxes;
    std::vector<std::size_t> words;
    bool label_only() const {
        return !cells[0].empty() && std::all_of(cells.begin() + 1, cells.end(), [](const std::string& c) { return c.empty(); });
    }
    bool figures() const {
        return std::any_of(cells.begin() + 1, cells.end(), [](const std::string& c) { return is_figure(c); });
    }
};

// A segment that covers two bands or more (a header set tight: "2024 Change") as its words,
// each a segment of its own; any other segment as it is.
std::vector<Segment> split_at_bands(const Segment& s, const std::vector<std::pair<double, double>>& bands,
                                    const std::vector<PageWord>& words) {
    int covered = 0;
    for (const auto& b : bands) covered += std::min(s.box.x1, b.second) - std::max(s.box.x0, b.first) > 1;
    if (covered < 2 || s.words.size() < 2) return {s};
    std::vector<Segment> out;
    for (std::size_t w : s.words) {
        Segment part;
        part.words = {w};
        part.box = words[w].box;
        part.text = words[w].text;
        part.figure = is_figure(part.text);
        // Words of one band stay one cell ("Fee (EUR)").
        if (!out.empty() && band_of(out.back(), bands) == band_of(part, bands)) {
            out.back().words.push_back(w);
            out.back().box = unite(out.back().box, part.box);
            out.back().text += " " + part.text;
            continue;
        }
        out.push_back(std::move(part));
    }
    return out;
}

// Header rows: the leading rows with something beside the label column and no figure there
// but years ("2025"); a row with its label alone ("Assets") is a section, not a header.
int header_rows_of(const std::vector<Row>& rows) {
    int n = 0;
    for (const Row& r : rows) {
        bool beside = false, figure = false;
        for (std::size_t c = 1; c < r.cells.size(); ++c) {
            beside = beside || !r.cells[c].empty();
            figure = figure || (is_figure(r.cells[c]) && !is_year(r.cells[c]));
        }
        if (!beside || figure) break;
        ++n;
    }
    return n;
}

// Header rows set on touching lines are one header cell wrapped ("Change" over "%"): joined.
void join_wrapped_headers(std::vector<Row>& rows, double touching) {
    std::size_t headers = static_cast<std::size_t>(header_rows_of(rows));
    for (std::size_t i = 1; i < rows.size() && i < headers;) {
        if (rows[i].y0 - rows[i - 1].y1 >= touching) {
            ++i;
            continue;
        }
        --headers;
        for (std::size_t c = 0; c < rows[i].cells.size(); ++c) {
            if (rows[i].cells[c].empty()) continue;
            if (!rows[i - 1].cells[c].empty()) rows[i - 1].cells[c] += ' ';
            rows[i - 1].cells[c] += rows[i].cells[c];
            rows[i - 1].boxes[c] = unite(rows[i - 1].boxes[c], rows[i].boxes[c]);
        }
        rows[i - 1].y1 = rows[i].y1;
        rows[i - 1].words.insert(rows[i - 1].words.end(), rows[i].words.begin(), rows[i].words.end());
        rows.erase(rows.begin() + static_cast<long>(i));
    }
}

bool starts_lower(const std::string& s) { return !s.empty() && std::islower(static_cast<unsigned char>(s[0])); }

// A label that wrapped onto a line of its own, joined to its row: the line below a row that
// starts in lower case ("expenses" under "Selling and distribution"), or a label-only line
// above a row whose label starts in lower case.
void join_wrapped_labels(std::vector<Row>& rows) {
    for (std::size_t i = 1; i < rows.size();) {
        Row& above = rows[i - 1];
        Row& row = rows[i];
        const bool continues_above = row.label_only() && starts_lower(row.cells[0]) && !above.cells[0].empty();
        const bool continued_below = above.label_only() && starts_lower(row.cells[0]) && row.figures();
        if (!continues_above && !continued_below) {
            ++i;
            continue;
        }
        Row& keep = continues_above ? above : row;
        const Row& gone = continues_above ? row : above;
        keep.cells[0] = above.cells[0] + " " + row.cells[0];
        keep.boxes[0] = unite(above.boxes[0], row.boxes[0]);
        keep.words.insert(keep.words.end(), gone.words.begin(), gone.words.end());
        rows.erase(rows.begin() + static_cast<long>(continues_above ? i : i - 1));
    }
}



// A table of contents: one column of figures beside the labels, all page numbers (whole and
// small), never going down.
bool is_contents(const std::vector<Row>& rows, std::size_t header) {
    int last = -1;
    std::size_t columns = 0;
    for (std::size_t c = 1; !rows.empty() && c < rows[0].cells.size(); ++c)
        for (std::size_t r = header; r < rows.size(); ++r)
            if (!rows[r].cells[c].empty()) {
                ++columns;
                break;
            }
    if (columns != 1) return false;
    for (std::size_t r = header; r < rows.size(); ++r)
        for (std::size_t c = 1; c < rows[r].cells.size(); ++c) {
            const std::string& cell = rows[r].cells[c];
            if (cell.empty()) continue;
            if (cell.size() > 4 || !std::all_of(cell.begin(), cell.end(), [](char ch) { return std::isdigit(static_cast<unsigned char>(ch)); }))
                return false;
            const int page = std::stoi(cell);
            if (page < last) return false;
            last = page;
        }
    return true;
}

// The region as a table, or nothing when it is not one: at least three rows of several
// cells, two columns, and figures in most filled cells beside the labels.
bool build_table(const std::vector<Line>& lines, const std::vector<PageWord>& words, std::size_t begin, std::size_t end,
                 double h, FoundTable& out) {
    std::size_t multi = 0;
    for (std::size_t i = begin; i < end; ++i) multi += lines[i].segments.size() >= 2;
    if (multi < 3) return false;
    const auto bands = bands_of(lines, begin, end);
    if (bands.size() < 2) return false;
    std::vector<Row> rows;
    for (std::size_t i = begin; i < end; ++i) {
        Row r;
        r.cells.assign(bands.size(), "");
        r.boxes.assign(bands.size(), TableBox{});
        r.y0 = lines[i].y0;
        r.y1 = lines[i].y1;
        for (const auto& s : lines[i].segments)
            for (const Segment& part : split_at_bands(s, bands, words)) {
                const std::size_t b = band_of(part, bands);
                if (!r.cells[b].empty()) r.cells[b] += ' ';
                r.cells[b] += part.text;
                r.boxes[b] = unite(r.boxes[b], part.box);
                r.words.insert(r.words.end(), part.words.begin(), part.words.end());
            }
        rows.push_back(std::move(r));
    }
    join_wrapped_headers(rows, 0.15 * h);
    join_wrapped_labels(rows);
    const int header = header_rows_of(rows);
    int filled = 0, figures = 0;
    for (std::size_t r = static_cast<std::size_t>(header); r < rows.size(); ++r)
        for (std::size_t c = 1; c < bands.size(); ++c)
            if (!rows[r].cells[c].empty()) {
                ++filled;
                figures += is_figure(rows[r].cells[c]);
            }
    if (figures < 3 || figures * 2 < filled || is_contents(rows, static_cast<std::size_t>(header))) return false;
    out.header_rows = header;
    for (auto& r : rows) {
        for (const auto& b : r.boxes) out.box = unite(out.box, b);
        out.words.insert(out.words.end(), r.words.begin(), r.words.end());
        out.cells.push_back(std::move(r.cells));
        out.boxes.push_back(std::move(r.boxes));
    }
    return true;
}

}  // namespace

namespace {

// Whether every column beside the labels is mostly figures (among its body cells).
bool figures_beside_labels(const FoundTable& t) {
    for (std::size_t c = 1; !t.cells.empty() && c < t.cells[0].size(); ++c) {
        int filled = 0, figures = 0;
        for (std::size_t r = static_cast<std::size_t>(t.header_rows); r < t.cells.size(); ++r)
            if (!t.cells[r][c].empty()) {
                ++filled;
                figures += is_figure(t.cells[r][c]);
            }
        if (figures * 2 < filled) return false;
    }
    return true;
}

// Tables set across the page's columns (a gap between their columns may fall on the gutter):
// found on the whole page's lines, crossing a gutter, with figures in every column beside the
// labels (a table in one column beside the other's prose has a column of prose). Their words
// are marked taken.
std::vector<FoundTable> tables_across(const std::vector<Line>& lines, const std::vector<PageWord>& words,
                                      const std::vector<double>& cuts, double h, std::vector<bool>& taken) {
    std::vector<FoundTable> out;
    if (cuts.size() < 3) return out;
    double x0 = 1e9, x1 = -1e9;
    for (const auto& l : lines)
        for (const auto& s : l.segments) {
            x0 = std::min(x0, s.box.x0);
            x1 = std::max(x1, s.box.x1);
        }
    for (const auto& [begin, end] : regions_of(lines, h, x1 - x0)) {
        FoundTable t;
        if (!build_table(lines, words, begin, end, h, t) || !figures_beside_labels(t)) continue;
        bool crosses = false;
        for (std::size_t c = 1; c + 1 < cuts.size(); ++c) crosses = crosses || (t.box.x0 < cuts[c] && t.box.x1 > cuts[c]);
        if (!crosses) continue;
        t.across = true;
        for (std::size_t w : t.words) taken[w] = true;
        out.push_back(std::move(t));
    }
    return out;
}

}  // namespace

struct PageLayout {
    double h = 0;              // the median word height
    std::vector<Line> lines;
    std::vector<double> cuts;  // -inf, the gutters, +inf
};

PageTables find_tables(const std::vector<PageWord>& words) {
    PageTables out;
    if (words.size() < 6) return out;
    auto layout = std::make_shared<PageLayout>();
    layout->h = median_height(words);
    layout->lines = lines_of(words, layout->h);
    layout->cuts = {-std::numeric_limits<double>::infinity()};
    for (double g : gutters_of(layout->lines)) layout->cuts.push_back(g);
    layout->cuts.push_back(std::numeric_limits<double>::infinity());
    out.layout = layout;
    const double h = layout->h;
    const std::vector<Line>& lines = layout->lines;
    const std::vector<double>& cuts = layout->cuts;
    out.columns = static_cast<int>(cuts.size()) - 1;
    std::vector<bool> taken(words.size(), false);
    out.tables = tables_across(lines, words, cuts, h, taken);
    for (std::size_t c = 0; c + 1 < cuts.size(); ++c) {
        const std::vector<Line> column = column_lines(lines, cuts[c], cuts[c + 1], &taken);
        for (const auto& l : column)
            out.prose_side_by_side =
                out.prose_side_by_side ||
                std::count_if(l.segments.begin(), l.segments.end(), [](const Segment& s) { return word_count(s) >= 4; }) >= 2;
        double x0 = 1e9, x1 = -1e9;
        for (const auto& l : column)
            for (const auto& s : l.segments) {
                x0 = std::min(x0, s.box.x0);
                x1 = std::max(x1, s.box.x1);
            }
        for (const auto& [begin, end] : regions_of(column, h, x1 - x0)) {
            FoundTable t;
            if (build_table(column, words, begin, end, h, t)) out.tables.push_back(std::move(t));
        }
    }
    return out;
}

std::string text_in_columns(const std::vector<PageWord>& words, const PageTables& found,
                            const std::function<std::string(std::size_t)>& block) {
    if (!found.layout) return {};
    const std::vector<FoundTable>& tables = found.tables;
    const double h = found.layout->h;
    const std::vector<Line>& lines = found.layout->lines;
    const std::vector<double>& cuts = found.layout->cuts;
    std::vector<long> table_of(words.size(), -1);
    for (std::size_t t = 0; t < tables.size(); ++t)
        for (std::size_t w : tables[t].words) table_of[w] = static_cast<long>(t);
    std::vector<bool> emitted(tables.size(), false);
    std::string out;
    auto paragraph_break = [&] {
        if (!out.empty() && !out.ends_with("\n\n")) out += out.ends_with("\n") ? "\n" : "\n\n";
    };
    // Lines of one stretch between two lines across the columns, column by column.
    auto emit_stretch = [&](std::size_t begin, std::size_t end) {
        for (std::size_t c = 0; c + 1 < cuts.size(); ++c) {
            const std::vector<Line> part(lines.begin() + static_cast<long>(begin), lines.begin() + static_cast<long>(end));
            double last_y1 = -1e9;
            for (const Line& l : column_lines(part, cuts[c], cuts[c + 1])) {
                const long t = table_of[l.segments[0].words[0]];
                if (t >= 0) {
                    if (emitted[static_cast<std::size_t>(t)]) continue;
                    emitted[static_cast<std::size_t>(t)] = true;
                    paragraph_break();
                    out += block(static_cast<std::size_t>(t)) + "\n\n";
                    last_y1 = -1e9;
                    continue;
                }
                if (last_y1 > -1e9 && l.y0 - last_y1 > 0.5 * h) paragraph_break();
                for (std::size_t k = 0; k < l.segments.size(); ++k) out += (k ? " " : "") + l.segments[k].text;
                out += '\n';
                last_y1 = l.y1;
            }
            paragraph_break();
        }
    };
    std::size_t stretch = 0;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        bool across = false;
        for (const auto& s : lines[i].segments)
            for (std::size_t c = 1; c + 1 < cuts.size(); ++c) across = across || (s.box.x0 < cuts[c] && s.box.x1 > cuts[c]);
        const long t = table_of[lines[i].segments[0].words[0]];
        const bool table_across = t >= 0 && tables[static_cast<std::size_t>(t)].across;
        if (!across && !table_across) continue;
        emit_stretch(stretch, i);
        stretch = i + 1;
        if (table_across) {
            if (!emitted[static_cast<std::size_t>(t)]) out += block(static_cast<std::size_t>(t)) + "\n\n";
            emitted[static_cast<std::size_t>(t)] = true;
            continue;
        }
        for (std::size_t k = 0; k < lines[i].segments.size(); ++k) out += (k ? " " : "") + lines[i].segments[k].text;
        out += "\n\n";
    }
    emit_stretch(stretch, lines.size());
    while (out.ends_with("\n")) out.pop_back();
    return out;
}

bool is_figure(std::string_view cell) {
    std::string_view s = cell;
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    if (s == "-" || s == "\xE2\x80\x93" || s == "\xE2\x80\x94" || s == "nil" || s == "n/a") return true;
    for (std::string_view prefix : {"(", "-", "+", "\xE2\x88\x92", "\xE2\x80\x93"})
        if (s.starts_with(prefix)) {
            s.remove_prefix(prefix.size());
            break;
        }
    for (std::string_view currency : {"$", "\xE2\x82\xAC", "\xC2\xA3", "\xC2\xA5", "EUR ", "USD ", "GBP ", "CHF "})
        if (s.starts_with(currency)) {
            s.remove_prefix(currency.size());
            while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
            break;
        }
    if (s.empty() || !std::isdigit(static_cast<unsigned char>(s.front()))) return false;
    std::size_t i = 0;
    while (i < s.size() && (std::isdigit(static_cast<unsigned char>(s[i])) || s[i] == ',' || s[i] == '.' ||
                            (s[i] == ' ' && i + 1 < s.size() && std::isdigit(static_cast<unsigned char>(s[i + 1])))))
        ++i;
    std::string_view rest = s.substr(i);
    for (std::string_view suffix : {"%", ")", "*", "x", "bn", "m"})
        if (rest.starts_with(suffix)) rest.remove_prefix(suffix.size());
    if (rest.starts_with(")")) rest.remove_prefix(1);
    return rest.empty() || rest == "*" || rest == "\xE2\x80\xA0";
}

}  // namespace lectern::ingest
