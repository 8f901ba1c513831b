// The server's bearer key: read from a file (its first line) or $LECTERN_API_KEY, never from
// the command line (where `ps` would show it), and compared in constant time.
#pragma once

#include <string>

#include "lectern/engine/result.h"

namespace lectern::app::serve {

// The key in `file` (first line, surrounding whitespace dropped), else $LECTERN_API_KEY;
// "" when neither gives one. Errors: NotFound/Io when the file cannot be read, InvalidArgument
// when it holds no key.
Result<std::string> loadApiKey(const std::string& file);

// Whether an Authorization header is "Bearer <key>" for this key. The time taken does not
// depend on where the two differ, nor on the given key's length.
bool bearerMatches(const std::string& key, const std::string& authorization);

}  // namespace lectern::app::serve
