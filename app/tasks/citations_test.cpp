// Paragraph and section citations of office documents ("[¶14]", "[§7.2]", with or without
// the document's name) resolved to the unit that holds them, and refused when none does.
#include <gtest/gtest.h>

#include "citations.h"

namespace lectern::app {
namespace {

std::vector<ingest::Document> contract() {
    ingest::Document d;
    d.kind = ingest::DocumentKind::Docx;
    d.path = "/tmp/contract.docx";
    d.metadata.title = "Services Agreement";
    ingest::Unit start;
    start.locator = "¶1-2";
    start.text = "¶1 Parties.\n\n¶2 Recitals.";
    start.first_paragraph = 1;
    start.last_paragraph = 2;
    ingest::Unit term;
    term.locator = "7. Term";
    term.text = "# 7. Term\n\n¶3 7.1 Invoices are due within 60 days.\n\n¶4 7.2 Interest accrues.";
    term.first_paragraph = 3;
    term.last_paragraph = 4;
    d.units = {start, term};
    return {d};
}

TEST(Citations, ATableOfAPageIsCitedByItsNumber) {
    ingest::Document d;
    d.kind = ingest::DocumentKind::Pdf;
    ingest::Unit page;
    page.page = 12;
    page.locator = "page 12";
    page.text = "Results.\n<table n=\"1\">\n| a | 1 |\n</table>\n<table n=\"2\">\n| b | 2 |\n</table>";
    for (int n = 1; n <= 2; ++n) {
        ingest::Table t;
        t.number = n;
        page.tables.push_back(t);
    }
    d.units = {page};
    const auto c = findCitations(
        "Tax was 73,700 [p. 12, table 2]; not [p. 12, table 3] nor [p. 13, table 1]; [p. 12]; [p. 12, Table 1]; "
        "[p. 12, table 0].",
        {d});
    ASSERT_EQ(c.size(), 6u);
    EXPECT_TRUE(c[4].valid);  // capitalized
    EXPECT_EQ(c[4].table, 1);
    EXPECT_FALSE(c[5].valid);  // no table 0
    EXPECT_EQ(c[0].page, 12);
    EXPECT_EQ(c[0].table, 2);
    EXPECT_TRUE(c[0].valid);
    EXPECT_FALSE(c[1].valid);  // the page has two tables
    EXPECT_FALSE(c[2].valid);  // no page 13
    EXPECT_EQ(c[3].table, 0);
    EXPECT_TRUE(c[3].valid);
}

TEST(Citations, EnDashRangesAndLongRunsOfText) {
    ingest::Document d;
    d.kind = ingest::DocumentKind::Pdf;
    for (int p = 1; p <= 5; ++p) {
        ingest::Unit u;
        u.page = p;
        u.locator = "page " + std::to_string(p);
        u.text = "Page.";
        d.units.push_back(u);
    }
    const auto c = findCitations("See [pp. 3\u20134] and [pp. 2-3].", {d});
    ASSERT_EQ(c.size(), 2u);
    EXPECT_EQ(c[0].page, 3);
    EXPECT_TRUE(c[0].valid);
    // Long runs that once overflowed the regex's stack: an answer holding base64, a bracket
    // followed by many spaces. They are scanned and give nothing.
    const std::string base64(60000, 'A');
    EXPECT_TRUE(findCitations(base64 + " [p. 2]", {d}).size() == 1u);
    EXPECT_TRUE(findCitations("[\u00b6" + std::string(60000, ' ') + "1]", {d}).empty());
    EXPECT_TRUE(findCitations("[\u00b61-" + std::string(60000, '7') + "]", {d}).empty());
}

TEST(Citations, ASectionNumberInProseIsNotASection) {
    ingest::Document d;
    d.kind = ingest::DocumentKind::Docx;
    ingest::Unit u;
    u.locator = "¶1-2";
    u.text = "\u00b61 Delivery.\n\n\u00b62 7 days after delivery the buyer pays.";
    u.first_paragraph = 1;
    u.last_paragraph = 2;
    d.units = {u};
    const auto c = findCitations("Payment is due [\u00a77].", {d});
    ASSERT_EQ(c.size(), 1u);
    EXPECT_FALSE(c[0].valid);
}

TEST(Citations, ParagraphAndSectionResolveToTheirUnit) {
    const auto docs = contract();
    const auto c = findCitations("Due in 60 days [§7.1], with interest [contract.docx ¶4]; see [¶2] and [§7].", docs);
    ASSERT_EQ(c.size(), 4u);
    EXPECT_EQ(c[0].section, "7.1");
    EXPECT_TRUE(c[0].valid);
    EXPECT_TRUE(unitCitedBy(docs[0], docs[0].units[1], c[0]));
    EXPECT_FALSE(unitCitedBy(docs[0], docs[0].units[0], c[0]));
    EXPECT_EQ(c[1].document, "contract.docx");
    EXPECT_EQ(c[1].paragraph, 4);
    EXPECT_TRUE(c[1].valid);
    EXPECT_TRUE(unitCitedBy(docs[0], docs[0].units[1], c[1]));
    EXPECT_EQ(c[2].paragraph, 2);
    EXPECT_TRUE(unitCitedBy(docs[0], docs[0].units[0], c[2]));
    EXPECT_TRUE(c[3].valid);  // the heading "7. Term"
}

TEST(Citations, TheLineWhereTheCitedParagraphOrSectionOpens) {
    const auto docs = contract();
    const auto& term = docs[0].units[1];
    const auto c = findCitations("[¶4] [§7.1] [§7] [¶9] [p. 1]", docs);
    ASSERT_EQ(c.size(), 5u);
    EXPECT_EQ(citedLine(term, c[0]), 5);  // "¶4 7.2 Interest accrues."
    EXPECT_EQ(citedLine(term, c[1]), 3);  // "¶3 7.1 Invoices ..."
    EXPECT_EQ(citedLine(term, c[2]), 1);  // the heading "# 7. Term"
    EXPECT_EQ(citedLine(term, c[3]), 0);
    EXPECT_EQ(citedLine(term, c[4]), 0);
    ingest::Unit many;
    many.text = "¶14 Fourteen.\n\n¶1 One.";  // "¶1" is not the start of "¶14"
    const auto one = findCitations("[¶1]", docs);
    ASSERT_EQ(one.size(), 1u);
    EXPECT_EQ(citedLine(many, one[0]), 3);
}

TEST(Citations, ParagraphOrSectionThatDoesNotExistIsInvalid) {
    const auto c = findCitations("As in [¶9], [§7.3] and [other.docx ¶1].", contract());
    ASSERT_EQ(c.size(), 3u);
    EXPECT_FALSE(c[0].valid);
    EXPECT_FALSE(c[1].valid);  // 7.3 is not a clause; 7.2 is
    EXPECT_FALSE(c[2].valid);  // ¶1 exists, but not in a document of that name
}

}  // namespace
}  // namespace lectern::app
