// Hostile office documents and web pages, each written in the test as raw XML parts
// (write_zip): nesting deep enough to overflow a recursive walk, small files that name one
// long text many times, numbers at the edge of int, NaN dates, lists that start at 0, a cell
// comment that is not the cell's value, and text that opens like a media file's magic. Each
// must end in the specific ErrorCode or a bounded result, never a crash or an exception.
#include <gtest/gtest.h>

#include <climits>
#include <new>
#include <stdexcept>

#include "common/content_type.h"
#include "lectern/ingest/ingest.h"
#include "office/read_limits.h"
#include "office/sheet_grid.h"
#include "testing/office_maker.h"
#include "testing/temp_dir.h"

namespace lectern::ingest {
namespace {

using testing::TempDir;
using testing::write_zip;

const char* const kWordNs =
    "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";
const char* const kOdfNs =
    "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
    "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "
    "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "
    "xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" "
    "xmlns:draw=\"urn:oasis:names:tc:opendocument:xmlns:drawing:1.0\" "
    "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"";

std::string repeat(const std::string& s, std::size_t n) {
    std::string out;
    out.reserve(s.size() * n);
    for (std::size_t i = 0; i < n; ++i) out += s;
    return out;
}

std::size_t count(const std::string& text, const std::string& part) {
    std::size_t n = 0;
    for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + part.size())) ++n;
    return n;
}

std::string all_text(const Document& doc) {
    std::string out;
    for (const auto& u : doc.units) out += u.text + "\n";
    return out;
}

bool has_warning(const Document& doc, std::string_view part) {
    for (const auto& w : doc.warnings)
        if (w.find(part) != std::string::npos) return true;
    return false;
}

// A DOCX of `body` (the inside of w:body), with numbering.xml and footnotes.xml when given.
std::string write_docx(const TempDir& dir, const std::string& name, const std::string& body,
                       const std::string& numbering = {}, const std::string& footnotes = {}) {
    std::string rels = "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">";
    testing::ZipParts parts;
    if (!numbering.empty()) {
        rels += "<Relationship Id=\"r1\" Type=\"http://x/numbering\" Target=\"numbering.xml\"/>";
        parts.emplace_back("word/numbering.xml", "<w:numbering " + std::string(kWordNs) + ">" + numbering + "</w:numbering>");
    }
    if (!footnotes.empty()) {
        rels += "<Relationship Id=\"r2\" Type=\"http://x/footnotes\" Target=\"footnotes.xml\"/>";
        parts.emplace_back("word/footnotes.xml", "<w:footnotes " + std::string(kWordNs) + ">" + footnotes + "</w:footnotes>");
    }
    parts.emplace_back("word/_rels/document.xml.rels", rels + "</Relationships>");
    parts.emplace_back("word/document.xml",
                       "<w:document " + std::string(kWordNs) + "><w:body>" + body + "</w:body></w:document>");
    const std::string path = dir.file(name);
    EXPECT_TRUE(write_zip(path, parts).ok());
    return path;
}

// An ODF document of `body` inside office:text or office:spreadsheet.
std::string write_odf(const TempDir& dir, const std::string& name, const std::string& body, bool sheet = false) {
    const std::string kind = sheet ? "spreadsheet" : "text";
    const std::string path = dir.file(name);
    EXPECT_TRUE(write_zip(path, {{"mimetype", "application/vnd.oasis.opendocument." + kind},
                                 {"content.xml", "<office:document-content " + std::string(kOdfNs) +
                                                     "><office:body><office:" + kind + ">" + body +
                                                     "</office:" + kind + "></office:body></office:document-content>"}})
                    .ok());
    return path;
}

// An XLSX of one sheet "S" with `rows` (the inside of sheetData) and optional parts.
std::string write_xlsx(const TempDir& dir, const std::string& name, const std::string& rows,
                       const std::string& shared = {}, const std::string& styles = {}) {
    const std::string ns = "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"";
    std::string rels = "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                       "<Relationship Id=\"rId1\" Type=\"http://x/worksheet\" Target=\"worksheets/sheet1.xml\"/>";
    testing::ZipParts parts;
    parts.emplace_back("xl/workbook.xml", "<workbook " + ns + " xmlns:r=\"http://schemas.openxmlformats.org/"
                       "officeDocument/2006/relationships\"><sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/>"
                       "</sheets></workbook>");
    if (!shared.empty()) {
        rels += "<Relationship Id=\"rId2\" Type=\"http://x/sharedStrings\" Target=\"sharedStrings.xml\"/>";
        parts.emplace_back("xl/sharedStrings.xml", "<sst " + ns + ">" + shared + "</sst>");
    }
    if (!styles.empty()) {
        rels += "<Relationship Id=\"rId3\" Type=\"http://x/styles\" Target=\"styles.xml\"/>";
        parts.emplace_back("xl/styles.xml", "<styleSheet " + ns + ">" + styles + "</styleSheet>");
    }
    parts.emplace_back("xl/_rels/workbook.xml.rels", rels + "</Relationships>");
    parts.emplace_back("xl/worksheets/sheet1.xml", "<worksheet " + ns + "><sheetData>" + rows + "</sheetData></worksheet>");
    const std::string path = dir.file(name);
    EXPECT_TRUE(write_zip(path, parts).ok());
    return path;
}

