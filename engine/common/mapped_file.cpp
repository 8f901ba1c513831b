// map_file: open + fstat + mmap(PROT_READ, MAP_PRIVATE); munmap when the last owner goes.
#include "common/mapped_file.h"
#include "common/weight_memory.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace lectern {

Result<MappedFile> map_file(const std::string& path) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        int err = errno;
        return make_error(err == ENOENT ? ErrorCode::NotFound : ErrorCode::Io,
                          std::string("cannot open: ") + std::strerror(err), path);
    }
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        return make_error(ErrorCode::Io, "not a regular file", path);
    }
    size_t size = static_cast<size_t>(st.st_size);
    if (size == 0) {
        ::close(fd);
        return make_error(ErrorCode::Corrupt, "the file is empty", path);
    }
    void* p = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
    int err = errno;
    ::close(fd);
    if (p == MAP_FAILED)
        return make_error(ErrorCode::Io, std::string("cannot map: ") + std::strerror(err), path);
    advise_huge_pages(p, size);
    MappedFile m;
    m.data = static_cast<const uint8_t*>(p);
    m.size = size;
    m.owner = std::shared_ptr<const void>(p, [size](const void* q) {
        ::munmap(const_cast<void*>(q), size);
    });
    return m;
}

}  // namespace lectern
