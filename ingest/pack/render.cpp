// Prompt rendering of documents and units; see render.h for the format.
#include "pack/render.h"

#include <algorithm>

namespace lectern::ingest {

std::string escape_attribute(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\n': out += ' '; break;
        default: out += c;
        }
    }
    return out;
}

std::string document_open(const Document& doc) {
    return "<document title=\"" + escape_attribute(doc.metadata.title) + "\" kind=\"" +
           document_kind_name(doc.kind) + "\">\n";
}

std::string document_close(const Document&) { return "</document>\n"; }

std::string unit_open(const Document& doc, const Unit& unit, bool whole,
                      std::size_t first_line, std::size_t last_line) {
    if (doc.kind == DocumentKind::Pdf) {
        std::string tag = "<page n=\"" + std::to_string(unit.page) + "\"";
        if (!unit.label.empty()) tag += " label=\"" + escape_attribute(unit.label) + "\"";
        // The model is told when a page's text cannot be trusted, so it can say so.
        if (unit.quality.unreliable())
            tag += " note=\"unreliable text: " + escape_attribute(unit.quality.prompt_note()) + "\"";
        else if (unit.no_text_layer && !unit.recognized)
            tag += " note=\"no text layer; not recognized\"";
        else if (unit.recognized)
            tag += " note=\"recognized by OCR\"";
        return tag + ">\n";
    }
    std::string header = "=== " + unit.locator;
    // Office documents and web pages: the paragraphs it holds, each marked "¶N" in the text.
    if (unit.first_paragraph > 0 && !unit.locator.starts_with("¶"))
        header += " (¶" + std::to_string(unit.first_paragraph) +
                  (unit.last_paragraph > unit.first_paragraph ? "-" + std::to_string(unit.last_paragraph) : "") + ")";
    if (!whole) header += " (lines " + std::to_string(first_line) + "-" +
                          std::to_string(last_line) + ")";
    return header + " ===\n";
}

std::string unit_close(const Document& doc, const Unit&) {
    return doc.kind == DocumentKind::Pdf ? "</page>\n" : "\n";
}

std::string render_body(const Document& doc, const Unit& unit, std::size_t begin,
                        std::size_t end, std::size_t first_line, const PackOptions& options) {
    const std::string_view text = std::string_view(unit.text).substr(begin, end - begin);
    std::string out;
    const bool numbered = doc.kind == DocumentKind::CodeFolder && options.number_code_lines;
    if (!numbered) {
        out = text;
    } else {
        out.reserve(text.size() + text.size() / 8);
        std::size_t line = first_line;
        for (std::size_t pos = 0; pos < text.size(); ++line) {
            std::size_t nl = std::min(text.find('\n', pos), text.size());
            out += std::to_string(line);
            out += "| ";
            out.append(text.substr(pos, nl - pos));
            out += '\n';
            pos = nl + 1;
        }
    }
    if (!out.empty() && out.back() != '\n') out += '\n';
    return out;
}

std::size_t last_line_of(const Unit& unit, std::size_t begin, std::size_t end,
                         std::size_t first_line) {
    const std::string_view text = std::string_view(unit.text).substr(begin, end - begin);
    std::size_t n_newlines = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
    if (!text.empty() && text.back() == '\n') --n_newlines;
    return first_line + n_newlines;
}

std::string render_unit(const Document& doc, const Unit& unit, const PackOptions& options) {
    return unit_open(doc, unit, true, 1, 1) +
           render_body(doc, unit, 0, unit.text.size(), 1, options) + unit_close(doc, unit);
}

}  // namespace lectern::ingest
