// Review findings: the model is asked for lines "path:line: severity: message"; this parses
// them from its output and checks each citation against the code it was shown (the files
// and line numbers in the prompt). A finding whose file or line was not shown is kept but
// marked unverified with the reason, and never presented as a link.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "lectern/ingest/document.h"

namespace lectern::app {

// Per file, the ranges [first, last] of line numbers the prompt showed.
using ShownLines = std::map<std::string, std::vector<std::pair<std::int64_t, std::int64_t>>>;

struct Finding {
    std::string path;
    std::int64_t line = 0;
    std::string severity;  // critical, major, minor, nit
    std::string message;
    bool verified = false; // path and line were in the reviewed code
    std::string problem;   // why not verified
};

// Lines 1..N of every file unit of `documents`.
ShownLines shownLinesOf(const std::vector<ingest::Document>& documents);
bool isShown(const ShownLines& shown, const std::string& path, std::int64_t line);

// Every line of `output` in the finding format, in order, each checked against `shown`.
std::vector<Finding> parseFindings(const std::string& output, const ShownLines& shown);

}  // namespace lectern::app
