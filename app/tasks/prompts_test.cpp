// Prompt templates: every task's template is built in, placeholders are filled, and a file
// in the config folder overrides the built-in text.
#include "prompts.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

namespace lectern::app {
namespace {

TEST(Prompts, EveryTaskTemplateIsBuiltIn) {
    for (const char* name : {"summarize_system", "summarize_whole", "summarize_map", "summarize_reduce",
                             "ask_system", "review_system", "review_request", "translate_system"}) {
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

}  // namespace
}  // namespace lectern::app
