// PDFs written object by object for tests (see raw_pdf.h).
#include "testing/raw_pdf.h"

#include <cstdio>
#include <cstdlib>
#include <iterator>
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

Status append_to_catalog(const std::string& path, const std::string& entries) {
    std::ifstream in(path, std::ios::binary);
    std::string pdf((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const std::size_t startxref = pdf.rfind("startxref");
    const std::size_t root = pdf.rfind("/Root");
    const std::size_t size = pdf.rfind("/Size");
    if (startxref == std::string::npos || root == std::string::npos || size == std::string::npos)
        return make_error(ErrorCode::Corrupt, "no classic trailer", path);
    const long previous = std::strtol(pdf.c_str() + startxref + 9, nullptr, 10);
    const long objects = std::strtol(pdf.c_str() + size + 5, nullptr, 10);
    char* end = nullptr;
    const long catalog = std::strtol(pdf.c_str() + root + 5, &end, 10);
    const long generation = std::strtol(end, nullptr, 10);
    const std::string header = std::to_string(catalog) + " " + std::to_string(generation) + " obj";
    const std::size_t object = pdf.rfind("\n" + header);
    const std::size_t object_end = object == std::string::npos ? object : pdf.find("endobj", object);
    const std::size_t dict_end = object_end == std::string::npos ? object_end : pdf.rfind(">>", object_end);
    if (dict_end == std::string::npos || dict_end < object)
        return make_error(ErrorCode::Corrupt, "catalog object not found", path);
    const std::string dictionary = pdf.substr(object + 1 + header.size(), dict_end - object - 1 - header.size());
    std::string update = "\n";
    const std::size_t offset = pdf.size() + update.size();
    update += header + "\n" + dictionary + " " + entries + " >>\nendobj\n";
    const std::size_t xref = pdf.size() + update.size();
    char entry[32];
    std::snprintf(entry, sizeof entry, "%010zu %05ld n \n", offset, generation);
    update += "xref\n" + std::to_string(catalog) + " 1\n" + entry + "trailer\n<< /Size " + std::to_string(objects) +
              " /Root " + std::to_string(catalog) + " " + std::to_string(generation) + " R /Prev " +
              std::to_string(previous) + " >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
    std::ofstream out(path, std::ios::binary | std::ios::app);
    out << update;
    if (!out) return make_error(ErrorCode::Io, "cannot append", path);
    return {};
}

}  // namespace lectern::ingest::testing
