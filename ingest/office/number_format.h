// Spreadsheet numbers as the sheet displays them: the built-in formats (General, 0, 0.00,
// #,##0, #,##0.00, percentages, negatives in parentheses, dates and times 14-22 and 45-47)
// and custom codes of the same kinds (digit placeholders, thousands separators, literal
// text, sections for negatives and zero, date and time codes). Dates in locale-dependent
// built-ins (14, 22) are written as ISO dates, which read the same everywhere.
#pragma once

#include <optional>
#include <string>

namespace lectern::ingest::office {

// `value` under number format `id` (a built-in when `code` is empty) or custom `code`;
// nullopt for a format not implemented here (scientific, fractions, elapsed time), which the
// caller shows raw and warns about. `date1904`: the workbook counts days from 1904. A NaN or
// infinite value is written "NaN", "Infinity" or "-Infinity" under any format.
std::optional<std::string> format_cell_number(double value, int id, const std::string& code,
                                              bool date1904 = false);

// The shortest text that reads back as `value` ("0.1", "1234", "1E-07" stays "1e-07").
std::string general_number(double value);

// The code of built-in format `id` ("0.00%" for 10); empty for ids without one here.
std::string builtin_format_code(int id);

}  // namespace lectern::ingest::office
