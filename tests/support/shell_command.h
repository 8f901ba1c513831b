// For tests that run a program as a user would: a shell command line, its standard output
// read to the end, and its exit code (-1 when it did not exit normally). Redirections of
// stderr belong to the command line.
#pragma once

#include <sys/wait.h>

#include <cstdio>
#include <string>

namespace lectern::testing {

struct CommandOutput {
    int code = -1;
    std::string out;  // stdout
};

inline CommandOutput runShell(const std::string& command) {
    CommandOutput o;
    FILE* p = ::popen(command.c_str(), "r");
    if (!p) return o;
    char buf[4096];
    for (size_t n; (n = std::fread(buf, 1, sizeof buf, p)) > 0;) o.out.append(buf, n);
    const int status = ::pclose(p);
    o.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return o;
}

}  // namespace lectern::testing
