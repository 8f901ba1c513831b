// AppCore: settings, what is kept on disk, and the prompt templates (see app_core.h).
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "app_core.h"
#include "lectern/ingest/pdf.h"
#include "prompts.h"

namespace lectern::app {
namespace {

std::uint64_t fileBytes(const std::filesystem::path& p) {
    std::error_code ec;
    const auto n = std::filesystem::file_size(p, ec);
    return ec ? 0 : n;
}

std::filesystem::path overridePath(const std::string& name) { return configDirectory() / "prompts" / (name + ".txt"); }

Status checkName(const std::string& name) {
    if (embeddedPrompts().count(name) == 0)
        return make_error(ErrorCode::NotFound, "no prompt template of this name", name);
    return {};
}

Error writeError(const std::string& what, const std::filesystem::path& path, int err) {
    return make_error(err == ENOSPC ? ErrorCode::DiskFull : ErrorCode::Io, what + ": " + std::strerror(err),
                      path.string());
}

}  // namespace

Result<std::optional<std::string>> AppCore::setting(const std::string& key) {
    std::lock_guard lock(m_queryMutex);
    return m_queryStore->settings().get(key);
}

Status AppCore::setSetting(const std::string& key, const std::string& value) {
    std::lock_guard lock(m_queryMutex);
    return m_queryStore->settings().set(key, value);
}

Status AppCore::removeSetting(const std::string& key) {
    std::lock_guard lock(m_queryMutex);
    return m_queryStore->settings().remove(key);
}

Result<std::map<std::string, std::string>> AppCore::settings() {
    std::lock_guard lock(m_queryMutex);
    return m_queryStore->settings().all();
}

StorageUsage AppCore::storage() {
    StorageUsage u;
    {
        std::lock_guard lock(m_queryMutex);
        u.databasePath = m_queryStore->database().path();
    }
    for (const char* suffix : {"", "-wal", "-shm"}) u.databaseBytes += fileBytes(u.databasePath + suffix);
    if (m_snapshots) {
        u.snapshotDirectory = m_snapshots->directory().string();
        const KvSnapshotCache::Usage snapshots = m_snapshots->usage();
        u.snapshotBytes = snapshots.bytes;
        u.snapshotFiles = snapshots.files;
    }
    return u;
}

JobId AppCore::clearKvSnapshots() {
    return m_runner->submit([this](JobContext&) -> Result<std::any> {
        return std::any(m_snapshots ? m_snapshots->clear() : 0);
    });
}

std::vector<std::string> AppCore::promptNames() {
    std::vector<std::string> names;
    for (const auto& [name, text] : embeddedPrompts()) names.push_back(name);
    return names;
}

Result<PromptTemplateText> AppCore::promptTemplate(const std::string& name) {
    LECTERN_TRY(checkName(name));
    PromptTemplateText t;
    t.shipped = embeddedPrompts().at(name);
    auto text = lectern::app::promptTemplate(name);
    if (!text) return text.error();
    t.text = text.value();
    std::error_code ec;
    t.edited = std::filesystem::exists(overridePath(name), ec);
    return t;
}

Status AppCore::savePromptTemplate(const std::string& name, const std::string& text) {
    LECTERN_TRY(checkName(name));
    const std::filesystem::path path = overridePath(name);
    std::error_code ec;
    std::filesystem::create_directories(path.parent_path(), ec);
    if (ec) return writeError("cannot create the folder", path.parent_path(), ec.value());
    const std::filesystem::path tmp = path.string() + ".tmp";
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) return writeError("cannot write the template", tmp, errno);
    std::size_t done = 0;
    while (done < text.size()) {
        const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            const int err = n < 0 ? errno : EIO;
            ::close(fd);
            std::filesystem::remove(tmp, ec);
            return writeError("cannot write the template", tmp, err);
        }
        done += static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0) {
        const int err = errno;
        std::filesystem::remove(tmp, ec);
        return writeError("cannot write the template", tmp, err);
    }
    std::filesystem::rename(tmp, path, ec);
    if (ec) return writeError("cannot replace the template", path, ec.value());
    return {};
}

Status AppCore::resetPromptTemplate(const std::string& name) {
    LECTERN_TRY(checkName(name));
    std::error_code ec;
    std::filesystem::remove(overridePath(name), ec);
    if (ec) return writeError("cannot remove the edited template", overridePath(name), ec.value());
    return {};
}

std::vector<std::pair<std::string, bool>> AppCore::ocrLanguages() {
    std::vector<std::pair<std::string, bool>> out;
    for (const char* code : {"eng", "deu", "fra", "spa", "rus", "chi_sim", "ara"})
        out.emplace_back(code, ingest::ocr_available(code));
    return out;
}

}  // namespace lectern::app
