// Encoding detection and text-file reading: UTF-8 with and without a BOM, UTF-16 LE/BE with
// a BOM (including a surrogate pair), legacy encodings (paragraphs made by glibc's iconv from
// UTF-8, read back through a file), short windows-1252 texts uchardet misnames, the
// uncertain fallback, line-end normalization.
#include <gtest/gtest.h>
#include <iconv.h>

#include <algorithm>
#include <random>
#include <vector>

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

// `utf8` in `encoding`, converted by glibc's iconv; "" when iconv cannot. The tables are the
// ones the decoder converts with: what these tests check is the detection.
std::string encode(std::string_view utf8, const char* encoding) {
    iconv_t cd = iconv_open(encoding, "UTF-8");
    if (cd == reinterpret_cast<iconv_t>(-1)) return "";
    std::string out(utf8.size() * 4 + 16, '\0');
    char* in = const_cast<char*>(utf8.data());
    char* dst = out.data();
    std::size_t in_left = utf8.size(), out_left = out.size();
    std::size_t rc = iconv(cd, &in, &in_left, &dst, &out_left);
    iconv_close(cd);
    if (rc == static_cast<std::size_t>(-1)) return "";
    out.resize(out.size() - out_left);
    return out;
}

struct LegacySample {
    const char* iconv_name;                 // how the test encodes the text
    std::vector<std::string> accepted;      // names read_text_file may report
    std::string_view text;                  // UTF-8
};

const LegacySample kLegacySamples[] = {
    {"CP1251", {"windows-1251"},
     "Вчера вечером мы долго гуляли по старому парку. Листья уже начали желтеть, и воздух "
     "пах дождём. Мы говорили о книгах, которые прочитали этим летом, и о планах на осень."},
    {"KOI8-R", {"KOI8-R"},
     "Поезд опоздал на два часа, и мы приехали в город поздно ночью. Гостиница оказалась "
     "маленькой, но уютной. Утром хозяйка угостила нас блинами с вареньем."},
    {"GB18030", {"GB18030"},
     "昨天晚上我们在老公园里散步了很久。树叶已经开始变黄，空气中弥漫着雨水的味道。"
     "我们谈论了今年夏天读过的书，以及秋天的计划。"},
    {"GBK", {"GB18030"},
     "这个程序读取文本文件并把它们转换成统一的编码。如果文件的编码无法确定，程序会给出警告。"
     "请在使用之前检查结果。"},
    {"GB2312", {"GB18030"},
     "昨天晚上我们在老公园里散步了很久。树叶已经开始变黄，空气中弥漫着雨水的味道。"
     "我们谈论了今年夏天读过的书，以及秋天的计划。"},
    {"SHIFT_JIS", {"Shift_JIS"},
     "昨日の夜、私たちは古い公園を長い間散歩しました。葉はもう黄色くなり始めていて、"
     "空気は雨の匂いがしました。今年の夏に読んだ本や秋の計画について話しました。"},
    {"EUC-JP", {"EUC-JP"},
     "昨日の夜、私たちは古い公園を長い間散歩しました。葉はもう黄色くなり始めていて、"
     "空気は雨の匂いがしました。今年の夏に読んだ本や秋の計画について話しました。"},
    {"BIG5", {"Big5"},
     "昨天晚上我們在老公園裡散步了很久。樹葉已經開始變黃，空氣中瀰漫著雨水的味道。"
     "我們談論了今年夏天讀過的書，以及秋天的計劃。"},
    {"EUC-KR", {"EUC-KR"},
     "어제 저녁에 우리는 오래된 공원을 오랫동안 산책했습니다. 나뭇잎은 이미 노랗게 변하기 "
     "시작했고 공기에서는 비 냄새가 났습니다. 우리는 올여름에 읽은 책과 가을 계획에 대해 "
     "이야기했습니다."},
    {"CP1256", {"windows-1256"},
     "مشينا مساء أمس طويلا في الحديقة القديمة. بدأت الأوراق تصفر بالفعل، وكانت رائحة المطر "
     "في الهواء. تحدثنا عن الكتب التي قرأناها هذا الصيف وعن خططنا للخريف."},
    {"ISO-8859-7", {"ISO-8859-7", "windows-1253"},
     "Χθες το βράδυ περπατήσαμε πολλή ώρα στο παλιό πάρκο. Τα φύλλα είχαν ήδη αρχίσει να "
     "κιτρινίζουν και ο αέρας μύριζε βροχή. Μιλήσαμε για τα βιβλία που διαβάσαμε."},
    // Ά is 0xA2 in windows-1253 and 0xB6 in ISO-8859-7: only the right page gives it back.
    {"CP1253", {"windows-1253"},
     "Άλλη μια μέρα στην Αθήνα. Ο καιρός ήταν ζεστός και ο ουρανός καθαρός. Άνοιξε το "
     "παράθυρο, παρακαλώ."},
    {"CP1250", {"windows-1250", "ISO-8859-2"},
     "Wczoraj wieczorem długo spacerowaliśmy po starym parku. Liście już zaczęły żółknąć, a "
     "powietrze pachniało deszczem. Rozmawialiśmy o książkach, które przeczytaliśmy."},
    {"CP1250", {"windows-1250", "ISO-8859-2"},
     "Včera večer jsme se dlouho procházeli starým parkem. Listí už začínalo žloutnout a "
     "vzduch voněl deštěm. Mluvili jsme o knihách, které jsme letos v létě přečetli."},
};

