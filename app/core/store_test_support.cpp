// TempDir and integrityCheck for the store's tests (see store_test_support.h).
#include "store_test_support.h"

#include <cstdlib>
#include <system_error>

namespace lectern::app::testing {

TempDir::TempDir() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "lectern-store-XXXXXX").string();
    char* made = mkdtemp(pattern.data());
    if (!made) throw std::system_error(errno, std::generic_category(), "mkdtemp");
    m_path = made;
}

TempDir::~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(m_path, ignored);
}

std::string integrityCheck(Database& db) {
    auto stmt = db.query("PRAGMA integrity_check");
    if (!stmt) return stmt.error().to_string();
    auto row = stmt->step();
    if (!row) return row.error().to_string();
    return *row ? stmt->columnText(0) : "no result";
}

}  // namespace lectern::app::testing
