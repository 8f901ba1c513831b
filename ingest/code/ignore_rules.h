// .gitignore rules through libgit2, for git repositories and plain folders alike. A plain
// folder gets a throwaway repository (its git directory under $TMPDIR, removed afterwards)
// whose work tree is the folder, so the folder's own .gitignore files apply exactly as git
// applies them (nested files, negation, directory patterns) and nothing is written into it.
#pragma once

#include <memory>
#include <string>

#include "lectern/engine/result.h"

namespace lectern::ingest {

class IgnoreRules {
public:
    static Result<std::unique_ptr<IgnoreRules>> open(const std::string& folder);
    ~IgnoreRules();
    IgnoreRules(const IgnoreRules&) = delete;
    IgnoreRules& operator=(const IgnoreRules&) = delete;

    // `relative` is '/'-separated and relative to the folder given to open().
    bool is_ignored(const std::string& relative) const;

private:
    struct State;
    explicit IgnoreRules(std::unique_ptr<State> state);
    std::unique_ptr<State> state_;
};

}  // namespace lectern::ingest
