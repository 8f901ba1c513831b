// make-test-pdf OUT.pdf TEXT.txt: writes a PDF with a text layer from a text file, for
// demonstrations and screenshots. Pages are separated by form feeds (\f), paragraphs by
// blank lines; the first line is the title.
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "testing/pdf_maker.h"

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: make-test-pdf OUT.pdf TEXT.txt\n");
        return 2;
    }
    std::ifstream in(argv[2], std::ios::binary);
    if (!in) {
        std::fprintf(stderr, "make-test-pdf: cannot read %s\n", argv[2]);
        return 3;
    }
    std::stringstream all;
    all << in.rdbuf();
    std::string text = all.str();
    lectern::ingest::testing::TestPdf pdf;
    pdf.title = text.substr(0, text.find('\n'));
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find('\f', start);
        if (end == std::string::npos) end = text.size();
        lectern::ingest::testing::TestPage page;
        std::istringstream lines(text.substr(start, end - start));
        std::string line;
        std::string paragraph;
        while (std::getline(lines, line)) {
            if (line.empty()) {
                if (!paragraph.empty()) page.paragraphs.push_back(paragraph);
                paragraph.clear();
            } else {
                paragraph += (paragraph.empty() ? "" : " ") + line;
            }
        }
        if (!paragraph.empty()) page.paragraphs.push_back(paragraph);
        if (!page.paragraphs.empty()) pdf.pages.push_back(page);
        start = end + 1;
    }
    const auto written = lectern::ingest::testing::write_test_pdf(argv[1], pdf);
    if (!written.ok()) {
        std::fprintf(stderr, "make-test-pdf: %s\n", written.error().to_string().c_str());
        return 1;
    }
    return 0;
}
