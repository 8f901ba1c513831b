// PDFs in the scripts Lectern's users read, made here the way real files are made, not with
// embedded Unicode fonts: Chinese in a non-embedded font through Adobe's predefined CMap
// (UniGB-UCS2-H, needs poppler-data), Russian bytes in windows-1251 and KOI8-R shown through
// WinAnsiEncoding with no ToUnicode (read as Latin-1 "Ïðåäèñëîâèå"), Arabic whose ToUnicode
// gives presentation forms in visual order, scanned pages in German, Russian and Chinese,
// and a page whose font names a CMap that does not exist. Each page's text must equal what
// was written (exact for text layers; OCR: word F1 >= 0.9, character F1 for Chinese) and its
// verdict must say what was done. A clean English page gets no flag. Mis-encoding detection
// is also measured on a set of clean and mis-encoded texts: false positives and misses are
// printed and must be zero on this set.
#include <gtest/gtest.h>
#include <iconv.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <unicode/ushape.h>

#include <cstdio>
#include <map>
#include <set>
#include <sstream>

#include "lectern/ingest/packing.h"
#include "lectern/ingest/pdf.h"
#include "testing/pdf_maker.h"
#include "testing/raw_pdf.h"
#include "testing/temp_dir.h"
#include "text/text_repair.h"

