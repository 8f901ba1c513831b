// Tests of a session's Markdown and JSON renderings.
#include <gtest/gtest.h>

#include "session_export.h"
#include "store_test_support.h"

namespace lectern::app {
namespace {

class SessionExportTest : public ::testing::Test {
protected:
    void SetUp() override {
        auto opened = Store::open(":memory:");
        ASSERT_OK(opened);
        m_store = std::make_unique<Store>(std::move(*opened));
        m_session = *m_store->sessions().create("Contract review", "llama-3.1-8b.gguf");
        auto doc = m_store->documents().add(
            DocumentRecord{0, "/d/contract.pdf", "c0", "pdf", "Contract", R"({"pages":40})", 0, 0},
            {});
        ASSERT_OK(doc);
        ASSERT_OK(m_store->sessions().attachDocument(m_session, doc->id));
        ASSERT_OK(m_store->messages().add(makeMessage(m_session, "user", "Any penalties?")));
        auto stream = m_store->messages().beginStream(m_session, "assistant", 31000);
        ASSERT_OK(stream);
        ASSERT_OK(stream->append("A late fee [p. 7]"));
        ASSERT_OK(stream->finish(MessageStatus::Stopped, GenerationMetrics{{}, 5, 812.4, 38.06}));
    }

    std::unique_ptr<Store> m_store;
    std::int64_t m_session = 0;
};

TEST_F(SessionExportTest, MarkdownHasTitleDocumentsTurnsStatusAndMetrics) {
    auto transcript = loadTranscript(*m_store, m_session);
    ASSERT_OK(transcript);
    std::string md = transcriptMarkdown(*transcript);
    EXPECT_EQ(md.rfind("# Contract review\n", 0), 0u) << md;
    EXPECT_NE(md.find("- Model: llama-3.1-8b.gguf\n"), std::string::npos) << md;
    EXPECT_NE(md.find("- Document: Contract (/d/contract.pdf)\n"), std::string::npos) << md;
    size_t user = md.find("## User\n\nAny penalties?\n");
    size_t assistant = md.find("## Assistant\n\nA late fee [p. 7]\n");
    ASSERT_NE(user, std::string::npos) << md;
    ASSERT_NE(assistant, std::string::npos) << md;
    EXPECT_LT(user, assistant);
    EXPECT_NE(md.find("*(stopped)*"), std::string::npos) << md;
    EXPECT_NE(md.find("31000 prompt tokens · 5 tokens · 812 ms prefill · 38.1 tokens/s"),
              std::string::npos) << md;
}

TEST_F(SessionExportTest, JsonHasEveryField) {
    auto transcript = loadTranscript(*m_store, m_session);
    ASSERT_OK(transcript);
    nlohmann::json json = transcriptJson(*transcript);
    EXPECT_EQ(json["title"], "Contract review");
    EXPECT_EQ(json["documents"][0]["metadata"]["pages"], 40);
    ASSERT_EQ(json["messages"].size(), 2u);
    const auto& reply = json["messages"][1];
    EXPECT_EQ(reply["status"], "stopped");
    EXPECT_EQ(reply["prompt_tokens"], 31000);
    EXPECT_EQ(reply["completion_tokens"], 5);
    EXPECT_DOUBLE_EQ(reply["tokens_per_s"].get<double>(), 38.06);
    EXPECT_TRUE(json["messages"][0]["prefill_ms"].is_null());
    EXPECT_EQ(loadTranscript(*m_store, 999).error().code, ErrorCode::NotFound);
}

}  // namespace
}  // namespace lectern::app
