// read_epub: META-INF/container.xml names the package (OPF); its spine orders the chapters,
// each an XHTML file read by parse_html into one unit whose locator is the chapter's title
// (its <title>, else its first heading, else its file name). Paragraphs are numbered
// through the whole book.
#include <map>
#include <set>

#include "office/ooxml_parts.h"
#include "office/readers.h"

namespace lectern::ingest::office {
namespace {

Result<std::string> package_path(ZipArchive& zip) {
    auto container = load_xml(zip, "META-INF/container.xml");
    if (!container) return container.error();
    const auto rootfile = (*container)->child("container").child("rootfiles").child("rootfile");
    std::string path = rootfile.attribute("full-path").as_string();
    if (path.empty()) return make_error(ErrorCode::Corrupt, "the EPUB names no package file", zip.path());
    return path;
}

std::string chapter_title(const HtmlPage& page, const std::string& href) {
    if (!page.title.empty()) return page.title;
    for (const auto& b : page.blocks)
        if (b.heading > 0) return b.text;
    return href;
}

}  // namespace

Status read_epub(ZipArchive& zip, const OfficeOptions& options, Document& doc) {
    auto opf_path = package_path(zip);
    if (!opf_path) return opf_path.error();
    auto opf = load_xml(zip, *opf_path);
    if (!opf) return opf.error();
    const auto package = (*opf)->first_child();
    const auto metadata = package.child("metadata");
    doc.metadata.title = metadata.child("dc:title").text().get();
    doc.metadata.author = metadata.child("dc:creator").text().get();
    doc.metadata.language = metadata.child("dc:language").text().get();
    std::map<std::string, std::string> hrefs;  // manifest id -> part
    for (auto item : package.child("manifest").children("item"))
        hrefs[item.attribute("id").as_string()] = resolve_part(*opf_path, item.attribute("href").as_string());
    int paragraph = 0;
    std::set<std::string> titles;
    ReadLimits limits(options.max_text_bytes);
    for (auto ref : package.child("spine").children("itemref")) {
        if (options.control.cancelled()) return make_error(ErrorCode::Cancelled, "reading was cancelled", zip.path());
        const auto it = hrefs.find(ref.attribute("idref").as_string());
        if (it == hrefs.end() || !zip.has(it->second)) {
            doc.warnings.push_back(std::string("a chapter of the spine is missing: ") + ref.attribute("idref").as_string());
            continue;
        }
        auto xhtml = zip.read(it->second);
        if (!xhtml) return xhtml.error();
        HtmlPage page = parse_html(*xhtml, limits);
        LECTERN_TRY(limits.status(zip.path()));
        if (page.blocks.empty()) continue;  // a cover image, an empty title page
        std::string title = chapter_title(page, it->second);
        // Two chapters of one title would make one locator name two units.
        for (int n = 2; !titles.insert(title).second; ++n) title = chapter_title(page, it->second) + " (" + std::to_string(n) + ")";
        make_flow_units(page.blocks, doc, paragraph, title);
    }
    if (doc.units.empty()) doc.warnings.push_back("the EPUB has no chapter with text");
    return {};
}

}  // namespace lectern::ingest::office
