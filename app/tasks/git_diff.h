// The uncommitted changes of a git repository (working tree and index against HEAD), read
// with libgit2, as a document to review: one unit per changed file whose text holds its
// hunks with the new file's line numbers ("12| kept", "13|+added", "    |-removed"), and
// the lines shown per file, against which review findings are checked.
#pragma once

#include <string>

#include "lectern/ingest/document.h"
#include "review_findings.h"

namespace lectern::app {

struct GitDiff {
    ingest::Document document;  // kind CodeFolder; units already numbered
    ShownLines shown;           // new-side line numbers of context and added lines
};

// Errors: NotFound (not a git repository), Io (libgit2 failures), Unsupported (no changes
// to review: the document would be empty).
Result<GitDiff> readGitDiff(const std::string& repoPath);

}  // namespace lectern::app
