// parse_html and read_html: an HTML page through gumbo (the HTML5 parsing algorithm, so
// broken markup reads as browsers read it). The main text is <main> when the page has one,
// else <body>; script, style, forms, navigation and the page's header, footer and aside are
// left out (a header or footer inside an <article> is kept: it belongs to the article).
// Headings become Markdown headings, list items "- " or "3. ", tables Markdown tables.
// The bytes are decoded first as html_charset.h says (a <meta charset> is honoured).
#include <gumbo.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <string_view>

#include "common/markdown_table.h"
#include "common/read_file.h"
#include "lectern/ingest/ingest.h"
#include "lectern/ingest/text_file.h"
#include "office/html_charset.h"
#include "office/read_limits.h"
#include "office/readers.h"

namespace lectern::ingest::office {
namespace {

bool skipped_tag(GumboTag tag, bool in_article) {
    switch (tag) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_NAV: case GUMBO_TAG_ASIDE: case GUMBO_TAG_FORM: case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SELECT: case GUMBO_TAG_IFRAME: case GUMBO_TAG_SVG: case GUMBO_TAG_HEAD:
        return true;
    case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER: return !in_article;
    default: return false;
    }
}

int heading_level(GumboTag tag) {
    switch (tag) {
    case GUMBO_TAG_H1: return 1;
    case GUMBO_TAG_H2: return 2;
    case GUMBO_TAG_H3: return 3;
    case GUMBO_TAG_H4: return 4;
    case GUMBO_TAG_H5: return 5;
    case GUMBO_TAG_H6: return 6;
    default: return 0;
    }
}

bool is_block(GumboTag tag) {
    switch (tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_MAIN: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_DL: case GUMBO_TAG_DT:
    case GUMBO_TAG_DD: case GUMBO_TAG_FIGURE: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_HR: case GUMBO_TAG_BODY: case GUMBO_TAG_CAPTION:
        return true;
    default: return false;
    }
}

const char* attribute(const GumboNode* node, const char* name) {
    const GumboAttribute* a = gumbo_get_attribute(&node->v.element.attributes, name);
    return a ? a->value : nullptr;
}

// Lines with their spaces collapsed (a <br> is a line break).
std::string tidy(const std::string& text) {
    std::string out;
    std::size_t start = 0;
    while (start <= text.size()) {
        const auto nl = std::min(text.find('\n', start), text.size());
        const std::string line = collapse_space(text.substr(start, nl - start));
        if (!line.empty()) out += (out.empty() ? "" : "\n") + line;
        start = nl + 1;
    }
    return out;
}

struct Walker {
    explicit Walker(ReadLimits& limits) : limits(limits) {}

    ReadLimits& limits;  // the page's, shared by the walkers of its headings and cells
    std::vector<Block> blocks;
    std::string inline_text;
    std::string pending_prefix;  // a list item's marker, put before its first text
    bool in_article = false;
    int list_depth = 0;

    void flush() {
        std::string t = tidy(inline_text);
        inline_text.clear();
        if (t.empty()) return;
        Block b;
        b.text = pending_prefix + t;
        pending_prefix.clear();
        blocks.push_back(std::move(b));
    }
    void walk(const GumboNode* node);
    void walk_children(const GumboNode* node) {
        const GumboVector& children = node->v.element.children;
        for (unsigned i = 0; i < children.length; ++i) walk(static_cast<const GumboNode*>(children.data[i]));
    }
    void walk_list(const GumboNode* list);
    void walk_table(const GumboNode* table);
};

// The text inside an element as one line of inline text (table cells, headings).
std::string text_of(const GumboNode* node, ReadLimits& limits) {
    Walker w(limits);
    w.in_article = true;
    w.walk_children(node);
    w.flush();
    std::string out;
    for (const auto& b : w.blocks) out += (out.empty() ? "" : " ") + b.text;
    return collapse_space(out);
}

void Walker::walk_list(const GumboNode* list) {
    flush();
    const bool ordered = list->v.element.tag == GUMBO_TAG_OL;
    const char* start = ordered ? attribute(list, "start") : nullptr;
    int n = start ? static_cast<int>(std::clamp<long>(std::strtol(start, nullptr, 10), -kMaxListStart, kMaxListStart)) : 1;
    ++list_depth;
    const GumboVector& items = list->v.element.children;
    for (unsigned i = 0; i < items.length; ++i) {
        const auto* item = static_cast<const GumboNode*>(items.data[i]);
        if (item->type != GUMBO_NODE_ELEMENT || item->v.element.tag != GUMBO_TAG_LI) continue;
        flush();
        pending_prefix = std::string(static_cast<std::size_t>(2 * (list_depth - 1)), ' ') +
                         (ordered ? std::to_string(n++) + ". " : "- ");
        walk_children(item);
        flush();
        pending_prefix.clear();
    }
    --list_depth;
}

void Walker::walk_table(const GumboNode* table) {
    flush();
    std::vector<std::vector<std::string>> rows;
    int header_rows = 0;
    bool leading = true;
    std::vector<const GumboNode*> trs;
    // Rows in document order, through thead/tbody/tfoot, not into nested tables.
    const GumboVector& parts = table->v.element.children;
    for (unsigned i = 0; i < parts.length; ++i) {
        const auto* part = static_cast<const GumboNode*>(parts.data[i]);
        if (part->type != GUMBO_NODE_ELEMENT) continue;
        if (part->v.element.tag == GUMBO_TAG_TR) { trs.push_back(part); continue; }
        const GumboVector& inner = part->v.element.children;
        for (unsigned j = 0; j < inner.length; ++j) {
            const auto* tr = static_cast<const GumboNode*>(inner.data[j]);
            if (tr->type == GUMBO_NODE_ELEMENT && tr->v.element.tag == GUMBO_TAG_TR) trs.push_back(tr);
        }
    }
    for (const auto* tr : trs) {
        auto& row = rows.emplace_back();
        bool all_th = true;
        const GumboVector& cells = tr->v.element.children;
        for (unsigned k = 0; k < cells.length; ++k) {
            const auto* cell = static_cast<const GumboNode*>(cells.data[k]);
            if (cell->type != GUMBO_NODE_ELEMENT) continue;
            const GumboTag tag = cell->v.element.tag;
            if (tag != GUMBO_TAG_TD && tag != GUMBO_TAG_TH) continue;
            all_th = all_th && tag == GUMBO_TAG_TH;
            row.push_back(text_of(cell, limits));
            const char* span = attribute(cell, "colspan");
            const long n_span = span ? std::strtol(span, nullptr, 10) : 1;
            for (long s = 1; s < n_span && s < 64; ++s) row.emplace_back();
        }
        const bool in_head = tr->parent && tr->parent->type == GUMBO_NODE_ELEMENT &&
                             tr->parent->v.element.tag == GUMBO_TAG_THEAD;
        leading = leading && (all_th || in_head) && !row.empty();
        if (leading) ++header_rows;
    }
    Block b;
    if (limits.spend_table(rows)) b.text = render_markdown_table(rows, header_rows);
    if (!b.text.empty()) blocks.push_back(std::move(b));
}

void Walker::walk(const GumboNode* node) {
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA || node->type == GUMBO_NODE_WHITESPACE) {
        const std::string_view text = node->v.text.text;
        if (limits.spend(text.size())) inline_text += text;
        return;
    }
    if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_TEMPLATE) return;
    const Nesting nesting(limits);
    if (!nesting) return;
    const GumboTag tag = node->v.element.tag;
    if (skipped_tag(tag, in_article)) return;
    if (tag == GUMBO_TAG_BR) { inline_text += '\n'; return; }
    if (tag == GUMBO_TAG_UL || tag == GUMBO_TAG_OL) return walk_list(node);
    if (tag == GUMBO_TAG_TABLE) return walk_table(node);
    if (const int level = heading_level(tag)) {
        flush();
        Block b;
        b.heading = level;
        b.text = collapse_space(text_of(node, limits));
        if (!b.text.empty()) blocks.push_back(std::move(b));
        return;
    }
    const bool block = is_block(tag) || tag == GUMBO_TAG_PRE;
    if (block) flush();
    const bool was_in_article = in_article;
    if (tag == GUMBO_TAG_ARTICLE || tag == GUMBO_TAG_MAIN) in_article = true;
    walk_children(node);
    in_article = was_in_article;
    if (block) flush();
}

