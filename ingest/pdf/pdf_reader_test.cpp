// read_pdf on PDFs made in the set-up with cairo + Pango: English over several pages,
// German, Chinese, Arabic, two columns, a page that is only an image (OCR), an encrypted
// file (qpdf) and truncated or foreign bytes.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "lectern/ingest/pdf.h"
#include "testing/pdf_maker.h"
#include "testing/temp_dir.h"

namespace lectern::ingest {
namespace {

using testing::normalize_space;
using testing::TestPage;
using testing::TestPdf;

TestPage page_of(std::vector<std::string> paragraphs, std::string font = "DejaVu Sans 11") {
    TestPage page;
    page.paragraphs = std::move(paragraphs);
    page.font = std::move(font);
    return page;
}

PdfOptions options(bool ocr, std::string password = {}, std::string language = "eng") {
    PdfOptions o;
    o.ocr = ocr;
    o.password = std::move(password);
    o.ocr_language = std::move(language);
    return o;
}

const std::vector<std::string> kEnglish[3] = {
    {"Lectern reads whole documents with a local model.",
     "The first page has two paragraphs, and this is the second one."},
    {"Page two talks about packing prompts under a token budget."},
    {"The third page ends the document; nothing follows it."}};
const std::string kGerman = "Größenverhältnisse: Die Straße führt über die Brücke, "
                            "Fußgänger äußern Übermut. ÄÖÜ äöü ß.";
const std::string kChinese = "中文文本提取测试。这是第二句话，用于检查汉字是否正确。";
// Poppler (and so pdftotext) emits the two letters of a lam-alef ligature (لا) in swapped
// order, so this sentence has none; every other Arabic letter keeps its logical order.
const std::string kArabic = "مرحبا بالعالم. هذا نص عربي تجريبي.";
// Two columns of three paragraphs, each several lines long, as in a journal page.
std::vector<std::string> column_paragraphs() {
    std::vector<std::string> out;
    for (std::string side : {"left", "right"})
        for (int p = 1; p <= 3; ++p) {
            std::string text = "The " + side + " column, paragraph " + std::to_string(p) + ":";
            for (int w = 0; w < 20 + 6 * p; ++w) text += " " + side + std::to_string(w);
            out.push_back(text + ".");
        }
    return out;
}
const std::vector<std::string> kColumns = column_paragraphs();
const std::string kScanned = "This page was scanned from paper and has no text layer.";

std::string join(const std::vector<std::string>& paragraphs) {
    std::string out;
    for (const auto& p : paragraphs) out += p + " ";
    return normalize_space(out);
}

std::string strip_spaces(const std::string& s) {
    std::string out;
    for (char c : s)
        if (c != ' ' && c != '\n') out += c;
    return out;
}

class PdfReaderTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        dir_ = new testing::TempDir;
        TestPdf pdf;
        pdf.title = "Lectern Test Document";
        pdf.author = "Ada Lovelace";
        pdf.created = "2024-03-05T10:20:30";
        for (int i = 0; i < 3; ++i) pdf.pages.push_back(page_of(kEnglish[i]));
        pdf.pages[0].label = "i";
        pdf.pages[1].label = "ii";
        TestPage german = page_of({kGerman});
        TestPage chinese = page_of({kChinese}, "Noto Sans CJK SC 12");
        TestPage arabic = page_of({kArabic}, "Noto Sans Arabic 14");
        TestPage columns = page_of(kColumns);
        columns.columns = 2;
        TestPage scanned = page_of({kScanned}, "DejaVu Sans 18");
        scanned.as_image = true;
        for (auto* p : {&german, &chinese, &arabic, &columns, &scanned}) pdf.pages.push_back(*p);
        ASSERT_TRUE(testing::write_test_pdf(dir_->file("mixed.pdf"), pdf).ok());
        testing::release_font_caches();
    }
    static void TearDownTestSuite() { delete dir_; }
    static std::string path(const char* name) { return dir_->file(name); }
    static testing::TempDir* dir_;
};
testing::TempDir* PdfReaderTest::dir_ = nullptr;

