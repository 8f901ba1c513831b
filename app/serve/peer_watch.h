// Whether the client of a request has gone: cpp-httplib (0.11) tells a handler neither its
// socket nor a closed connection, so the socket is found among this process's descriptors by
// its two addresses, and polled for the peer's hang-up (POLLRDHUP) while the answer is
// being made. Linux only.
#pragma once

#include <string>

namespace lectern::app::serve {

class PeerWatch {
public:
    // The connected TCP socket whose local and remote addresses are these (numeric hosts).
    PeerWatch(const std::string& localAddr, int localPort, const std::string& remoteAddr, int remotePort);
    bool found() const { return m_fd >= 0; }
    // True once the peer has closed or reset the connection (false when the socket was not found).
    bool gone() const;

private:
    int m_fd = -1;
};

}  // namespace lectern::app::serve
