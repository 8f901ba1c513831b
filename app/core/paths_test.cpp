// Tests of where the database and caches live: the Lectern override, then XDG, then HOME.
#include <cstdlib>

#include <gtest/gtest.h>

#include "paths.h"
#include "store_test_support.h"

namespace lectern::app {
namespace {

// Sets or clears environment variables for one test and puts the old values back.
class ScopedEnv {
public:
    ScopedEnv(const char* name, const char* value) : m_name(name) {
        if (const char* old = std::getenv(name)) m_old = old;
        if (value) setenv(name, value, 1); else unsetenv(name);
    }
    ~ScopedEnv() {
        if (m_old) setenv(m_name, m_old->c_str(), 1); else unsetenv(m_name);
    }

private:
    const char* m_name;
    std::optional<std::string> m_old;
};

TEST(Paths, LecternOverrideWins) {
    ScopedEnv data("LECTERN_DATA_DIR", "/srv/lectern");
    ScopedEnv xdg("XDG_DATA_HOME", "/home/a/.data");
    EXPECT_EQ(defaultDatabasePath()->string(), "/srv/lectern/lectern.db");
}

TEST(Paths, XdgThenHome) {
    ScopedEnv data("LECTERN_DATA_DIR", nullptr);
    ScopedEnv cache("LECTERN_CACHE_DIR", nullptr);
    ScopedEnv home("HOME", "/home/a");
    {
        ScopedEnv xdg("XDG_DATA_HOME", "/home/a/.data");
        ScopedEnv xdgCache("XDG_CACHE_HOME", "/tmp/c");
        EXPECT_EQ(defaultDatabasePath()->string(), "/home/a/.data/lectern/lectern.db");
        EXPECT_EQ(cacheDirectory()->string(), "/tmp/c/lectern");
    }
    {
        // XDG says a relative value is invalid and is ignored.
        ScopedEnv xdg("XDG_DATA_HOME", "relative/dir");
        ScopedEnv xdgCache("XDG_CACHE_HOME", nullptr);
        EXPECT_EQ(defaultDatabasePath()->string(), "/home/a/.local/share/lectern/lectern.db");
        EXPECT_EQ(cacheDirectory()->string(), "/home/a/.cache/lectern");
    }
}

TEST(Paths, NoHomeIsAClearError) {
    ScopedEnv data("LECTERN_DATA_DIR", nullptr);
    ScopedEnv xdg("XDG_DATA_HOME", nullptr);
    ScopedEnv home("HOME", nullptr);
    auto path = defaultDatabasePath();
    ASSERT_FALSE(path.ok());
    EXPECT_EQ(path.error().code, ErrorCode::NotFound);
    EXPECT_NE(path.error().message.find("LECTERN_DATA_DIR"), std::string::npos);
}

}  // namespace
}  // namespace lectern::app
