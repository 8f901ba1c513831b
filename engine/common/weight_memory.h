// Memory for weights the engine builds itself (a synthetic model, rows a loader reorders) and
// for the CPU KV cache: anonymous pages aligned to 2 MiB and marked for transparent huge
// pages where the kernel offers them (MADV_HUGEPAGE). Decoding streams every weight once per token; with 4 KiB
// pages the hardware prefetchers stop at every page boundary and each page costs a TLB walk,
// which on the reference machine kept one core's stream at 14-17 GB/s where 2 MiB pages
// give 18-27 (docs/cpu-performance.md). Model files mapped by map_file get the same advice.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>

namespace lectern {

inline constexpr size_t kHugePageBytes = size_t{2} << 20;

// `bytes` of zeroed memory, 2 MiB aligned (so that every whole 2 MiB of it can be one huge
// page), freed when the last owner goes; null when the system has no memory for it.
std::shared_ptr<uint8_t> allocate_weight_memory(size_t bytes);

// Asks for huge pages over [data, data + bytes) (the whole 2 MiB pages inside it); a no-op
// where the kernel does not offer them.
void advise_huge_pages(const void* data, size_t bytes);

}  // namespace lectern
