// Reading a whole file into memory with errors the user can act on (missing, unreadable).
#pragma once

#include <string>

#include "lectern/engine/result.h"

namespace lectern::ingest {

// Reads at most `max_bytes` (the whole file when 0 or larger). ErrorCode::NotFound for a
// missing path, ErrorCode::Io with the system's reason for anything else.
Result<std::string> read_file_bytes(const std::string& path, std::size_t max_bytes = 0);

}  // namespace lectern::ingest
