// Small helpers on the Document structs shared by every reader.
#include "lectern/ingest/document.h"

namespace lectern::ingest {

const char* document_kind_name(DocumentKind kind) {
    switch (kind) {
    case DocumentKind::Pdf: return "pdf";
    case DocumentKind::CodeFolder: return "code";
    case DocumentKind::Text: return "text";
    case DocumentKind::Markdown: return "markdown";
    case DocumentKind::Docx: return "docx";
    case DocumentKind::Odt: return "odt";
    case DocumentKind::Xlsx: return "xlsx";
    case DocumentKind::Ods: return "ods";
    case DocumentKind::Html: return "html";
    case DocumentKind::Epub: return "epub";
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

bool UnitQuality::unreliable() const {
    return mis_encoded || poppler_errors > 0 || (ocr_confidence >= 0 && ocr_confidence < 60);
}

std::string UnitQuality::prompt_note() const {
    // Short, kinds only: it is repeated in every chunk that holds part of the page.
    std::vector<std::string> parts;
    if (mis_encoded) parts.push_back("likely mis-encoded");
    if (poppler_errors > 0) parts.push_back("PDF errors while reading it");
    if (ocr_confidence >= 0 && ocr_confidence < 60) parts.push_back("OCR of low confidence");
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : "; ") + p;
    return out;
}

std::string UnitQuality::describe() const {
    std::vector<std::string> parts;
    if (mis_encoded) parts.push_back("text likely mis-encoded (" + mis_encoded_reason + ")");
    if (!redecoded_from.empty()) parts.push_back("re-decoded from " + redecoded_from);
    if (ocr_rescued) parts.push_back("mis-encoded text layer replaced by OCR");
    if (presentation_forms) parts.push_back("Arabic presentation forms normalized");
    if (poppler_errors > 0)
        parts.push_back(std::to_string(poppler_errors) + " PDF errors on this page (" + poppler_error + ")");
    if (!ocr_language.empty())
        parts.push_back("OCR (" + ocr_language + (ocr_confidence >= 0 ? ", " + std::to_string(ocr_confidence) + " %" : "") + ")");
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : "; ") + p;
    return out;
}

}  // namespace lectern::ingest
