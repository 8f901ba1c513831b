// A bearer key: read from a file (its first line) or an environment variable, never from the
// command line (where `ps` would show it); the server compares it in constant time.
#pragma once

#include <string>

#include "lectern/engine/result.h"

namespace lectern::app::serve {

// The key in `file` (first line, surrounding whitespace dropped), else $<envVar> (the
// server's LECTERN_API_KEY; a client's OPENAI_API_KEY); "" when neither gives one. Errors:
// NotFound when the file cannot be read, InvalidArgument when it holds no key.
Result<std::string> loadApiKey(const std::string& file, const char* envVar = "LECTERN_API_KEY");

// Whether an Authorization header is "Bearer <key>" for this key. The time taken does not
// depend on where the two differ, nor on the given key's length.
bool bearerMatches(const std::string& key, const std::string& authorization);

}  // namespace lectern::app::serve
