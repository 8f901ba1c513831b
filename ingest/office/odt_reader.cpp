// read_odt: content.xml's office:text as blocks: text:h by outline level, text:p, lists
// numbered by their list style (text:list-level-style-number: format, prefix, suffix, start,
// display levels for "7.2"), tables as Markdown, notes "[^1]" after their paragraph,
// annotations after the paragraph with their author. ODF keeps deleted text apart
// (text:tracked-changes); the body is the document with its changes accepted, and a
// warning says so. Nesting and produced text are bounded by ReadLimits; text:c spaces are
// clamped to 0..1024 and list start values to 0..kMaxListStart.
#include <algorithm>
#include <climits>
#include <cstring>
#include <iterator>
#include <map>
#include <optional>
#include <string_view>

#include "common/markdown_table.h"
#include "office/docx_numbering.h"
#include "office/ooxml_parts.h"
#include "office/read_limits.h"
#include "office/readers.h"

namespace lectern::ingest::office {
namespace {

bool is(const pugi::xml_node& n, const char* name) { return std::strcmp(n.name(), name) == 0; }

struct ListLevel {
    bool numbered = false;
    std::string format = "1", prefix, suffix;
    int start = 1, display = 1;
};

struct OdtContext {
    std::map<std::string, std::map<int, ListLevel>> list_styles;
    int n_tracked = 0;
    ReadLimits limits{0};
};

// Spaces one text:s stands for, at most: a run of spaces is layout, not text.
constexpr int kMaxSpaces = 1024;

void load_list_styles(const pugi::xml_node& root, OdtContext& c) {
    for (auto s : root.select_nodes(".//text:list-style")) {
        auto& levels = c.list_styles[s.node().attribute("style:name").as_string()];
        for (auto l : s.node().children()) {
            ListLevel level;
            level.numbered = is(l, "text:list-level-style-number");
            level.format = l.attribute("style:num-format").as_string("1");
            level.prefix = l.attribute("style:num-prefix").as_string();
            level.suffix = l.attribute("style:num-suffix").as_string();
            level.start = std::clamp(l.attribute("text:start-value").as_int(1), 0, kMaxListStart);
            level.display = std::clamp(l.attribute("text:display-levels").as_int(1), 1, 10);
            levels[l.attribute("text:level").as_int(1)] = level;
        }
    }
}

std::string odf_number(int value, const std::string& format) {
    if (format == "a") return format_list_number(value, "lowerLetter");
    if (format == "A") return format_list_number(value, "upperLetter");
    if (format == "i") return format_list_number(value, "lowerRoman");
    if (format == "I") return format_list_number(value, "upperRoman");
    return std::to_string(value);
}

void append(ReadLimits& limits, std::string& out, std::string_view text) {
    if (limits.spend(text.size())) out += text;
}

void inline_text(const pugi::xml_node& node, Block& block, std::string& out, ReadLimits& limits) {
    const Nesting level(limits);
    if (!level) return;
    for (auto c : node.children()) {
        if (limits.failed()) return;
        if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) append(limits, out, c.value());
        else if (is(c, "text:s"))
            append(limits, out, std::string(static_cast<std::size_t>(std::clamp(c.attribute("text:c").as_int(1), 0, kMaxSpaces)), ' '));
        else if (is(c, "text:tab")) append(limits, out, " ");
        else if (is(c, "text:line-break")) append(limits, out, "\n");
        else if (is(c, "text:note")) {
            const std::string mark = std::string("[^") + c.child("text:note-citation").text().get() + "]";
            append(limits, out, mark);
            Block note;
            std::string body;
            inline_text(c.child("text:note-body").child("text:p"), note, body, limits);
            block.notes.push_back(mark + ": " + collapse_space(body));
        } else if (is(c, "office:annotation")) {
            std::string body;
            Block ignored;
            for (auto p : c.children("text:p")) inline_text(p, ignored, body, limits), append(limits, body, " ");
            const std::string author = c.child("dc:creator").text().get();
            block.notes.push_back("(comment" + (author.empty() ? std::string() : " by " + author) + ": " +
                                  collapse_space(body) + ")");
        } else if (is(c, "text:span") || is(c, "text:a") || is(c, "text:meta") || is(c, "text:ruby-base")) {
            inline_text(c, block, out, limits);
        }
    }
}

Block paragraph(const pugi::xml_node& p, int heading, ReadLimits& limits) {
    Block b;
    std::string text;
    inline_text(p, b, text, limits);
    b.heading = heading;
    b.text = heading > 0 ? collapse_space(text) : text;
    while (!b.text.empty() && (b.text.back() == ' ' || b.text.back() == '\n')) b.text.pop_back();
    return b;
}

void walk(const pugi::xml_node& parent, OdtContext& c, std::vector<Block>& out);

void walk_list(const pugi::xml_node& list, OdtContext& c, std::vector<Block>& out, const std::string& style,
               std::vector<std::optional<int>>& counters, int depth) {
    const Nesting nesting(c.limits);
    if (!nesting) return;
    const auto levels = c.list_styles.find(style);
    ListLevel level;
    if (levels != c.list_styles.end() && levels->second.count(depth)) level = levels->second.at(depth);
    if (static_cast<int>(counters.size()) < depth) counters.resize(static_cast<std::size_t>(depth));
    for (auto item : list.children("text:list-item")) {
        if (c.limits.failed()) return;
        auto& n = counters[static_cast<std::size_t>(depth - 1)];
        n = !n ? level.start : *n < INT_MAX ? *n + 1 : *n;
        counters.resize(static_cast<std::size_t>(depth));
        std::string label = "-";
        if (level.numbered) {
            label = level.prefix;
            for (int d = std::max(1, depth - level.display + 1); d <= depth; ++d) {
                label += odf_number(counters[static_cast<std::size_t>(d - 1)].value_or(level.start), level.format);
                if (d < depth) label += '.';
            }
            label += level.suffix;
        }
        bool first = true;
        for (auto child : item.children()) {
            if (is(child, "text:list")) { walk_list(child, c, out, style, counters, depth + 1); continue; }
            std::vector<Block> blocks;
            pugi::xml_node holder = child;
            if (is(child, "text:p") || is(child, "text:h")) blocks.push_back(paragraph(child, 0, c.limits));
            else walk(holder, c, blocks);
            for (auto& b : blocks) {
                if (first && !b.text.empty()) { b.text = label + " " + b.text; first = false; }
                out.push_back(std::move(b));
            }
        }
    }
}

Block table(const pugi::xml_node& t, ReadLimits& limits) {
    std::vector<std::vector<std::string>> rows;
    Block block;
    int header_rows = 0;
    for (auto group : t.children()) {
        const bool header = is(group, "table:table-header-rows");
        auto rows_of = (is(group, "table:table-row")) ? pugi::xml_node() : group;
        auto add_row = [&](const pugi::xml_node& tr) {
            auto& row = rows.emplace_back();
            for (auto cell : tr.children()) {
                if (!is(cell, "table:table-cell") && !is(cell, "table:covered-table-cell")) continue;
                std::string text;
                for (auto p : cell.children("text:p")) {
                    Block b = paragraph(p, 0, limits);
                    text += (text.empty() ? "" : " ") + b.text;
                    for (auto& n : b.notes) block.notes.push_back(n);
                }
                const int repeat = std::min(cell.attribute("table:number-columns-repeated").as_int(1), 64);
                for (int r = 0; r < repeat && limits.spend(text.size()); ++r) row.push_back(text);
            }
            if (header) ++header_rows;
        };
        if (!rows_of) add_row(group);
        else for (auto tr : rows_of.children("table:table-row")) add_row(tr);
    }
    if (limits.spend_table(rows)) block.text = render_markdown_table(rows, header_rows > 0 ? header_rows : 1);
    return block;
}

void walk(const pugi::xml_node& parent, OdtContext& c, std::vector<Block>& out) {
    const Nesting nesting(c.limits);
    if (!nesting) return;
    for (auto n : parent.children()) {
        if (c.limits.failed()) return;
        if (is(n, "text:h"))
            out.push_back(paragraph(n, std::clamp(n.attribute("text:outline-level").as_int(1), 1, 6), c.limits));
        else if (is(n, "text:p")) out.push_back(paragraph(n, 0, c.limits));
        else if (is(n, "table:table")) out.push_back(table(n, c.limits));
        else if (is(n, "text:list")) {
            std::vector<std::optional<int>> counters;
            walk_list(n, c, out, n.attribute("text:style-name").as_string(), counters, 1);
        } else if (is(n, "text:tracked-changes")) c.n_tracked += static_cast<int>(std::distance(n.children().begin(), n.children().end()));
        else if (is(n, "text:section") || is(n, "text:index-body") || is(n, "text:table-of-content"))
            walk(n, c, out);
    }
}

void read_meta(ZipArchive& zip, Metadata& m) {
    if (!zip.has("meta.xml")) return;
    auto xml = load_xml(zip, "meta.xml");
    if (!xml) return;
    const auto meta = (*xml)->child("office:document-meta").child("office:meta");
    m.title = meta.child("dc:title").text().get();
    m.author = meta.child("meta:initial-creator").text().get();
    if (m.author.empty()) m.author = meta.child("dc:creator").text().get();
    m.language = meta.child("dc:language").text().get();
    m.created = parse_w3c_date(meta.child("meta:creation-date").text().get());
    m.modified = parse_w3c_date(meta.child("dc:date").text().get());
}

}  // namespace

// Tracked changes of ODT are always read as accepted (see above): no change option applies.
Status read_odt(ZipArchive& zip, const OfficeOptions& options, Document& doc) {
    auto content = load_xml(zip, "content.xml");
    if (!content) return content.error();
    OdtContext c;
    c.limits = ReadLimits(options.max_text_bytes);
    if (zip.has("styles.xml")) {
        auto styles = load_xml(zip, "styles.xml");
        if (!styles) return styles.error();
        load_list_styles(**styles, c);
    }
    load_list_styles(**content, c);
    const auto body = (*content)->child("office:document-content").child("office:body").child("office:text");
    if (!body) return make_error(ErrorCode::Corrupt, "the document has no text body (content.xml)", zip.path());
    read_meta(zip, doc.metadata);
    std::vector<Block> blocks;
    walk(body, c, blocks);
    LECTERN_TRY(c.limits.status(zip.path()));
    int paragraph = 0;
    make_flow_units(blocks, doc, paragraph);
    if (c.n_tracked > 0)
        doc.warnings.push_back(std::to_string(c.n_tracked) + " tracked changes: the text is read as if they were accepted");
    return {};
}

}  // namespace lectern::ingest::office
