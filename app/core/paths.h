// Where Lectern keeps its files: the database in the XDG data folder and caches (KV
// snapshots) in the XDG cache folder, each overridable by an environment variable.
#pragma once

#include <filesystem>

#include "lectern/engine/result.h"

namespace lectern::app {

// $LECTERN_DATA_DIR, else $XDG_DATA_HOME/lectern, else ~/.local/share/lectern.
Result<std::filesystem::path> dataDirectory();
// dataDirectory()/lectern.db
Result<std::filesystem::path> defaultDatabasePath();
// $LECTERN_CACHE_DIR, else $XDG_CACHE_HOME/lectern, else ~/.cache/lectern.
Result<std::filesystem::path> cacheDirectory();

// Creates a folder and its parents (no error when it exists).
Status ensureDirectory(const std::filesystem::path& dir);

}  // namespace lectern::app