TEST_F(PdfReaderTest, EnglishPagesMetadataAndLabels) {
    auto doc = read_pdf(path("mixed.pdf"), options(false));
    ASSERT_TRUE(doc.ok()) << doc.error().to_string();
    ASSERT_EQ(doc->units.size(), 8u);
    EXPECT_EQ(doc->kind, DocumentKind::Pdf);
    EXPECT_EQ(doc->id.size(), 64u);
    EXPECT_EQ(doc->metadata.title, "Lectern Test Document");
    EXPECT_EQ(doc->metadata.author, "Ada Lovelace");
    EXPECT_GT(doc->metadata.created, 1700000000);  // 2024-03-05, in whatever time zone
    EXPECT_LT(doc->metadata.created, 1720000000);
    for (int i = 0; i < 3; ++i) {
        EXPECT_EQ(normalize_space(doc->units[i].text), join(kEnglish[i])) << "page " << i + 1;
        EXPECT_EQ(doc->units[i].page, i + 1);
        EXPECT_EQ(doc->units[i].locator, "page " + std::to_string(i + 1));
        EXPECT_FALSE(doc->units[i].no_text_layer);
    }
    EXPECT_EQ(doc->units[0].label, "i");
    EXPECT_EQ(doc->units[1].label, "ii");
}

TEST_F(PdfReaderTest, GermanUmlautsAndSharpS) {
    auto doc = read_pdf(path("mixed.pdf"), options(false));
    ASSERT_TRUE(doc.ok()) << doc.error().to_string();
    EXPECT_EQ(normalize_space(doc->units[3].text), kGerman);
}

TEST_F(PdfReaderTest, ChineseIsRealUnicode) {
    auto doc = read_pdf(path("mixed.pdf"), options(false));
    ASSERT_TRUE(doc.ok()) << doc.error().to_string();
    // Line breaks between Han characters may come out as spaces or nothing.
    EXPECT_EQ(strip_spaces(doc->units[4].text), strip_spaces(kChinese));
}

TEST_F(PdfReaderTest, ArabicIsLogicalOrderNotReversed) {
    auto doc = read_pdf(path("mixed.pdf"), options(false));
    ASSERT_TRUE(doc.ok()) << doc.error().to_string();
    EXPECT_EQ(normalize_space(doc->units[5].text), kArabic);
}

TEST_F(PdfReaderTest, TwoColumnsInReadingOrder) {
    auto doc = read_pdf(path("mixed.pdf"), options(false));
    ASSERT_TRUE(doc.ok()) << doc.error().to_string();
    EXPECT_EQ(normalize_space(doc->units[6].text), join(kColumns));
}

TEST_F(PdfReaderTest, ImagePageIsFlaggedWithoutOcr) {
    auto doc = read_pdf(path("mixed.pdf"), options(false));
    ASSERT_TRUE(doc.ok()) << doc.error().to_string();
    const Unit& page = doc->units[7];
    EXPECT_TRUE(page.no_text_layer);
    EXPECT_FALSE(page.recognized);
    EXPECT_TRUE(page.text.empty());
    ASSERT_EQ(doc->warnings.size(), 1u);
    EXPECT_EQ(doc->warnings[0], "page 8 has no text layer");
}

TEST_F(PdfReaderTest, ImagePageIsRecognizedByTesseract) {
    if (!ocr_available("eng")) GTEST_SKIP() << "Tesseract English data is not installed";
    auto doc = read_pdf(path("mixed.pdf"));
    ASSERT_TRUE(doc.ok()) << doc.error().to_string();
    const Unit& page = doc->units[7];
    EXPECT_TRUE(page.no_text_layer);
    EXPECT_TRUE(page.recognized);
    // 18 pt DejaVu Sans rendered at 300 dpi: Tesseract reads it without a mistake.
    EXPECT_EQ(normalize_space(page.text), kScanned);
    EXPECT_FALSE(doc->units[0].recognized);
}