namespace lectern::ingest {
namespace {

using testing::RawPdf;

std::string convert(const std::string& in, const char* to, const char* from) {
    iconv_t cd = iconv_open(to, from);
    EXPECT_NE(cd, reinterpret_cast<iconv_t>(-1));
    std::string out(in.size() * 4 + 16, '\0');
    char* ip = const_cast<char*>(in.data());
    std::size_t il = in.size();
    char* op = out.data();
    std::size_t ol = out.size();
    EXPECT_NE(iconv(cd, &ip, &il, &op, &ol), static_cast<std::size_t>(-1)) << in;
    iconv_close(cd);
    out.resize(out.size() - ol);
    return out;
}

std::string hex(const std::string& bytes) {
    std::string out = "<";
    char b[4];
    for (unsigned char c : bytes) {
        std::snprintf(b, sizeof b, "%02X", c);
        out += b;
    }
    return out + ">";
}

const char* kPage = "<< /Font << /F1 10 0 R >> >>";

// A page with one line of text in font /F1 (object 10, then the objects that follow it).
RawPdf onePage(const std::string& shown, std::vector<std::string> fontObjects) {
    RawPdf pdf;
    pdf.objects = std::move(fontObjects);
    pdf.pages.push_back({"BT /F1 12 Tf 40 700 Td " + shown + " Tj ET", kPage});
    return pdf;
}

Result<Document> readRaw(testing::TempDir& dir, const std::string& name, const RawPdf& pdf) {
    const std::string path = (dir.path() / name).string();
    EXPECT_TRUE(testing::write_raw_pdf(path, pdf).ok());
    PdfOptions o;
    o.ocr = false;
    return read_pdf(path, o);
}

// F1 of two bags of words (or characters), as a share of matches.
double f1(const std::vector<std::string>& got, const std::vector<std::string>& want) {
    std::map<std::string, int> w;
    for (const auto& x : want) ++w[x];
    int hit = 0;
    for (const auto& x : got)
        if (w[x]-- > 0) ++hit;
    if (got.empty() || want.empty()) return 0;
    const double p = double(hit) / got.size(), r = double(hit) / want.size();
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
}

std::vector<std::string> words(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string w; in >> w;) {
        while (!w.empty() && std::ispunct(static_cast<unsigned char>(w.back()))) w.pop_back();
        if (!w.empty()) out.push_back(w);
    }
    return out;
}

std::vector<std::string> characters(const std::string& text) {
    std::vector<std::string> out;
    const icu::UnicodeString u = icu::UnicodeString::fromUTF8(text);
    for (int32_t i = 0; i < u.length(); i = u.moveIndex32(i, 1)) {
        const UChar32 c = u.char32At(i);
        if (c > 0x2E80) {  // CJK and full-width punctuation
            std::string s;
            icu::UnicodeString(c).toUTF8String(s);
            out.push_back(s);
        }
    }
    return out;
}

TEST(PdfScripts, ChineseInANonEmbeddedFontThroughAPredefinedCMapIsRead) {
    testing::TempDir dir;
    const std::string zh = "年度报告：本公司收入增长百分之十二，利润稳定。";
    auto doc = readRaw(dir, "zh.pdf",
                       onePage(hex(convert(zh, "UCS-2BE", "UTF-8")),
                               {"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H "
                                "/DescendantFonts [11 0 R] >>",
                                "<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo "
                                "<< /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 12 0 R >>",
                                "<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [0 -200 1000 900] "
                                "/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>"}));
    ASSERT_TRUE(doc.ok()) << doc.error().to_string();
    EXPECT_EQ(doc->units[0].text, zh);  // exact: character F1 = 1
    EXPECT_EQ(doc->units[0].quality.poppler_errors, 0) << doc->units[0].quality.poppler_error;
    EXPECT_FALSE(doc->units[0].quality.unreliable());
}

TEST(PdfScripts, AFontNamingAMissingCMapIsFlaggedNotPassedOnSilently) {
    testing::TempDir dir;
    auto doc = readRaw(dir, "missing-cmap.pdf",
                       onePage("<4E2D6587>", {"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding "
                                              "/UniXX-Nowhere-H /DescendantFonts [11 0 R] >>",
                                              "<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light "
                                              "/CIDSystemInfo << /Registry (Adobe) /Ordering (XX) /Supplement 0 >> >>"}));
    ASSERT_TRUE(doc.ok()) << doc.error().to_string();
    const auto& q = doc->units[0].quality;
    EXPECT_GT(q.poppler_errors, 0);
    EXPECT_TRUE(q.unreliable());
    EXPECT_NE(q.describe().find("PDF errors on this page"), std::string::npos) << q.describe();
    // The prompt tells the model the page's text cannot be trusted.
    const std::string block = render_unit(*doc, doc->units[0], PackOptions{});
    EXPECT_NE(block.find("<page n=\"1\" note=\"unreliable text: PDF errors while reading it\">"), std::string::npos)
        << block;
}

TEST(PdfScripts, RussianInALegacyEncodingReadAsLatin1IsReDecoded) {
    testing::TempDir dir;
    const std::string ru = "Предисловие к годовому отчёту: выручка компании выросла на двенадцать процентов.";
    for (const char* encoding : {"CP1251", "KOI8-R"}) {
        SCOPED_TRACE(encoding);
        auto doc = readRaw(dir, std::string(encoding) + ".pdf",
                           onePage(testing::pdf_literal(convert(ru, encoding, "UTF-8")),
                                   {"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"}));
        ASSERT_TRUE(doc.ok()) << doc.error().to_string();
        EXPECT_EQ(doc->units[0].text, ru);
        EXPECT_EQ(doc->units[0].quality.redecoded_from, std::string(encoding) == "CP1251" ? "windows-1251" : "KOI8-R");
        EXPECT_FALSE(doc->units[0].quality.unreliable());
        ASSERT_FALSE(doc->warnings.empty());
        EXPECT_NE(doc->warnings.back().find("re-decoded"), std::string::npos);
    }
}

// A page of Arabic as many producers write it: shaped (one presentation form per glyph), the
// glyphs drawn left to right, so the reverse of logical order, one byte per glyph. The
// ToUnicode map gives each glyph its presentation form, or, with `ligatures_as_letters`, a
// lam-alef ligature its two letters (lam, alef), as other producers do.
testing::RawPdf shaped_arabic_page(const std::string& ar, bool ligatures_as_letters, bool base_letters = false) {
    const icu::UnicodeString u = icu::UnicodeString::fromUTF8(ar);
    UChar shaped[256];
    UErrorCode e = U_ZERO_ERROR;
    const int32_t n = u_shapeArabic(u.getBuffer(), u.length(), shaped, 256, U_SHAPE_LETTERS_SHAPE, &e);
    EXPECT_TRUE(U_SUCCESS(e));
    std::map<UChar, int> code;
    std::string bytes, entries;
    for (int32_t i = n - 1; i >= 0; --i) {
        if (shaped[i] == u' ') {
            bytes += ' ';
            continue;
        }
        if (!code.count(shaped[i])) {
            const int b = 0x41 + static_cast<int>(code.size());
            code[shaped[i]] = b;
            const bool lam_alef = shaped[i] >= 0xFEF5 && shaped[i] <= 0xFEFC;
            // The alef of each lam-alef form: madda, hamza above, hamza below, plain (isolated/final).
            static const UChar alef_of[] = {0x0622, 0x0623, 0x0625, 0x0627};
            char line[48];
            if (ligatures_as_letters && lam_alef) {
                std::snprintf(line, sizeof line, "<%02X> <0644%04X>\n", b, alef_of[(shaped[i] - 0xFEF5) / 2]);
            } else if (base_letters) {  // the letter a presentation form shows, as Word writes it
                UErrorCode ne = U_ZERO_ERROR;
                icu::UnicodeString letter =
                    icu::Normalizer2::getNFKCInstance(ne)->normalize(icu::UnicodeString(static_cast<UChar32>(shaped[i])), ne);
                std::snprintf(line, sizeof line, "<%02X> <%04X>\n", b, static_cast<unsigned>(letter.charAt(0)));
            } else {
                std::snprintf(line, sizeof line, "<%02X> <%04X>\n", b, shaped[i]);
            }
            entries += line;
        }
        bytes += static_cast<char>(code[shaped[i]]);
    }
    const std::string cmap = "/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Shaped def "
                             "1 begincodespacerange <00> <FF> endcodespacerange\n" +
                             std::to_string(code.size() + 1) + " beginbfchar\n<20> <0020>\n" + entries +
                             "endbfchar endcmap CMapName currentdict /CMap defineresource pop end end";
    return onePage(testing::pdf_literal(bytes),
                   {"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding "
                    "/ToUnicode 11 0 R >>",
                    testing::raw_stream(cmap)});
}

TEST(PdfScripts, ArabicPresentationFormsInVisualOrderBecomeLettersInLogicalOrder) {
    testing::TempDir dir;
    // "Peace be upon you" and "there is no": lam-alef ligatures in both.
    const std::string ar = "السلام عليكم لا شيء";
    auto doc = readRaw(dir, "ar.pdf", shaped_arabic_page(ar, false));
    ASSERT_TRUE(doc.ok()) << doc.error().to_string();
    EXPECT_EQ(doc->units[0].text, ar);
    EXPECT_TRUE(doc->units[0].quality.presentation_forms);
    EXPECT_FALSE(doc->units[0].quality.unreliable());
}

TEST(PdfScripts, ALamAlefGlyphMappedToItsTwoLettersKeepsTheirOrder) {
    testing::TempDir dir;
    // Poppler turns a right-to-left line into logical order glyph by glyph but reverses the
    // letters of a glyph that maps to two ("ال" for the ligature "لا"); the reader puts them back.
    // Words with an alef followed by a lam drawn as two glyphs ("السلام" begins with one) stay as
    // they are.
    const std::string ar = "السلام عليكم لا شيء، الأسعار والإيرادات";
    auto doc = readRaw(dir, "ar-pairs.pdf", shaped_arabic_page(ar, true));
    ASSERT_TRUE(doc.ok()) << doc.error().to_string();
    EXPECT_EQ(doc->units[0].text, ar);
    EXPECT_FALSE(doc->units[0].quality.unreliable());
}

TEST(PdfScripts, ALamAlefPairAmongBaseLettersIsFixedUnlessAnotherWordReadsTheSame) {
    testing::TempDir dir;
    // Base letters in the ToUnicode map, as Word and LibreOffice write them.
    auto doc = readRaw(dir, "ar-base.pdf", shaped_arabic_page("السلام عليكم", true, true));
    ASSERT_TRUE(doc.ok()) << doc.error().to_string();
    EXPECT_EQ(doc->units[0].text, "السلام عليكم");
    // "السالم" (a name) drawn as two glyphs reads as Poppler's reversal of "السلام" does: the
    // name is never changed; the ligature word, which could be either, stays as Poppler gave it.
    auto both = readRaw(dir, "ar-both.pdf", shaped_arabic_page("السالم السلام", true, true));
    ASSERT_TRUE(both.ok()) << both.error().to_string();
    EXPECT_TRUE(both->units[0].text.starts_with("السالم ")) << both->units[0].text;
}

TEST(PdfScripts, ACleanEnglishPageGetsNoFlag) {
    testing::TempDir dir;
    const std::string path = (dir.path() / "en.pdf").string();
    testing::TestPdf pdf;
    testing::TestPage page;
    page.paragraphs = {"Revenue grew by twelve percent to 318 million euros in the year under review."};
    pdf.pages.push_back(page);
    ASSERT_TRUE(testing::write_test_pdf(path, pdf).ok());
    auto doc = read_pdf(path);
    ASSERT_TRUE(doc.ok());
    EXPECT_EQ(doc->units[0].quality.describe(), "");
    EXPECT_FALSE(doc->units[0].quality.unreliable());
    EXPECT_TRUE(doc->warnings.empty());
}

TEST(PdfScripts, AMisEncodedTextLayerWhoseGlyphsAreRightIsRescuedByOcr) {
    if (!ocr_available("eng")) GTEST_SKIP() << "Tesseract has no eng data";
    // The glyphs drawn are plain Helvetica letters; the ToUnicode map sends each code to the
    // private-use area, as fonts subset without a usable map do.
    std::string entries;
    int n = 0;
    for (int c = 0x20; c < 0x7F; ++c, ++n) {
        char line[32];
        std::snprintf(line, sizeof line, "<%02X> <%04X>\n", c, 0xE000 + c);
        entries += line;
    }
    const std::string cmap = "/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Pua def "
                             "1 begincodespacerange <00> <FF> endcodespacerange\n" +
                             std::to_string(n) + " beginbfchar\n" + entries +
                             "endbfchar endcmap CMapName currentdict /CMap defineresource pop end end";
    const std::string line1 = "Revenue grew by twelve percent to 318 million euros.";
    const std::string line2 = "The board proposes a dividend of one euro per share.";
    RawPdf pdf;
    pdf.objects = {"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding /ToUnicode 11 0 R >>",
                   testing::raw_stream(cmap)};
    pdf.pages.push_back({"BT /F1 16 Tf 40 700 Td " + testing::pdf_literal(line1) + " Tj 0 -30 Td " +
                             testing::pdf_literal(line2) + " Tj ET",
                         kPage});
    testing::TempDir dir;
    const std::string path = (dir.path() / "pua.pdf").string();
    ASSERT_TRUE(testing::write_raw_pdf(path, pdf).ok());
    PdfOptions noOcr;
    noOcr.ocr = false;
    auto flagged = read_pdf(path, noOcr);
    ASSERT_TRUE(flagged.ok());
    EXPECT_TRUE(flagged->units[0].quality.mis_encoded);
    EXPECT_TRUE(flagged->units[0].quality.unreliable());

    auto rescued = read_pdf(path);
    ASSERT_TRUE(rescued.ok()) << rescued.error().to_string();
    const auto& u = rescued->units[0];
    EXPECT_TRUE(u.quality.ocr_rescued);
    EXPECT_FALSE(u.quality.mis_encoded);
    EXPECT_TRUE(u.recognized);
    const double score = f1(words(u.text), words(line1 + " " + line2));
    std::printf("OCR rescue of a private-use text layer: word F1 %.3f (%s, %d %%)\n", score,
                u.quality.ocr_language.c_str(), u.quality.ocr_confidence);
    EXPECT_GE(score, 0.9) << u.text;
}

// Clean texts of each script, and the same texts in legacy encodings read as Latin-1.
TEST(PdfScripts, MisEncodingDetectionOnASetOfPages) {
    const std::vector<std::pair<const char*, std::string>> clean = {
        {"en", "The board proposes a dividend of one euro per share and a new hub in Gdansk."},
        {"de", "Der Umsatz stieg um zwölf Prozent; die Geschäftsführung schlägt eine Dividende vor. Größe, Übersicht."},
        {"fr", "Le chiffre d'affaires a augmenté de douze pour cent ; la société prévoit un dividende élevé."},
        {"es", "La facturación creció un doce por ciento; la compañía propone un dividendo para el año próximo."},
        {"ru", "Выручка компании выросла на двенадцать процентов, а совет директоров предлагает дивиденды."},
        {"uk", "Виручка компанії зросла на дванадцять відсотків, а рада директорів пропонує її збільшити."},
        {"el", "Τα έσοδα της εταιρείας αυξήθηκαν κατά δώδεκα τοις εκατό σε σχέση με το προηγούμενο έτος."},
        {"ar", "ارتفعت إيرادات الشركة بنسبة اثني عشر بالمئة مقارنة بالعام السابق."},
        {"zh", "本公司收入增长百分之十二，董事会建议派发股息。"},
        {"is", "Þórður og Ævar fóru á bátnum út á fjörðinn í gærmorgun áður en sólin kom upp."},
        // A Word list: its bullets are Symbol-font private-use characters, one per line.
        {"bullets", "\uF0B7 Revenue\n\uF0B7 Costs\n\uF0B7 Risks\n\uF0A7 Outlook\n\uF0FC Done"},
        {"table", "Q1 2025: 12.4 | Q2: 13,1 | Q3: 9.8 (-3%) | total: 35.3 EUR m; see note 4(b)."},
    };
    // (language, encoding, expected re-decoding: "" when none should be plausible)
    const std::vector<std::tuple<const char*, const char*, const char*>> misencoded = {
        {"ru", "CP1251", "windows-1251"}, {"ru", "KOI8-R", "KOI8-R"},   {"uk", "CP1251", "windows-1251"},
        {"uk", "KOI8-U", "KOI8-U"},       {"el", "CP1253", "windows-1253"}, {"el", "ISO-8859-7", "windows-1253"},
        {"ar", "CP1256", "windows-1256"}};
    int falsePositives = 0, misses = 0, wrongRepairs = 0;
    for (const auto& [lang, text] : clean) {
        const TextRepair r = repair_text(text);
        const bool flagged = r.mis_encoded || !r.redecoded_from.empty();
        if (flagged) ADD_FAILURE() << lang << " flagged: " << r.reason << r.redecoded_from;
        falsePositives += flagged;
    }
    for (const auto& [lang, encoding, expected] : misencoded) {
        std::string text;
        for (const auto& [l, t] : clean)
            if (std::string(l) == lang) text = t;
        // The legacy bytes, shown as Latin-1 / Windows-1252 characters.
        const std::string garbled = convert(convert(text, encoding, "UTF-8"), "UTF-8", "CP1252");
        const TextRepair r = repair_text(garbled);
        const bool detected = r.mis_encoded || !r.redecoded_from.empty();
        misses += !detected;
        if (r.redecoded_from != expected || r.text != text) {
            ++wrongRepairs;
            ADD_FAILURE() << lang << "/" << encoding << ": re-decoded from '" << r.redecoded_from << "' as " << r.text;
        }
    }
    // Glyph ids taken for characters (a CID font with no map): each letter shifted by 29.
    for (const std::string& plain : {std::string("The board proposes a dividend of one euro per share and a new hub."),
                                     std::string("Revenue grew by twelve percent to three hundred million euros.")}) {
        std::string shifted;
        for (char c : plain) shifted += c == ' ' ? ' ' : static_cast<char>(c - 29);
        const TextRepair r = repair_text(shifted);
        if (!r.mis_encoded) ADD_FAILURE() << "glyph ids not flagged: " << shifted;
        misses += !r.mis_encoded;
    }
    std::printf("mis-encoding detection: %zu clean texts, %d false positives; %zu mis-encoded, %d missed, %d wrongly "
                "repaired\n",
                clean.size(), falsePositives, misencoded.size() + 2, misses, wrongRepairs);
    EXPECT_EQ(falsePositives, 0);
    EXPECT_EQ(misses, 0);
}

TEST(PdfScripts, ATextThatCannotBeReDecodedIsFlaggedMisEncoded) {
    // Hebrew in windows-1255 read as Latin-1: no candidate gives plausible text.
    const std::string he = "הכנסות החברה עלו בשנים עשר אחוזים לעומת השנה הקודמת";
    const TextRepair r = repair_text(convert(convert(he, "CP1255", "UTF-8"), "UTF-8", "CP1252"));
    EXPECT_TRUE(r.mis_encoded);
    EXPECT_TRUE(r.redecoded_from.empty());
    EXPECT_FALSE(r.reason.empty());
}

// Scanned pages: no text layer anywhere, so each page's language comes from the script
// Tesseract detects on it.
TEST(PdfScripts, ScannedPagesAreRecognizedInTheirOwnLanguage) {
    const std::vector<std::tuple<const char*, std::string, const char*>> scans = {
        {"deu", "Der Vorstand schlägt der Hauptversammlung eine Dividende von einem Euro je Aktie vor. "
                "Die Umsätze im Geschäftsjahr stiegen deutlich.", "Noto Sans 16"},
        {"rus", "Совет директоров предлагает выплатить дивиденды в размере одного евро на акцию. "
                "Выручка за год заметно выросла.", "Noto Sans 16"},
        {"chi_sim", "董事会建议派发每股一欧元的股息。本年度收入明显增长。", "Noto Sans CJK SC 18"},
    };
    for (const auto& [lang, text, font] : scans)
        if (!ocr_available(lang)) GTEST_SKIP() << "Tesseract has no " << lang << " data (scripts/setup installs it)";
    testing::TempDir dir;
    const std::string path = (dir.path() / "scans.pdf").string();
    testing::TestPdf pdf;
    for (const auto& [lang, text, font] : scans) {
        testing::TestPage page;
        page.paragraphs = {text};
        page.font = font;
        page.as_image = true;
        pdf.pages.push_back(page);
    }
    ASSERT_TRUE(testing::write_test_pdf(path, pdf).ok());
    auto doc = read_pdf(path);
    ASSERT_TRUE(doc.ok()) << doc.error().to_string();
    ASSERT_EQ(doc->units.size(), scans.size());
    for (std::size_t i = 0; i < scans.size(); ++i) {
        const auto& [lang, text, font] = scans[i];
        const Unit& u = doc->units[i];
        SCOPED_TRACE(lang);
        EXPECT_TRUE(u.recognized);
        EXPECT_NE(u.quality.ocr_language.find(lang), std::string::npos) << u.quality.ocr_language;
        const bool chinese = std::string(lang) == "chi_sim";
        const double score = chinese ? f1(characters(u.text), characters(text)) : f1(words(u.text), words(text));
        std::printf("OCR %s (read as %s): %s F1 %.3f, confidence %d\n", lang, u.quality.ocr_language.c_str(),
                    chinese ? "character" : "word", score, u.quality.ocr_confidence);
        EXPECT_GE(score, 0.9) << u.text;
        std::printf("%s\n", u.text.c_str());
    }
}

// A scan whose document declares a language (/Lang, added by an incremental update as an
// editor writes it). A wrong declaration (Word writes its default, en-US, into Russian
// documents too) must not win over the script Tesseract detects: read in Latin languages,
// this page came out "CoBeT AUPEKTOPOB" with a confidence of 72.
TEST(PdfScripts, AWrongDeclaredLanguageDoesNotMisleadOcr) {
    if (!ocr_available("rus")) GTEST_SKIP() << "Tesseract has no rus data (scripts/setup installs it)";
    const std::string ru = "Совет директоров предлагает выплатить дивиденды в размере одного евро на акцию.";
    testing::TempDir dir;
    for (const char* declared : {"ru-RU", "en-US"}) {
        SCOPED_TRACE(declared);
        const std::string path = (dir.path() / (std::string(declared) + ".pdf")).string();
        testing::TestPdf pdf;
        testing::TestPage page;
        page.paragraphs = {ru};
        page.font = "Noto Sans 16";
        page.as_image = true;
        pdf.pages.push_back(page);
        ASSERT_TRUE(testing::write_test_pdf(path, pdf).ok());
        ASSERT_TRUE(testing::append_to_catalog(path, "/Lang (" + std::string(declared) + ")").ok());
        auto doc = read_pdf(path);
        ASSERT_TRUE(doc.ok()) << doc.error().to_string();
        EXPECT_TRUE(doc->warnings.empty() || doc->warnings.front().find("syntax errors") == std::string::npos)
            << doc->warnings.front();  // the update is a clean one
        const Unit& u = doc->units.at(0);
        EXPECT_EQ(u.quality.ocr_language, "rus");
        const double score = f1(words(u.text), words(ru));
        std::printf("OCR of a Russian scan declared %s: read as %s, word F1 %.3f, confidence %d\n", declared,
                    u.quality.ocr_language.c_str(), score, u.quality.ocr_confidence);
        EXPECT_GE(score, 0.9) << u.text;
    }
}

}  // namespace
}  // namespace lectern::ingest
