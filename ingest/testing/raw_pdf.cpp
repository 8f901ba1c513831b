// PDFs written object by object for tests (see raw_pdf.h).
#include "testing/raw_pdf.h"

#include <cstdio>
#include <fstream>

namespace lectern::ingest::testing {

std::string raw_stream(const std::string& data, const std::string& dictionary_extra) {
    return "<< /Length " + std::to_string(data.size()) + " " + dictionary_extra + " >>\nstream\n" + data +
           "\nendstream";
}

std::string pdf_literal(const std::string& bytes) {
    std::string out = "(";
    for (unsigned char c : bytes) {
        if (c == '(' || c == ')' || c == '\\') {
            out += '\\';
            out += static_cast<char>(c);
        } else if (c < 0x20 || c >= 0x80) {
            char esc[8];
            std::snprintf(esc, sizeof esc, "\\%03o", c);
            out += esc;
        } else {
            out += static_cast<char>(c);
        }
    }
    return out + ")";
}

Status write_raw_pdf(const std::string& path, const RawPdf& pdf) {
    // Objects: 1 catalog, 2 pages, then per page i: (3 + 2i) page, (4 + 2i) its content;
    // the extra objects from 10 + 2 * (pages - 1)... are numbered after a gap, so callers
    // can refer to them as 10, 11, ... whatever the page count (at most 3 pages).
    if (pdf.pages.size() > 3) return make_error(ErrorCode::InvalidArgument, "at most 3 raw pages");
    std::vector<std::string> objects(10 + pdf.objects.size());
    std::string kids;
    for (std::size_t i = 0; i < pdf.pages.size(); ++i) {
        const std::size_t page = 3 + 2 * i;
        kids += std::to_string(page) + " 0 R ";
        objects[page] = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources " +
                        pdf.pages[i].resources + " /Contents " + std::to_string(page + 1) + " 0 R >>";
        objects[page + 1] = raw_stream(pdf.pages[i].content);
    }
    objects[1] = "<< /Type /Catalog /Pages 2 0 R " + pdf.catalog_extra + " >>";
    objects[2] = "<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pdf.pages.size()) + " >>";
    for (std::size_t i = 0; i < pdf.objects.size(); ++i) objects[10 + i] = pdf.objects[i];
    // Unused numbers are null objects, so the xref table has no holes.
    for (std::size_t i = 1; i < objects.size(); ++i)
        if (objects[i].empty()) objects[i] = "null";

    std::string out = "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n";
    std::vector<std::size_t> offsets(objects.size(), 0);
    for (std::size_t i = 1; i < objects.size(); ++i) {
        offsets[i] = out.size();
        out += std::to_string(i) + " 0 obj\n" + objects[i] + "\nendobj\n";
    }
    const std::size_t xref = out.size();
    out += "xref\n0 " + std::to_string(objects.size()) + "\n0000000000 65535 f \n";
    for (std::size_t i = 1; i < objects.size(); ++i) {
        char line[32];
        std::snprintf(line, sizeof line, "%010zu 00000 n \n", offsets[i]);
        out += line;
    }
    out += "trailer\n<< /Size " + std::to_string(objects.size()) + " /Root 1 0 R >>\nstartxref\n" +
           std::to_string(xref) + "\n%%EOF\n";
    std::ofstream f(path, std::ios::binary);
    f.write(out.data(), static_cast<std::streamsize>(out.size()));
    if (!f) return make_error(ErrorCode::Io, "the PDF could not be written", path);
    return {};
}

}  // namespace lectern::ingest::testing
