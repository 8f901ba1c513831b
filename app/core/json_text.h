// JSON text that never throws on text that is not UTF-8. nlohmann's dump() throws on an
// invalid byte sequence in a string (a file name in a legacy encoding, bytes from argv); every
// place Lectern turns JSON into text goes through dumpJson, which writes U+FFFD for such
// bytes instead. Text the user typed is checked where it enters (AppCore refuses a question
// that is not UTF-8); this is the backstop for everything else.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace lectern::app {

inline std::string dumpJson(const nlohmann::json& value, int indent = -1) {
    return value.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}
inline std::string dumpJson(const nlohmann::ordered_json& value, int indent = -1) {
    return value.dump(indent, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace lectern::app