void expect_error(const std::string& path, ErrorCode code, const std::string& message_part,
                  const IngestOptions& options = {}) {
    const auto doc = read_path(path, options);
    ASSERT_FALSE(doc.ok()) << path;
    EXPECT_EQ(doc.error().code, code) << doc.error().to_string();
    EXPECT_NE(doc.error().message.find(message_part), std::string::npos) << doc.error().to_string();
}

Document read_ok(const std::string& path, const IngestOptions& options = {}) {
    auto doc = read_path(path, options);
    EXPECT_TRUE(doc.ok()) << doc.error().to_string();
    return doc.ok() ? *doc : Document{};
}

// A numbered list of three items "item 0".."item 2" over one level of `fmt` and `text`.
std::string numbered_docx(const TempDir& dir, const std::string& name, const std::string& start,
                          const std::string& fmt = "decimal", const std::string& text = "%1.") {
    const std::string numbering =
        "<w:abstractNum w:abstractNumId=\"1\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"" + start +
        "\"/><w:numFmt w:val=\"" + fmt + "\"/><w:lvlText w:val=\"" + text + "\"/></w:lvl></w:abstractNum>"
        "<w:num w:numId=\"5\"><w:abstractNumId w:val=\"1\"/></w:num>";
    std::string body;
    for (int i = 0; i < 3; ++i)
        body += "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"5\"/></w:numPr></w:pPr>"
                "<w:r><w:t>item " + std::to_string(i) + "</w:t></w:r></w:p>";
    return write_docx(dir, name, body, numbering);
}

// A list of `n` items whose level 1 starts at `start`.
std::string numbered_odt(const TempDir& dir, const std::string& name, const std::string& start, int n) {
    std::string body = "<text:list-style style:name=\"L1\"><text:list-level-style-number text:level=\"1\" "
                       "style:num-format=\"1\" style:num-suffix=\".\" text:start-value=\"" + start +
                       "\"/></text:list-style><text:list text:style-name=\"L1\">";
    for (int i = 0; i < n; ++i) body += "<text:list-item><text:p>item</text:p></text:list-item>";
    return write_odf(dir, name, body + "</text:list>");
}

TEST(OfficeHostile, DeepNestingIsCorruptNotACrash) {
    TempDir dir;
    const int n = 20000;
    expect_error(write_docx(dir, "links.docx", "<w:p>" + repeat("<w:hyperlink>", n) + "<w:r><w:t>x</w:t></w:r>" +
                                                   repeat("</w:hyperlink>", n) + "</w:p>"),
                 ErrorCode::Corrupt, "nested too deeply");
    expect_error(write_docx(dir, "sdt.docx", repeat("<w:sdt><w:sdtContent>", n) + "<w:p/>" +
                                                 repeat("</w:sdtContent></w:sdt>", n)),
                 ErrorCode::Corrupt, "nested too deeply");
    expect_error(write_odf(dir, "lists.odt", "<text:list>" + repeat("<text:list-item><text:list>", n) +
                                                 repeat("</text:list></text:list-item>", n) + "</text:list>"),
                 ErrorCode::Corrupt, "nested too deeply");
    expect_error(write_odf(dir, "spans.odt", "<text:p>" + repeat("<text:span>", n) + "x" +
                                                 repeat("</text:span>", n) + "</text:p>"),
                 ErrorCode::Corrupt, "nested too deeply");
    const int divs = 50000;
    expect_error(dir.write("divs.html", "<!DOCTYPE html><html><body>" + repeat("<div>", divs) + "deep" +
                                            repeat("</div>", divs) + "</body></html>"),
                 ErrorCode::Corrupt, "nested too deeply");
    // The limit leaves room for real documents: 100 levels read as usual.
    const Document shallow = read_ok(dir.write("shallow.html", "<!DOCTYPE html><html><body>" + repeat("<div>", 100) +
                                                                   "shallow text" + repeat("</div>", 100) + "</body></html>"));
    EXPECT_NE(all_text(shallow).find("shallow text"), std::string::npos);
    const Document links = read_ok(write_docx(dir, "few.docx", "<w:p>" + repeat("<w:hyperlink>", 100) +
                                                                "<w:r><w:t>linked</w:t></w:r>" + repeat("</w:hyperlink>", 100) + "</w:p>"));
    EXPECT_NE(all_text(links).find("linked"), std::string::npos);
}

