// allocate_weight_memory: aligned, zeroed, writable memory of any size, marked for huge
// pages. Whether the kernel then backs it with huge pages depends on the system (and on free
// contiguous memory), so that is reported, not asserted; `lectern-cli bench` shows what it
// is worth.
#include "common/weight_memory.h"

#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>

#include <gtest/gtest.h>

namespace lectern {
namespace {

TEST(WeightMemory, IsAlignedZeroedAndWritable) {
    for (size_t bytes : {size_t{1}, size_t{4095}, size_t{4096}, kHugePageBytes, 3 * kHugePageBytes + 5}) {
        auto p = allocate_weight_memory(bytes);
        ASSERT_NE(p, nullptr) << bytes;
        EXPECT_EQ(reinterpret_cast<uintptr_t>(p.get()) % kHugePageBytes, 0u) << bytes;
        for (size_t i = 0; i < bytes; i += 997) ASSERT_EQ(p.get()[i], 0) << bytes << " at " << i;
        EXPECT_EQ(p.get()[bytes - 1], 0);
        std::memset(p.get(), 0x5a, bytes);
        EXPECT_EQ(p.get()[bytes - 1], 0x5a);
    }
}

// The VmFlags of the mapping that holds `p` (/proc/self/smaps), or "" when not found.
std::string vm_flags_of(const void* p) {
    const auto at = reinterpret_cast<uintptr_t>(p);
    std::ifstream smaps("/proc/self/smaps");
    bool inside = false;
    for (std::string line; std::getline(smaps, line);) {
        unsigned long lo = 0, hi = 0;
        if (std::sscanf(line.c_str(), "%lx-%lx ", &lo, &hi) == 2 && line.find(':') > line.find(' ')) {
            inside = lo <= at && at < hi;
        } else if (inside && line.rfind("VmFlags:", 0) == 0) {
            return line.substr(8) + " ";
        }
    }
    return "";
}

// Where the kernel has transparent huge pages, the memory is marked for them ("hg"); how
// much of it they then back is reported.
TEST(WeightMemory, IsMarkedForHugePages) {
    if (!std::ifstream("/sys/kernel/mm/transparent_hugepage/enabled")) GTEST_SKIP() << "no transparent huge pages";
    const size_t bytes = 8 * kHugePageBytes;
    auto p = allocate_weight_memory(bytes);
    ASSERT_NE(p, nullptr);
    std::memset(p.get(), 1, bytes);
    EXPECT_NE(vm_flags_of(p.get()).find(" hg "), std::string::npos) << vm_flags_of(p.get());
    long huge_kib = -1;
    std::ifstream rollup("/proc/self/smaps_rollup");
    for (std::string line; std::getline(rollup, line);)
        if (line.rfind("AnonHugePages:", 0) == 0) huge_kib = std::stol(line.substr(14));
    std::printf("  anonymous memory in huge pages after touching 16 MiB: %ld KiB\n", huge_kib);
}

}  // namespace
}  // namespace lectern
