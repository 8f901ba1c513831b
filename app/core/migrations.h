// Versioned schema migrations. The database's version is PRAGMA user_version; each step is
// numbered SQL applied in its own transaction (with the version bump), so a database of
// any older version upgrades in place, one step at a time, and a failed step leaves the
// previous version intact. Applied steps are also listed in schema_migrations.
#pragma once

#include <span>

#include "database.h"

namespace lectern::app {

struct Migration {
    int version;
    const char* name;
    const char* sql;
    // Steps that rebuild a table run with foreign keys off (SQLite's recipe for changing a
    // table's definition) and check them before committing.
    bool rebuildsTables = false;
};

// Every step, in order; versions run 1..latest without gaps.
std::span<const Migration> migrations();
int latestSchemaVersion();

Result<int> schemaVersion(Database& db);

// Applies the steps after the current version up to `target` (the latest by default).
// A database newer than this build is refused with Unsupported.
Status migrate(Database& db, int target = -1);

}  // namespace lectern::app
