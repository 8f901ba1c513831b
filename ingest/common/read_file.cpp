// Whole-file reads through POSIX calls, so the error carries errno's reason.
#include "common/read_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace lectern::ingest {

Result<std::string> read_file_bytes(const std::string& path, std::size_t max_bytes) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        int err = errno;
        ErrorCode code = err == ENOENT ? ErrorCode::NotFound : ErrorCode::Io;
        return make_error(code, std::string("cannot open: ") + std::strerror(err), path);
    }
    std::string bytes;
    char buffer[1 << 16];
    for (;;) {
        ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0) {
            if (errno == EINTR) continue;
            int err = errno;
            ::close(fd);
            return make_error(ErrorCode::Io, std::string("cannot read: ") + std::strerror(err),
                              path);
        }
        if (n == 0) break;
        bytes.append(buffer, static_cast<std::size_t>(n));
        if (max_bytes != 0 && bytes.size() >= max_bytes) {
            bytes.resize(max_bytes);
            break;
        }
    }
    ::close(fd);
    return bytes;
}

}  // namespace lectern::ingest
