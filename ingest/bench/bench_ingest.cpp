// bench-ingest: generates a 500-page English PDF (cairo + Pango), then measures pages per
// second of read_pdf (text layer only, no OCR) and of `pdftotext` (poppler-utils) on the same
// file in the same run, and prints their ratio (Lectern / pdftotext; the target is >= 0.9),
// and the time the page checks (text_repair.h) take within read_pdf.
// Usage: bench-ingest [--pages N] [--repeat R]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "lectern/ingest/pdf.h"
#include "text/text_repair.h"
#include "testing/pdf_maker.h"
#include "testing/temp_dir.h"

namespace {

using Clock = std::chrono::steady_clock;

lectern::ingest::testing::TestPdf make_book(int n_pages) {
    lectern::ingest::testing::TestPdf pdf;
    pdf.title = "Benchmark book";
    for (int p = 0; p < n_pages; ++p) {
        lectern::ingest::testing::TestPage page;
        for (int i = 0; i < 6; ++i) {
            std::string text = "Page " + std::to_string(p + 1) + ", paragraph " +
                               std::to_string(i + 1) + ".";
            for (int w = 0; w < 40; ++w)
                text += " lorem ipsum dolor sit amet consectetur" + std::to_string(w % 7);
            page.paragraphs.push_back(text);
        }
        page.columns = p % 10 == 9 ? 2 : 1;  // every tenth page in two columns
        pdf.pages.push_back(page);
    }
    return pdf;
}

double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
    int n_pages = 500, repeat = 5;  // best of 5, interleaved: the machine may be busy
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--pages")) n_pages = std::atoi(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--repeat")) repeat = std::atoi(argv[i + 1]);
    }
    lectern::ingest::testing::TempDir dir;
    const std::string path = dir.file("book.pdf");
    auto made = lectern::ingest::testing::write_test_pdf(path, make_book(n_pages));
    lectern::ingest::testing::release_font_caches();
    if (!made) {
        std::fprintf(stderr, "bench-ingest: %s\n", made.error().to_string().c_str());
        return 1;
    }
    const std::string pdftotext = "pdftotext -enc UTF-8 '" + path + "' '" + dir.file("out.txt") +
                                  "'";
    lectern::ingest::PdfOptions no_ocr;
    no_ocr.ocr = false;
    double best_ours = 1e30, best_theirs = 1e30, best_checks = 1e30, best_full_checks = 1e30;
    std::size_t n_chars = 0;
    for (int r = 0; r < repeat; ++r) {
        auto start = Clock::now();
        auto doc = lectern::ingest::read_pdf(path, no_ocr);
        best_ours = std::min(best_ours, seconds_since(start));
        if (!doc) {
            std::fprintf(stderr, "bench-ingest: %s\n", doc.error().to_string().c_str());
            return 1;
        }
        n_chars = 0;
        for (const auto& u : doc->units) n_chars += u.text.size();
        // The page checks read_pdf ran (presentation forms, legacy encodings), again alone.
        start = Clock::now();
        std::size_t repaired = 0;
        for (const auto& u : doc->units) repaired += lectern::ingest::repair_text(u.text).text.size();
        best_checks = std::min(best_checks, seconds_since(start));
        // The same pages with an accented word each, as German or French pages have.
        start = Clock::now();
        for (const auto& u : doc->units) repaired += lectern::ingest::repair_text("Größe " + u.text).text.size();
        best_full_checks = std::min(best_full_checks, seconds_since(start));

        start = Clock::now();
        if (std::system(pdftotext.c_str()) != 0) {
            std::fprintf(stderr, "bench-ingest: pdftotext failed (poppler-utils installed?)\n");
            return 1;
        }
        best_theirs = std::min(best_theirs, seconds_since(start));
    }
    const double ours = n_pages / best_ours, theirs = n_pages / best_theirs;
    std::printf("pages: %d, text: %zu bytes, best of %d runs\n", n_pages, n_chars, repeat);
    std::printf("lectern read_pdf: %.3f s, %.1f pages/s\n", best_ours, ours);
    std::printf("pdftotext:        %.3f s, %.1f pages/s\n", best_theirs, theirs);
    std::printf("ratio (lectern / pdftotext): %.2f (target >= 0.90)\n", ours / theirs);
    std::printf("of which page checks: %.3f s (%.1f %% of read_pdf)\n", best_checks, 100.0 * best_checks / best_ours);
    std::printf("page checks with an accented word on each page: %.3f s (%.1f %% of read_pdf)\n", best_full_checks,
                100.0 * best_full_checks / best_ours);
    return 0;
}
