// PeerWatch (see peer_watch.h): /proc/self/fd lists the descriptors; getsockname and
// getpeername name each socket's ends. The descriptor stays cpp-httplib's: it is only polled.
#include "peer_watch.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/stat.h>

#include <cstdlib>
#include <filesystem>

namespace lectern::app::serve {
namespace {

bool sameEnd(const sockaddr_storage& a, const std::string& host, int port) {
    char text[INET6_ADDRSTRLEN] = {};
    int p = -1;
    if (a.ss_family == AF_INET) {
        const auto* in = reinterpret_cast<const sockaddr_in*>(&a);
        inet_ntop(AF_INET, &in->sin_addr, text, sizeof text);
        p = ntohs(in->sin_port);
    } else if (a.ss_family == AF_INET6) {
        const auto* in = reinterpret_cast<const sockaddr_in6*>(&a);
        inet_ntop(AF_INET6, &in->sin6_addr, text, sizeof text);
        p = ntohs(in->sin6_port);
    } else {
        return false;
    }
    return p == port && host == text;
}

}  // namespace

PeerWatch::PeerWatch(const std::string& localAddr, int localPort, const std::string& remoteAddr, int remotePort) {
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator("/proc/self/fd", ec)) {
        const int fd = std::atoi(entry.path().filename().c_str());
        struct stat st {};
        if (fstat(fd, &st) != 0 || !S_ISSOCK(st.st_mode)) continue;
        sockaddr_storage local{}, remote{};
        socklen_t n = sizeof local, m = sizeof remote;
        if (getsockname(fd, reinterpret_cast<sockaddr*>(&local), &n) != 0) continue;
        if (getpeername(fd, reinterpret_cast<sockaddr*>(&remote), &m) != 0) continue;
        if (sameEnd(local, localAddr, localPort) && sameEnd(remote, remoteAddr, remotePort)) {
            m_fd = fd;
            return;
        }
    }
}

bool PeerWatch::gone() const {
    if (m_fd < 0) return false;
    pollfd p{m_fd, static_cast<short>(POLLIN | POLLRDHUP), 0};
    if (poll(&p, 1, 0) <= 0) return false;
    return (p.revents & (POLLRDHUP | POLLHUP | POLLERR | POLLNVAL)) != 0;
}

}  // namespace lectern::app::serve
