// Shared by the tokenizer tests and benchmark: reading the gzipped fixtures.
#pragma once

#include <stdexcept>
#include <string>

#include <nlohmann/json.hpp>
#include <zlib.h>

namespace lectern::tokenizer::testing {

inline std::string test_data(const std::string& rel) { return std::string(LECTERN_TEST_DATA) + "/" + rel; }

// The whole (gunzipped) file; throws on failure (tests only).
inline std::string read_gz(const std::string& path) {
    gzFile gz = gzopen(path.c_str(), "rb");
    if (gz == nullptr) throw std::runtime_error("cannot open " + path);
    std::string data;
    char buf[1 << 16];
    int n = 0;
    while ((n = gzread(gz, buf, sizeof buf)) > 0) data.append(buf, static_cast<size_t>(n));
    gzclose(gz);
    if (n < 0) throw std::runtime_error("cannot decompress " + path);
    return data;
}

inline const nlohmann::json& llama3_golden() {
    static const nlohmann::json golden =
        nlohmann::json::parse(read_gz(test_data("tokenizer/llama3-golden.json.gz")));
    return golden;
}

}  // namespace lectern::tokenizer::testing
