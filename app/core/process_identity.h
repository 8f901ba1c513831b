// Names the process that writes a streamed message or a running task, so that a later
// open of the store can tell work abandoned by a dead process (killed, crashed) from work
// another live process is still doing. A pid alone can be reused, so the token also holds
// the process's start time (Linux /proc; elsewhere the pid alone).
#pragma once

#include <string>

namespace lectern::app {

// "pid:starttime" of this process.
std::string currentWriterToken();

// True when the process named by `token` has ended (or the token is malformed).
bool writerIsGone(const std::string& token);

}  // namespace lectern::app
