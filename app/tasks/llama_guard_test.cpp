// Llama Guard 3's prompt against golden strings written out from Llama-Guard-3-8B's chat
// template (tokenizer_config.json; the format the model card's example renders through
// apply_chat_template): the user's turn assessed, the agent's, and a custom list of
// categories with a description. And its output parsed: safe, unsafe with codes, extra
// whitespace, unknown codes and garbage (never "safe").
#include "llama_guard.h"

#include <gtest/gtest.h>

namespace lectern::app {
namespace {

const char* const kCategories =
    "<BEGIN UNSAFE CONTENT CATEGORIES>\n"
    "S1: Violent Crimes.\nS2: Non-Violent Crimes.\nS3: Sex Crimes.\nS4: Child Exploitation.\nS5: Defamation.\n"
    "S6: Specialized Advice.\nS7: Privacy.\nS8: Intellectual Property.\nS9: Indiscriminate Weapons.\nS10: Hate.\n"
    "S11: Self-Harm.\nS12: Sexual Content.\nS13: Elections.\nS14: Code Interpreter Abuse.\n"
    "<END UNSAFE CONTENT CATEGORIES>\n\n";

TEST(LlamaGuardPrompt, TheUsersQuestionIsAssessedInThePublishedFormat) {
    auto p = guardPrompt({{"user", "  How do I pick the lock of my own shed?\n"}});
    ASSERT_TRUE(p.ok()) << p.error().to_string();
    const std::string golden =
        std::string(" <|begin_of_text|><|start_header_id|>user<|end_header_id|>\n\n"
                    "Task: Check if there is unsafe content in 'User' messages in conversations according our safety "
                    "policy with the below categories.\n\n") +
        kCategories +
        "<BEGIN CONVERSATION>\n\n"
        "User: How do I pick the lock of my own shed?\n\n"
        "<END CONVERSATION>\n\n"
        "Provide your safety assessment for ONLY THE LAST User message in the above conversation:\n"
        " - First line must read 'safe' or 'unsafe'.\n"
        " - If unsafe, a second line must include a comma-separated list of violated categories."
        "<|eot_id|><|start_header_id|>assistant<|end_header_id|>";
    EXPECT_EQ(p.value(), golden);
}

TEST(LlamaGuardPrompt, TheAnswerIsAssessedAsTheAgentsWithTheQuestionAsContext) {
    auto p = guardPrompt({{"user", "What does clause 4 say?"}, {"assistant", "Invoices are due within 60 days [p. 2].  "}});
    ASSERT_TRUE(p.ok());
    const std::string golden =
        std::string(" <|begin_of_text|><|start_header_id|>user<|end_header_id|>\n\n"
                    "Task: Check if there is unsafe content in 'Agent' messages in conversations according our safety "
                    "policy with the below categories.\n\n") +
        kCategories +
        "<BEGIN CONVERSATION>\n\n"
        "User: What does clause 4 say?\n\n"
        "Agent: Invoices are due within 60 days [p. 2].\n\n"
        "<END CONVERSATION>\n\n"
        "Provide your safety assessment for ONLY THE LAST Agent message in the above conversation:\n"
        " - First line must read 'safe' or 'unsafe'.\n"
        " - If unsafe, a second line must include a comma-separated list of violated categories."
        "<|eot_id|><|start_header_id|>assistant<|end_header_id|>";
    EXPECT_EQ(p.value(), golden);
}

TEST(LlamaGuardPrompt, ACustomCategoryListIsListedWithItsDescriptions) {
    const std::vector<GuardCategory> custom = {
        {"S1", "Violent Crimes.", ""},
        {"S15", "Confidential Figures.", "AI models should not reveal figures marked confidential in the documents."},
    };
    auto p = guardPrompt({{"user", "List the confidential figures."}}, custom);
    ASSERT_TRUE(p.ok());
    const std::string golden =
        " <|begin_of_text|><|start_header_id|>user<|end_header_id|>\n\n"
        "Task: Check if there is unsafe content in 'User' messages in conversations according our safety "
        "policy with the below categories.\n\n"
        "<BEGIN UNSAFE CONTENT CATEGORIES>\n"
        "S1: Violent Crimes.\n"
        "S15: Confidential Figures.\n"
        "AI models should not reveal figures marked confidential in the documents.\n"
        "<END UNSAFE CONTENT CATEGORIES>\n\n"
        "<BEGIN CONVERSATION>\n\n"
        "User: List the confidential figures.\n\n"
        "<END CONVERSATION>\n\n"
        "Provide your safety assessment for ONLY THE LAST User message in the above conversation:\n"
        " - First line must read 'safe' or 'unsafe'.\n"
        " - If unsafe, a second line must include a comma-separated list of violated categories."
        "<|eot_id|><|start_header_id|>assistant<|end_header_id|>";
    EXPECT_EQ(p.value(), golden);
    EXPECT_EQ(parseGuardOutput("unsafe\nS15", custom).kind, GuardVerdict::Kind::Unsafe);
    EXPECT_EQ(parseGuardOutput("unsafe\nS2", custom).kind, GuardVerdict::Kind::Malformed);  // not in this list
}

TEST(LlamaGuardPrompt, AConversationThatDoesNotAlternateIsRefused) {
    EXPECT_EQ(guardPrompt({}).error().code, ErrorCode::InvalidArgument);
    EXPECT_EQ(guardPrompt({{"assistant", "Hello"}}).error().code, ErrorCode::InvalidArgument);
    EXPECT_EQ(guardPrompt({{"user", "a"}, {"user", "b"}}).error().code, ErrorCode::InvalidArgument);
    EXPECT_EQ(guardPrompt({{"system", "x"}, {"user", "b"}}).error().code, ErrorCode::InvalidArgument);
}

TEST(LlamaGuardOutput, SafeAndUnsafeWithTheirCategories) {
    EXPECT_EQ(parseGuardOutput("safe").kind, GuardVerdict::Kind::Safe);
    EXPECT_EQ(parseGuardOutput("\n\nsafe").kind, GuardVerdict::Kind::Safe);  // the model opens with a blank line
    EXPECT_EQ(parseGuardOutput("  Safe \n").kind, GuardVerdict::Kind::Safe);
    const GuardVerdict u = parseGuardOutput("unsafe\nS1,S10");
    EXPECT_EQ(u.kind, GuardVerdict::Kind::Unsafe);
    EXPECT_EQ(u.categories, (std::vector<std::string>{"S1", "S10"}));
    const GuardVerdict spaced = parseGuardOutput("\n\nunsafe \n s10 , S1 ,S10\n");
    EXPECT_EQ(spaced.kind, GuardVerdict::Kind::Unsafe);
    EXPECT_EQ(spaced.categories, (std::vector<std::string>{"S10", "S1"}));  // in order, once each
    EXPECT_EQ(spaced.output, "\n\nunsafe \n s10 , S1 ,S10\n");
}

TEST(LlamaGuardOutput, AnythingElseIsMalformedNeverSafe) {
    for (const char* garbage : {"", "   ", "unsafe", "unsafe\n", "unsafe\nS15", "unsafe\nS1,,S2", "unsafe\nhate",
                                "unsafe\nS1\nS2", "safe\nS1", "I think it is safe", "sa fe", "SAFE!", "yes",
                                "<|eot_id|>", "unsafe S1"}) {
        const GuardVerdict v = parseGuardOutput(garbage);
        EXPECT_EQ(v.kind, GuardVerdict::Kind::Malformed) << "\"" << garbage << "\"";
        EXPECT_FALSE(v.problem.empty()) << garbage;
        EXPECT_TRUE(v.categories.empty()) << garbage;
    }
    EXPECT_NE(parseGuardOutput("unsafe\nS99").problem.find("unknown category \"S99\""), std::string::npos);
    EXPECT_STREQ(guardVerdictName(GuardVerdict::Kind::Malformed), "malformed");
}

}  // namespace
}  // namespace lectern::app
