// The code-folder walk on folders made in each test: .gitignore rules (negation, nested
// files, directory patterns, .git/info/exclude), binary files, the size limit, vendored
// folders, a symbolic link loop and an unreadable file.
#include <git2.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>

#include "lectern/ingest/code_folder.h"
#include "testing/temp_dir.h"

namespace lectern::ingest {
namespace {

namespace fs = std::filesystem;
using Files = std::vector<std::string>;

Files tree_of(const std::string& folder, const CodeFolderOptions& options = {}) {
    auto doc = read_code_folder(folder, options);
    EXPECT_TRUE(doc.ok()) << doc.error().to_string();
    return doc.ok() ? doc->tree : Files{};
}

bool has_warning(const Document& doc, std::string_view part) {
    return std::any_of(doc.warnings.begin(), doc.warnings.end(),
                       [&](const std::string& w) { return w.find(part) != std::string::npos; });
}

void make_ignore_fixture(const testing::TempDir& dir) {
    dir.write(".gitignore", "*.log\n!keep.log\ngenerated/\n/rootonly.txt\n");
    dir.write("main.cpp", "int main() { return 0; }\n");
    dir.write("debug.log", "noise\n");
    dir.write("keep.log", "kept by negation\n");
    dir.write("generated/gen.cpp", "// generated\n");
    dir.write("src/generated", "a file, not a folder: the directory pattern spares it\n");
    dir.write("rootonly.txt", "anchored pattern\n");
    dir.write("sub/rootonly.txt", "not at the root\n");
    dir.write("sub/.gitignore", "*.tmp\n!important.tmp\n");
    dir.write("sub/x.tmp", "ignored by the nested file\n");
    dir.write("sub/important.tmp", "re-included\n");
    dir.write("x.tmp", "the nested rule does not reach up\n");
}

TEST(CodeFolder, GitignoreRulesInAPlainFolder) {
    testing::TempDir dir;
    make_ignore_fixture(dir);
    EXPECT_EQ(tree_of(dir.path()),
              (Files{".gitignore", "keep.log", "main.cpp", "src/generated", "sub/.gitignore",
                     "sub/important.tmp", "sub/rootonly.txt", "x.tmp"}));
    // Nothing was written into the folder to evaluate the rules.
    EXPECT_FALSE(fs::exists(dir.path() / ".git"));
}

TEST(CodeFolder, GitignoreRulesInARepositoryWithInfoExclude) {
    testing::TempDir dir;
    make_ignore_fixture(dir);
    const std::string init = "git init -q '" + dir.path().string() + "'";
    ASSERT_EQ(std::system(init.c_str()), 0) << "git is needed (scripts/setup installs it)";
    dir.write(".git/info/exclude", "main.cpp\n");
    EXPECT_EQ(tree_of(dir.path()),
              (Files{".gitignore", "keep.log", "src/generated", "sub/.gitignore",
                     "sub/important.tmp", "sub/rootonly.txt", "x.tmp"}));
    // A subfolder of the repository: the same rules, paths relative to the subfolder.
    EXPECT_EQ(tree_of(dir.file("sub")), (Files{".gitignore", "important.tmp", "rootonly.txt"}));
}

TEST(CodeFolder, IgnoreRulesCanBeTurnedOff) {
    testing::TempDir dir;
    dir.write(".gitignore", "*.log\n");
    dir.write("a.log", "x\n");
    CodeFolderOptions options;
    options.honor_gitignore = false;
    EXPECT_EQ(tree_of(dir.path(), options), (Files{".gitignore", "a.log"}));
}

TEST(CodeFolder, BinaryAndLargeFilesAreSkipped) {
    testing::TempDir dir;
    dir.write("tool.bin", std::string("ELF\0\0\1\2", 7));
    dir.write("wide.txt", std::string("\xFF\xFEh\0i\0", 6));  // UTF-16: NULs, yet text
    dir.write("big.txt", std::string(300, 'x'));
    dir.write("small.py", "print('hi')\n");
    CodeFolderOptions options;
    options.max_file_bytes = 200;
    auto doc = read_code_folder(dir.path(), options);
    ASSERT_TRUE(doc.ok()) << doc.error().to_string();
    EXPECT_EQ(doc->tree, (Files{"small.py", "wide.txt"}));
    EXPECT_EQ(doc->units[1].text, "hi");
    EXPECT_EQ(doc->units[0].language, "python");
    EXPECT_TRUE(has_warning(*doc, "skipped 1 binary files: tool.bin"));
    EXPECT_TRUE(has_warning(*doc, "skipped 1 files over 200 bytes: big.txt"));
}

TEST(CodeFolder, AFileWhoseEncodingCannotBeDecidedIsNamedInAWarning) {
    testing::TempDir dir;
    std::string noise;
    for (int i = 0; i < 64; ++i) noise += static_cast<char>(0x80 + (i * 37) % 127);  // high bytes, no NUL
    dir.write("legacy.txt", noise);
    dir.write("main.c", "int main(void) { return 0; }\n");
    auto doc = read_code_folder(dir.path(), {});
    ASSERT_TRUE(doc.ok()) << doc.error().to_string();
    EXPECT_EQ(doc->tree, (Files{"legacy.txt", "main.c"}));
    EXPECT_TRUE(has_warning(*doc, "the text encoding of 1 files could not be decided; they were read as "
                                  "windows-1252 and may be wrong: legacy.txt"));
}

TEST(CodeFolder, VendoredAndBuildFoldersAreConfigurable) {
    testing::TempDir dir;
    dir.write("node_modules/lib/index.js", "module.exports = 1;\n");
    dir.write("build/gen.cpp", "int x;\n");
    dir.write("app.js", "require('lib');\n");
    auto doc = read_code_folder(dir.path());
    ASSERT_TRUE(doc.ok());
    EXPECT_EQ(doc->tree, (Files{"app.js"}));
    EXPECT_TRUE(has_warning(*doc, "skipped vendored or build folders: build, node_modules"));
    CodeFolderOptions options;
    options.skip_dirs = {"build"};
    EXPECT_EQ(tree_of(dir.path(), options), (Files{"app.js", "node_modules/lib/index.js"}));
}

TEST(CodeFolder, SymbolicLinkLoopIsReportedNotFollowed) {
    testing::TempDir dir;
    dir.write("a/b/file.c", "int f(void);\n");
    fs::create_directory_symlink("../..", dir.path() / "a/b/up");
    fs::create_directory_symlink(".", dir.path() / "self");
    fs::create_symlink("a/b/file.c", dir.path() / "link.c");
    fs::create_symlink("missing.c", dir.path() / "broken.c");
    auto doc = read_code_folder(dir.path());
    ASSERT_TRUE(doc.ok()) << doc.error().to_string();
    EXPECT_EQ(doc->tree, (Files{"a/b/file.c", "link.c"}));
    EXPECT_TRUE(has_warning(*doc, "symbolic link loop not followed: a/b/up"));
    EXPECT_TRUE(has_warning(*doc, "symbolic link loop not followed: self"));
    ASSERT_EQ(doc->file_errors.size(), 1u);
    EXPECT_EQ(doc->file_errors[0].path, "broken.c");
}

// Root reads any file whatever its mode, so the walk runs as "nobody" when the test is root.
class EffectiveUser {
public:
    // libgit2 reads the user's global git config: its search path points at a folder
    // "nobody" may search (root's home cannot be searched by nobody).
    explicit EffectiveUser(const std::string& home) : was_root_(::geteuid() == 0) {
        git_libgit2_init();
        for (auto level : {GIT_CONFIG_LEVEL_GLOBAL, GIT_CONFIG_LEVEL_XDG})
            git_libgit2_opts(GIT_OPT_SET_SEARCH_PATH, level, home.c_str());
        if (was_root_) ok_ = ::seteuid(65534) == 0;
    }
    ~EffectiveUser() {
        if (was_root_ && ok_) (void)::seteuid(0);
        for (auto level : {GIT_CONFIG_LEVEL_GLOBAL, GIT_CONFIG_LEVEL_XDG})
            git_libgit2_opts(GIT_OPT_SET_SEARCH_PATH, level, nullptr);
        git_libgit2_shutdown();
    }
    bool ok() const { return !was_root_ || ok_; }

private:
    bool was_root_;
    bool ok_ = false;
};

TEST(CodeFolder, UnreadableFileIsAnErrorAndTheRestIsIngested) {
    testing::TempDir dir;
    dir.write("src/ok.rs", "fn main() {}\n");
    auto secret = dir.write("src/secret.rs", "const KEY: u32 = 1;\n");
    dir.write("z.md", "# notes\n");
    for (const auto& p : {dir.path(), dir.path() / "src"}) fs::permissions(p, fs::perms(0755));
    fs::permissions(secret, fs::perms::none);
    Result<Document> doc = make_error(ErrorCode::Internal, "not run");
    {
        EffectiveUser nobody(dir.path().string());
        ASSERT_TRUE(nobody.ok());
        doc = read_code_folder(dir.path());
    }
    ASSERT_TRUE(doc.ok()) << doc.error().to_string();
    EXPECT_EQ(doc->tree, (Files{"src/ok.rs", "z.md"}));
    ASSERT_EQ(doc->file_errors.size(), 1u);
    EXPECT_EQ(doc->file_errors[0].path, "src/secret.rs");
    EXPECT_EQ(doc->file_errors[0].error.code, ErrorCode::Io);
    EXPECT_TRUE(has_warning(*doc, "src/secret.rs: cannot open: Permission denied"));
}

TEST(CodeFolder, StableIdAndLanguages) {
    testing::TempDir a, b;
    for (auto* d : {&a, &b}) {
        d->write("x.go", "package x\n");
        d->write("Makefile", "all:\n");
    }
    auto da = read_code_folder(a.path()), db = read_code_folder(b.path());
    ASSERT_TRUE(da.ok() && db.ok());
    EXPECT_EQ(da->id, db->id);
    b.write("x.go", "package y\n");
    EXPECT_NE(da->id, read_code_folder(b.path())->id);
    EXPECT_EQ(da->units[0].language, "make");
    EXPECT_EQ(da->units[1].language, "go");
    EXPECT_EQ(language_from_path("src/Engine.CPP"), "cpp");
    EXPECT_EQ(language_from_path("LICENSE"), "");
    EXPECT_FALSE(read_code_folder(a.file("x.go")).ok());
}

}  // namespace
}  // namespace lectern::ingest