TEST_F(PdfReaderTest, MissingOcrLanguageIsAWarningNotAnError) {
    auto doc = read_pdf(path("mixed.pdf"), options(true, "", "xx-no-such-language"));
    ASSERT_TRUE(doc.ok()) << doc.error().to_string();
    EXPECT_FALSE(doc->units[7].recognized);
    ASSERT_EQ(doc->warnings.size(), 2u);
    EXPECT_NE(doc->warnings[1].find("OCR is not available"), std::string::npos);
}

TEST_F(PdfReaderTest, EncryptedNeedsPasswordAndOpensWithIt) {
    const std::string plain = path("mixed.pdf");
    const std::string locked = path("locked.pdf");
    const std::string command = "qpdf --encrypt secret-user secret-owner 256 -- '" + plain +
                                "' '" + locked + "'";
    ASSERT_EQ(std::system(command.c_str()), 0) << "qpdf is needed (scripts/setup installs it)";
    auto no_password = read_pdf(locked, options(false));
    ASSERT_FALSE(no_password.ok());
    EXPECT_EQ(no_password.error().code, ErrorCode::NeedsPassword);
    auto wrong = read_pdf(locked, options(false, "wrong"));
    ASSERT_FALSE(wrong.ok());
    EXPECT_EQ(wrong.error().code, ErrorCode::NeedsPassword);
    auto opened = read_pdf(locked, options(false, "secret-user"));
    ASSERT_TRUE(opened.ok()) << opened.error().to_string();
    ASSERT_EQ(opened->units.size(), 8u);
    EXPECT_EQ(normalize_space(opened->units[3].text), kGerman);
}

TEST_F(PdfReaderTest, TruncatedFileIsCorrupt) {
    std::ifstream in(path("mixed.pdf"), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string bytes = ss.str();
    for (double keep : {0.2, 0.6, 0.95}) {
        auto cut = dir_->write("cut.pdf", bytes.substr(0, static_cast<std::size_t>(
                                                               bytes.size() * keep)));
        auto doc = read_pdf(cut);
        ASSERT_FALSE(doc.ok()) << "kept " << keep;
        EXPECT_EQ(doc.error().code, ErrorCode::Corrupt);
        EXPECT_NE(doc.error().message.find("truncated"), std::string::npos);
    }
}

// Damaged bytes inside an otherwise complete file: an Error or a Document (Poppler repairs
// what it can, and then says so in a warning), never a crash.
TEST_F(PdfReaderTest, DamagedBytesGiveAnErrorOrAWarning) {
    std::ifstream in(path("mixed.pdf"), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string original = ss.str();
    std::uint32_t state = 12345;
    int n_warned = 0;
    for (int variant = 0; variant < 12; ++variant) {
        std::string bytes = original;
        for (int k = 0; k < 40; ++k) {
            state = state * 1664525u + 1013904223u;
            const std::size_t at = 16 + state % (bytes.size() - 64);
            bytes[at] = static_cast<char>(state >> 24);
        }
        auto doc = read_pdf(dir_->write("damaged-" + std::to_string(variant) + ".pdf", bytes),
                            options(false));
        if (!doc.ok()) {
            EXPECT_TRUE(doc.error().code == ErrorCode::Corrupt ||
                        doc.error().code == ErrorCode::NeedsPassword)
                << doc.error().to_string();
            continue;
        }
        for (const auto& w : doc->warnings) n_warned += w.find("syntax errors") != std::string::npos;
    }
    EXPECT_GT(n_warned, 0) << "no damaged variant was reported";
}

TEST_F(PdfReaderTest, ForeignBytesAndMissingFile) {
    auto text = read_pdf(dir_->write("not.pdf", "just some text, not a PDF\n"));
    ASSERT_FALSE(text.ok());
    EXPECT_EQ(text.error().code, ErrorCode::Corrupt);
    auto damaged = read_pdf(dir_->write("damaged.pdf", "%PDF-1.5\n garbage \n%%EOF\n"));
    ASSERT_FALSE(damaged.ok());
    EXPECT_EQ(damaged.error().code, ErrorCode::Corrupt);
    auto missing = read_pdf(path("no-such.pdf"));
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().code, ErrorCode::NotFound);
}

}  // namespace
}  // namespace lectern::ingest