// The first element `tag` in document order, found with a stack of its own (gumbo builds
// trees of any depth).
const GumboNode* find_tag(const GumboNode* root, GumboTag tag) {
    std::vector<const GumboNode*> pending{root};
    while (!pending.empty()) {
        const GumboNode* node = pending.back();
        pending.pop_back();
        if (node->type != GUMBO_NODE_ELEMENT) continue;
        if (node->v.element.tag == tag) return node;
        const GumboVector& children = node->v.element.children;
        for (unsigned i = children.length; i-- > 0;) pending.push_back(static_cast<const GumboNode*>(children.data[i]));
    }
    return nullptr;
}

}  // namespace

HtmlPage parse_html(const std::string& html, ReadLimits& limits) {
    HtmlPage page;
    GumboOutput* output = gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size());
    if (!output) return page;
    if (const char* lang = attribute(output->root, "lang")) page.language = lang;
    if (const GumboNode* title = find_tag(output->root, GUMBO_TAG_TITLE)) {
        Walker w(limits);
        w.in_article = true;
        w.walk_children(title);
        w.flush();
        if (!w.blocks.empty()) page.title = w.blocks.front().text;
    }
    const GumboNode* main = find_tag(output->root, GUMBO_TAG_MAIN);
    if (!main) main = find_tag(output->root, GUMBO_TAG_BODY);
    if (main) {
        Walker w(limits);
        w.walk(main);
        w.flush();
        page.blocks = std::move(w.blocks);
    }
    gumbo_destroy_output(&kGumboDefaultOptions, output);
    return page;
}

}  // namespace lectern::ingest::office

namespace lectern::ingest {
namespace {

Result<Document> read_html_unguarded(const std::string& path, const OfficeOptions& options) {
    auto bytes = read_file_bytes(path);
    if (!bytes) return bytes.error();
    Document doc;
    auto decoded = office::decode_html(*bytes, doc.warnings);
    if (!decoded) return make_error(decoded.error().code, decoded.error().message, path);
    office::ReadLimits limits(options.max_text_bytes);
    office::HtmlPage page = office::parse_html(decoded->text, limits);
    LECTERN_TRY(limits.status(path));
    doc.id = sha256_hex(*bytes);
    doc.kind = DocumentKind::Html;
    doc.path = path;
    doc.metadata.title = page.title.empty() ? std::filesystem::path(path).filename().string() : page.title;
    doc.metadata.language = page.language;
    doc.metadata.encoding = decoded->encoding;
    int paragraph = 0;
    office::make_flow_units(page.blocks, doc, paragraph);
    if (doc.units.empty()) doc.warnings.push_back("the page has no text outside scripts, styles and navigation");
    options.control.report(ReadUnit::Files, 1, 1);
    return doc;
}

}  // namespace

Result<Document> read_html(const std::string& path, const OfficeOptions& options) {
    return office::guard_exceptions(path, [&] { return read_html_unguarded(path, options); });
}

}  // namespace lectern::ingest
