// allocate_weight_memory: mmap (anonymous, private), trimmed to a 2 MiB aligned start, then
// madvise(MADV_HUGEPAGE).
#include "common/weight_memory.h"

#include <sys/mman.h>

#include <algorithm>

namespace lectern {

void advise_huge_pages(const void* data, size_t bytes) {
#if defined(MADV_HUGEPAGE)
    const auto begin = (reinterpret_cast<uintptr_t>(data) + kHugePageBytes - 1) / kHugePageBytes * kHugePageBytes;
    const auto end = (reinterpret_cast<uintptr_t>(data) + bytes) / kHugePageBytes * kHugePageBytes;
    // Advice only: a kernel without transparent huge pages says EINVAL, and the pages stay
    // small.
    if (begin < end) ::madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
#else
    (void)data;
    (void)bytes;
#endif
}

std::shared_ptr<uint8_t> allocate_weight_memory(size_t bytes) {
    // Whole 4 KiB pages: a last part shorter than 2 MiB stays in small pages, nothing is
    // rounded up to a huge page.
    constexpr size_t kPage = 4096;
    const size_t size = (std::max<size_t>(bytes, 1) + kPage - 1) / kPage * kPage;
    // One huge page more than needed, so that an aligned start exists; the ends are unmapped.
    void* p = ::mmap(nullptr, size + kHugePageBytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) return nullptr;
    const auto raw = reinterpret_cast<uintptr_t>(p);
    const uintptr_t start = (raw + kHugePageBytes - 1) / kHugePageBytes * kHugePageBytes;
    if (start > raw) ::munmap(p, start - raw);
    const uintptr_t tail = raw + size + kHugePageBytes - (start + size);
    if (tail > 0) ::munmap(reinterpret_cast<void*>(start + size), tail);
    advise_huge_pages(reinterpret_cast<void*>(start), size);
    return std::shared_ptr<uint8_t>(reinterpret_cast<uint8_t*>(start),
                                    [size](uint8_t* q) { ::munmap(q, size); });
}

}  // namespace lectern
