// Office documents and web pages made in each test with libzip and pugixml (office_maker):
// a contract DOCX (numbered clauses, a table, a footnote, a comment, tracked changes by a
// named author, in all three change modes), an XLSX of two sheets (number formats,
// formulas with and without a cached value, a merged header, a hidden sheet), an ODT, an
// HTML page with boilerplate and one in windows-1251 that says so, an EPUB of three
// chapters, an ODS of three sheets, and the files that must be refused
// with a specific code: truncated, a ZIP bomb, a million empty rows, binary, encrypted.
#include <gtest/gtest.h>

#include <random>

#include "lectern/ingest/ingest.h"
#include "testing/office_maker.h"
#include "testing/temp_dir.h"

namespace lectern::ingest {
namespace {

using testing::DocxMaker;
using testing::TempDir;
using testing::XlsxMaker;

bool has_warning(const Document& doc, std::string_view part) {
    for (const auto& w : doc.warnings)
        if (w.find(part) != std::string::npos) return true;
    return false;
}

std::string make_contract(const TempDir& dir) {
    DocxMaker m;
    m.title = "Services Agreement";
    m.author = "Acme Legal";
    m.header("CONFIDENTIAL");
    m.footer("Acme Corp");
    auto title = m.paragraph("Title");
    m.run(title, "Services Agreement");
    auto intro = m.paragraph();
    m.run(intro, "This agreement is made between Acme and Beta.");
    m.footnote(intro, "Acme Corp, registered in Delaware.");
    const int clauses = m.add_list({{"decimal", "%1."}, {"decimal", "%1.%2"}, {"lowerLetter", "(%3)"}}, 7);
    m.heading("Term", 1);
    auto c7 = m.paragraph();
    m.number(c7, clauses, 0);
    m.run(c7, "Payment terms.");
    auto c71 = m.paragraph();
    m.number(c71, clauses, 1);
    m.run(c71, "Invoices are due within ");
    m.deletion(c71, "thirty (30)", "Jane Doe", "2026-03-01T10:00:00Z");
    m.insertion(c71, "sixty (60)", "Jane Doe", "2026-03-01T10:05:00Z");
    m.run(c71, " days.");
    auto c72 = m.paragraph();
    m.number(c72, clauses, 1);
    m.run(c72, "Late payment bears interest ");
    m.comment(c72, "at 5 %", "Bob Lee", "Check against the statutory rate.");
    m.run(c72, " a year.");
    auto a = m.paragraph();
    m.number(a, clauses, 2);
    m.run(a, "in euro;");
    auto b = m.paragraph();
    m.number(b, clauses, 2);
    m.run(b, "by transfer.");
    m.heading("Fees", 1);
    m.table({{"Service", "Fee"}, {"Audit", "1,200"}, {"Review", "800"}}, 1);
    const int restarted = m.restart_list(clauses, 1);
    auto r = m.paragraph();
    m.number(r, restarted, 0);
    m.run(r, "Fees are net.");
    const std::string path = dir.file("contract.docx");
    EXPECT_TRUE(m.write(path).ok());
    return path;
}

Document read_ok(const std::string& path, const IngestOptions& options = {}) {
    auto doc = read_path(path, options);
    EXPECT_TRUE(doc.ok()) << doc.error().to_string();
    return doc.ok() ? *doc : Document{};
}

TEST(OfficeDocx, ContractClausesTableNotesChangesAndComments) {
    TempDir dir;
    const Document doc = read_ok(make_contract(dir));
    EXPECT_EQ(doc.kind, DocumentKind::Docx);
    EXPECT_EQ(doc.metadata.title, "Services Agreement");
    EXPECT_EQ(doc.metadata.author, "Acme Legal");
    EXPECT_EQ(doc.metadata.language, "en-GB");
    ASSERT_EQ(doc.units.size(), 3u);
    EXPECT_EQ(doc.units[0].locator, "Services Agreement");
    EXPECT_EQ(doc.units[0].text,
              "# Services Agreement\n\n"
              "¶1 This agreement is made between Acme and Beta.[^1]\n"
              "[^1]: Acme Corp, registered in Delaware.");
    EXPECT_EQ(doc.units[1].locator, "Term");
    EXPECT_EQ(doc.units[1].first_paragraph, 2);
    EXPECT_EQ(doc.units[1].last_paragraph, 6);
    EXPECT_EQ(doc.units[1].text,
              "# Term\n\n"
              "¶2 7. Payment terms.\n\n"
              "¶3 7.1 Invoices are due within [-thirty (30)-][+sixty (60)+] days.\n"
              "(changes: - by Jane Doe 2026-03-01; + by Jane Doe 2026-03-01)\n\n"
              "¶4 7.2 Late payment bears interest at 5 % a year.\n"
              "(comment by Bob Lee on \"at 5 %\": Check against the statutory rate.)\n\n"
              "¶5 (a) in euro;\n\n"
              "¶6 (b) by transfer.");
    EXPECT_EQ(doc.units[2].locator, "Fees");
    EXPECT_EQ(doc.units[2].text,
              "# Fees\n\n"
              "¶7\n| Service | Fee |\n| --- | --- |\n| Audit | 1,200 |\n| Review | 800 |\n\n"
              "¶8 1. Fees are net.\n\n"
              "¶9 (page header: CONFIDENTIAL; page footer: Acme Corp)");
    EXPECT_TRUE(has_warning(doc, "1 tracked insertions and 1 deletions"));
}

TEST(OfficeDocx, ChangesAcceptedOrOriginal) {
    TempDir dir;
    const std::string path = make_contract(dir);
    IngestOptions options;
    options.office.changes = TrackedChanges::Accepted;
    const Document accepted = read_ok(path, options);
    ASSERT_EQ(accepted.units.size(), 3u);
    EXPECT_NE(accepted.units[1].text.find("¶3 7.1 Invoices are due within sixty (60) days.\n\n"), std::string::npos)
        << accepted.units[1].text;
    EXPECT_EQ(accepted.units[1].text.find("changes:"), std::string::npos);
    options.office.changes = TrackedChanges::Original;
    const Document original = read_ok(path, options);
    ASSERT_EQ(original.units.size(), 3u);
    EXPECT_NE(original.units[1].text.find("¶3 7.1 Invoices are due within thirty (30) days.\n\n"), std::string::npos)
        << original.units[1].text;
    EXPECT_TRUE(has_warning(original, "tracked changes taken as original"));
}

std::string make_workbook(const TempDir& dir) {
    XlsxMaker m;
    const int sales = m.sheet("Sales");
    m.text(sales, "A1", "Quarterly sales");
    m.merge(sales, "A1:C1");
    m.text(sales, "A2", "Region");
    m.text(sales, "B2", "Q1");
    m.text(sales, "C2", "Share");
    m.text(sales, "A3", "North");
    m.number(sales, "B3", 1234.5, m.style(4));
    m.number(sales, "C3", 0.125, m.style(10));
    m.inline_text(sales, "A4", "South");
    m.number(sales, "B4", -950, m.style(39));
    m.number(sales, "C4", 0.875, m.style(9));
    m.text(sales, "A5", "Total");
    m.formula(sales, "B5", "SUM(B3:B4)", 284.5, m.style(2));
    m.formula(sales, "C5", "SUM(C3:C4)", std::nullopt);
    const int dates = m.sheet("Dates");
    m.number(dates, "A1", 46082, m.style(14));
    m.number(dates, "B1", 46082.75, m.style(165, "dd/mm/yyyy hh:mm"));
    m.number(dates, "C1", 1234.5678, m.style(166, "0.00E+00"));
    m.number(dates, "D1", 42);
    const int hidden = m.sheet("Old", true);
    m.text(hidden, "A1", "kept");
    const std::string path = dir.file("sales.xlsx");
    EXPECT_TRUE(m.write(path).ok());
    return path;
}

TEST(OfficeXlsx, SheetsAsTablesWithNumbersAsDisplayed) {
    TempDir dir;
    const Document doc = read_ok(make_workbook(dir));
    EXPECT_EQ(doc.kind, DocumentKind::Xlsx);
    ASSERT_EQ(doc.units.size(), 3u);
    EXPECT_EQ(doc.units[0].locator, "Sales");
    EXPECT_EQ(doc.units[0].text,
              "|  | A | B | C |\n| --- | --- | --- | --- |\n"
              "| 1 | Quarterly sales |  |  |\n"
              "| 2 | Region | Q1 | Share |\n"
              "| 3 | North | 1,234.50 | 12.50% |\n"
              "| 4 | South | (950.00) | 88% |\n"
              "| 5 | Total | 284.50 | =SUM(C3:C4) (not calculated) |\n"
              "(merged cells, value in the first cell, the others empty: A1:C1)\n");
    EXPECT_EQ(doc.units[1].text,
              "|  | A | B | C | D |\n| --- | --- | --- | --- | --- |\n"
              "| 1 | 2026-03-01 | 01/03/2026 18:00 | 1234.5678 | 42 |\n");
    EXPECT_EQ(doc.units[2].locator, "Old");
    EXPECT_TRUE(doc.units[2].text.starts_with("(hidden sheet)\n"));
    EXPECT_TRUE(has_warning(doc, "sheet Old is hidden"));
    EXPECT_TRUE(has_warning(doc, "number formats not rendered: 0.00E+00"));
    EXPECT_TRUE(has_warning(doc, "sheet Sales has merged cells"));
}

TEST(OfficeXlsx, MillionEmptyRowsAreTrimmed) {
    TempDir dir;
    XlsxMaker m;
    const int s = m.sheet("Data");
    m.text(s, "A1", "only value");
    m.empty_rows(s, 2, 1'000'000);
    const std::string path = dir.file("empty.xlsx");
    ASSERT_TRUE(m.write(path).ok());
    const Document doc = read_ok(path);
    ASSERT_EQ(doc.units.size(), 1u);
    EXPECT_EQ(doc.units[0].text, "|  | A |\n| --- | --- |\n| 1 | only value |\n");
}

TEST(OfficeHtml, MainTextWithoutBoilerplate) {
    TempDir dir;
    const std::string path = dir.write("page.html",
        "<!DOCTYPE html><html lang=\"de-CH\"><head><title>Prices</title>"
        "<style>p { color: red }</style><script>var x = 1;</script></head><body>"
        "<header>Site banner</header><nav><ul><li>Home</li><li>About</li></ul></nav>"
        "<h1>Price list</h1><p>Valid from <b>March</b>.</p>"
        "<ol><li>First</li><li>Second</li></ol>"
        "<table><thead><tr><th>Item</th><th>Price</th></tr></thead>"
        "<tbody><tr><td>Tea</td><td>3.50</td></tr></tbody></table>"
        "<aside>Ads</aside><footer>Copyright</footer><script>track()</script></body></html>");
    const Document doc = read_ok(path);
    EXPECT_EQ(doc.kind, DocumentKind::Html);
    EXPECT_EQ(doc.metadata.title, "Prices");
    EXPECT_EQ(doc.metadata.language, "de-CH");
    ASSERT_EQ(doc.units.size(), 1u);
    EXPECT_EQ(doc.units[0].locator, "Price list");
    EXPECT_EQ(doc.units[0].text,
              "# Price list\n\n¶1 Valid from March.\n\n¶2 1. First\n\n¶3 2. Second\n\n"
              "¶4\n| Item | Price |\n| --- | --- |\n| Tea | 3.50 |");
}

TEST(OfficeHtml, DeclaredCharsetDecodesALegacyPage) {
    TempDir dir;
    // "Ціни", "Ціни на послуги", "Чай коштує 3 грн, кава 5 грн." in windows-1251: too short for
    // a guess from the bytes (uchardet takes it for windows-1252); the declaration decides.
    const std::string rest = "<title>\xD6\xB3\xED\xE8</title></head><body>"
                             "<h1>\xD6\xB3\xED\xE8 \xED\xE0 \xEF\xEE\xF1\xEB\xF3\xE3\xE8</h1><p>\xD7\xE0\xE9 "
                             "\xEA\xEE\xF8\xF2\xF3\xBA 3 \xE3\xF0\xED, \xEA\xE0\xE2\xE0 5 \xE3\xF0\xED.</p></body></html>";
    for (const std::string meta : {"<meta charset=\"windows-1251\">", "<META CHARSET=cp1251 />",
                                   "<!-- <meta charset=\"koi8-r\"> --><meta http-equiv=\"Content-Type\" "
                                   "content=\"text/html; charset=Windows-1251\">"}) {
        const Document doc = read_ok(dir.write("prices.html", "<!DOCTYPE html><html><head>" + meta + rest));
        EXPECT_EQ(doc.metadata.encoding, "windows-1251") << meta;
        EXPECT_EQ(doc.metadata.title, "Ціни") << meta;
        ASSERT_EQ(doc.units.size(), 1u) << meta;
        EXPECT_EQ(doc.units[0].locator, "Ціни на послуги") << meta;
        EXPECT_EQ(doc.units[0].text, "# Ціни на послуги\n\n¶1 Чай коштує 3 грн, кава 5 грн.") << meta;
        EXPECT_TRUE(doc.warnings.empty()) << meta;
    }
    // A declaration the bytes contradict is passed over for the guess, and said so.
    const Document wrong = read_ok(dir.write("wrong.html", "<html><head><meta charset=\"utf-8\">" + rest));
    EXPECT_NE(wrong.metadata.encoding, "UTF-8");
    EXPECT_TRUE(has_warning(wrong, "declares the charset utf-8 but its bytes are not in it")) << wrong.metadata.encoding;
    // Bytes that are valid UTF-8 are read as UTF-8 whatever the page declares.
    const Document utf8 = read_ok(dir.write("utf8.html", "<html><head><meta charset=\"windows-1251\"><title>Цены</title>"));
    EXPECT_EQ(utf8.metadata.encoding, "UTF-8");
    EXPECT_EQ(utf8.metadata.title, "Цены");
}

TEST(OfficeEpub, ChaptersInSpineOrder) {
    TempDir dir;
    auto chapter = [](const std::string& title, const std::string& text) {
        pugi::xml_document doc;
        auto html = doc.append_child("html");
        html.append_attribute("xmlns") = "http://www.w3.org/1999/xhtml";
        html.append_child("head").append_child("title").text() = title.c_str();
        auto body = html.append_child("body");
        body.append_child("h1").text() = title.c_str();
        body.append_child("p").text() = text.c_str();
        return testing::xml_string(doc);
    };
    pugi::xml_document container, opf;
    auto rootfile = container.append_child("container").append_child("rootfiles").append_child("rootfile");
    rootfile.append_attribute("full-path") = "OEBPS/book.opf";
    auto package = opf.append_child("package");
    auto meta = package.append_child("metadata");
    meta.append_child("dc:title").text() = "Three Tales";
    meta.append_child("dc:language").text() = "en";
    auto manifest = package.append_child("manifest");
    auto spine = package.append_child("spine");
    testing::ZipParts parts{{"mimetype", "application/epub+zip"}};
    // The manifest lists the chapters out of order; the spine decides.
    for (const char* id : {"c3", "c1", "c2"}) {
        auto item = manifest.append_child("item");
        item.append_attribute("id") = id;
        item.append_attribute("href") = (std::string("text/") + id + ".xhtml").c_str();
    }
    for (const char* id : {"c1", "c2", "c3"}) spine.append_child("itemref").append_attribute("idref") = id;
    parts.emplace_back("META-INF/container.xml", testing::xml_string(container));
    parts.emplace_back("OEBPS/book.opf", testing::xml_string(opf));
    parts.emplace_back("OEBPS/text/c1.xhtml", chapter("The Fox", "A fox ran."));
    parts.emplace_back("OEBPS/text/c2.xhtml", chapter("The Crow", "A crow sang."));
    parts.emplace_back("OEBPS/text/c3.xhtml", chapter("The End", "They left."));
    const std::string path = dir.file("tales.epub");
    ASSERT_TRUE(testing::write_zip(path, parts).ok());
    const Document doc = read_ok(path);
    EXPECT_EQ(doc.kind, DocumentKind::Epub);
    EXPECT_EQ(doc.metadata.title, "Three Tales");
    ASSERT_EQ(doc.units.size(), 3u);
    EXPECT_EQ(doc.units[0].locator, "The Fox");
    EXPECT_EQ(doc.units[0].text, "# The Fox\n\n¶1 A fox ran.");
    EXPECT_EQ(doc.units[1].locator, "The Crow");
    EXPECT_EQ(doc.units[2].locator, "The End");
    EXPECT_EQ(doc.units[2].text, "# The End\n\n¶3 They left.");
}

TEST(OfficeOdt, ReportWithHeadingListAndTable) {
    TempDir dir;
    pugi::xml_document content;
    auto root = content.append_child("office:document-content");
    root.append_attribute("xmlns:office") = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
    root.append_attribute("xmlns:text") = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
    root.append_attribute("xmlns:table") = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
    auto style = root.append_child("office:automatic-styles").append_child("text:list-style");
    style.append_attribute("style:name") = "L1";
    auto level = style.append_child("text:list-level-style-number");
    level.append_attribute("text:level") = 1;
    level.append_attribute("style:num-format") = "1";
    level.append_attribute("style:num-suffix") = ".";
    auto text = root.append_child("office:body").append_child("office:text");
    auto h = text.append_child("text:h");
    h.append_attribute("text:outline-level") = 1;
    h.text() = "Results";
    auto p = text.append_child("text:p");
    p.append_child(pugi::node_pcdata).set_value("Sales rose");
    auto note = p.append_child("text:note");
    note.append_child("text:note-citation").text() = "1";
    note.append_child("text:note-body").append_child("text:p").text() = "Unaudited.";
    p.append_child(pugi::node_pcdata).set_value(".");
    auto list = text.append_child("text:list");
    list.append_attribute("text:style-name") = "L1";
    for (const char* item : {"North", "South"}) list.append_child("text:list-item").append_child("text:p").text() = item;
    auto table = text.append_child("table:table");
    for (auto row : {std::pair{"Region", "Sales"}, std::pair{"North", "120"}}) {
        auto tr = table.append_child("table:table-row");
        tr.append_child("table:table-cell").append_child("text:p").text() = row.first;
        tr.append_child("table:table-cell").append_child("text:p").text() = row.second;
    }
    const std::string path = dir.file("report.odt");
    ASSERT_TRUE(testing::write_zip(path, {{"mimetype", "application/vnd.oasis.opendocument.text"},
                                          {"content.xml", testing::xml_string(content)}}).ok());
    const Document doc = read_ok(path);
    EXPECT_EQ(doc.kind, DocumentKind::Odt);
    ASSERT_EQ(doc.units.size(), 1u);
    EXPECT_EQ(doc.units[0].text,
              "# Results\n\n¶1 Sales rose[^1].\n[^1]: Unaudited.\n\n¶2 1. North\n\n¶3 2. South\n\n"
              "¶4\n| Region | Sales |\n| --- | --- |\n| North | 120 |");
}

// An ODS cell: its value and type (as office:value-type and office:value), the text a
// spreadsheet displays for it, and an optional formula.
struct OdsCell {
    std::string display, type, value, formula;
    int span = 1;      // table:number-columns-spanned
    int repeat = 1;    // table:number-columns-repeated
};

OdsCell ods_cell(const std::string& display, const std::string& type = {}, const std::string& value = {}) {
    OdsCell c;
    c.display = display;
    c.type = type;
    c.value = value;
    return c;
}

OdsCell spanned(OdsCell c, int span) {
    c.span = span;
    return c;
}

OdsCell repeated(OdsCell c, int repeat) {
    c.repeat = repeat;
    return c;
}

OdsCell with_formula(OdsCell c, const std::string& formula) {
    c.formula = formula;
    return c;
}

void add_ods_row(pugi::xml_node table, const std::vector<OdsCell>& cells, int rows_repeated = 1) {
    auto tr = table.append_child("table:table-row");
    if (rows_repeated > 1) tr.append_attribute("table:number-rows-repeated") = rows_repeated;
    for (const auto& c : cells) {
        auto td = tr.append_child("table:table-cell");
        if (c.repeat > 1) td.append_attribute("table:number-columns-repeated") = c.repeat;
        if (c.span > 1) td.append_attribute("table:number-columns-spanned") = c.span;
        if (!c.formula.empty()) td.append_attribute("table:formula") = c.formula.c_str();
        if (!c.type.empty()) {
            td.append_attribute("office:value-type") = c.type.c_str();
            td.append_attribute(c.type == "date" ? "office:date-value" : "office:value") = c.value.c_str();
        }
        if (!c.display.empty()) td.append_child("text:p").text() = c.display.c_str();
        for (int i = 1; i < c.span; ++i) tr.append_child("table:covered-table-cell");
    }
}

TEST(OfficeOds, SheetsAsTablesWithDisplayedValuesFormulasAndCoveredCells) {
    TempDir dir;
    pugi::xml_document content;
    auto root = content.append_child("office:document-content");
    root.append_attribute("xmlns:office") = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
    root.append_attribute("xmlns:style") = "urn:oasis:names:tc:opendocument:xmlns:style:1.0";
    root.append_attribute("xmlns:text") = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
    root.append_attribute("xmlns:table") = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
    auto hidden_style = root.append_child("office:automatic-styles").append_child("style:style");
    hidden_style.append_attribute("style:name") = "ta2";
    hidden_style.append_attribute("style:family") = "table";
    hidden_style.append_child("style:table-properties").append_attribute("table:display") = "false";
    auto sheets = root.append_child("office:body").append_child("office:spreadsheet");
    auto budget = sheets.append_child("table:table");
    budget.append_attribute("table:name") = "Budget";
    add_ods_row(budget, {spanned(ods_cell("Budget 2026"), 3)});
    add_ods_row(budget, {ods_cell("Item"), ods_cell("Cost"), ods_cell("Share")});
    add_ods_row(budget, {ods_cell("Rent"), ods_cell("1,234.50", "float", "1234.5"),
                         ods_cell("12.5%", "percentage", "0.125")});
    add_ods_row(budget, {ods_cell("Staff"), ods_cell("€950.00", "currency", "950"),
                         ods_cell("87.5%", "percentage", "0.875")});
    add_ods_row(budget, {ods_cell("Total"),
                         with_formula(ods_cell("2,184.50", "float", "2184.5"), "of:=SUM([.B3:.B4])"),
                         with_formula(ods_cell(""), "of:=[.C3]+[.C4]")});
    // What LibreOffice writes past the data: a million repeated empty rows of empty cells.
    add_ods_row(budget, {repeated(ods_cell(""), 1024)}, 1'048'571);
    auto dates = sheets.append_child("table:table");
    dates.append_attribute("table:name") = "Dates";
    add_ods_row(dates, {ods_cell("01/03/2026", "date", "2026-03-01"), repeated(ods_cell("0", "float", "0"), 2)});
    auto old = sheets.append_child("table:table");
    old.append_attribute("table:name") = "Old";
    old.append_attribute("table:style-name") = "ta2";
    add_ods_row(old, {ods_cell("kept")});
    const std::string path = dir.file("budget.ods");
    ASSERT_TRUE(testing::write_zip(path, {{"mimetype", "application/vnd.oasis.opendocument.spreadsheet"},
                                          {"content.xml", testing::xml_string(content)}}).ok());
    const Document doc = read_ok(path);
    EXPECT_EQ(doc.kind, DocumentKind::Ods);
    ASSERT_EQ(doc.units.size(), 3u);
    EXPECT_EQ(doc.units[0].locator, "Budget");
    EXPECT_EQ(doc.units[0].text,
              "|  | A | B | C |\n| --- | --- | --- | --- |\n"
              "| 1 | Budget 2026 |  |  |\n"
              "| 2 | Item | Cost | Share |\n"
              "| 3 | Rent | 1,234.50 | 12.5% |\n"
              "| 4 | Staff | €950.00 | 87.5% |\n"
              "| 5 | Total | 2,184.50 | =[.C3]+[.C4] (not calculated) |\n"
              "(merged cells, value in the first cell, the others empty: A1:C1)\n");
    EXPECT_EQ(doc.units[1].locator, "Dates");
    EXPECT_EQ(doc.units[1].text, "|  | A | B | C |\n| --- | --- | --- | --- |\n| 1 | 01/03/2026 | 0 | 0 |\n");
    EXPECT_EQ(doc.units[2].locator, "Old");
    EXPECT_EQ(doc.units[2].text, "(hidden sheet)\n|  | A |\n| --- | --- |\n| 1 | kept |\n");
    EXPECT_TRUE(has_warning(doc, "sheet Old is hidden"));
    EXPECT_TRUE(has_warning(doc, "sheet Budget has merged cells"));
}

TEST(OfficeRefusal, TruncatedDocxIsCorrupt) {
    TempDir dir;
    const std::string path = make_contract(dir);
    auto bytes = std::string(std::istreambuf_iterator<char>(*std::make_unique<std::ifstream>(path, std::ios::binary)), {});
    const std::string cut = dir.write("cut.docx", bytes.substr(0, bytes.size() / 2));
    auto doc = read_path(cut);
    ASSERT_FALSE(doc.ok());
    EXPECT_EQ(doc.error().code, ErrorCode::Corrupt);
    EXPECT_NE(doc.error().message.find("truncated or damaged"), std::string::npos) << doc.error().message;
}

TEST(OfficeRefusal, ZipBombIsRefused) {
    TempDir dir;
    // A DOCX whose document part is 200 MiB of zeros: it deflates to about 200 KiB.
    const std::string path = dir.file("bomb.docx");
    ASSERT_TRUE(testing::write_zip(path, {{"[Content_Types].xml", "<Types/>"},
                                          {"word/document.xml", std::string(200u << 20, '\0')}}).ok());
    EXPECT_LT(std::filesystem::file_size(path), 2u << 20);
    auto doc = read_path(path);
    ASSERT_FALSE(doc.ok());
    EXPECT_EQ(doc.error().code, ErrorCode::Unsupported);
    EXPECT_NE(doc.error().message.find("expands past 128 MiB"), std::string::npos) << doc.error().message;
}

TEST(OfficeRefusal, RandomBinaryNamedTxtIsUnsupported) {
    TempDir dir;
    std::mt19937 rng(7);
    std::string bytes(4096, '\0');
    for (auto& c : bytes) c = static_cast<char>(rng() & 0xFF);
    bytes[100] = '\0';  // 4096 random bytes hold a NUL with near certainty; this one makes it sure
    auto doc = read_path(dir.write("notes.txt", bytes));
    ASSERT_FALSE(doc.ok());
    EXPECT_EQ(doc.error().code, ErrorCode::Unsupported);
    EXPECT_EQ(doc.error().message, "unsupported document type: binary data");
    auto png = read_path(dir.write("photo.txt", std::string("\x89PNG\r\n\x1A\n", 8) + "rest"));
    ASSERT_FALSE(png.ok());
    EXPECT_EQ(png.error().message, "unsupported document type: PNG image");
    auto zip = dir.file("plain.zip");
    ASSERT_TRUE(testing::write_zip(zip, {{"readme.txt", "hello"}}).ok());
    auto archive = read_path(zip);
    ASSERT_FALSE(archive.ok());
    EXPECT_EQ(archive.error().code, ErrorCode::Unsupported);
    EXPECT_TRUE(archive.error().message.starts_with("unsupported document type: ZIP archive"));
}

TEST(OfficeRefusal, EncryptedDocxNeedsPassword) {
    TempDir dir;
    std::string ole("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
    ole.resize(1024, '\0');
    const std::string name = "EncryptedPackage";
    for (char c : name) ole += c, ole += '\0';
    auto doc = read_path(dir.write("secret.docx", ole));
    ASSERT_FALSE(doc.ok());
    EXPECT_EQ(doc.error().code, ErrorCode::NeedsPassword);
    EXPECT_EQ(doc.error().message, "the document is password-protected");
    auto legacy = read_path(dir.write("old.doc", std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(512, '\0')));
    ASSERT_FALSE(legacy.ok());
    EXPECT_EQ(legacy.error().code, ErrorCode::Unsupported);
}

}  // namespace
}  // namespace lectern::ingest
