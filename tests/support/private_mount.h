// For tests that need a small filesystem of their own (a disk that fills up): a child
// process enters a private mount namespace, where a tmpfs it mounts is seen by nobody else.
// As root directly; otherwise through a user namespace that maps this user to root in it.
// False where the system allows neither (the test then skips).
#pragma once

#include <sched.h>
#include <sys/mount.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <functional>
#include <string>

namespace lectern::testing {

inline bool writeProcFile(const char* path, const std::string& text) {
    std::ofstream out(path);
    out << text;
    return static_cast<bool>(out);
}

inline bool enterPrivateMountNamespace() {
    if (unshare(CLONE_NEWNS) != 0) {
        const uid_t uid = getuid();
        const gid_t gid = getgid();
        if (unshare(CLONE_NEWUSER | CLONE_NEWNS) != 0) return false;
        if (!writeProcFile("/proc/self/setgroups", "deny") ||
            !writeProcFile("/proc/self/uid_map", "0 " + std::to_string(uid) + " 1") ||
            !writeProcFile("/proc/self/gid_map", "0 " + std::to_string(gid) + " 1"))
            return false;
    }
    // Without this, a mount could propagate back to the parent namespace.
    return mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) == 0;
}

// What inPrivateMountNamespace says when no private namespace can be entered here.
inline const std::string kNoPrivateMount = "skip: cannot enter a private mount namespace here";

// Runs `body` in a child process that has entered a private mount namespace (where it may
// mount a small tmpfs) and returns what the body returned: "" for success, else what went
// wrong; kNoPrivateMount when the namespace could not be entered; a line saying so when the
// child died. The parent's filesystem view is never changed.
inline std::string inPrivateMountNamespace(const std::function<std::string()>& body) {
    int result[2];
    if (pipe(result) != 0) return "pipe failed";
    const pid_t child = fork();
    if (child < 0) return "fork failed";
    if (child == 0) {
        close(result[0]);
        const std::string outcome = enterPrivateMountNamespace() ? body() : kNoPrivateMount;
        (void)!write(result[1], outcome.data(), outcome.size());
        _exit(outcome.empty() ? 0 : 1);
    }
    close(result[1]);
    std::string outcome;
    char buffer[512];
    for (ssize_t n; (n = read(result[0], buffer, sizeof buffer)) > 0;) outcome.append(buffer, static_cast<size_t>(n));
    close(result[0]);
    int status = 0;
    if (waitpid(child, &status, 0) != child) return "waitpid failed";
    if (!WIFEXITED(status)) return "the child crashed (signal " + std::to_string(WTERMSIG(status)) + ")";
    if (WEXITSTATUS(status) != 0 && outcome.empty()) return "the child exited with " + std::to_string(WEXITSTATUS(status));
    return outcome;
}

}  // namespace lectern::testing