TEST(OfficeHostile, RepeatedTextIsRefusedPastTheTextLimit) {
    TempDir dir;
    const std::string mb(1 << 20, 'y');
    // One 1 MiB cell repeated over 1024 x 1024 cells: a terabyte of text from a small file.
    expect_error(write_odf(dir, "amp.ods", "<table:table table:name=\"S\"><table:table-row table:number-rows-repeated=\"1024\">"
                                           "<table:table-cell office:value-type=\"string\" table:number-columns-repeated=\"1024\">"
                                           "<text:p>" + mb + "</text:p></table:table-cell></table:table-row></table:table>", true),
                 ErrorCode::Unsupported, "would expand past 256 MiB of text");
    // One 1 MiB shared string in 10,000 cells.
    std::string rows;
    for (int r = 1; r <= 100; ++r) rows += "<row r=\"" + std::to_string(r) + "\">" + repeat("<c t=\"s\"><v>0</v></c>", 100) + "</row>";
    expect_error(write_xlsx(dir, "sst.xlsx", rows, "<si><t>" + mb + "</t></si>"), ErrorCode::Unsupported,
                 "would expand past 256 MiB of text");
    // The limit is an option: 4 MiB refuses a 1 MiB cell in five places.
    IngestOptions small;
    small.office.max_text_bytes = std::uint64_t{4} << 20;
    expect_error(write_xlsx(dir, "five.xlsx", "<row r=\"1\">" + repeat("<c t=\"s\"><v>0</v></c>", 5) + "</row>",
                            "<si><t>" + mb + "</t></si>"),
                 ErrorCode::Unsupported, "would expand past 4 MiB of text", small);
    // A page whose one row of wide spans widens every other row of its table.
    std::string table = "<!DOCTYPE html><html><body><table><tr>" + repeat("<td colspan=\"64\">x</td>", 2000) + "</tr>" +
                        repeat("<tr><td>y</td></tr>", 20000) + "</table></body></html>";
    expect_error(dir.write("wide.html", table), ErrorCode::Unsupported, "would expand past 256 MiB of text");
}

