// Shared by the store's tests: a temporary folder removed afterwards, and assertions that
// print a failed Result's Error.
#pragma once

#include <filesystem>
#include <string>

#include <gtest/gtest.h>

#include "database.h"

namespace lectern::app::testing {

// A fresh folder under the system temp folder, deleted with everything in it.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return m_path; }
    std::filesystem::path file(const std::string& name) const { return m_path / name; }

private:
    std::filesystem::path m_path;
};

// "PRAGMA integrity_check" of the file, "ok" when sound.
std::string integrityCheck(Database& db);

}  // namespace lectern::app::testing

// Fails the test with the error's text when a Result/Status is not ok.
#define ASSERT_OK(expr)                                                       \
    do {                                                                      \
        const auto& lectern_ok_ = (expr);                                     \
        ASSERT_TRUE(lectern_ok_.ok()) << lectern_ok_.error().to_string();     \
    } while (0)
#define EXPECT_OK(expr)                                                       \
    do {                                                                      \
        const auto& lectern_ok_ = (expr);                                     \
        EXPECT_TRUE(lectern_ok_.ok()) << lectern_ok_.error().to_string();     \
    } while (0)
