// `lectern-cli serve` in a process of its own for the tests that talk to it over HTTP on
// loopback: started on a free port (read from its stderr), waited for until /health says
// ready (bounded), stopped with SIGTERM (then SIGKILL) when the object goes. Its
// descriptors and memory can be read from /proc for the leak checks.
#pragma once

#include <httplib.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <optional>
#include <regex>
#include <string>
#include <thread>

namespace lectern::testing {

using Clock = std::chrono::steady_clock;

inline double msSince(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

// The tiny Llama 3.1 fixture the servers run.
inline std::string serveModel() { return std::string(LECTERN_TEST_DATA) + "/gguf/llama31-tiny-Q4_0.gguf"; }

inline std::string readAll(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The LECTERN_CLI the test was built with, with `args` after `serve --model <fixture> --port 0`.
class ServeProcess {
public:
    explicit ServeProcess(const std::string& args, const std::string& env = {}) {
        char tmpl[] = "/tmp/lectern-serve-XXXXXX";
        m_dir = mkdtemp(tmpl);
        m_err = m_dir / "stderr.txt";
        // A key in the test's own environment must not reach a server that was given none.
        const std::string cmd = "exec env -u LECTERN_API_KEY LECTERN_DATA_DIR='" + m_dir.string() + "' " + env + " " + LECTERN_CLI +
                                " serve --model '" + serveModel() + "' --port 0 --threads 1 " + args + " 2>'" +
                                m_err.string() + "' >/dev/null";
        m_pid = ::fork();
        if (m_pid == 0) {
            ::execl("/bin/sh", "sh", "-c", cmd.c_str(), static_cast<char*>(nullptr));
            ::_exit(127);
        }
    }
    ~ServeProcess() {
        if (m_pid > 0 && !m_exited) {
            ::kill(m_pid, SIGTERM);
            waitExit(std::chrono::seconds(10));
            if (!m_exited) ::kill(m_pid, SIGKILL), waitExit(std::chrono::seconds(5));
        }
        std::error_code ec;
        std::filesystem::remove_all(m_dir, ec);
    }

    // Waits (bounded) for the port line and /health 200. False when the process ended first.
    bool start() {
        const auto deadline = Clock::now() + std::chrono::seconds(60);
        const std::regex listening("listening on http://127\\.0\\.0\\.1:([0-9]+)/v1");
        while (Clock::now() < deadline) {
            std::smatch m;
            const std::string err = readAll(m_err);
            if (m_port == 0 && std::regex_search(err, m, listening)) m_port = std::stoi(m[1]);
            if (m_port > 0) {
                httplib::Client c("127.0.0.1", m_port);
                c.set_connection_timeout(1);
                auto r = c.Get("/health");
                if (r && r->status == 200) return true;
            }
            if (waitExit(std::chrono::milliseconds(0))) return false;
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        return false;
    }
    // The exit status once the process ended within `timeout`.
    std::optional<int> waitExit(std::chrono::milliseconds timeout) {
        if (m_exited) return m_status;
        const auto deadline = Clock::now() + timeout;
        do {
            int status = 0;
            if (::waitpid(m_pid, &status, WNOHANG) == m_pid) {
                m_exited = true;
                m_status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
                return m_status;
            }
            if (timeout.count() > 0) std::this_thread::sleep_for(std::chrono::milliseconds(10));
        } while (Clock::now() < deadline);
        return std::nullopt;
    }
    httplib::Client client() const {
        httplib::Client c("127.0.0.1", m_port);
        c.set_connection_timeout(5);
        c.set_read_timeout(60);
        return c;
    }
    int port() const { return m_port; }
    pid_t pid() const { return m_pid; }
    std::string stderrText() const { return readAll(m_err); }
    std::size_t openFds() const {
        std::size_t n = 0;
        for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator("/proc/" + std::to_string(m_pid) + "/fd")) ++n;
        return n;
    }
    std::size_t rssKib() const {
        std::ifstream in("/proc/" + std::to_string(m_pid) + "/status");
        std::string key;
        std::size_t value = 0;
        while (in >> key) {
            if (key == "VmRSS:") {
                in >> value;
                return value;
            }
            in.ignore(1 << 12, '\n');
        }
        return 0;
    }

private:
    std::filesystem::path m_dir, m_err;
    pid_t m_pid = -1;
    int m_port = 0;
    bool m_exited = false;
    int m_status = -1;
};

}  // namespace lectern::testing
