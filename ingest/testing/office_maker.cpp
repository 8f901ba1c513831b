// DocxMaker, XlsxMaker and write_zip (see office_maker.h). The parts carry the namespaces
// and relationships Word and Excel write, so the documents open there too.
#include "testing/office_maker.h"

#include <zip.h>

#include <map>
#include <sstream>

namespace lectern::ingest::testing {
namespace {

constexpr const char* kW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr const char* kRel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
constexpr const char* kPkgRel = "http://schemas.openxmlformats.org/package/2006/relationships";

pugi::xml_node root(pugi::xml_document& doc, const char* name, const char* ns) {
    auto r = doc.append_child(name);
    r.append_attribute(std::string(name).starts_with("w:") ? "xmlns:w" : "xmlns") = ns;
    r.append_attribute("xmlns:r") = kRel;
    return r;
}

void add_rel(pugi::xml_node rels, const std::string& id, const std::string& type, const std::string& target) {
    auto r = rels.append_child("Relationship");
    r.append_attribute("Id") = id.c_str();
    r.append_attribute("Type") = (std::string(kRel) + "/" + type).c_str();
    r.append_attribute("Target") = target.c_str();
}

std::string rels_xml(const std::vector<std::pair<std::string, std::string>>& rels) {
    pugi::xml_document doc;
    auto r = doc.append_child("Relationships");
    r.append_attribute("xmlns") = kPkgRel;
    int n = 1;
    for (const auto& [type, target] : rels) add_rel(r, "rId" + std::to_string(n++), type, target);
    return xml_string(doc);
}

std::string content_types(const std::vector<std::pair<std::string, std::string>>& overrides) {
    pugi::xml_document doc;
    auto t = doc.append_child("Types");
    t.append_attribute("xmlns") = "http://schemas.openxmlformats.org/package/2006/content-types";
    auto d = t.append_child("Default");
    d.append_attribute("Extension") = "rels";
    d.append_attribute("ContentType") = "application/vnd.openxmlformats-package.relationships+xml";
    auto x = t.append_child("Default");
    x.append_attribute("Extension") = "xml";
    x.append_attribute("ContentType") = "application/xml";
    for (const auto& [part, type] : overrides) {
        auto o = t.append_child("Override");
        o.append_attribute("PartName") = ("/" + part).c_str();
        o.append_attribute("ContentType") = type.c_str();
    }
    return xml_string(doc);
}

std::string core_xml(const std::string& title, const std::string& author) {
    pugi::xml_document doc;
    auto c = doc.append_child("cp:coreProperties");
    c.append_attribute("xmlns:cp") = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";
    c.append_attribute("xmlns:dc") = "http://purl.org/dc/elements/1.1/";
    c.append_attribute("xmlns:dcterms") = "http://purl.org/dc/terms/";
    c.append_child("dc:title").text() = title.c_str();
    c.append_child("dc:creator").text() = author.c_str();
    c.append_child("dcterms:created").text() = "2026-03-01T09:30:00Z";
    return xml_string(doc);
}

pugi::xml_node text_run(pugi::xml_node parent, const std::string& text, const char* tag = "w:t") {
    auto r = parent.append_child("w:r");
    auto t = r.append_child(tag);
    t.append_attribute("xml:space") = "preserve";
    t.text() = text.c_str();
    return r;
}

std::string page_part(const char* tag, const std::string& text) {
    pugi::xml_document doc;
    auto h = root(doc, tag, kW);
    text_run(h.append_child("w:p"), text);
    return xml_string(doc);
}

std::string styles_xml() {
    pugi::xml_document doc;
    auto s = root(doc, "w:styles", kW);
    s.append_child("w:docDefaults").append_child("w:rPrDefault").append_child("w:rPr")
        .append_child("w:lang").append_attribute("w:val") = "en-GB";
    auto add = [&](const std::string& id, const std::string& name) {
        auto st = s.append_child("w:style");
        st.append_attribute("w:type") = "paragraph";
        st.append_attribute("w:styleId") = id.c_str();
        st.append_child("w:name").append_attribute("w:val") = name.c_str();
    };
    add("Normal", "Normal");
    add("Title", "Title");
    for (int i = 1; i <= 6; ++i) add("Heading" + std::to_string(i), "heading " + std::to_string(i));
    return xml_string(doc);
}

}  // namespace

std::string xml_string(const pugi::xml_document& doc) {
    std::ostringstream out;
    doc.save(out, "", pugi::format_raw | pugi::format_no_declaration);
    return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n" + out.str();
}

Status write_zip(const std::string& path, const ZipParts& parts) {
    int code = 0;
    zip_t* zip = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &code);
    if (!zip) return make_error(ErrorCode::Io, "cannot create the ZIP", path);
    for (const auto& [name, bytes] : parts) {
        zip_source_t* src = zip_source_buffer(zip, bytes.data(), bytes.size(), 0);
        const zip_int64_t index = src ? zip_file_add(zip, name.c_str(), src, ZIP_FL_ENC_UTF_8) : -1;
        if (index < 0) {
            if (src) zip_source_free(src);
            zip_discard(zip);
            return make_error(ErrorCode::Io, "cannot add " + name + " to the ZIP", path);
        }
        if (name == "mimetype") zip_set_file_compression(zip, static_cast<zip_uint64_t>(index), ZIP_CM_STORE, 0);
    }
    // The buffers stay alive until zip_close has written them.
    if (zip_close(zip) != 0) {
        const std::string reason = zip_strerror(zip);
        zip_discard(zip);
        return make_error(ErrorCode::Io, "cannot write the ZIP: " + reason, path);
    }
    return {};
}

