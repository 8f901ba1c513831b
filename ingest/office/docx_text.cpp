// Rendering DOCX paragraphs, runs and tables (see docx_text.h). Containers that only wrap
// runs (hyperlinks, smart tags, content controls, simple fields) are walked through, each a
// level of context.limits' nesting; every text appended is counted against its budget.
#include "office/docx_text.h"

#include <algorithm>
#include <cstring>

#include "common/markdown_table.h"

namespace lectern::ingest::office {
namespace {

bool is(const pugi::xml_node& node, const char* name) { return std::strcmp(node.name(), name) == 0; }

// One paragraph being rendered: its text, the notes after it, and who changed what.
struct Paragraph {
    std::string text;
    std::vector<std::string> notes;
    std::vector<std::string> changes;  // "+ by Jane Doe 2026-03-01"
};

void add_text(DocxContext& context, std::string& out, const std::string& text) {
    if (!context.limits.spend(text.size())) return;
    out += text;
    if (!context.open_comments.empty()) context.annotated += text;
}

void add_note_ref(DocxContext& context, Paragraph& p, std::string& out, const pugi::xml_node& ref,
                  bool endnote) {
    auto& notes = endnote ? context.endnotes : context.footnotes;
    const std::string id = ref.attribute("w:id").as_string();
    const auto it = notes.find(id);
    if (it == notes.end()) return;
    auto& marks = endnote ? context.endnote_marks : context.footnote_marks;
    if (const auto cited = marks.find(id); cited != marks.end()) {
        if (context.limits.spend(cited->second.size())) out += cited->second;
        return;
    }
    const int n = endnote ? ++context.n_endnotes : ++context.n_footnotes;
    const std::string mark = std::string(endnote ? "[^e" : "[^") + std::to_string(n) + "]";
    marks[id] = mark;
    std::string note = mark + ": " + docx_plain_text(it->second, context.mode);
    if (!context.limits.spend(mark.size() + note.size())) return;
    out += mark;
    p.notes.push_back(std::move(note));
}

void render_run(const pugi::xml_node& run, DocxContext& context, Paragraph& p, std::string& out) {
    for (auto c : run.children()) {
        if (is(c, "w:t") || is(c, "w:delText")) add_text(context, out, c.text().get());
        else if (is(c, "w:tab") || is(c, "w:ptab")) add_text(context, out, " ");
        else if (is(c, "w:br") || is(c, "w:cr")) add_text(context, out, "\n");
        else if (is(c, "w:noBreakHyphen")) add_text(context, out, "-");
        else if (is(c, "w:footnoteReference")) add_note_ref(context, p, out, c, false);
        else if (is(c, "w:endnoteReference")) add_note_ref(context, p, out, c, true);
    }
}

std::string change_note(const pugi::xml_node& change, bool inserted) {
    std::string note = inserted ? "+" : "-";
    const std::string author = change.attribute("w:author").as_string();
    const std::string date = std::string(change.attribute("w:date").as_string()).substr(0, 10);
    if (!author.empty()) note += " by " + author;
    if (!date.empty()) note += " " + date;
    return note;
}

void close_comment(DocxContext& context, Paragraph& p, const std::string& id) {
    const auto open = context.open_comments.find(id);
    std::string annotated;
    if (open != context.open_comments.end()) {
        annotated = collapse_space(context.annotated.substr(std::min(open->second, context.annotated.size())));
        context.open_comments.erase(open);
        if (context.open_comments.empty()) context.annotated.clear();
    }
    const auto comment = context.comments.find(id);
    if (comment == context.comments.end() || !context.comments_done.insert(id).second) return;
    ++context.n_comments;
    std::string note = "(comment";
    if (!comment->second.author.empty()) note += " by " + comment->second.author;
    if (!annotated.empty()) note += " on \"" + annotated + "\"";
    note += ": " + comment->second.text + ")";
    if (context.limits.spend(note.size())) p.notes.push_back(std::move(note));
}

void render_inline(const pugi::xml_node& parent, DocxContext& context, Paragraph& p, std::string& out);

void render_change(const pugi::xml_node& change, bool inserted, DocxContext& context, Paragraph& p,
                   std::string& out) {
    const bool keep = context.mode == TrackedChanges::Marked ||
                      (inserted ? context.mode == TrackedChanges::Accepted
                                : context.mode == TrackedChanges::Original);
    if (!keep) return;
    if (context.mode != TrackedChanges::Marked) return render_inline(change, context, p, out);
    std::string inner;
    render_inline(change, context, p, inner);
    if (inner.empty()) return;
    out += (inserted ? "[+" : "[-") + inner + (inserted ? "+]" : "-]");
    ++(inserted ? context.n_insertions : context.n_deletions);
    const std::string note = change_note(change, inserted);
    if (std::find(p.changes.begin(), p.changes.end(), note) == p.changes.end()) p.changes.push_back(note);
}

void render_inline(const pugi::xml_node& parent, DocxContext& context, Paragraph& p, std::string& out) {
    const Nesting level(context.limits);
    if (!level) return;
    for (auto c : parent.children()) {
        if (context.limits.failed()) return;
        if (is(c, "w:r")) render_run(c, context, p, out);
        else if (is(c, "w:ins") || is(c, "w:moveTo")) render_change(c, true, context, p, out);
        else if (is(c, "w:del") || is(c, "w:moveFrom")) render_change(c, false, context, p, out);
        else if (is(c, "w:commentRangeStart"))
            context.open_comments.emplace(c.attribute("w:id").as_string(), context.annotated.size());
        else if (is(c, "w:commentRangeEnd")) close_comment(context, p, c.attribute("w:id").as_string());
        else if (is(c, "w:hyperlink") || is(c, "w:smartTag") || is(c, "w:fldSimple") ||
                 is(c, "w:customXml") || is(c, "w:sdtContent") || is(c, "w:bdo") || is(c, "w:dir"))
            render_inline(c, context, p, out);
        else if (is(c, "w:sdt")) render_inline(c.child("w:sdtContent"), context, p, out);
        if (is(c, "w:r"))
            for (auto ref : c.children("w:commentReference"))
                close_comment(context, p, ref.attribute("w:id").as_string());
    }
}

Block render_paragraph(const pugi::xml_node& para, DocxContext& context) {
    const auto ppr = para.child("w:pPr");
    ParagraphStyle style = context.styles.paragraph_style(ppr.child("w:pStyle").attribute("w:val").as_string());
    if (const auto outline = ppr.child("w:outlineLvl")) {
        const int level = outline.attribute("w:val").as_int(9);
        style.heading = level < 6 ? level + 1 : 0;
    }
    if (const auto num = ppr.child("w:numPr")) {
        if (num.child("w:numId")) style.num_id = num.child("w:numId").attribute("w:val").as_string();
        if (num.child("w:ilvl")) style.ilvl = num.child("w:ilvl").attribute("w:val").as_int();
    }
    Paragraph p;
    render_inline(para, context, p, p.text);
    Block block;
    block.heading = style.heading;
    std::string text = block.heading > 0 ? collapse_space(p.text) : p.text;
    while (!text.empty() && (text.back() == ' ' || text.back() == '\n')) text.pop_back();
    if (!style.num_id.empty() && style.num_id != "0" && !text.empty()) {
        const std::string label = context.numbering.next_label(style.num_id, style.ilvl);
        if (!label.empty() && context.limits.spend(label.size() + 1)) text = label + " " + text;
    }
    block.text = std::move(text);
    if (!p.changes.empty()) {
        std::string note = "(changes: ";
        for (std::size_t i = 0; i < p.changes.size(); ++i) note += (i ? "; " : "") + p.changes[i];
        p.notes.push_back(note + ")");
    }
    block.notes = std::move(p.notes);
    return block;
}

Block render_table(const pugi::xml_node& table, DocxContext& context) {
    std::vector<std::vector<std::string>> rows;
    int header_rows = 0;
    bool leading = true;
    Block block;
    for (auto tr : table.children("w:tr")) {
        const bool header = static_cast<bool>(tr.child("w:trPr").child("w:tblHeader"));
        leading = leading && header;
        if (leading) ++header_rows;
        auto& row = rows.emplace_back();
        for (auto tc : tr.children("w:tc")) {
            std::vector<Block> cell;
            render_docx_body(tc, context, cell);
            std::string text;
            for (auto& b : cell) {
                if (!b.text.empty()) text += (text.empty() ? "" : " ") + b.text;
                for (auto& n : b.notes) block.notes.push_back(std::move(n));
            }
            row.push_back(std::move(text));
            const int span = tc.child("w:tcPr").child("w:gridSpan").attribute("w:val").as_int(1);
            for (int i = 1; i < span && i < 64; ++i) row.emplace_back();
        }
    }
    // Word repeats marked header rows on every page; unmarked tables still open with one.
    if (context.limits.spend_table(rows)) block.text = render_markdown_table(rows, header_rows > 0 ? header_rows : 1);
    return block;
}

// The text of w:t, w:delText and w:tab inside w:p, a space between paragraphs, in one pass
// (pugixml's traversal is iterative) with the open w:p, w:del and w:ins kept by depth: a
// deep or nested part costs its size, not its size times its depth.
class PlainText : public pugi::xml_tree_walker {
public:
    explicit PlainText(bool original) : original_(original) {}
    std::string out;

