// SettingsStore: the settings table (see settings_store.h).
#include "settings_store.h"

namespace lectern::app {

Result<std::optional<std::string>> SettingsStore::get(const std::string& key) {
    auto stmt = m_db.query("SELECT value FROM settings WHERE key = ?", key);
    if (!stmt) return stmt.error();
    auto row = stmt->step();
    if (!row) return row.error();
    if (!*row) return std::optional<std::string>();
    return std::optional<std::string>(stmt->columnText(0));
}

Status SettingsStore::set(const std::string& key, const std::string& value) {
    return m_db.execute(
        "INSERT INTO settings (key, value) VALUES (?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        key, value);
}

Status SettingsStore::remove(const std::string& key) {
    return m_db.execute("DELETE FROM settings WHERE key = ?", key);
}

Result<std::map<std::string, std::string>> SettingsStore::all() {
    auto stmt = m_db.query("SELECT key, value FROM settings ORDER BY key");
    if (!stmt) return stmt.error();
    std::map<std::string, std::string> values;
    for (;;) {
        auto row = stmt->step();
        if (!row) return row.error();
        if (!*row) break;
        values.emplace(stmt->columnText(0), stmt->columnText(1));
    }
    return values;
}

}  // namespace lectern::app
