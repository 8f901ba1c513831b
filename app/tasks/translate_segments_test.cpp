// Translate's segments, glossary lines and reassembly.
#include "translate_segments.h"

#include <gtest/gtest.h>

namespace lectern::app {
namespace {

std::size_t words(std::string_view s) {
    std::size_t n = 0;
    bool in = false;
    for (char c : s) {
        const bool w = c != ' ' && c != '\n';
        if (w && !in) ++n;
        in = w;
    }
    return n;
}

TEST(TranslateSegments, ParagraphsPageByPage) {
    ingest::Document d;
    d.kind = ingest::DocumentKind::Pdf;
    ingest::Unit p1, p2;
    p1.page = 1;
    p1.text = "First para.\n\nSecond para.\n\n\n";
    p2.page = 2;
    p2.text = "Third para.";
    d.units = {p1, p2};
    const auto s = segmentDocument(d, words, 100);
    ASSERT_EQ(s.size(), 3u);
    EXPECT_EQ(s[0].text, "First para.");
    EXPECT_TRUE(s[0].startsUnit);
    EXPECT_FALSE(s[1].startsUnit);
    EXPECT_EQ(s[2].page, 2);
    EXPECT_TRUE(s[2].startsUnit);
    EXPECT_EQ(assembleTranslation(s, {"A", "B", "C"}), "--- page 1 ---\n\nA\n\nB\n\n--- page 2 ---\n\nC");
}

TEST(TranslateSegments, LongParagraphsAreCutAtSentences) {
    ingest::Document d;
    ingest::Unit u;
    u.text = "One two three. Four five six. Seven eight nine. Ten.";
    d.units = {u};
    const auto s = segmentDocument(d, words, 6);
    ASSERT_EQ(s.size(), 2u);
    EXPECT_EQ(s[0].text, "One two three. Four five six.");
    EXPECT_EQ(s[1].text, "Seven eight nine. Ten.");
    for (const auto& seg : s) EXPECT_LE(words(seg.text), 6u);
}

TEST(TranslateSegments, GlossaryLinesAreTakenOut) {
    Glossary g{{"Lectern", "Lesepult"}};
    const auto text = takeGlossaryLines("Der Bericht.\nGLOSSARY: annual report = Jahresbericht\n", g);
    EXPECT_EQ(text, "Der Bericht.");
    EXPECT_EQ(g.size(), 2u);
    EXPECT_EQ(g["annual report"], "Jahresbericht");
    EXPECT_EQ(glossaryText(g), "Lectern = Lesepult\nannual report = Jahresbericht");
    EXPECT_EQ(glossaryText({}), "(none yet)");
}

}  // namespace
}  // namespace lectern::app
