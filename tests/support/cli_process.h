// lectern-cli in a child process of its own, for the tests that stop it mid-task: started
// with stdout and stderr to files, then sent a signal once its progress on stderr shows a
// finished translation segment ("translate P% (done/total segments)" past 0).
#pragma once

#include <chrono>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

namespace lectern::testing {

inline std::string fileText(const std::string& path) {
    std::ifstream in(path);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// Starts the LECTERN_CLI the test was built with; returns its pid.
inline pid_t spawnCli(const std::vector<std::string>& args, const std::string& out, const std::string& err) {
    const pid_t pid = ::fork();
    if (pid == 0) {
        const int o = ::open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        const int e = ::open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        ::dup2(o, 1);
        ::dup2(e, 2);
        std::vector<char*> argv{const_cast<char*>(LECTERN_CLI)};
        for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        ::execv(LECTERN_CLI, argv.data());
        ::_exit(127);
    }
    return pid;
}

// Waits (up to 30 s) until the translation has reported a finished segment, then sends
// `sig`; returns the wait status.
inline int signalAfterASegment(pid_t pid, const std::string& err, int sig) {
    for (int i = 0; i < 1500; ++i) {
        const std::string e = fileText(err);
        const auto last = e.rfind("translate ");
        if (last != std::string::npos && e.find("(0/", last) == std::string::npos &&
            e.find('\n', last) != std::string::npos)
            break;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    ::kill(pid, sig);
    int status = 0;
    ::waitpid(pid, &status, 0);
    return status;
}

}  // namespace lectern::testing
