// `lectern-cli ingest --json` on a PDF page with a table: the unit's text holds it as a
// Markdown table and "tables" gives its cells with their boxes; `--tables off` gives the page
// as Poppler reads it, with no tables. The shape is relied on by scripts.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <string>

#include <nlohmann/json.hpp>

#include "testing/pdf_maker.h"
#include "testing/temp_dir.h"

namespace lectern::app::e2e {
namespace {

nlohmann::json ingestJson(const std::string& args, int& code) {
    const std::string cmd = std::string(LECTERN_CLI) + " ingest --json " + args + " 2>/dev/null";
    std::string out;
    FILE* p = ::popen(cmd.c_str(), "r");
    if (!p) return {};
    char buf[4096];
    for (size_t n; (n = std::fread(buf, 1, sizeof buf, p)) > 0;) out.append(buf, n);
    const int status = ::pclose(p);
    code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    auto j = nlohmann::json::parse(out, nullptr, false);
    EXPECT_TRUE(j.is_object()) << out;
    return j;
}

TEST(CliIngestTables, JsonGivesEachTablesCellsAndBoxesAndTablesOffKeepsTheText) {
    ingest::testing::TempDir dir;
    const std::string path = (dir.path() / "fees.pdf").string();
    ingest::testing::TestPdf pdf;
    ingest::testing::TestPage page;
    ingest::testing::TestBlock intro, table;
    intro.paragraph = "Schedule of fees.";
    table.table.rows = {{"Service", "Fee (EUR)"}, {"Initial review", "1,200.00"}, {"Hourly rate", "240.00"},
                        {"Court filing", "95.00"}};
    table.table.widths = {200, 100};
    page.blocks = {intro, table};
    pdf.pages.push_back(page);
    ASSERT_TRUE(ingest::testing::write_test_pdf(path, pdf).ok());

    int code = -1;
    const auto j = ingestJson("'" + path + "'", code);
    ASSERT_EQ(code, 0);
    const auto& unit = j["documents"][0]["units"][0];
    EXPECT_NE(unit["text"].get<std::string>().find("| Hourly rate | 240.00 |"), std::string::npos) << unit["text"];
    ASSERT_EQ(unit["tables"].size(), 1u) << unit.dump();
    const auto& t = unit["tables"][0];
    EXPECT_EQ(t["number"], 1);
    EXPECT_EQ(t["continued"], false);
    EXPECT_EQ(t["header_rows"], 1);
    ASSERT_EQ(t["rows"].size(), 4u);
    EXPECT_EQ(t["rows"][2][0]["text"], "Hourly rate");
    EXPECT_EQ(t["rows"][2][1]["text"], "240.00");
    // Boxes in points from the top left: the figure right of its label, on its line.
    const auto& label = t["rows"][2][0]["box"];
    const auto& fee = t["rows"][2][1]["box"];
    ASSERT_EQ(fee.size(), 4u);
    EXPECT_GT(fee[0].get<double>(), label[2].get<double>());
    EXPECT_LT(std::abs(fee[1].get<double>() - label[1].get<double>()), 2.0);
    EXPECT_GT(t["box"][3].get<double>(), t["box"][1].get<double>());

    const auto off = ingestJson("--tables off '" + path + "'", code);
    ASSERT_EQ(code, 0);
    const auto& plain = off["documents"][0]["units"][0];
    EXPECT_TRUE(plain["tables"].empty());
    EXPECT_EQ(plain["text"].get<std::string>().find('|'), std::string::npos) << plain["text"];
    EXPECT_NE(plain["text"].get<std::string>().find("Hourly rate"), std::string::npos);
}

}  // namespace
}  // namespace lectern::app::e2e