    bool for_each(pugi::xml_node& n) override {
        const int d = depth();
        while (!open_.empty() && open_.back().first >= d) {
            count(open_.back().second) -= 1;
            open_.pop_back();
        }
        const char kind = is(n, "w:p") ? 'p' : is(n, "w:del") ? 'd' : is(n, "w:ins") ? 'i' : '\0';
        if (kind != '\0') {
            if (kind == 'p') out += ' ';
            open_.emplace_back(d, kind);
            count(kind) += 1;
            return true;
        }
        if (n_p_ == 0 || !(is(n, "w:t") || is(n, "w:delText") || is(n, "w:tab"))) return true;
        const bool deleted = is(n, "w:delText") || n_del_ > 0;
        if ((deleted && !original_) || (n_ins_ > 0 && original_)) return true;
        out += is(n, "w:tab") ? " " : n.text().get();
        return true;
    }

private:
    int& count(char kind) { return kind == 'p' ? n_p_ : kind == 'd' ? n_del_ : n_ins_; }
    bool original_;
    std::vector<std::pair<int, char>> open_;  // (depth, 'p' / 'd' / 'i')
    int n_p_ = 0, n_del_ = 0, n_ins_ = 0;
};

}  // namespace

void render_docx_body(const pugi::xml_node& body, DocxContext& context, std::vector<Block>& out) {
    const Nesting level(context.limits);
    if (!level) return;
    for (auto c : body.children()) {
        if (context.limits.failed()) return;
        if (is(c, "w:p")) out.push_back(render_paragraph(c, context));
        else if (is(c, "w:tbl")) out.push_back(render_table(c, context));
        else if (is(c, "w:sdt")) render_docx_body(c.child("w:sdtContent"), context, out);
        else if (is(c, "w:customXml") || is(c, "w:ins") || is(c, "w:del")) render_docx_body(c, context, out);
    }
}

std::string docx_plain_text(const pugi::xml_node& node, TrackedChanges mode) {
    PlainText walker(mode == TrackedChanges::Original);
    pugi::xml_node root = node;
    root.traverse(walker);
    return collapse_space(walker.out);
}

}  // namespace lectern::ingest::office
