// Prompt templates: every task's template is built in, placeholders are filled, and a file
// in the config folder overrides the built-in text. The prompts tell how to cite the
// paragraphs of a DOCX (read by ingest from one made here) and say nothing of them to a
// prompt that shows only PDFs.
#include "prompts.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "lectern/ingest/ingest.h"
#include "lectern/ingest/packing.h"
#include "testing/office_maker.h"
#include "testing/temp_dir.h"

namespace lectern::app {
namespace {

TEST(Prompts, EveryTaskTemplateIsBuiltIn) {
    for (const char* name : {"summarize_system", "summarize_whole", "summarize_map", "summarize_reduce",
                             "ask_system", "review_system", "review_request", "translate_system",
                             "cite_paragraphs", "keep_paragraph_marks", "cite_tables"}) {
        auto t = promptTemplate(name);
        ASSERT_TRUE(t.ok()) << name;
        EXPECT_FALSE(t->empty()) << name;
    }
    EXPECT_FALSE(promptTemplate("no_such_prompt").ok());
}

TEST(Prompts, FillReplacesKnownPlaceholdersOnly) {
    EXPECT_EQ(fillTemplate("a {{x}} b {{y}} {{x}}", {{"x", "1"}}), "a 1 b {{y}} 1");
    EXPECT_EQ(fillTemplate("{{x", {{"x", "1"}}), "{{x");
    auto ask = renderPrompt("ask_system", {{"documents", "<page n=\"1\">hello</page>"}});
    ASSERT_TRUE(ask.ok());
    EXPECT_NE(ask->find("<page n=\"1\">hello</page>"), std::string::npos);
    EXPECT_EQ(ask->find("{{documents}}"), std::string::npos);
}

TEST(Prompts, ConfigFolderOverridesBuiltIn) {
    const auto dir = std::filesystem::temp_directory_path() / ("lectern-prompts-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir / "prompts");
    std::ofstream(dir / "prompts" / "ask_system.txt") << "Custom {{documents}}";
    ::setenv("LECTERN_CONFIG_DIR", dir.c_str(), 1);
    auto t = renderPrompt("ask_system", {{"documents", "D"}});
    ::unsetenv("LECTERN_CONFIG_DIR");
    std::filesystem::remove_all(dir);
    ASSERT_TRUE(t.ok());
    EXPECT_EQ(*t, "Custom D");
}

class ByteCounter final : public ingest::TokenCounter {
public:
    std::size_t count(std::string_view text) const override { return text.size() / 4 + 1; }
};

// The Ask system message as the task builds it: the packed documents and the citation forms.
std::string askSystem(const std::vector<ingest::Document>& documents) {
    ByteCounter counter;
    auto packed = ingest::pack(documents, counter, ingest::PackOptions{});
    EXPECT_TRUE(packed.ok());
    auto cite = citationNotes(documents);
    EXPECT_TRUE(cite.ok());
    auto system = renderPrompt("ask_system", {{"documents", packed.ok() ? packed->prompt : ""},
                                              {"citation_notes", cite.ok() ? *cite : ""}});
    EXPECT_TRUE(system.ok());
    return system.ok() ? *system : std::string();
}

ingest::Document readContract(const ingest::testing::TempDir& dir) {
    ingest::testing::DocxMaker m;
    m.title = "Services Agreement";
    m.heading("Term", 1);
    m.run(m.paragraph(), "7.1 Invoices are due within 60 days.");
    m.run(m.paragraph(), "7.2 Late payment bears interest.");
    const std::string path = dir.file("contract.docx");
    EXPECT_TRUE(m.write(path).ok());
    auto doc = ingest::read_path(path);
    EXPECT_TRUE(doc.ok()) << doc.error().to_string();
    return doc.ok() ? *doc : ingest::Document{};
}

ingest::Document scannedReport() {
    ingest::Document d;
    d.kind = ingest::DocumentKind::Pdf;
    d.path = "/tmp/report.pdf";
    d.metadata.title = "Report";
    ingest::Unit page;
    page.page = 1;
    page.locator = "1";
    page.text = "Revenue rose by 4 %.";
    d.units = {page};
    return d;
}

TEST(Prompts, ParagraphCitationsAreAskedForWhenADocxIsShown) {
    ingest::testing::TempDir dir;
    const ingest::Document contract = readContract(dir);
    ASSERT_FALSE(contract.units.empty());
    EXPECT_TRUE(hasNumberedParagraphs({contract}));
    const std::string ask = askSystem({scannedReport(), contract});
    // The units as the model sees them, and the instruction that names their forms.
    EXPECT_NE(ask.find("=== Term (¶1-2) ===\n# Term\n\n¶1 7.1 Invoices"), std::string::npos) << ask;
    const std::size_t cite = ask.find("Cite such a paragraph as [¶N]");
    ASSERT_NE(cite, std::string::npos) << ask;
    EXPECT_NE(ask.find("a numbered clause or section as [§7.2]"), std::string::npos);
    EXPECT_NE(ask.find("=== Term (¶2-6) ==="), std::string::npos);  // the form, as the template shows it
    EXPECT_LT(cite, ask.find("<document"));
    EXPECT_NE(ask.find("Cite the page ([p. N])"), std::string::npos);
    EXPECT_EQ(ask.find("{{"), std::string::npos);

    auto summarize = renderPrompt("summarize_system", {{"citation_notes", *citationNotes({contract})}});
    ASSERT_TRUE(summarize.ok());
    EXPECT_NE(summarize->find("Cite pages as [p. N] and files as path:line. Office documents and web pages"),
              std::string::npos) << *summarize;
    auto marks = paragraphMarks(contract);
    ASSERT_TRUE(marks.ok());
    auto translate = renderPrompt("translate_system", {{"language", "German"}, {"glossary", "(none yet)"},
                                                       {"paragraph_marks", *marks}});
    ASSERT_TRUE(translate.ok());
    EXPECT_NE(translate->find("add nothing. A paragraph may begin with its number, ¶N: keep that number"),
              std::string::npos) << *translate;
}

TEST(Prompts, APdfOnlyPromptSaysNothingOfParagraphs) {
    const ingest::Document report = scannedReport();
    EXPECT_FALSE(hasNumberedParagraphs({report}));
    auto cite = citationNotes({report});
    ASSERT_TRUE(cite.ok());
    EXPECT_EQ(*cite, "");
    const std::string ask = askSystem({report});
    EXPECT_NE(ask.find("<page n=\"1\">\nRevenue rose by 4 %.\n</page>"), std::string::npos) << ask;
    EXPECT_NE(ask.find("Cite the page ([p. N]) or file and line (path:line) of every claim. If the documents do "
                       "not say, answer that they do not.\n\n<document"), std::string::npos) << ask;
    EXPECT_EQ(ask.find("¶"), std::string::npos) << ask;
    EXPECT_EQ(ask.find("§"), std::string::npos) << ask;
    EXPECT_EQ(ask.find("{{"), std::string::npos) << ask;
    auto summarize = renderPrompt("summarize_system", {{"citation_notes", *cite}});
    ASSERT_TRUE(summarize.ok());
    EXPECT_TRUE(summarize->ends_with("Cite pages as [p. N] and files as path:line.")) << *summarize;
    auto marks = paragraphMarks(report);
    ASSERT_TRUE(marks.ok());
    EXPECT_EQ(*marks, "");
}

TEST(Prompts, APageWithATableAsksForTableCitations) {
    ingest::Document report = scannedReport();
    report.units[0].text = "Results.\n<table n=\"1\">\n| Revenue | 1,284 |\n</table>";
    ingest::Table table;
    table.number = 1;
    report.units[0].tables = {table};
    EXPECT_TRUE(hasTables({report}));
    auto cite = citationNotes({report});
    ASSERT_TRUE(cite.ok());
    EXPECT_NE(cite->find("Cite a figure from a table as [p. N, table K]"), std::string::npos) << *cite;
    const std::string ask = askSystem({report});
    EXPECT_NE(ask.find("[p. N, table K]"), std::string::npos) << ask;
    EXPECT_LT(ask.find("[p. N, table K]"), ask.find("<document"));
    EXPECT_EQ(ask.find("¶"), std::string::npos) << ask;  // no paragraph note for a PDF
    EXPECT_FALSE(hasTables({scannedReport()}));
}

}  // namespace
}  // namespace lectern::app
