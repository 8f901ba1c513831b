// Small helpers on the Document structs shared by every reader.
#include "lectern/ingest/document.h"

namespace lectern::ingest {

const char* document_kind_name(DocumentKind kind) {
    switch (kind) {
    case DocumentKind::Pdf: return "pdf";
    case DocumentKind::CodeFolder: return "code";
    case DocumentKind::Text: return "text";
    case DocumentKind::Markdown: return "markdown";
    }
    return "text";
}

std::string format_page_ranges(const std::vector<int>& pages) {
    std::string out;
    for (std::size_t i = 0; i < pages.size();) {
        std::size_t j = i;
        while (j + 1 < pages.size() && pages[j + 1] == pages[j] + 1) ++j;
        if (!out.empty()) out += ", ";
        out += std::to_string(pages[i]);
        if (j > i) out += "-" + std::to_string(pages[j]);
        i = j + 1;
    }
    return out;
}

}  // namespace lectern::ingest
