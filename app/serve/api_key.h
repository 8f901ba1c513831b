// A bearer key: read from a file (its first line) or an environment variable, never from the
// command line (where `ps` would show it); the server compares it in constant time.
#pragma once

#include <string>

#include "api_key_file.h"
#include "lectern/engine/result.h"

namespace lectern::app::serve {

// The key in `file`, else $<envVar> (see api_key_file.h).
inline Result<std::string> loadApiKey(const std::string& file, const char* envVar = "LECTERN_API_KEY") {
    return remote::loadApiKey(file, envVar);
}

// Whether an Authorization header is "Bearer <key>" for this key. The time taken does not
// depend on where the two differ, nor on the given key's length.
bool bearerMatches(const std::string& key, const std::string& authorization);

}  // namespace lectern::app::serve
