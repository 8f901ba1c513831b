// The ZIP container under DOCX, XLSX, ODT, ODS and EPUB, read through libzip with a budget:
// every entry read counts its uncompressed bytes against one limit for the whole document,
// checked against the sizes the ZIP directory declares before inflating and counted again
// while inflating (a directory can lie), so a small file that expands without end is
// refused with memory bounded by the limit.
#pragma once

#include <zip.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "lectern/engine/result.h"

namespace lectern::ingest::office {

class ZipEntry;

class ZipArchive {
public:
    // Corrupt for a truncated or damaged archive (no complete central directory).
    static Result<std::unique_ptr<ZipArchive>> open(const std::string& path,
                                                    std::uint64_t max_expanded_bytes);
    ~ZipArchive();
    ZipArchive(const ZipArchive&) = delete;
    ZipArchive& operator=(const ZipArchive&) = delete;

    bool has(const std::string& name) const;
    std::vector<std::string> names() const;

    // The whole entry. NotFound when absent; Unsupported when it would take the document
    // past the limit; Corrupt when its data does not inflate.
    Result<std::string> read(const std::string& name);
    // The entry as a stream (large sheets), counted against the same limit.
    Result<std::unique_ptr<ZipEntry>> open_entry(const std::string& name);

    const std::string& path() const { return path_; }
    // "the document expands past 128 MiB when unpacked", with the limit in MiB.
    Error too_large() const;

private:
    friend class ZipEntry;
    ZipArchive(zip_t* zip, std::string path, std::uint64_t limit);
    Result<std::uint64_t> declared_size(const std::string& name) const;

    zip_t* zip_;
    std::string path_;
    std::uint64_t limit_;
    std::uint64_t used_ = 0;  // uncompressed bytes read so far, all entries together
};

// One entry being inflated; read() returns 0 at its end.
class ZipEntry {
public:
    ZipEntry(ZipArchive& archive, zip_file_t* file, std::string name);
    ~ZipEntry();
    ZipEntry(const ZipEntry&) = delete;
    ZipEntry& operator=(const ZipEntry&) = delete;

    Result<std::size_t> read(char* buffer, std::size_t size);

private:
    ZipArchive& archive_;
    zip_file_t* file_;
    std::string name_;
};

}  // namespace lectern::ingest::office
