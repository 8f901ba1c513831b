// Writer tokens: pid plus process start time (see process_identity.h).
#include "process_identity.h"

#include <cerrno>
#include <charconv>
#include <fstream>
#include <iterator>
#include <signal.h>
#include <sstream>
#include <unistd.h>

namespace lectern::app {
namespace {

// Field 22 of /proc/<pid>/stat (start time in clock ticks since boot), or "" when
// unavailable. The second field (the command) may hold spaces and parentheses, so fields
// are counted after its last ')'.
std::string processStartTime(long pid) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
    if (!in) return {};
    std::string stat((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    size_t close = stat.rfind(')');
    if (close == std::string::npos) return {};
    std::istringstream fields(stat.substr(close + 1));
    std::string field;
    for (int i = 3; i <= 22 && fields >> field; ++i) {
        if (i == 22) return field;
    }
    return {};
}

}  // namespace

std::string currentWriterToken() {
    long pid = static_cast<long>(getpid());
    return std::to_string(pid) + ":" + processStartTime(pid);
}

bool writerIsGone(const std::string& token) {
    size_t colon = token.find(':');
    long pid = 0;
    auto [end, ec] = std::from_chars(token.data(), token.data() + token.size(), pid);
    if (ec != std::errc() || colon == std::string::npos || end != token.data() + colon ||
        pid <= 0) {
        return true;
    }
    if (kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH) return true;
    std::string started = token.substr(colon + 1);
    // Alive with another start time: the pid was reused by a different process.
    return !started.empty() && processStartTime(pid) != started;
}

}  // namespace lectern::app
