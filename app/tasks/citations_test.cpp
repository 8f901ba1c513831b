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

TEST(Citations, ParagraphOrSectionThatDoesNotExistIsInvalid) {
    const auto c = findCitations("As in [¶9], [§7.3] and [other.docx ¶1].", contract());
    ASSERT_EQ(c.size(), 3u);
    EXPECT_FALSE(c[0].valid);
    EXPECT_FALSE(c[1].valid);  // 7.3 is not a clause; 7.2 is
    EXPECT_FALSE(c[2].valid);  // ¶1 exists, but not in a document of that name
}

}  // namespace
}  // namespace lectern::app