DocxMaker::DocxMaker() {
    body_ = root(document_, "w:document", kW).append_child("w:body");
    root(numbering_, "w:numbering", kW);
    auto notes = root(footnotes_, "w:footnotes", kW);
    for (int id : {-1, 0}) {  // the separators Word writes first
        auto n = notes.append_child("w:footnote");
        n.append_attribute("w:type") = id < 0 ? "separator" : "continuationSeparator";
        n.append_attribute("w:id") = id;
        text_run(n.append_child("w:p"), "");
    }
    root(comments_, "w:comments", kW);
}

pugi::xml_node DocxMaker::paragraph(const std::string& style) {
    auto p = body_.append_child("w:p");
    if (!style.empty()) p.append_child("w:pPr").append_child("w:pStyle").append_attribute("w:val") = style.c_str();
    return p;
}

pugi::xml_node DocxMaker::heading(const std::string& text, int level) {
    auto p = paragraph("Heading" + std::to_string(level));
    run(p, text);
    return p;
}

void DocxMaker::run(pugi::xml_node p, const std::string& text) { text_run(p, text); }

void DocxMaker::insertion(pugi::xml_node p, const std::string& text, const std::string& author,
                          const std::string& date) {
    auto ins = p.append_child("w:ins");
    ins.append_attribute("w:id") = next_comment_ + 100;
    ins.append_attribute("w:author") = author.c_str();
    ins.append_attribute("w:date") = date.c_str();
    text_run(ins, text);
}

void DocxMaker::deletion(pugi::xml_node p, const std::string& text, const std::string& author,
                         const std::string& date) {
    auto del = p.append_child("w:del");
    del.append_attribute("w:id") = next_comment_ + 200;
    del.append_attribute("w:author") = author.c_str();
    if (!date.empty()) del.append_attribute("w:date") = date.c_str();
    text_run(del, text, "w:delText");
}

void DocxMaker::footnote(pugi::xml_node p, const std::string& text) {
    const int id = next_note_++;
    p.append_child("w:r").append_child("w:footnoteReference").append_attribute("w:id") = id;
    auto note = footnotes_.first_child().append_child("w:footnote");
    note.append_attribute("w:id") = id;
    text_run(note.append_child("w:p"), text);
}

void DocxMaker::comment(pugi::xml_node p, const std::string& annotated, const std::string& author,
                        const std::string& text) {
    const int id = next_comment_++;
    p.append_child("w:commentRangeStart").append_attribute("w:id") = id;
    text_run(p, annotated);
    p.append_child("w:commentRangeEnd").append_attribute("w:id") = id;
    p.append_child("w:r").append_child("w:commentReference").append_attribute("w:id") = id;
    auto c = comments_.first_child().append_child("w:comment");
    c.append_attribute("w:id") = id;
    c.append_attribute("w:author") = author.c_str();
    c.append_attribute("w:date") = "2026-03-02T08:00:00Z";
    text_run(c.append_child("w:p"), text);
}

