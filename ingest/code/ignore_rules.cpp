// libgit2-backed ignore checks; see ignore_rules.h.
#include "code/ignore_rules.h"

#include <git2.h>

#include <cstdlib>
#include <filesystem>
#include <mutex>

namespace lectern::ingest {
namespace {

void init_libgit2() {
    static std::once_flag once;
    std::call_once(once, [] { git_libgit2_init(); });
}

std::string last_git_error() {
    const git_error* e = git_error_last();
    return e && e->message ? e->message : "unknown libgit2 error";
}

}  // namespace

struct IgnoreRules::State {
    git_repository* repo = nullptr;
    std::string prefix;           // the folder's path inside the repository's work tree
    std::filesystem::path scratch;  // the throwaway git directory of a plain folder
    ~State() {
        if (repo) git_repository_free(repo);
        std::error_code ec;
        if (!scratch.empty()) std::filesystem::remove_all(scratch, ec);
    }
};

IgnoreRules::IgnoreRules(std::unique_ptr<State> state) : state_(std::move(state)) {}
IgnoreRules::~IgnoreRules() = default;

Result<std::unique_ptr<IgnoreRules>> IgnoreRules::open(const std::string& folder) {
    init_libgit2();
    std::error_code ec;
    const auto root = std::filesystem::canonical(folder, ec);
    if (ec) return make_error(ErrorCode::NotFound, "cannot resolve the folder", folder);
    auto state = std::make_unique<State>();
    if (git_repository_open_ext(&state->repo, root.c_str(), 0, nullptr) == 0 &&
        !git_repository_is_bare(state->repo)) {
        auto workdir = std::filesystem::canonical(git_repository_workdir(state->repo), ec);
        auto inside = root.lexically_relative(workdir).generic_string();
        if (!ec && inside != "." && !inside.starts_with(".."))
            state->prefix = inside + "/";
        return std::unique_ptr<IgnoreRules>(new IgnoreRules(std::move(state)));
    }
    if (state->repo) git_repository_free(state->repo);
    state->repo = nullptr;

    std::string scratch = (std::filesystem::temp_directory_path() / "lectern-git-XXXXXX");
    if (!::mkdtemp(scratch.data()))
        return make_error(ErrorCode::Io, "cannot create a temporary folder", scratch);
    state->scratch = scratch;
    // A bare repository gets the folder as its work tree in memory only (no gitlink file).
    const std::string gitdir = (state->scratch / "repo.git").string();
    if (git_repository_init(&state->repo, gitdir.c_str(), 1) != 0 ||
        git_repository_set_workdir(state->repo, root.c_str(), 0) != 0)
        return make_error(ErrorCode::Internal, "libgit2: " + last_git_error(), folder);
    return std::unique_ptr<IgnoreRules>(new IgnoreRules(std::move(state)));
}

bool IgnoreRules::is_ignored(const std::string& relative) const {
    int ignored = 0;
    const std::string path = state_->prefix + relative;
    if (git_ignore_path_is_ignored(&ignored, state_->repo, path.c_str()) != 0) return false;
    return ignored == 1;
}

}  // namespace lectern::ingest
