// read_docx: word/document.xml with the parts it refers to (styles, numbering, footnotes,
// endnotes, comments, headers and footers). Headers and footers are read once each (their
// distinct texts), and placed after the body as the document's last paragraph.
#include <set>

#include "office/docx_text.h"
#include "office/ooxml_parts.h"
#include "office/readers.h"

namespace lectern::ingest::office {
namespace {

using XmlDoc = std::unique_ptr<pugi::xml_document>;

// The main part: the officeDocument relationship of the package, else the usual name.
std::string main_part(ZipArchive& zip) {
    auto rels = relationships(zip, "");
    if (rels)
        for (const auto& r : *rels)
            if (r.type == "officeDocument" && zip.has(r.target)) return r.target;
    return "word/document.xml";
}

Status load_notes(ZipArchive& zip, const std::string& part, const char* root, const char* item,
                  std::map<std::string, pugi::xml_node>& notes, std::vector<XmlDoc>& keep) {
    auto xml = load_xml(zip, part);
    if (!xml) return xml.error();
    for (auto note : (*xml)->child(root).children(item)) {
        const std::string type = note.attribute("w:type").as_string();
        if (type == "separator" || type == "continuationSeparator" || type == "continuationNotice") continue;
        notes[note.attribute("w:id").as_string()] = note;
    }
    keep.push_back(std::move(*xml));
    return {};
}

Status load_comments(ZipArchive& zip, const std::string& part, DocxContext& context) {
    auto xml = load_xml(zip, part);
    if (!xml) return xml.error();
    for (auto c : (*xml)->child("w:comments").children("w:comment")) {
        DocxComment comment;
        comment.author = c.attribute("w:author").as_string();
        comment.text = docx_plain_text(c, TrackedChanges::Accepted);
        context.comments[c.attribute("w:id").as_string()] = comment;
    }
    return {};
}

// Styles, numbering, notes and comments into `context`; header and footer texts into `pages`.
Status load_parts(ZipArchive& zip, const std::string& main, DocxContext& context,
                  std::vector<XmlDoc>& keep, std::vector<std::string>& pages) {
    auto rels = relationships(zip, main);
    if (!rels) return rels.error();
    std::set<std::string> seen;
    for (const auto& r : *rels) {
        if (!zip.has(r.target)) continue;
        if (r.type == "styles" || r.type == "numbering") {
            auto xml = load_xml(zip, r.target);
            if (!xml) return xml.error();
            if (r.type == "styles") context.styles.load((*xml)->child("w:styles"));
            else context.numbering.load((*xml)->child("w:numbering"));
        } else if (r.type == "footnotes") {
            LECTERN_TRY(load_notes(zip, r.target, "w:footnotes", "w:footnote", context.footnotes, keep));
        } else if (r.type == "endnotes") {
            LECTERN_TRY(load_notes(zip, r.target, "w:endnotes", "w:endnote", context.endnotes, keep));
        } else if (r.type == "comments") {
            LECTERN_TRY(load_comments(zip, r.target, context));
        } else if (r.type == "header" || r.type == "footer") {
            auto xml = load_xml(zip, r.target);
            if (!xml) return xml.error();
            const std::string text = docx_plain_text(**xml, context.mode);
            if (!text.empty() && seen.insert(r.type + text).second) pages.push_back("page " + r.type + ": " + text);
        }
    }
    return {};
}

void add_warnings(const DocxContext& context, Document& doc) {
    if (context.mode == TrackedChanges::Marked && context.n_insertions + context.n_deletions > 0)
        doc.warnings.push_back(std::to_string(context.n_insertions) + " tracked insertions and " +
                               std::to_string(context.n_deletions) + " deletions are marked [+...+] and "
                               "[-...-], with who made them, so answers can tell the draft from the change");
    if (context.mode != TrackedChanges::Marked)
        doc.warnings.push_back(std::string("tracked changes taken as ") + tracked_changes_name(context.mode));
    if (!context.open_comments.empty())
        doc.warnings.push_back(std::to_string(context.open_comments.size()) +
                               " comments have a range that never ends; they were left out");
}

}  // namespace

Status read_docx(ZipArchive& zip, const OfficeOptions& options, Document& doc) {
    const std::string main = main_part(zip);
    DocxContext context;
    context.mode = options.changes;
    context.limits = ReadLimits(options.max_text_bytes);
    std::vector<XmlDoc> keep;  // the notes' nodes point into these
    std::vector<std::string> pages;
    LECTERN_TRY(load_parts(zip, main, context, keep, pages));
    if (options.control.cancelled()) return make_error(ErrorCode::Cancelled, "reading was cancelled", zip.path());
    auto xml = load_xml(zip, main);
    if (!xml) return xml.error();
    const auto body = (*xml)->child("w:document").child("w:body");
    if (!body) return make_error(ErrorCode::Corrupt, "the document has no body (" + main + ")", zip.path());
    LECTERN_TRY(read_core_properties(zip, doc.metadata));
    if (doc.metadata.language.empty()) doc.metadata.language = context.styles.language();
    std::vector<Block> blocks;
    render_docx_body(body, context, blocks);
    LECTERN_TRY(context.limits.status(zip.path()));
    if (!pages.empty()) {
        Block page_block;
        for (const auto& p : pages) page_block.text += (page_block.text.empty() ? "(" : "; ") + p;
        page_block.text += ")";
        blocks.push_back(std::move(page_block));
    }
    int paragraph = 0;
    make_flow_units(blocks, doc, paragraph);
    add_warnings(context, doc);
    return {};
}

}  // namespace lectern::ingest::office