int DocxMaker::add_list(const std::vector<std::pair<std::string, std::string>>& levels, int start) {
    const int id = next_num_++;
    auto numbering = numbering_.first_child();
    auto abstract = numbering.prepend_child("w:abstractNum");
    abstract.append_attribute("w:abstractNumId") = id;
    for (std::size_t i = 0; i < levels.size(); ++i) {
        auto lvl = abstract.append_child("w:lvl");
        lvl.append_attribute("w:ilvl") = static_cast<int>(i);
        lvl.append_child("w:start").append_attribute("w:val") = i == 0 ? start : 1;
        lvl.append_child("w:numFmt").append_attribute("w:val") = levels[i].first.c_str();
        lvl.append_child("w:lvlText").append_attribute("w:val") = levels[i].second.c_str();
    }
    auto num = numbering.append_child("w:num");
    num.append_attribute("w:numId") = id;
    num.append_child("w:abstractNumId").append_attribute("w:val") = id;
    return id;
}

int DocxMaker::restart_list(int num_id, int start) {
    const int id = next_num_++;
    auto num = numbering_.first_child().append_child("w:num");
    num.append_attribute("w:numId") = id;
    num.append_child("w:abstractNumId").append_attribute("w:val") = num_id;
    auto o = num.append_child("w:lvlOverride");
    o.append_attribute("w:ilvl") = 0;
    o.append_child("w:startOverride").append_attribute("w:val") = start;
    return id;
}

void DocxMaker::number(pugi::xml_node p, int num_id, int ilvl) {
    auto ppr = p.child("w:pPr") ? p.child("w:pPr") : p.prepend_child("w:pPr");
    auto num = ppr.append_child("w:numPr");
    num.append_child("w:ilvl").append_attribute("w:val") = ilvl;
    num.append_child("w:numId").append_attribute("w:val") = num_id;
}

void DocxMaker::table(const std::vector<std::vector<std::string>>& rows, int header_rows) {
    auto tbl = body_.append_child("w:tbl");
    for (std::size_t r = 0; r < rows.size(); ++r) {
        auto tr = tbl.append_child("w:tr");
        if (static_cast<int>(r) < header_rows) tr.append_child("w:trPr").append_child("w:tblHeader");
        for (const auto& cell : rows[r]) text_run(tr.append_child("w:tc").append_child("w:p"), cell);
    }
}

void DocxMaker::header(const std::string& text) { headers_.push_back(text); }
void DocxMaker::footer(const std::string& text) { footers_.push_back(text); }

Status DocxMaker::write(const std::string& path) const {
    std::vector<std::pair<std::string, std::string>> rels{
        {"styles", "styles.xml"}, {"numbering", "numbering.xml"}, {"footnotes", "footnotes.xml"},
        {"comments", "comments.xml"}};
    ZipParts parts;
    const char* main = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
    parts.emplace_back("[Content_Types].xml", content_types({{"word/document.xml", main}}));
    parts.emplace_back("_rels/.rels", rels_xml({{"officeDocument", "word/document.xml"},
                                                {"metadata/core-properties", "docProps/core.xml"}}));
    parts.emplace_back("docProps/core.xml", core_xml(title, author));
    parts.emplace_back("word/document.xml", xml_string(document_));
    parts.emplace_back("word/styles.xml", styles_xml());
    parts.emplace_back("word/numbering.xml", xml_string(numbering_));
    parts.emplace_back("word/footnotes.xml", xml_string(footnotes_));
    parts.emplace_back("word/comments.xml", xml_string(comments_));
    for (std::size_t i = 0; i < headers_.size(); ++i) {
        const std::string name = "header" + std::to_string(i + 1) + ".xml";
        rels.emplace_back("header", name);
        parts.emplace_back("word/" + name, page_part("w:hdr", headers_[i]));
    }
    for (std::size_t i = 0; i < footers_.size(); ++i) {
        const std::string name = "footer" + std::to_string(i + 1) + ".xml";
        rels.emplace_back("footer", name);
        parts.emplace_back("word/" + name, page_part("w:ftr", footers_[i]));
    }
    parts.emplace_back("word/_rels/document.xml.rels", rels_xml(rels));
    return write_zip(path, parts);
}

}  // namespace lectern::ingest::testing
