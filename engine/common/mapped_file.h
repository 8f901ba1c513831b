// A whole file mapped read-only into memory (mmap), shared by the model file readers.
// The mapping lives as long as any copy of `owner`; `data` stays valid that long.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "lectern/engine/result.h"

namespace lectern {

struct MappedFile {
    const uint8_t* data = nullptr;
    size_t size = 0;
    std::shared_ptr<const void> owner;
};

// Errors: NotFound (no such file), Io (not a regular file, cannot read or map), Corrupt
// (empty: no model file is empty).
Result<MappedFile> map_file(const std::string& path);

}  // namespace lectern
