// Reading an API key (see api_key_file.h).
#include "api_key_file.h"

#include <cctype>
#include <cstdlib>
#include <fstream>

namespace lectern::app::remote {
namespace {

std::string trimmed(std::string s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.pop_back();
    std::size_t i = 0;
    while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
    return s.substr(i);
}

}  // namespace

Result<std::string> loadApiKey(const std::string& file, const char* envVar) {
    if (file.empty()) {
        const char* env = std::getenv(envVar);
        return trimmed(env ? env : "");
    }
    std::ifstream in(file);
    if (!in) return make_error(ErrorCode::NotFound, "cannot read the API key file", file);
    std::string line;
    std::getline(in, line);
    line = trimmed(line);
    if (line.empty()) return make_error(ErrorCode::InvalidArgument, "the API key file holds no key", file);
    return line;
}

}  // namespace lectern::app::remote
