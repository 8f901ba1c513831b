// Encoding detection and text-file reading: UTF-8 with and without a BOM, UTF-16 LE/BE with
// a BOM (including a surrogate pair), the Windows-1252 fallback, line-end normalization.
#include <gtest/gtest.h>

#include "lectern/ingest/ingest.h"
#include "lectern/ingest/text_file.h"
#include "testing/temp_dir.h"

namespace lectern::ingest {
namespace {

std::string utf16(std::u16string_view s, bool little_endian) {
    std::string out = little_endian ? "\xFF\xFE" : "\xFE\xFF";
    for (char16_t c : s) {
        char lo = static_cast<char>(c & 0xFF), hi = static_cast<char>(c >> 8);
        out += little_endian ? lo : hi;
        out += little_endian ? hi : lo;
    }
    return out;
}

TEST(Encoding, Utf8WithAndWithoutBom) {
    auto plain = decode_text("Straße, 中文, \xF0\x9F\x98\x80");
    ASSERT_TRUE(plain.ok());
    EXPECT_EQ(plain->encoding, "UTF-8");
    EXPECT_EQ(plain->text, "Straße, 中文, \xF0\x9F\x98\x80");
    auto bom = decode_text("\xEF\xBB\xBFhello");
    ASSERT_TRUE(bom.ok());
    EXPECT_EQ(bom->encoding, "UTF-8");
    EXPECT_EQ(bom->text, "hello");
}

TEST(Encoding, Utf16WithBom) {
    const std::u16string text = u"Grüße 中文 \U0001F600 end";
    for (bool le : {true, false}) {
        auto decoded = decode_text(utf16(text, le));
        ASSERT_TRUE(decoded.ok());
        EXPECT_EQ(decoded->encoding, le ? "UTF-16LE" : "UTF-16BE");
        EXPECT_EQ(decoded->text, "Grüße 中文 \xF0\x9F\x98\x80 end");
    }
    auto odd = decode_text(std::string("\xFF\xFE" "a", 3));
    ASSERT_FALSE(odd.ok());
    EXPECT_EQ(odd.error().code, ErrorCode::Corrupt);
}

TEST(Encoding, LegacyEightBitFallsBackToWindows1252) {
    // "Café – 5 €" in Windows-1252: é = E9, en dash = 96, euro = 80.
    auto decoded = decode_text("Caf\xE9 \x96 5 \x80");
    ASSERT_TRUE(decoded.ok());
    EXPECT_EQ(decoded->encoding, "windows-1252");
    EXPECT_EQ(decoded->text, "Café – 5 €");
}

TEST(Encoding, Utf8Validation) {
    EXPECT_TRUE(is_valid_utf8("ascii"));
    EXPECT_TRUE(is_valid_utf8("\xE4\xB8\xAD"));
    EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));          // overlong '/'
    EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));      // a surrogate
    EXPECT_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // above U+10FFFF
    EXPECT_FALSE(is_valid_utf8("\xE4\xB8"));          // cut short
}

TEST(TextFile, MarkdownAndLineEnds) {
    testing::TempDir dir;
    auto path = dir.write("notes.md", "# Title\r\n\r\nBody line\rlast");
    auto doc = read_text_file(path);
    ASSERT_TRUE(doc.ok()) << doc.error().to_string();
    EXPECT_EQ(doc->kind, DocumentKind::Markdown);
    ASSERT_EQ(doc->units.size(), 1u);
    EXPECT_EQ(doc->units[0].text, "# Title\n\nBody line\nlast");
    EXPECT_EQ(doc->units[0].locator, "notes.md");
    EXPECT_EQ(doc->id, sha256_hex("# Title\r\n\r\nBody line\rlast"));
    EXPECT_TRUE(doc->warnings.empty());
}

TEST(TextFile, Sha256KnownAnswer) {
    EXPECT_EQ(sha256_hex("abc"),
              "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(TextFile, ReadPathDispatchesAndReportsMissing) {
    testing::TempDir dir;
    auto legacy = read_path(dir.write("old.txt", "na\xEFve"));
    ASSERT_TRUE(legacy.ok());
    EXPECT_EQ(legacy->kind, DocumentKind::Text);
    EXPECT_EQ(legacy->units[0].text, "naïve");
    ASSERT_EQ(legacy->warnings.size(), 1u);
    auto mentions = read_path(dir.write("notes.txt", "A line about %PDF-1.7 headers.\n"));
    ASSERT_TRUE(mentions.ok());
    EXPECT_EQ(mentions->kind, DocumentKind::Text);
    auto fake = read_path(dir.write("fake.pdf", "plain text in disguise\n"));
    ASSERT_FALSE(fake.ok());
    EXPECT_EQ(fake.error().code, ErrorCode::Corrupt);
    auto missing = read_path(dir.file("absent.txt"));
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().code, ErrorCode::NotFound);
}

}  // namespace
}  // namespace lectern::ingest
