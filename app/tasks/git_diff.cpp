// Reading a repository's uncommitted changes with libgit2 (see git_diff.h).
#include "git_diff.h"

#include <map>
#include <memory>

#include <git2.h>

#include "lectern/ingest/code_folder.h"
#include "lectern/ingest/ingest.h"

namespace lectern::app {
namespace {

struct Libgit2 {
    Libgit2() { git_libgit2_init(); }
    ~Libgit2() { git_libgit2_shutdown(); }
};

Error gitError(ErrorCode code, const std::string& what) {
    const git_error* e = git_error_last();
    return Error{code, what, e && e->message ? e->message : ""};
}

struct Collected {
    std::map<std::string, std::string> text;  // per new path, in first-seen order by name
    ShownLines shown;
};

int onLine(const git_diff_delta* delta, const git_diff_hunk* hunk, const git_diff_line* line, void* payload) {
    auto& c = *static_cast<Collected*>(payload);
    if (!hunk) return 0;
    const std::string path = delta->new_file.path ? delta->new_file.path : "";
    std::string& t = c.text[path];
    const std::string content(line->content, line->content_len);
    const std::string body = !content.empty() && content.back() == '\n' ? content : content + "\n";
    switch (line->origin) {
    case GIT_DIFF_LINE_CONTEXT:
    case GIT_DIFF_LINE_ADDITION: {
        const auto n = static_cast<std::int64_t>(line->new_lineno);
        t += std::to_string(n) + (line->origin == GIT_DIFF_LINE_ADDITION ? "|+" : "| ") + body;
        auto& ranges = c.shown[path];
        if (!ranges.empty() && ranges.back().second + 1 == n)
            ranges.back().second = n;
        else
            ranges.push_back({n, n});
        break;
    }
    case GIT_DIFF_LINE_DELETION: t += "    |-" + body; break;
    default: break;
    }
    return 0;
}

int onHunk(const git_diff_delta* delta, const git_diff_hunk* hunk, void* payload) {
    auto& c = *static_cast<Collected*>(payload);
    c.text[delta->new_file.path ? delta->new_file.path : ""] += std::string(hunk->header, hunk->header_len);
    return 0;
}

}  // namespace

Result<GitDiff> readGitDiff(const std::string& repoPath) {
    Libgit2 lib;
    git_repository* raw = nullptr;
    if (git_repository_open_ext(&raw, repoPath.c_str(), 0, nullptr) != 0)
        return gitError(ErrorCode::NotFound, "not a git repository: " + repoPath);
    std::unique_ptr<git_repository, void (*)(git_repository*)> repo(raw, git_repository_free);
    git_object* headTree = nullptr;
    if (git_revparse_single(&headTree, repo.get(), "HEAD^{tree}") != 0)
        return gitError(ErrorCode::Unsupported, "the repository has no commit to compare with");
    std::unique_ptr<git_object, void (*)(git_object*)> tree(headTree, git_object_free);
    git_diff_options opts = GIT_DIFF_OPTIONS_INIT;
    opts.context_lines = 3;
    opts.flags |= GIT_DIFF_INCLUDE_UNTRACKED | GIT_DIFF_SHOW_UNTRACKED_CONTENT | GIT_DIFF_RECURSE_UNTRACKED_DIRS;
    git_diff* rawDiff = nullptr;
    if (git_diff_tree_to_workdir_with_index(&rawDiff, repo.get(), reinterpret_cast<git_tree*>(headTree), &opts) != 0)
        return gitError(ErrorCode::Io, "cannot diff the working tree against HEAD");
    std::unique_ptr<git_diff, void (*)(git_diff*)> diff(rawDiff, git_diff_free);
    Collected c;
    if (git_diff_foreach(diff.get(), nullptr, nullptr, onHunk, onLine, &c) != 0)
        return gitError(ErrorCode::Io, "cannot read the diff");
    GitDiff out;
    out.document.kind = ingest::DocumentKind::CodeFolder;
    out.document.path = repoPath;
    out.document.metadata.title = "changes in " + repoPath;
    std::string all;
    for (auto& [path, text] : c.text) {
        ingest::Unit u;
        u.locator = path;
        u.path = path;
        u.language = ingest::language_from_path(path);
        u.text = std::move(text);
        all += path + "\n" + u.text;
        out.document.tree.push_back(path);
        out.document.units.push_back(std::move(u));
    }
    if (out.document.units.empty()) return make_error(ErrorCode::Unsupported, "no changes to review", repoPath);
    out.document.id = ingest::sha256_hex(all);
    out.shown = std::move(c.shown);
    return out;
}

}  // namespace lectern::app
