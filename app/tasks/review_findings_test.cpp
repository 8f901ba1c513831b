// Review findings: lines in the required format are parsed (with list markers, backticks,
// any case of severity); a finding is verified only when its file was reviewed and its line
// was shown; free text is ignored.
#include "review_findings.h"

#include <gtest/gtest.h>

#include "citations.h"

namespace lectern::app {
namespace {

std::vector<ingest::Document> codeDocs() {
    ingest::Document d;
    d.kind = ingest::DocumentKind::CodeFolder;
    ingest::Unit a;
    a.path = a.locator = "src/db.cpp";
    a.text = "int a;\nint b;\nint c;\n";  // 3 lines
    ingest::Unit b;
    b.path = b.locator = "main.py";
    b.text = "print(1)";  // 1 line, no final newline
    d.units = {a, b};
    return {d};
}

TEST(ReviewFindings, ParsesAndVerifiesAgainstTheShownLines) {
    const auto shown = shownLinesOf(codeDocs());
    const std::string output =
        "Here is my review.\n"
        "src/db.cpp:2: major: b is never initialized\n"
        "- `main.py`:1: NIT: use a main guard\n"
        "src/db.cpp:4: minor: past the end of the file\n"
        "src/other.cpp:1: critical: not a reviewed file\n"
        "src/db.cpp:1: praise: not a severity\n"
        "src/db.cpp:x: minor: not a line number\n";
    const auto f = parseFindings(output, shown);
    ASSERT_EQ(f.size(), 4u);
    EXPECT_EQ(f[0].path, "src/db.cpp");
    EXPECT_EQ(f[0].line, 2);
    EXPECT_EQ(f[0].severity, "major");
    EXPECT_EQ(f[0].message, "b is never initialized");
    EXPECT_TRUE(f[0].verified);
    EXPECT_EQ(f[1].path, "main.py");
    EXPECT_EQ(f[1].severity, "nit");
    EXPECT_TRUE(f[1].verified);
    EXPECT_FALSE(f[2].verified);
    EXPECT_NE(f[2].problem.find("line 4"), std::string::npos);
    EXPECT_FALSE(f[3].verified);
    EXPECT_NE(f[3].problem.find("no file"), std::string::npos);
}

TEST(ReviewFindings, DiffRangesLimitTheVerifiedLines) {
    ShownLines shown{{"a.cpp", {{10, 14}, {40, 40}}}};
    const auto f = parseFindings("a.cpp:12: minor: x\na.cpp:20: minor: y\na.cpp:40: major: z\n", shown);
    ASSERT_EQ(f.size(), 3u);
    EXPECT_TRUE(f[0].verified);
    EXPECT_FALSE(f[1].verified);
    EXPECT_TRUE(f[2].verified);
}

TEST(Citations, PagesAndFileLinesAreChecked) {
    auto docs = codeDocs();
    ingest::Document pdf;
    pdf.kind = ingest::DocumentKind::Pdf;
    ingest::Unit p1;
    p1.page = 1;
    p1.locator = "page 1";
    p1.text = "x";
    pdf.units = {p1};
    docs.push_back(pdf);
    const auto c = findCitations("As said [p. 1] and [p. 7], see src/db.cpp:3 and src/db.cpp:9.", docs);
    ASSERT_EQ(c.size(), 4u);
    EXPECT_TRUE(c[0].valid);
    EXPECT_EQ(c[0].page, 1);
    EXPECT_FALSE(c[1].valid);
    EXPECT_TRUE(c[2].valid);
    EXPECT_EQ(c[2].line, 3);
    EXPECT_FALSE(c[3].valid);
}

}  // namespace
}  // namespace lectern::app