// Reads `text` encoded as `iconv_name` back from a file and checks the text and the name.
void expect_read_back(const char* iconv_name, const std::vector<std::string>& accepted,
                      std::string_view text) {
    SCOPED_TRACE(std::string(iconv_name) + ": " + std::string(text.substr(0, 40)));
    const std::string bytes = encode(text, iconv_name);
    ASSERT_FALSE(bytes.empty()) << "iconv cannot encode the sample";
    ASSERT_FALSE(is_valid_utf8(bytes));
    testing::TempDir dir;
    auto doc = read_text_file(dir.write("legacy.txt", bytes));
    ASSERT_TRUE(doc.ok()) << doc.error().to_string();
    ASSERT_EQ(doc->units.size(), 1u);
    EXPECT_EQ(doc->units[0].text, text);
    const std::string& encoding = doc->metadata.encoding;
    EXPECT_NE(std::find(accepted.begin(), accepted.end(), encoding), accepted.end()) << encoding;
    ASSERT_EQ(doc->warnings.size(), 1u);
    EXPECT_EQ(doc->warnings[0], "legacy.txt is not UTF-8; read as " + encoding);
    auto decoded = decode_text(bytes);
    ASSERT_TRUE(decoded.ok());
    EXPECT_FALSE(decoded->encoding_uncertain);
}

TEST(Encoding, LegacyParagraphsAreDetected) {
    for (const auto& s : kLegacySamples) expect_read_back(s.iconv_name, s.accepted, s.text);
}

// Short windows-1252 texts, where uchardet guesses wildly: the first three it names IBM852,
// ISO-8859-2 or ISO-8859-3 (uchardet 0.0.7); windows-1252 must still win.
TEST(Encoding, ShortWindows1252FrenchAndGermanStayWindows1252) {
    const std::string_view texts[] = {
        "Le français n'est pas facile à apprendre.",
        "Das Essen war köstlich. Grüß Gott, wie geht's?",
        "Können Sie mir bitte helfen? Er hat sein Büro im dritten Stock.",
        "Très bien, à bientôt.",
        "L’été dernier, nous sommes allés chez ma sœur à Noël. « Ça va ? » m’a-t-elle "
        "demandé. Le maître d’hôtel a recommandé une crème brûlée.",
        "Hier soir, nous avons longuement marché dans le vieux parc. Les feuilles "
        "commençaient déjà à jaunir et l'air sentait la pluie.",
        "Die Größe der Straße überrascht mich. Müller fährt täglich über die Brücke.",
        "Bitte beachten Sie: Die Änderungen gelten ab März. Öffnungszeiten bleiben gleich. "
        "Das Gebäude ist täglich geöffnet.",
    };
    for (auto text : texts) expect_read_back("CP1252", {"windows-1252"}, text);
}

