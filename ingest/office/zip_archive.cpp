// ZipArchive over libzip (see zip_archive.h). libzip verifies each entry's CRC at its end, so
// a damaged entry reads as Corrupt rather than as wrong text.
#include "office/zip_archive.h"

namespace lectern::ingest::office {

ZipArchive::ZipArchive(zip_t* zip, std::string path, std::uint64_t limit)
    : zip_(zip), path_(std::move(path)), limit_(limit) {}

ZipArchive::~ZipArchive() { zip_discard(zip_); }

Result<std::unique_ptr<ZipArchive>> ZipArchive::open(const std::string& path,
                                                     std::uint64_t max_expanded_bytes) {
    int code = 0;
    zip_t* zip = zip_open(path.c_str(), ZIP_RDONLY, &code);
    if (!zip) {
        zip_error_t error;
        zip_error_init_with_code(&error, code);
        std::string reason = zip_error_strerror(&error);
        zip_error_fini(&error);
        if (code == ZIP_ER_OPEN || code == ZIP_ER_READ)
            return make_error(ErrorCode::Io, "cannot read the document: " + reason, path);
        return make_error(ErrorCode::Corrupt,
                          "the document is truncated or damaged (its ZIP container is "
                          "incomplete: " + reason + ")", path);
    }
    return std::unique_ptr<ZipArchive>(new ZipArchive(zip, path, max_expanded_bytes));
}

bool ZipArchive::has(const std::string& name) const {
    return zip_name_locate(zip_, name.c_str(), 0) >= 0;
}

std::vector<std::string> ZipArchive::names() const {
    std::vector<std::string> out;
    const zip_int64_t n = zip_get_num_entries(zip_, 0);
    for (zip_int64_t i = 0; i < n; ++i)
        if (const char* name = zip_get_name(zip_, static_cast<zip_uint64_t>(i), 0)) out.push_back(name);
    return out;
}

Error ZipArchive::too_large() const {
    return make_error(ErrorCode::Unsupported,
                      "the document expands past " + std::to_string(limit_ >> 20) +
                      " MiB when unpacked; refused as a likely ZIP bomb", path_);
}

Result<std::uint64_t> ZipArchive::declared_size(const std::string& name) const {
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat(zip_, name.c_str(), 0, &st) != 0)
        return make_error(ErrorCode::NotFound, "the document has no part " + name, path_);
    return (st.valid & ZIP_STAT_SIZE) ? st.size : 0;
}

Result<std::unique_ptr<ZipEntry>> ZipArchive::open_entry(const std::string& name) {
    auto size = declared_size(name);
    if (!size) return size.error();
    if (*size > limit_ - used_) return too_large();
    zip_file_t* file = zip_fopen(zip_, name.c_str(), 0);
    if (!file) {
        const zip_error_t* error = zip_get_error(zip_);
        if (zip_error_code_zip(error) == ZIP_ER_ENCRNOTSUPP || zip_error_code_zip(error) == ZIP_ER_NOPASSWD)
            return make_error(ErrorCode::NeedsPassword, "the document is password-protected", path_);
        return make_error(ErrorCode::Corrupt, "cannot unpack " + name + ": " +
                          zip_error_strerror(zip_get_error(zip_)), path_);
    }
    return std::make_unique<ZipEntry>(*this, file, name);
}

Result<std::string> ZipArchive::read(const std::string& name) {
    auto entry = open_entry(name);
    if (!entry) return entry.error();
    std::string out;
    char buffer[64 * 1024];
    for (;;) {
        auto n = (*entry)->read(buffer, sizeof buffer);
        if (!n) return n.error();
        if (*n == 0) break;
        out.append(buffer, *n);
    }
    return out;
}

ZipEntry::ZipEntry(ZipArchive& archive, zip_file_t* file, std::string name)
    : archive_(archive), file_(file), name_(std::move(name)) {}

ZipEntry::~ZipEntry() { zip_fclose(file_); }

Result<std::size_t> ZipEntry::read(char* buffer, std::size_t size) {
    const zip_int64_t n = zip_fread(file_, buffer, size);
    if (n < 0)
        return make_error(ErrorCode::Corrupt, "the document is damaged: cannot unpack " + name_ +
                          " (" + zip_error_strerror(zip_file_get_error(file_)) + ")", archive_.path_);
    archive_.used_ += static_cast<std::uint64_t>(n);
    if (archive_.used_ > archive_.limit_) return archive_.too_large();
    return static_cast<std::size_t>(n);
}

}  // namespace lectern::ingest::office
