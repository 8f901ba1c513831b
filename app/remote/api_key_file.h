// An API key read from a file (its first line) or an environment variable, never from the
// command line (where `ps` would show it): the server's own key (LECTERN_API_KEY) and the
// key a client sends to a remote server (OPENAI_API_KEY).
#pragma once

#include <string>

#include "lectern/engine/result.h"

namespace lectern::app::remote {

// The key in `file` (first line, surrounding whitespace dropped), else $<envVar>; "" when
// neither gives one. Errors: NotFound when the file cannot be read, InvalidArgument when it
// holds no key.
Result<std::string> loadApiKey(const std::string& file, const char* envVar);

}  // namespace lectern::app::remote