TEST(Encoding, AsciiAndUtf8NeverReachTheGuess) {
    auto ascii = decode_text("int main() { return 0; }\n");
    ASSERT_TRUE(ascii.ok());
    EXPECT_EQ(ascii->encoding, "UTF-8");
    EXPECT_FALSE(ascii->encoding_uncertain);
    auto russian = decode_text("Привет, мир");
    ASSERT_TRUE(russian.ok());
    EXPECT_EQ(russian->encoding, "UTF-8");
    EXPECT_EQ(russian->text, "Привет, мир");
}

// Past the 256 KiB that uchardet and the candidates see, the whole file is still converted;
// the odd offset puts the sample's end inside a two-byte character.
TEST(Encoding, LongFileIsConvertedWhole) {
    std::string text = "x";
    while (text.size() < 400 * 1024)
        text += "昨天晚上我们在老公园里散步了很久。树叶已经开始变黄，空气中弥漫着雨水的味道。";
    auto decoded = decode_text(encode(text, "GB18030"));
    ASSERT_TRUE(decoded.ok());
    EXPECT_EQ(decoded->encoding, "GB18030");
    EXPECT_FALSE(decoded->encoding_uncertain);
    EXPECT_EQ(decoded->text, text);
}

TEST(Encoding, UndecidableBytesAreFlagged) {
    std::mt19937 rng(20240611);
    std::string noise, high;
    for (int i = 0; i < 400; ++i) noise += static_cast<char>(rng() & 0xFF);
    // Only bytes 0xC0-0xFF and spaces: letters in every single-byte page, words in none.
    for (int i = 0; i < 300; ++i) high += i % 7 == 6 ? ' ' : static_cast<char>(0xC0 + rng() % 64);
    const std::string utf8_then_cp1251 =
        "Это строка в UTF-8.\n" + encode("А эту строку дописали в windows-1251.\n", "CP1251");
    for (const std::string& bytes : {noise, high, utf8_then_cp1251}) {
        auto decoded = decode_text(bytes);
        ASSERT_TRUE(decoded.ok());
        EXPECT_TRUE(decoded->encoding_uncertain) << decoded->encoding;
        EXPECT_EQ(decoded->encoding, "windows-1252");
    }
    auto marked = decode_text("\xEF\xBB\xBF" "Caf\xE9");  // a UTF-8 BOM on windows-1252 bytes
    ASSERT_TRUE(marked.ok());
    EXPECT_TRUE(marked->encoding_uncertain);
    EXPECT_EQ(marked->text, "Café");

    testing::TempDir dir;
    auto doc = read_text_file(dir.write("noise.txt", noise));
    ASSERT_TRUE(doc.ok()) << doc.error().to_string();
    EXPECT_EQ(doc->metadata.encoding, "windows-1252");
    ASSERT_EQ(doc->warnings.size(), 1u);
    EXPECT_EQ(doc->warnings[0], "the text encoding of noise.txt could not be decided; it was "
                                "read as windows-1252 and may be wrong");
}

// One short line of Chinese is too little for uchardet (0.0.7 answers nothing, UTF-8,
// ISO-8859-7 or windows-1252 for these). Whatever it answers, the text must come back right
// or be flagged: never silently wrong.
TEST(Encoding, ShortChineseIsRightOrFlagged) {
    const std::pair<const char*, std::string_view> samples[] = {
        {"GB18030", "谢谢你。"}, {"GB18030", "火车站在哪里？"}, {"GB18030", "我喜欢看书。"},
        {"BIG5", "謝謝你。"}, {"BIG5", "火車站在哪裡？"},
    };
    for (const auto& [iconv_name, text] : samples) {
        SCOPED_TRACE(std::string(iconv_name) + ": " + std::string(text));
        auto decoded = decode_text(encode(text, iconv_name));
        ASSERT_TRUE(decoded.ok());
        if (!decoded->encoding_uncertain) EXPECT_EQ(decoded->text, text);
        else EXPECT_EQ(decoded->encoding, "windows-1252");
    }
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
