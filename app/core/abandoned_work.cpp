// Marks work of dead writer processes as stopped (see abandoned_work.h).
#include "abandoned_work.h"

#include <vector>

#include "process_identity.h"

namespace lectern::app {

Result<int> stopAbandonedRows(Database& db, const std::string& table, const std::string& liveStatus) {
    auto stmt = db.query("SELECT id, writer FROM " + table + " WHERE status = '" + liveStatus + "'");
    if (!stmt) return stmt.error();
    std::vector<std::int64_t> abandoned;
    for (;;) {
        auto row = stmt->step();
        if (!row) return row.error();
        if (!*row) break;
        if (writerIsGone(stmt->columnText(1))) abandoned.push_back(stmt->columnInt(0));
    }
    const std::string stop = "UPDATE " + table + " SET status = 'stopped', writer = NULL, " +
                             "updated = ? WHERE id = ? AND status = '" + liveStatus + "'";
    for (std::int64_t id : abandoned) {
        // The status check keeps a row that its writer finished meanwhile as it is.
        LECTERN_TRY(db.execute(stop, nowMs(), id));
    }
    return static_cast<int>(abandoned.size());
}

}  // namespace lectern::app
