// Tests of full-text search over messages and document units.
#include <gtest/gtest.h>

#include "store.h"
#include "store_test_support.h"

namespace lectern::app {
namespace {

class SearchTest : public ::testing::Test {
protected:
    void SetUp() override {
        auto opened = Store::open(":memory:");
        ASSERT_OK(opened);
        m_store = std::make_unique<Store>(std::move(*opened));
        m_session = *m_store->sessions().create("Code review", "m.gguf");
        ASSERT_OK(m_store->messages().add(
            makeMessage(m_session, "user", "Why does the database connection leak?")));
        ASSERT_OK(m_store->messages().add(makeMessage(
            m_session, "assistant", "The handle in src/db.cpp is never closed on error.")));
        auto doc = m_store->documents().add(
            DocumentRecord{0, "/src", "sha", "code", "service", "{}", 0, 0},
            {UnitRecord{0, 0, 0, "src/db.cpp", "int open_database() { return connect(); }", {}},
             UnitRecord{0, 0, 0, "README.md", "Café menu: crème brûlée", {}}});
        ASSERT_OK(doc);
        m_document = doc->id;
    }
    Result<std::vector<SearchHit>> search(const std::string& q, SearchOptions options = {}) {
        return m_store->searchIndex().search(q, options);
    }

    std::unique_ptr<Store> m_store;
    std::int64_t m_session = 0;
    std::int64_t m_document = 0;
};

TEST_F(SearchTest, FindsMessagesWithSnippetAndSession) {
    auto hits = search("connection leak");
    ASSERT_OK(hits);
    ASSERT_EQ(hits->size(), 1u);
    const SearchHit& hit = hits->front();
    EXPECT_EQ(hit.kind, SearchHit::Kind::Message);
    EXPECT_EQ(hit.ownerId, m_session);
    EXPECT_EQ(hit.ownerTitle, "Code review");
    EXPECT_EQ(hit.where, "user");
    EXPECT_NE(hit.snippet.find("[connection] [leak]"), std::string::npos) << hit.snippet;
}

TEST_F(SearchTest, FindsUnitsWithLocatorAndPunctuationInWords) {
    auto hits = search("db.cpp");
    ASSERT_OK(hits);
    ASSERT_EQ(hits->size(), 1u);  // the message; the unit's text does not say db.cpp
    EXPECT_EQ(hits->front().kind, SearchHit::Kind::Message);

    hits = search("open_database", SearchOptions{10, false, "<b>", "</b>"});
    ASSERT_OK(hits);
    ASSERT_EQ(hits->size(), 1u);
    EXPECT_EQ(hits->front().kind, SearchHit::Kind::Unit);
    EXPECT_EQ(hits->front().where, "src/db.cpp");
    EXPECT_EQ(hits->front().ownerId, m_document);
    EXPECT_NE(hits->front().snippet.find("<b>open_database</b>"), std::string::npos);
}

TEST_F(SearchTest, IgnoresDiacritics) {
    auto hits = search("creme brulee");
    ASSERT_OK(hits);
    ASSERT_EQ(hits->size(), 1u);
    EXPECT_EQ(hits->front().where, "README.md");
}

TEST_F(SearchTest, BestMatchesComeFirstAndLimitApplies) {
    ASSERT_OK(m_store->messages().add(
        makeMessage(m_session, "assistant", "database database database everywhere")));
    auto hits = search("database");
    ASSERT_OK(hits);
    ASSERT_EQ(hits->size(), 3u);
    EXPECT_EQ(hits->front().snippet.find("[database] [database]"), 0u) << hits->front().snippet;
    for (size_t i = 1; i < hits->size(); ++i) EXPECT_LE((*hits)[i - 1].rank, (*hits)[i].rank);
    EXPECT_EQ(search("database", SearchOptions{1})->size(), 1u);
}

TEST_F(SearchTest, RawQueriesUseFts5SyntaxAndBadSyntaxIsAnInputError) {
    auto hits = search("leak OR brûlée", SearchOptions{20, true});
    ASSERT_OK(hits);
    EXPECT_EQ(hits->size(), 2u);
    auto bad = search("\"unterminated", SearchOptions{20, true});
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.error().code, ErrorCode::InvalidArgument) << bad.error().to_string();
    EXPECT_EQ(search("   ").error().code, ErrorCode::InvalidArgument);
    EXPECT_EQ(plainWordsQuery(R"(say "hi")"), R"("say" """hi""")");
}

TEST_F(SearchTest, IndexFollowsStreamingEditsAndDeletes) {
    auto stream = m_store->messages().beginStream(m_session, "assistant");
    ASSERT_OK(stream);
    ASSERT_OK(stream->append("Zebras "));
    ASSERT_OK(stream->flush());
    EXPECT_EQ(search("zebras")->size(), 1u);
    ASSERT_OK(stream->append("and giraffes"));
    ASSERT_OK(stream->finish(MessageStatus::Complete));
    EXPECT_EQ(search("zebras giraffes")->size(), 1u);
    ASSERT_OK(m_store->messages().remove(stream->messageId()));
    EXPECT_EQ(search("zebras")->size(), 0u);
    ASSERT_OK(m_store->documents().remove(m_document));
    EXPECT_EQ(search("open_database")->size(), 0u);
}

}  // namespace
}  // namespace lectern::app