TEST(OfficeHostile, NotesCommentsSpacesAndLabelsStayBounded) {
    TempDir dir;
    // A 100 KB footnote cited 2,000 times: its text follows the first citation only.
    const std::string note = "<w:footnote w:id=\"1\"><w:p><w:r><w:t>" + repeat("lorem ipsum ", 9000) +
                             "</w:t></w:r></w:p></w:footnote>";
    const Document notes = read_ok(write_docx(dir, "notes.docx", "<w:p>" + repeat("<w:r><w:footnoteReference w:id=\"1\"/></w:r>", 2000) + "</w:p>", {}, note));
    EXPECT_EQ(count(all_text(notes), "[^1]"), 2001u);
    EXPECT_EQ(count(all_text(notes), "[^1]: lorem ipsum"), 1u);
    EXPECT_LT(all_text(notes).size(), 200'000u);
    // 20,000 comment ranges that never end, then 1 MB of text: the text is kept once.
    std::string starts;
    for (int i = 0; i < 20000; ++i) starts += "<w:commentRangeStart w:id=\"" + std::to_string(i) + "\"/>";
    const Document comments = read_ok(write_docx(dir, "comments.docx", "<w:p>" + starts + "<w:r><w:t>" +
                                                                       repeat("abcdefghij", 100000) + "</w:t></w:r></w:p>"));
    EXPECT_LT(all_text(comments).size(), 1'100'000u);
    EXPECT_TRUE(has_warning(comments, "20000 comments have a range that never ends"));
    // text:c of a billion spaces, twenty times: each clamped to 1024; a negative one is none.
    const Document spaces = read_ok(write_odf(dir, "spaces.odt", "<text:p>a" + repeat("<text:s text:c=\"1000000000\"/>", 20) + "b</text:p>"));
    EXPECT_EQ(all_text(spaces), "¶1 a" + std::string(20 * 1024, ' ') + "b\n");
    const Document negative = read_ok(write_odf(dir, "negative.odt", "<text:p>a<text:s text:c=\"-1\"/>b</text:p>"));
    EXPECT_EQ(all_text(negative), "¶1 ab\n");
    // A letter list that starts at two billion, its number printed 50 times in each label:
    // the start is clamped to 32767, which is "g" 1261 times.
    const Document letters = read_ok(numbered_docx(dir, "letters.docx", "2000000000", "lowerLetter", repeat("%1", 50)));
    ASSERT_EQ(letters.units.size(), 1u);
    EXPECT_TRUE(letters.units[0].text.starts_with("¶1 " + repeat(std::string(1261, 'g'), 50) + " item 0\n"))
        << letters.units[0].text.substr(0, 100);
    EXPECT_LT(letters.units[0].text.size(), 200'000u);
}

TEST(OfficeHostile, ListsAtTheEdgesOfTheirRange) {
    TempDir dir;
    const Document zero = read_ok(numbered_docx(dir, "zero.docx", "0"));
    ASSERT_EQ(zero.units.size(), 1u);
    EXPECT_EQ(zero.units[0].text, "¶1 0. item 0\n\n¶2 1. item 1\n\n¶3 2. item 2");
    const Document max = read_ok(numbered_docx(dir, "max.docx", std::to_string(INT_MAX)));
    ASSERT_EQ(max.units.size(), 1u);
    EXPECT_EQ(max.units[0].text, "¶1 32767. item 0\n\n¶2 32768. item 1\n\n¶3 32769. item 2");
    const Document odt_zero = read_ok(numbered_odt(dir, "zero.odt", "0", 3));
    EXPECT_EQ(all_text(odt_zero), "¶1 0. item\n\n¶2 1. item\n\n¶3 2. item\n");
    const Document odt_max = read_ok(numbered_odt(dir, "max.odt", std::to_string(INT_MAX), 2));
    EXPECT_EQ(all_text(odt_max), "¶1 32767. item\n\n¶2 32768. item\n");
    const Document html = read_ok(dir.write("ol.html", "<!DOCTYPE html><html><body><ol start=\"2147483647\">"
                                                        "<li>a</li><li>b</li></ol></body></html>"));
    EXPECT_EQ(all_text(html), "¶1 32767. a\n\n¶2 32768. b\n");
}

TEST(OfficeHostile, SheetPositionsPastIntAreClamped) {
    TempDir dir;
    // Row 2147483647 is clamped to the last row kept; the row after it is past the sheet.
    const Document xlsx = read_ok(write_xlsx(dir, "rows.xlsx", "<row r=\"2147483647\"><c><v>1</v></c></row>"
                                                               "<row><c><v>2</v></c></row>"));
    ASSERT_EQ(xlsx.units.size(), 1u);
    EXPECT_EQ(xlsx.units[0].text, "|  | A |\n| --- | --- |\n| " + std::to_string(office::kMaxSheetRows) + " | 1 |\n");
    // Columns and rows repeated two billion times: what follows is past the sheet, dropped.
    const Document ods = read_ok(write_odf(dir, "repeat.ods",
        "<table:table table:name=\"S\"><table:table-row><table:table-cell office:value-type=\"string\"><text:p>first</text:p>"
        "</table:table-cell><table:table-cell table:number-columns-repeated=\"2147483647\"/>"
        "<table:table-cell office:value-type=\"string\"><text:p>past</text:p></table:table-cell></table:table-row>"
        "<table:table-row table:number-rows-repeated=\"2147483647\"><table:table-cell/></table:table-row>"
        "<table:table-row><table:table-cell office:value-type=\"string\"><text:p>below</text:p></table:table-cell>"
        "</table:table-row></table:table>", true));
    ASSERT_EQ(ods.units.size(), 1u);
    EXPECT_EQ(ods.units[0].text, "|  | A |\n| --- | --- |\n| 1 | first |\n");
}

TEST(OfficeHostile, NanAndInfiniteNumbersAreShownNotFormatted) {
    TempDir dir;
    const Document doc = read_ok(write_xlsx(dir, "nan.xlsx", "<row r=\"1\"><c r=\"A1\" s=\"1\"><v>nan</v></c>"
                                                             "<c r=\"B1\" s=\"2\"><v>inf</v></c><c r=\"C1\" s=\"2\"><v>-inf</v></c></row>",
                                            {}, "<cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"15\"/></cellXfs>"));
    ASSERT_EQ(doc.units.size(), 1u);
    EXPECT_EQ(doc.units[0].text, "|  | A | B | C |\n| --- | --- | --- | --- |\n| 1 | NaN | Infinity | -Infinity |\n");
    EXPECT_TRUE(doc.warnings.empty());
}

TEST(OfficeHostile, OdsCellCommentsAndDrawingsAreNotValues) {
    TempDir dir;
    const Document doc = read_ok(write_odf(dir, "annotated.ods",
        "<table:table table:name=\"S\"><table:table-row><table:table-cell office:value-type=\"float\" office:value=\"42\">"
        "<office:annotation><dc:creator>Ann</dc:creator><text:p>secret reviewer note</text:p></office:annotation>"
        "<draw:frame><draw:text-box><text:p>caption</text:p></draw:text-box></draw:frame>"
        "<text:p>42</text:p></table:table-cell><table:table-cell office:value-type=\"string\"><text:p>next</text:p>"
        "</table:table-cell></table:table-row></table:table>", true));
    ASSERT_EQ(doc.units.size(), 1u);
    EXPECT_EQ(doc.units[0].text, "|  | A | B |\n| --- | --- | --- |\n| 1 | 42 | next |\n");
}

TEST(OfficeHostile, TextThatOpensLikeMediaIsText) {
    TempDir dir;
    for (const char* text : {"The ftyp box opens every MP4 file.\n", "ID3 tags hold the title of a song.\n",
                             "OTTO von Bismarck united Germany.\n", "convert AVI files to MP4 first.\n"}) {
        EXPECT_EQ(sniff_content(text, "notes.txt").kind, ContentKind::Text) << text;
        const Document doc = read_ok(dir.write("notes.txt", text));
        EXPECT_EQ(doc.kind, DocumentKind::Text) << text;
    }
    using namespace std::string_view_literals;
    const std::pair<std::string_view, const char*> media[] = {
        {"\0\0\0\x18" "ftypmp42\0\0\0\0"sv, "MP4/QuickTime media"},
        {"ID3\x04\0\0\0\0\0\x21TIT2"sv, "MP3 audio"},
        {"OTTO\0\x0A\0\x80\0\x03\0\x20"sv, "OpenType font"},
        {"RIFF\x24\x10\0\0" "AVI LIST"sv, "AVI video"},
        {"RIFF\x24\x10\0\0" "WAVEfmt "sv, "WAV audio"},
        {"RIFF\x24\x10\0\0" "WEBPVP8 "sv, "WebP image"},
        {"GIF89a\x40\x01\xC8\0"sv, "GIF image"},
    };
    for (const auto& [head, what] : media) {
        const ContentType type = sniff_content(head, "file.bin");
        EXPECT_EQ(type.kind, ContentKind::Binary) << what;
        EXPECT_EQ(type.what, what);
    }
}

TEST(OfficeHostile, ExceptionsBecomeErrors) {
    const std::string path = "doc.docx";
    const Status oom = office::guard_exceptions(path, []() -> Status { throw std::bad_alloc(); });
    ASSERT_FALSE(oom.ok());
    EXPECT_EQ(oom.error().code, ErrorCode::OutOfMemory);
    EXPECT_EQ(oom.error().context, path);
    const Status length = office::guard_exceptions(path, []() -> Status { throw std::length_error("basic_string"); });
    ASSERT_FALSE(length.ok());
    EXPECT_EQ(length.error().code, ErrorCode::Corrupt);
}

TEST(OfficeHostile, SheetWarningsAreSharedByBothReaders) {
    office::ReadLimits limits(1 << 20);
    office::SheetGrid grid(1, limits);
    grid.set(0, 0, "kept");
    grid.set(0, 1, "dropped");
    grid.merged.push_back("A1:B1");
    std::vector<std::string> warnings;
    office::add_sheet_warnings("Q1", grid, true, warnings);
    ASSERT_EQ(warnings.size(), 3u);
    EXPECT_EQ(warnings[0], "sheet Q1 is hidden; it was read and marked (hidden sheet)");
    EXPECT_EQ(warnings[1], "sheet Q1 has merged cells; each value is in the first cell of its range");
    EXPECT_EQ(warnings[2], "sheet Q1: only the first 1 values were read; 1 more were left out");
}

}  // namespace
}  // namespace lectern::ingest
