// Reading a folder of source code: a walk that honors .gitignore rules through libgit2
// (nested ignore files, negation, directory patterns, .git/info/exclude), in git
// repositories and in plain folders alike. Binary files, files over a size limit and
// vendored or build folders are skipped; each file's language is detected from its name.
// A file that cannot be read becomes a FileError and the rest of the folder is ingested.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "lectern/ingest/document.h"

namespace lectern::ingest {

struct CodeFolderOptions {
    std::uint64_t max_file_bytes = 1 << 20;  // larger files are skipped with a warning
    bool honor_gitignore = true;
    // Folder names skipped wherever they appear (vendored code, build outputs, tool caches).
    std::vector<std::string> skip_dirs = default_skip_dirs();
    ReadControl control;  // files read, and Stop
    static std::vector<std::string> default_skip_dirs();
};

Result<Document> read_code_folder(const std::string& path, const CodeFolderOptions& options = {});

// The language of a file from its name ("cpp", "python", "markdown", ...), "" when unknown.
std::string language_from_path(const std::string& path);

}  // namespace lectern::ingest
