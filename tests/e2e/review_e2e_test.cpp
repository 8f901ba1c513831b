// Review end to end: the prompt shows each file with numbered lines; every finding the
// task reports as verified names a file and line that exist on disk. With the tiny model's
// gibberish output there are usually no findings at all, so the parsing and checking of
// findings is tested with written outputs in app/tasks/review_findings_test.cpp; here the
// test checks the prompt and that whatever comes out is checked. A git diff is read with
// libgit2 into hunks with the new file's line numbers. A stopped review of several chunks
// resumes.
#include <fstream>

#include <git2.h>
#include <gtest/gtest.h>

#include "git_diff.h"
#include "review_task.h"
#include "task_documents.h"
#include "task_fixture.h"

namespace lectern::app::e2e {
namespace {

std::int64_t linesOnDisk(const std::filesystem::path& file) {
    std::ifstream in(file);
    std::int64_t n = 0;
    for (std::string line; std::getline(in, line);) ++n;
    return n;
}

TEST_F(TaskTest, ReviewPromptCarriesLineNumbersAndFindingsNameExistingLines) {
    dir.write("code/src/db.cpp", "int open_db(const char* path) {\n    return path ? 0 : -1;\n}\n");
    dir.write("code/main.py", "import sys\nprint(sys.argv[1])\n");
    auto docs = readDocuments({dir.file("code")});
    ASSERT_TRUE(docs.ok());
    ReviewRequest request;
    request.documents = std::move(docs.value());
    request.maxTokens = 24;
    auto engine = openTiny(1024);
    ASSERT_TRUE(engine);
    Recorder rec;
    auto r = runReview(*engine, *store, request, rec.context());
    ASSERT_TRUE(r.ok()) << r.error().to_string();
    EXPECT_EQ(r->prompts, 1u);
    EXPECT_NE(r->firstPrompt.find("=== src/db.cpp ==="), std::string::npos);
    EXPECT_NE(r->firstPrompt.find("2|     return path ? 0 : -1;"), std::string::npos);
    EXPECT_NE(r->firstPrompt.find("2| print(sys.argv[1])"), std::string::npos);
    for (const auto& f : r->findings) {
        if (!f.verified) continue;
        const auto file = dir.path() / "code" / f.path;
        ASSERT_TRUE(std::filesystem::exists(file)) << f.path;
        EXPECT_LE(f.line, linesOnDisk(file)) << f.path;
    }
}

// A review of several chunks asked again after a stop continues its run: the chunk reviewed
// before is kept (and is the start of the new answer), only the others are reviewed, in the
// same session.
TEST_F(TaskTest, StoppedReviewResumesFromTheChunksDone) {
    for (int f = 0; f < 6; ++f) {
        std::string code;
        for (int l = 0; l < 40; ++l)
            code += "int value_" + std::to_string(f) + "_" + std::to_string(l) + " = " + std::to_string(l * 7) + ";\n";
        dir.write("big/file" + std::to_string(f) + ".cpp", code);
    }
    auto docs = readDocuments({dir.file("big")});
    ASSERT_TRUE(docs.ok());
    ReviewRequest request;
    request.documents = std::move(docs.value());
    request.maxTokens = 8;
    auto engine = openTiny(512);
    ASSERT_TRUE(engine);
    Recorder first;
    first.cancelAt("review", 1);  // as the second chunk starts
    auto stopped = runReview(*engine, *store, request, first.context());
    ASSERT_TRUE(stopped.ok()) << stopped.error().to_string();
    ASSERT_GT(stopped->prompts, 2u);
    ASSERT_TRUE(stopped->stopped);

    Recorder second;
    auto resumed = runReview(*engine, *store, request, second.context());
    ASSERT_TRUE(resumed.ok()) << resumed.error().to_string();
    EXPECT_FALSE(resumed->stopped);
    EXPECT_EQ(resumed->sessionId, stopped->sessionId);
    EXPECT_EQ(resumed->resumedPrompts, 1u);
    EXPECT_EQ(second.first("review"), 1);
    const std::string firstChunk = stopped->output.substr(0, stopped->output.find('\n') + 1);
    EXPECT_EQ(resumed->output.compare(0, firstChunk.size(), firstChunk), 0);
    expectOneCompleteRun(resumed->sessionId);
}

// Commits `files` in a new repository at `root` with libgit2.
void commitAll(const std::filesystem::path& root) {
    git_libgit2_init();
    git_repository* repo = nullptr;
    ASSERT_EQ(git_repository_init(&repo, root.c_str(), 0), 0);
    git_index* index = nullptr;
    ASSERT_EQ(git_repository_index(&index, repo), 0);
    ASSERT_EQ(git_index_add_bypath(index, "a.cpp"), 0);
    ASSERT_EQ(git_index_write(index), 0);
    git_oid treeId, commitId;
    ASSERT_EQ(git_index_write_tree(&treeId, index), 0);
    git_tree* tree = nullptr;
    ASSERT_EQ(git_tree_lookup(&tree, repo, &treeId), 0);
    git_signature* sig = nullptr;
    ASSERT_EQ(git_signature_now(&sig, "Lectern Test", "test@example.org"), 0);
    ASSERT_EQ(git_commit_create_v(&commitId, repo, "HEAD", sig, sig, nullptr, "first", tree, 0), 0);
    git_signature_free(sig);
    git_tree_free(tree);
    git_index_free(index);
    git_repository_free(repo);
    git_libgit2_shutdown();
}

TEST_F(TaskTest, GitDiffHasHunksWithNewLineNumbers) {
    std::string before;
    for (int i = 1; i <= 20; ++i) before += "int v" + std::to_string(i) + " = " + std::to_string(i) + ";\n";
    const auto repo = dir.path() / "repo";
    dir.write("repo/a.cpp", before);
    commitAll(repo);
    std::string after = before;
    after.replace(after.find("int v10 = 10;"), 13, "int v10 = 99;");
    dir.write("repo/a.cpp", after);
    dir.write("repo/new.h", "#pragma once\n");

    auto diff = readGitDiff(repo.string());
    ASSERT_TRUE(diff.ok()) << diff.error().to_string();
    ASSERT_EQ(diff->document.units.size(), 2u);
    const auto& a = diff->document.units[0];
    EXPECT_EQ(a.path, "a.cpp");
    EXPECT_NE(a.text.find("10|+int v10 = 99;"), std::string::npos);
    EXPECT_NE(a.text.find("    |-int v10 = 10;"), std::string::npos);
    EXPECT_NE(a.text.find("7| int v7 = 7;"), std::string::npos);  // 3 lines of context
    EXPECT_TRUE(isShown(diff->shown, "a.cpp", 10));
    EXPECT_TRUE(isShown(diff->shown, "a.cpp", 13));
    EXPECT_FALSE(isShown(diff->shown, "a.cpp", 2));
    EXPECT_TRUE(isShown(diff->shown, "new.h", 1));
    const auto f = parseFindings("a.cpp:10: major: changed constant\na.cpp:2: minor: not shown\n", diff->shown);
    ASSERT_EQ(f.size(), 2u);
    EXPECT_TRUE(f[0].verified);
    EXPECT_FALSE(f[1].verified);
}

}  // namespace
}  // namespace lectern::app::e2e
