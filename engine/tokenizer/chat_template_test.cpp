// Chat templates: recognition from Jinja text, the Llama 2 format (Meta's reference
// layout), Llama 3 without a system prompt or generation prompt, and rejected inputs.
// The Llama 3 rendering against Hugging Face's is checked in llama3_golden_test.
#include <gtest/gtest.h>

#include "lectern/engine/chat_template.h"
#include "lectern/engine/tokenizer.h"
#include "tokenizer_test_support.h"

namespace lectern {
namespace {

using tokenizer::testing::test_data;

TEST(ChatTemplate, RecognizedFromJinjaOrFamily) {
    EXPECT_EQ(detect_chat_template("{{ '<|start_header_id|>' + role }}", TokenizerKind::SentencePiece),
              ChatTemplateKind::Llama3);
    EXPECT_EQ(detect_chat_template("{{ bos_token + '[INST] ' + content }}", TokenizerKind::ByteLevelBpe),
              ChatTemplateKind::Llama2);
    EXPECT_EQ(detect_chat_template("", TokenizerKind::SentencePiece), ChatTemplateKind::Llama2);
    EXPECT_EQ(detect_chat_template("", TokenizerKind::ByteLevelBpe), ChatTemplateKind::Llama3);
}

TEST(ChatTemplate, Llama2Text) {
    const std::vector<ChatMessage> m = {{"system", "Be brief."},
                                        {"user", " Hi there "},
                                        {"assistant", "Hello. "},
                                        {"user", "Again?"}};
    auto text = render_chat(ChatTemplateKind::Llama2, m, true);
    ASSERT_TRUE(text.ok());
    // The published template strips the user text only after folding the system block in
    // front of it, so the inner leading space stays.
    EXPECT_EQ(*text,
              "<s>[INST] <<SYS>>\nBe brief.\n<</SYS>>\n\n Hi there [/INST] Hello. </s>"
              "<s>[INST] Again? [/INST]");
}

TEST(ChatTemplate, Llama2Ids) {
    auto tok = Tokenizer::load(test_data("models/llama2-tiny-mha"));
    ASSERT_TRUE(tok.ok());
    const std::vector<ChatMessage> m = {{"user", "Hi"}, {"assistant", "Hello"}, {"user", "Again"}};
    auto ids = render_chat_ids(**tok, m, true);
    ASSERT_TRUE(ids.ok()) << ids.error().to_string();
    ASSERT_GT(ids->size(), 4u);
    EXPECT_EQ(ids->front(), 1);  // <s>
    EXPECT_EQ(std::count(ids->begin(), ids->end(), 1), 2);
    EXPECT_EQ(std::count(ids->begin(), ids->end(), 2), 1);  // </s> closes the answered turn
    EXPECT_EQ((*tok)->decode(*ids), "[INST] Hi [/INST] Hello  [INST] Again [/INST]");
}

TEST(ChatTemplate, Llama3WithoutSystemOrGenerationPrompt) {
    const std::vector<ChatMessage> m = {{"user", "\tWhat is 2+2?\n"}};
    auto text = render_chat(ChatTemplateKind::Llama3, m, false);
    ASSERT_TRUE(text.ok());
    EXPECT_EQ(*text, "<|begin_of_text|><|start_header_id|>user<|end_header_id|>\n\nWhat is 2+2?<|eot_id|>");
    auto tok = Tokenizer::load(test_data("models/llama31-tiny"));
    ASSERT_TRUE(tok.ok());
    auto ids = render_chat_ids(**tok, m, false);
    ASSERT_TRUE(ids.ok());
    EXPECT_EQ(*ids, (*tok)->encode(*text, false, true));
    EXPECT_EQ(ids->back(), 508);  // <|eot_id|>
}

TEST(ChatTemplate, RejectsMalformedChats) {
    const std::vector<ChatMessage> none;
    EXPECT_EQ(render_chat(ChatTemplateKind::Llama3, none, true).error().code, ErrorCode::InvalidArgument);
    const std::vector<ChatMessage> no_role = {{"", "x"}};
    EXPECT_EQ(render_chat(ChatTemplateKind::Llama3, no_role, true).error().code, ErrorCode::InvalidArgument);
    const std::vector<ChatMessage> two_users = {{"user", "a"}, {"user", "b"}};
    EXPECT_EQ(render_chat(ChatTemplateKind::Llama2, two_users, true).error().code, ErrorCode::InvalidArgument);
    const std::vector<ChatMessage> only_system = {{"system", "s"}};
    EXPECT_EQ(render_chat(ChatTemplateKind::Llama2, only_system, true).error().code, ErrorCode::InvalidArgument);
    auto spm = Tokenizer::load(test_data("models/llama2-tiny-mha"));
    ASSERT_TRUE(spm.ok());
    // The SentencePiece vocabulary has no Llama 3 header tokens.
    EXPECT_EQ(render_chat_ids(**spm, ChatTemplateKind::Llama3, two_users, true).error().code,
              ErrorCode::UnsupportedModel);
}

}  // namespace
}  // namespace lectern
