// bench-tables: a generated report of table pages (income statements with a note column and
// rules, balance sheets without rules, fee schedules in one column of a two-column contract,
// tables with wrapped labels) and prose pages with figures, read with tables on and off in the
// same run. Prints the rows kept together (every label and figure of a row on one Markdown
// row, in order), the tables found on pages without one (false tables), the tables missed,
// and the time with tables against the time without (the target is at most 1.5x).
// Usage: bench-tables [--pages N] [--repeat R] [--prose PERCENT]  (prose pages, in tens: 20)
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "lectern/ingest/pdf.h"
#include "testing/pdf_maker.h"
#include "testing/temp_dir.h"

namespace {

namespace testing = lectern::ingest::testing;
using Clock = std::chrono::steady_clock;
using Rows = std::vector<std::vector<std::string>>;

struct Expected {
    Rows rows;  // body rows, as the Markdown should give them
};

std::string figure(long value, bool negative) {
    std::string digits = std::to_string(value), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return negative ? "(" + out + ")" : out;
}

testing::TestBlock paragraph(const std::string& text) {
    testing::TestBlock b;
    b.paragraph = text;
    return b;
}

testing::TestBlock table(const Rows& rows, std::vector<double> widths, bool rules) {
    testing::TestBlock b;
    b.table.rows = rows;
    b.table.widths = std::move(widths);
    b.table.header_rows = 1;
    b.table.rules = rules;
    return b;
}

// Page p of the report: prose when p % 10 is below prose_tenths, else one of four kinds of
// table page (in turn), with figures that vary by page.
testing::TestPage make_page(int p, int prose_tenths, std::vector<Expected>& expected) {
    testing::TestPage page;
    const long base = 1000 + 7919L * p;
    static const char* labels[] = {"Revenue", "Cost of sales", "Gross profit", "Distribution costs",
                                   "Administrative expenses", "Operating profit", "Finance costs",
                                   "Profit before tax", "Income tax expense", "Profit for the year"};
    Rows rows;
    switch (p % 10 < prose_tenths ? 4 : p % 4) {
    case 0:  // income statement: note column, rules
        rows.push_back({"", "Note", "2025", "2024"});
        for (int i = 0; i < 10; ++i)
            rows.push_back({labels[i], i % 3 == 0 ? std::to_string(4 + i) : "", figure(base * (i + 3), i % 2 == 1),
                            figure(base * (i + 2), i % 2 == 1)});
        page.blocks = {paragraph("Income statement, page " + std::to_string(p + 1) + "."),
                       table(rows, {200, 45, 95, 95}, true)};
        break;
    case 1:  // balance sheet: sections, subtotals, no rules
        rows = {{"", "2025", "2024"}, {"Non-current assets", "", ""}};
        for (int i = 0; i < 8; ++i) rows.push_back({"Asset class " + std::to_string(i + 1), figure(base + 37 * i, false),
                                                    figure(base + 29 * i, false)});
        rows.push_back({"Total assets", figure(base * 8, false), figure(base * 7, false)});
        page.blocks = {paragraph("Balance sheet at the end of period " + std::to_string(p + 1) + "."),
                       table(rows, {260, 100, 100}, false)};
        break;
    case 2: {  // fee schedule in a two-column contract
        rows = {{"Service", "Fee (EUR)"}};
        for (int i = 0; i < 5; ++i) rows.push_back({"Service item " + std::to_string(i + 1), figure(100 + p * 10 + i, false) + ".00"});
        page.columns = 2;
        page.font = "DejaVu Sans 9";
        for (int i = 0; i < 2; ++i)
            page.blocks.push_back(paragraph(std::to_string(i + 1) + ". The parties agree that the services described "
                                            "in the annex are provided at the fees set out in this schedule."));
        page.blocks.push_back(table(rows, {150, 92}, false));
        for (int i = 2; i < 6; ++i)
            page.blocks.push_back(paragraph(std::to_string(i + 1) + ". Either party may end this agreement by "
                                            "written notice of one month to the other party."));
        break;
    }
    case 3:  // labels that wrap
        rows = {{"", "2025", "2024"}};
        for (int i = 0; i < 6; ++i)
            rows.push_back({std::string(labels[i]) + " of the segment and its subsidiaries abroad",
                            figure(base + i, true), figure(base - i, true)});
        page.blocks = {paragraph("Costs by function."), table(rows, {150, 90, 90}, false)};
        break;
    default:  // prose with figures: no table
        for (int i = 0; i < 5; ++i)
            page.blocks.push_back(paragraph("In period " + std::to_string(p + 1) + " revenue rose by " +
                                            std::to_string(3 + i) + ".5 % to " + figure(base * (i + 1), false) +
                                            " thousand euros, and headcount from 4,120 to 4,388."));
        break;
    }
    if (!rows.empty()) expected.push_back({Rows(rows.begin() + 1, rows.end())});
    else expected.push_back({});
    return page;
}

std::string markdown_row(const std::vector<std::string>& cells) {
    std::string out = "|";
    for (const auto& c : cells) out += " " + c + " |";
    return out + "\n";
}

double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
    int n_pages = 100, repeat = 5, prose = 20;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--pages")) n_pages = std::atoi(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--repeat")) repeat = std::atoi(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--prose")) prose = std::atoi(argv[i + 1]);
    }
    testing::TempDir dir;
    const std::string path = dir.file("report.pdf");
    testing::TestPdf pdf;
    std::vector<Expected> expected;
    for (int p = 0; p < n_pages; ++p) pdf.pages.push_back(make_page(p, prose / 10, expected));
    auto made = testing::write_test_pdf(path, pdf);
    testing::release_font_caches();
    if (!made) {
        std::fprintf(stderr, "bench-tables: %s\n", made.error().to_string().c_str());
        return 1;
    }
    lectern::ingest::PdfOptions with, without;
    with.ocr = without.ocr = false;
    without.tables = false;
    double best_with = 1e30, best_without = 1e30;
    lectern::Result<lectern::ingest::Document> doc = lectern::make_error(lectern::ErrorCode::Internal, "not read");
    for (int r = 0; r < repeat; ++r) {  // interleaved: the machine may be busy
        auto start = Clock::now();
        auto plain = lectern::ingest::read_pdf(path, without);
        best_without = std::min(best_without, seconds_since(start));
        start = Clock::now();
        doc = lectern::ingest::read_pdf(path, with);
        best_with = std::min(best_with, seconds_since(start));
        if (!doc || !plain) {
            std::fprintf(stderr, "bench-tables: %s\n", (doc ? plain.error() : doc.error()).to_string().c_str());
            return 1;
        }
    }
    int rows = 0, kept = 0, tables = 0, found = 0, false_tables = 0, missed = 0;
    for (int p = 0; p < n_pages; ++p) {
        const auto& unit = doc->units[static_cast<std::size_t>(p)];
        const Rows& want = expected[static_cast<std::size_t>(p)].rows;
        found += static_cast<int>(unit.tables.size());
        if (want.empty()) {
            false_tables += static_cast<int>(unit.tables.size());
            continue;
        }
        ++tables;
        missed += unit.tables.empty();
        std::size_t from = 0;
        for (const auto& row : want) {
            ++rows;
            const std::size_t at = unit.text.find(markdown_row(row), from);
            if (at == std::string::npos) continue;
            ++kept;
            from = at + 1;
        }
    }
    std::printf("pages: %d (%d with a table), best of %d runs\n", n_pages, tables, repeat);
    std::printf("rows kept together: %d/%d (%.1f %%)\n", kept, rows, 100.0 * kept / std::max(rows, 1));
    std::printf("tables found: %d; missed: %d; false tables (on pages without one): %d\n", found, missed, false_tables);
    std::printf("read_pdf, tables off: %.3f s (%.1f pages/s)\n", best_without, n_pages / best_without);
    std::printf("read_pdf, tables on:  %.3f s (%.1f pages/s)\n", best_with, n_pages / best_with);
    std::printf("ratio (tables on / off): %.2f (target <= 1.50)\n", best_with / best_without);
    return 0;
}
