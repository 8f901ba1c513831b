// Recovery on open: rows (messages, task runs) left in their in-progress status by a process
// that has since ended (killed, crashed) are marked stopped, so their partial work shows as
// such. Rows whose writer is still alive in another process are left alone.
#pragma once

#include <string>

#include "database.h"

namespace lectern::app {

// For each row of `table` in status `liveStatus` whose `writer` names an ended process: sets
// status 'stopped', clears writer, stamps updated. Returns how many rows were stopped.
// `table` and `liveStatus` are the store's own names, never user input.
Result<int> stopAbandonedRows(Database& db, const std::string& table, const std::string& liveStatus);

}  // namespace lectern::app
