// Tables in PDFs made with cairo and Pango as report generators make them: cells placed
// one by one, labels left-aligned, figures right-aligned, no grid. Each case checks that
// every row's label and figures are one Markdown row, in order (rows kept / rows printed),
// that the prose around the table reads in order, and that a page without a table gets none.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <iterator>
#include <string>
#include <vector>

#include "lectern/ingest/packing.h"
#include "lectern/ingest/pdf.h"
#include "testing/pdf_maker.h"
#include "testing/temp_dir.h"

namespace lectern::ingest {
namespace {

using Rows = std::vector<std::vector<std::string>>;

testing::TestBlock paragraph(const std::string& text) {
    testing::TestBlock b;
    b.paragraph = text;
    return b;
}

testing::TestBlock table(Rows rows, std::vector<double> widths, int header_rows, bool rules) {
    testing::TestBlock b;
    b.table.rows = std::move(rows);
    b.table.widths = std::move(widths);
    b.table.header_rows = header_rows;
    b.table.rules = rules;
    return b;
}

// The words of a page's text, sorted, without the Markdown and tags tables add.
std::vector<std::string> words_of(std::string text) {
    for (std::size_t at; (at = text.find("<table")) != std::string::npos;) text.erase(at, text.find('>', at) + 1 - at);
    for (std::size_t at; (at = text.find("</table>")) != std::string::npos;) text.erase(at, 8);
    std::vector<std::string> out;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
        std::size_t j = i;
        while (j < text.size() && !std::isspace(static_cast<unsigned char>(text[j]))) ++j;
        const std::string w = text.substr(i, j - i);
        i = j;
        if (!w.empty() && w != "|" && w != "---") out.push_back(w);
    }
    std::sort(out.begin(), out.end());
    return out;
}

// What `a` has that `b` has not, and the other way round.
std::string difference(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    std::vector<std::string> only_a, only_b;
    std::set_difference(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(only_a));
    std::set_difference(b.begin(), b.end(), a.begin(), a.end(), std::back_inserter(only_b));
    std::string out = "with tables only:";
    for (const auto& w : only_a) out += " " + w;
    out += "; without only:";
    for (const auto& w : only_b) out += " " + w;
    return out;
}

// Reads the PDF with tables (and `tables` false: without), and checks that with tables every
// word of each page is there exactly once, as without.
Result<Document> read(testing::TempDir& dir, const std::string& name, const std::vector<testing::TestPage>& pages,
                      bool tables = true) {
    const std::string path = (dir.path() / name).string();
    testing::TestPdf pdf;
    pdf.pages = pages;
    EXPECT_TRUE(testing::write_test_pdf(path, pdf).ok());
    PdfOptions o;
    o.ocr = false;
    o.tables = false;
    auto plain = read_pdf(path, o);
    if (!tables || !plain) return plain;
    o.tables = true;
    auto doc = read_pdf(path, o);
    if (!doc) return doc;
    for (std::size_t u = 0; u < doc->units.size(); ++u) {
        const auto with = words_of(doc->units[u].text), without = words_of(plain->units[u].text);
        EXPECT_TRUE(with == without) << name << " page " << u + 1 << ": words lost or repeated: "
                                     << difference(with, without) << "\n" << doc->units[u].text;
    }
    return doc;
}

// "| Cost of sales | 5 | (712,455) |" as the Markdown row the reader should give.
std::string markdown_row(const std::vector<std::string>& cells) {
    std::string out = "|";
    for (const auto& c : cells) out += " " + c + " |";
    return out;
}

// How many of `rows` appear as whole lines of `text`, each after the one before.
int rows_kept(const std::string& text, const Rows& rows, const char* what) {
    int kept = 0;
    std::size_t from = 0;
    for (const auto& r : rows) {
        const std::string line = markdown_row(r) + "\n";
        const std::size_t at = text.find(line, from);
        if (at == std::string::npos || (at > 0 && text[at - 1] != '\n')) {
            ADD_FAILURE() << what << ": row not found in order: " << line << "in:\n" << text;
            continue;
        }
        ++kept;
        from = at + line.size();
    }
    std::printf("%s: rows kept together %d/%zu\n", what, kept, rows.size());
    return kept;
}

// Whether the words of each paragraph appear in `text` in the paragraphs' order.
void expect_in_order(const std::string& text, const std::vector<std::string>& pieces) {
    std::size_t from = 0;
    for (const auto& p : pieces) {
        const std::size_t at = text.find(p, from);
        EXPECT_NE(at, std::string::npos) << "'" << p << "' missing or out of order in:\n" << text;
        if (at != std::string::npos) from = at + p.size();
    }
}

const Rows kIncome = {
    {"", "Note", "2025", "2024", "Change %"},
    {"Revenue", "4", "1,284,310", "1,102,877", "16.5"},
    {"Cost of sales", "5", "(712,455)", "(640,118)", "11.3"},
    {"Gross profit", "", "571,855", "462,759", "23.6"},
    {"Administrative expenses", "6", "(277,055)", "(242,085)", "14.4"},
    {"Profit before tax", "", "294,800", "220,674", "33.6"},
    {"Income tax expense", "9", "(73,700)", "(55,168)", "33.6"},
    {"Profit for the year", "", "221,100", "165,506", "33.6"},
};

TEST(PdfTables, AnIncomeStatementWithANoteColumnAndARuledHeader) {
    testing::TempDir dir;
    testing::TestPage page;
    page.blocks = {paragraph("Consolidated income statement for the year ended 31 December 2025."),
                   table(kIncome, {190, 40, 85, 85, 60}, 1, true),
                   paragraph("The notes on pages 12 to 40 are an integral part of these statements.")};
    auto doc = read(dir, "income.pdf", {page});
    ASSERT_TRUE(doc.ok()) << doc.error().to_string();
    const Unit& u = doc->units.at(0);
    ASSERT_EQ(u.tables.size(), 1u) << u.text;
    EXPECT_EQ(u.tables[0].header_rows, 1);
    EXPECT_EQ(u.tables[0].cells.size(), kIncome.size());
    const Rows body(kIncome.begin() + 1, kIncome.end());
    EXPECT_EQ(rows_kept(u.text, body, "income statement"), static_cast<int>(body.size()));
    EXPECT_NE(u.text.find("|  | Note | 2025 | 2024 | Change % |\n| --- | --- | --- | --- | --- |"), std::string::npos)
        << u.text;
    expect_in_order(u.text, {"Consolidated income statement", "<table n=\"1\">", "</table>", "The notes on pages"});
    EXPECT_FALSE(u.quality.unreliable()) << u.quality.describe();
    // Each cell keeps its box: "(73,700)" sits right of its label, on its baseline.
    const auto& cells = u.tables[0].cells;
    const auto& boxes = u.tables[0].boxes;
    EXPECT_EQ(cells[6][2], "(73,700)");
    EXPECT_GT(boxes[6][2].x0, boxes[6][0].x1);
    EXPECT_LT(std::abs(boxes[6][2].y0 - boxes[6][0].y0), 2.0);

    // The table is counted and packed as any text: the page's block with it, exactly.
    struct Bytes : TokenCounter {
        std::size_t count(std::string_view text) const override { return text.size(); }
    } bytes;
    auto packed = pack({*doc}, bytes, PackOptions{});
    ASSERT_TRUE(packed.ok());
    EXPECT_EQ(packed->units.at(0).tokens, render_unit(*doc, u, PackOptions{}).size());
    EXPECT_NE(packed->prompt.find(markdown_row(kIncome[6]) + "\n"), std::string::npos) << packed->prompt;

    // Tables off: today's text, the cells one after another, and no table.
    auto plain = read(dir, "income-plain.pdf", {page}, false);
    ASSERT_TRUE(plain.ok());
    EXPECT_TRUE(plain->units.at(0).tables.empty());
    EXPECT_EQ(plain->units.at(0).text.find("| Revenue"), std::string::npos);
}

TEST(PdfTables, ABalanceSheetWithoutRulesWithSectionsAndSubtotals) {
    const Rows sheet = {
        {"", "2025", "2024"},
        {"Assets", "", ""},
        {"Property, plant and equipment", "412,300", "398,120"},
        {"Intangible assets", "88,410", "91,005"},
        {"Total non-current assets", "500,710", "489,125"},
        {"Inventories", "120,044", "101,377"},
        {"Trade receivables", "233,905", "198,442"},
        {"Cash and cash equivalents", "74,118", "66,903"},
        {"Total current assets", "428,067", "366,722"},
        {"Total assets", "928,777", "855,847"},
        {"Equity and liabilities", "", ""},
        {"Share capital", "50,000", "50,000"},
        {"Retained earnings", "512,630", "441,530"},
        {"Total equity", "562,630", "491,530"},
    };
    testing::TempDir dir;
    testing::TestPage page;
    page.blocks = {paragraph("Statement of financial position at 31 December 2025, in thousands of euros."),
                   table(sheet, {250, 100, 100}, 1, false)};
    auto doc = read(dir, "balance.pdf", {page});
    ASSERT_TRUE(doc.ok()) << doc.error().to_string();
    const Unit& u = doc->units.at(0);
    ASSERT_EQ(u.tables.size(), 1u) << u.text;
    const Rows body(sheet.begin() + 1, sheet.end());
    EXPECT_EQ(rows_kept(u.text, body, "balance sheet"), static_cast<int>(body.size()));
    EXPECT_NE(u.text.find("|  | 2025 | 2024 |\n| --- | --- | --- |"), std::string::npos) << u.text;
    expect_in_order(u.text, {"Statement of financial position", "<table n=\"1\">"});
}

TEST(PdfTables, AFeeScheduleInOneColumnOfATwoColumnContract) {
    const Rows fees = {
        {"Service", "Fee (EUR)"},
        {"Initial review", "1,200.00"},
        {"Monthly retainer", "850.00"},
        {"Hourly rate", "240.00"},
        {"Court filing", "95.00"},
    };
    const std::vector<std::string> prose = {
        "1. Scope. The firm shall advise the client on the acquisition described in the annex and on the "
        "financing of it, including the negotiation of the facility agreement.",
        "2. Fees. The client shall pay the fees set out below, plus value added tax, within thirty days of "
        "each invoice.",
        "3. Expenses. Travel and third-party costs are charged at cost and require the client's prior consent "
        "in writing when they exceed five hundred euros.",
        "4. Term. This engagement begins on signature and ends when the acquisition completes or either party "
        "ends it by written notice of one month.",
        "5. Liability. The firm's liability is limited to the fees paid in the twelve months before the claim, "
        "except for wilful misconduct.",
    };
    testing::TempDir dir;
    testing::TestPage page;
    page.columns = 2;
    page.font = "DejaVu Sans 9";
    // The left column holds clauses 1, 2, the table and 3; the right, clauses 4 and 5 (and the
    // half split counts blocks: 3 + table on the left).
    page.blocks = {paragraph(prose[0]), paragraph(prose[1]), table(fees, {150, 92}, 1, false), paragraph(prose[2]),
                   paragraph(prose[3]), paragraph(prose[4]), paragraph("6. Law. German law applies.")};
    auto doc = read(dir, "contract.pdf", {page});
    ASSERT_TRUE(doc.ok()) << doc.error().to_string();
    const Unit& u = doc->units.at(0);
    ASSERT_EQ(u.tables.size(), 1u) << u.text;
    const Rows body(fees.begin() + 1, fees.end());
    EXPECT_EQ(rows_kept(u.text, body, "fee schedule"), static_cast<int>(body.size()));
    EXPECT_NE(u.text.find("| Service | Fee (EUR) |\n| --- | --- |"), std::string::npos) << u.text;
    // The clauses read in order around the table: its column first, then the other.
    expect_in_order(u.text, {"1. Scope.", "2. Fees.", "<table n=\"1\">", "</table>", "3. Expenses.", "4. Term.",
                             "5. Liability.", "6. Law."});
}

TEST(PdfTables, LabelsThatWrapOntoASecondLineStayWithTheirFigures) {
    const Rows costs = {
        {"", "2025", "2024"},
        {"Selling and distribution expenses of the retail segment", "(73,700)", "(55,168)"},
        {"Research and development costs not capitalised", "(41,250)", "(38,900)"},
        {"Other operating income", "12,480", "9,315"},
        {"Impairment of goodwill allocated to the wholesale business", "(8,000)", "-"},
    };
    testing::TempDir dir;
    testing::TestPage page;
    page.blocks = {paragraph("Operating costs by function."), table(costs, {150, 90, 90}, 1, false)};
    auto doc = read(dir, "wrapped.pdf", {page});
    ASSERT_TRUE(doc.ok()) << doc.error().to_string();
    const Unit& u = doc->units.at(0);
    ASSERT_EQ(u.tables.size(), 1u) << u.text;
    const Rows body(costs.begin() + 1, costs.end());
    EXPECT_EQ(rows_kept(u.text, body, "wrapped labels"), static_cast<int>(body.size()));
}

TEST(PdfTables, ATableContinuedOnTheNextPageIsMarkedSo) {
    Rows first = {{"Lease", "Start", "Annual rent"}}, second = {{"Lease", "Start", "Annual rent"}};
    for (int i = 1; i <= 60; ++i) {
        Rows& part = i <= 44 ? first : second;
        char rent[32];
        std::snprintf(rent, sizeof rent, "%d,%03d.00", 10 + i, (i * 137) % 1000);
        part.push_back({"Warehouse " + std::to_string(i), std::to_string(2000 + i % 25), rent});
    }
    testing::TempDir dir;
    testing::TestPage one, two;
    one.blocks = {paragraph("Schedule of leases."), table(first, {200, 80, 110}, 1, false)};
    two.blocks = {table(second, {200, 80, 110}, 1, false), paragraph("End of schedule.")};
    auto doc = read(dir, "leases.pdf", {one, two});
    ASSERT_TRUE(doc.ok()) << doc.error().to_string();
    ASSERT_EQ(doc->units.size(), 2u);
    ASSERT_EQ(doc->units[0].tables.size(), 1u) << doc->units[0].text;
    ASSERT_EQ(doc->units[1].tables.size(), 1u) << doc->units[1].text;
    EXPECT_FALSE(doc->units[0].tables[0].continued);
    EXPECT_TRUE(doc->units[1].tables[0].continued);
    EXPECT_NE(doc->units[1].text.find("<table n=\"1\" continued=\"from page 1\">"), std::string::npos)
        << doc->units[1].text;
    const Rows body1(first.begin() + 1, first.end()), body2(second.begin() + 1, second.end());
    EXPECT_EQ(rows_kept(doc->units[0].text, body1, "continued table, page 1"), static_cast<int>(body1.size()));
    EXPECT_EQ(rows_kept(doc->units[1].text, body2, "continued table, page 2"), static_cast<int>(body2.size()));
}

TEST(PdfTables, APageWithoutATableGetsNone) {
    testing::TempDir dir;
    testing::TestPage prose, columns;
    prose.blocks = {paragraph("Revenue grew by 12.4 % to 1,284 million euros in 2025, against 1,103 million in 2024."),
                    paragraph("The board proposes a dividend of 1.20 euros per share, up from 0.95 euros."),
                    paragraph("Headcount rose from 4,120 to 4,388; 268 people joined the new plant in 2025.")};
    columns.columns = 2;
    for (int i = 0; i < 6; ++i)
        columns.blocks.push_back(paragraph("Clause " + std::to_string(i + 1) + ". The parties agree that the price of " +
                                           std::to_string(1000 * (i + 1)) + " euros is due within 30 days of delivery."));
    auto doc = read(dir, "prose.pdf", {prose, columns});
    ASSERT_TRUE(doc.ok()) << doc.error().to_string();
    for (const Unit& u : doc->units) {
        EXPECT_TRUE(u.tables.empty()) << u.locator << ":\n" << u.text;
        EXPECT_EQ(u.text.find("<table"), std::string::npos);
    }
}

TEST(PdfTables, ATableAcrossBothColumnsStaysOneTable) {
    // The gap between its first and second columns of figures falls on the prose's gutter.
    const Rows segments = {{"", "2025", "2024", "2023"},
                           {"Logistics", "412,300", "398,120", "377,004"},
                           {"Cold chain", "88,410", "91,005", "84,910"},
                           {"Freight forwarding", "120,044", "101,377", "99,120"},
                           {"Total revenue", "620,754", "590,502", "561,034"}};
    testing::TempDir dir;
    testing::TestPage page;
    page.across = {paragraph("Revenue by segment."), table(segments, {150, 90, 90, 90}, 1, false)};
    page.columns = 2;
    for (int i = 0; i < 6; ++i)
        page.blocks.push_back(paragraph("Note " + std::to_string(i + 1) + ". The group reports its segments as the "
                                        "board reviews them, each with its own management and budget."));
    auto doc = read(dir, "across.pdf", {page});
    ASSERT_TRUE(doc.ok()) << doc.error().to_string();
    const Unit& u = doc->units.at(0);
    ASSERT_EQ(u.tables.size(), 1u) << u.text;
    const Rows body(segments.begin() + 1, segments.end());
    EXPECT_EQ(rows_kept(u.text, body, "table across columns"), static_cast<int>(body.size()));
    expect_in_order(u.text, {"Revenue by segment.", "<table n=\"1\">", "</table>", "Note 1.", "Note 2.", "Note 3.",
                             "Note 4.", "Note 5.", "Note 6."});
}

TEST(PdfTables, ATableOfContentsIsNotATable) {
    testing::TempDir dir;
    Rows contents = {{"Contents", ""}};
    const char* chapters[] = {"Letter from the chair", "Strategy and markets", "Operations", "Risks",
                              "Governance", "Financial statements", "Notes", "Auditor's report"};
    for (int i = 0; i < 8; ++i) contents.push_back({chapters[i], std::to_string(3 + 7 * i)});
    testing::TestPage page;
    page.blocks = {table(contents, {300, 60}, 1, false)};
    auto doc = read(dir, "contents.pdf", {page});
    ASSERT_TRUE(doc.ok()) << doc.error().to_string();
    EXPECT_TRUE(doc->units[0].tables.empty()) << doc->units[0].text;
}

TEST(PdfTables, ADifferentTableAtTheTopOfTheNextPageIsNotContinued) {
    testing::TempDir dir;
    testing::TestPage one, two;
    one.blocks = {table(kIncome, {190, 40, 85, 85, 60}, 1, false), paragraph("1 See note 4."),
                  paragraph("2 Restated for the change in accounting policy."), paragraph("3 Unaudited.")};
    const Rows leases = {{"Lease", "Start", "Annual rent"}, {"Warehouse 1", "2011", "12,100.00"},
                         {"Warehouse 2", "2014", "9,800.00"}, {"Warehouse 3", "2019", "15,250.00"}};
    two.blocks = {table(leases, {200, 80, 110}, 1, false)};
    auto doc = read(dir, "two-tables.pdf", {one, two});
    ASSERT_TRUE(doc.ok()) << doc.error().to_string();
    ASSERT_EQ(doc->units[1].tables.size(), 1u) << doc->units[1].text;
    EXPECT_FALSE(doc->units[1].tables[0].continued);
}

// The text with every run of white space made one space.
std::string flattened(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (std::isspace(static_cast<unsigned char>(c))) {
            if (!out.empty() && out.back() != ' ') out += ' ';
        } else {
            out += c;
        }
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

// A report whose pages of tables come in runs: after a page with tables the next is read
// words first. A page of prose in one column then reads as Poppler reads it, word for word
// and in order; a page of two columns of prose keeps Poppler's text itself.
TEST(PdfTables, AReportOfManyTablesKeepsItsProsePagesAsPopplerReadsThem) {
    testing::TempDir dir;
    std::vector<testing::TestPage> pages;
    auto statements = [&] {
        for (int p = 0; p < 3; ++p) {
            testing::TestPage page;
            page.blocks = {paragraph("Statement " + std::to_string(p + 1) + "."),
                           table(kIncome, {190, 40, 85, 85, 60}, 1, false)};
            pages.push_back(page);
        }
    };
    statements();
    testing::TestPage one;
    for (int i = 0; i < 4; ++i)
        one.blocks.push_back(paragraph("Note " + std::to_string(i + 1) + ". Revenue is recognised when control of the "
                                       "goods passes to the customer, usually on delivery, at 1,284 locations."));
    pages.push_back(one);
    statements();
    testing::TestPage two;
    two.columns = 2;
    for (int i = 0; i < 6; ++i)
        two.blocks.push_back(paragraph("Note " + std::to_string(i + 5) + ". The group leases its warehouses for "
                                       "terms of five to fifteen years, with options to extend them."));
    pages.push_back(two);
    auto doc = read(dir, "report.pdf", pages);
    ASSERT_TRUE(doc.ok()) << doc.error().to_string();
    PdfOptions off;
    off.ocr = false;
    off.tables = false;
    auto plain = read_pdf((dir.path() / "report.pdf").string(), off);
    ASSERT_TRUE(plain.ok());
    ASSERT_EQ(doc->units.size(), 8u);
    for (std::size_t p : {0u, 1u, 2u, 4u, 5u, 6u}) EXPECT_EQ(doc->units[p].tables.size(), 1u) << p;
    EXPECT_TRUE(doc->units[3].tables.empty());
    EXPECT_EQ(flattened(doc->units[3].text), flattened(plain->units[3].text));
    EXPECT_EQ(doc->units[7].text, plain->units[7].text);
    EXPECT_TRUE(doc->units[7].tables.empty());
}

}  // namespace
}  // namespace lectern::ingest
