// Settings: string values by key (the UI's and CLI's preferences: last model, context
// size, backend). Values are opaque to the store; callers keep JSON in them if they need
// structure.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "database.h"

namespace lectern::app {

class SettingsStore {
public:
    explicit SettingsStore(Database& db) : m_db(db) {}

    Result<std::optional<std::string>> get(const std::string& key);
    Status set(const std::string& key, const std::string& value);
    // Removing a key that is not set is not an error.
    Status remove(const std::string& key);
    Result<std::map<std::string, std::string>> all();

private:
    Database& m_db;
};

}  // namespace lectern::app
