// bench-office: extraction speed per office format, beside PDF's in the same run. Makes a
// DOCX of N paragraphs (every tenth a numbered clause, with a table every 100), an XLSX of
// N rows x 6 columns of numbers in number formats, an HTML page of N paragraphs, and a PDF of
// the same paragraphs (six to a page, at most 3,000 paragraphs: cairo is slow to write
// more), then prints for each the best of R reads: seconds, MB/s of input, MB/s of text
// extracted (comparable across formats: the PDF's input is mostly fonts and layout) and
// units/s.
// Usage: bench-office [--paragraphs N] [--repeat R]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>

#include "lectern/ingest/ingest.h"
#include "testing/office_maker.h"
#include "testing/pdf_maker.h"
#include "testing/temp_dir.h"

namespace {

using Clock = std::chrono::steady_clock;
namespace testing = lectern::ingest::testing;

std::string sentence(int i) {
    std::string text = "Paragraph " + std::to_string(i + 1) + ".";
    for (int w = 0; w < 30; ++w) text += " lorem ipsum dolor sit amet" + std::to_string(w % 7);
    return text;
}

lectern::Status make_docx(const std::string& path, int n) {
    testing::DocxMaker m;
    const int list = m.add_list({{"decimal", "%1."}, {"decimal", "%1.%2"}});
    for (int i = 0; i < n; ++i) {
        if (i % 200 == 0) m.heading("Part " + std::to_string(i / 200 + 1), 1);
        auto p = m.paragraph();
        if (i % 10 == 0) m.number(p, list, (i / 10) % 2);
        m.run(p, sentence(i));
        if (i % 100 == 99) m.table({{"Item", "Amount"}, {"A", "1,200"}, {"B", "800"}}, 1);
    }
    return m.write(path);
}

lectern::Status make_xlsx(const std::string& path, int n) {
    testing::XlsxMaker m;
    const int s = m.sheet("Data");
    const int money = m.style(4), percent = m.style(10), date = m.style(14);
    for (int r = 1; r <= n; ++r) {
        const std::string row = std::to_string(r);
        m.text(s, "A" + row, "Item " + row);
        m.number(s, "B" + row, r * 12.5, money);
        m.number(s, "C" + row, r % 100 / 100.0, percent);
        m.number(s, "D" + row, 45000 + r % 1000, date);
        m.number(s, "E" + row, r);
        m.formula(s, "F" + row, "B" + row + "*2", r * 25.0, money);
    }
    return m.write(path);
}

void make_html(const testing::TempDir& dir, int n) {
    std::string html = "<!DOCTYPE html><html lang=\"en\"><head><title>Bench</title><script>x()</script></head><body>"
                       "<nav><a href=\"/\">Home</a></nav><main>";
    for (int i = 0; i < n; ++i) {
        if (i % 200 == 0) html += "<h1>Part " + std::to_string(i / 200 + 1) + "</h1>";
        html += "<p>" + sentence(i) + "</p>";
        if (i % 100 == 99) html += "<table><tr><th>Item</th><th>Amount</th></tr><tr><td>A</td><td>1,200</td></tr></table>";
    }
    dir.write("bench.html", html + "</main></body></html>");
}

lectern::Status make_pdf(const std::string& path, int n) {
    testing::TestPdf pdf;
    for (int i = 0; i < n; i += 6) {
        testing::TestPage page;
        for (int k = i; k < std::min(n, i + 6); ++k) page.paragraphs.push_back(sentence(k));
        pdf.pages.push_back(page);
    }
    auto made = testing::write_test_pdf(path, pdf);
    testing::release_font_caches();
    return made;
}

bool measure(const char* format, const std::string& path, int repeat) {
    double best = 1e30;
    std::size_t units = 0, text = 0;
    lectern::ingest::IngestOptions options;
    options.pdf.ocr = false;
    for (int r = 0; r < repeat; ++r) {
        const auto start = Clock::now();
        auto doc = lectern::ingest::read_path(path, options);
        best = std::min(best, std::chrono::duration<double>(Clock::now() - start).count());
        if (!doc) {
            std::fprintf(stderr, "bench-office: %s\n", doc.error().to_string().c_str());
            return false;
        }
        units = doc->units.size();
        text = 0;
        for (const auto& u : doc->units) text += u.text.size();
    }
    const double mb = static_cast<double>(std::filesystem::file_size(path)) / 1e6;
    std::printf("%-5s %8.2f MB  %7.3f s  %8.1f MB/s  text %6.1f MB/s  %9.1f units/s (%zu units)\n", format, mb,
                best, mb / best, static_cast<double>(text) / 1e6 / best, static_cast<double>(units) / best, units);
    return true;
}

}  // namespace

int main(int argc, char** argv) {
    int n = 20000, repeat = 3;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--paragraphs")) n = std::atoi(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--repeat")) repeat = std::atoi(argv[i + 1]);
    }
    testing::TempDir dir;
    const std::string docx = dir.file("bench.docx"), xlsx = dir.file("bench.xlsx");
    for (const auto& made : {make_docx(docx, n), make_xlsx(xlsx, n)})
        if (!made) {
            std::fprintf(stderr, "bench-office: %s\n", made.error().to_string().c_str());
            return 1;
        }
    make_html(dir, n);
    const std::string pdf = dir.file("bench.pdf");
    if (auto made = make_pdf(pdf, std::min(n, 3000)); !made) {
        std::fprintf(stderr, "bench-office: %s\n", made.error().to_string().c_str());
        return 1;
    }
    std::printf("%d paragraphs / rows, best of %d reads\n", n, repeat);
    const bool ok = measure("pdf", pdf, repeat) && measure("docx", docx, repeat) && measure("xlsx", xlsx, repeat) &&
                    measure("html", dir.file("bench.html"), repeat);
    return ok ? 0 : 1;
}
