// XDG data and cache folders for Lectern (see paths.h).
#include "paths.h"

#include <cstdlib>
#include <system_error>

namespace lectern::app {
namespace {

namespace fs = std::filesystem;

const char* nonEmptyEnv(const char* name) {
    const char* value = std::getenv(name);
    return value && *value ? value : nullptr;
}

// `override`, else `$xdgVar/lectern`, else `~/<homeRelative>/lectern`. XDG says a relative
// XDG_* value is invalid and must be ignored.
Result<fs::path> xdgDirectory(const char* override, const char* xdgVar,
                              const char* homeRelative) {
    if (const char* dir = nonEmptyEnv(override)) return fs::path(dir);
    if (const char* xdg = nonEmptyEnv(xdgVar); xdg && fs::path(xdg).is_absolute()) {
        return fs::path(xdg) / "lectern";
    }
    if (const char* home = nonEmptyEnv("HOME")) return fs::path(home) / homeRelative / "lectern";
    return make_error(ErrorCode::NotFound,
                      std::string("cannot find a folder for Lectern's files: set ") + override +
                          ", " + xdgVar + " or HOME");
}

}  // namespace

Result<fs::path> dataDirectory() {
    return xdgDirectory("LECTERN_DATA_DIR", "XDG_DATA_HOME", ".local/share");
}

Result<fs::path> defaultDatabasePath() {
    auto dir = dataDirectory();
    if (!dir) return dir.error();
    return *dir / "lectern.db";
}

Result<fs::path> cacheDirectory() {
    return xdgDirectory("LECTERN_CACHE_DIR", "XDG_CACHE_HOME", ".cache");
}

Status ensureDirectory(const fs::path& dir) {
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) {
        ErrorCode code = ec == std::errc::no_space_on_device ? ErrorCode::DiskFull : ErrorCode::Io;
        return make_error(code, "cannot create folder: " + ec.message(), dir.string());
    }
    return {};
}

}  // namespace lectern::app
