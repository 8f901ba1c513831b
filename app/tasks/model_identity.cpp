// Model identity from sampled file contents (see model_identity.h).
#include "model_identity.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <vector>

#include "lectern/ingest/ingest.h"

namespace lectern::app {
namespace {

constexpr std::uint64_t kSample = 1 << 20;

Status appendSample(const std::filesystem::path& file, std::string& out) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(file, ec);
    if (ec) return make_error(ErrorCode::Io, "cannot read the model file", file.string());
    out += file.filename().string() + ":" + std::to_string(size) + ":";
    std::ifstream in(file, std::ios::binary);
    auto readAt = [&](std::uint64_t offset, std::uint64_t n) {
        std::string buf(n, '\0');
        in.seekg(static_cast<std::streamoff>(offset));
        in.read(buf.data(), static_cast<std::streamsize>(n));
        out += buf;
    };
    readAt(0, std::min(size, kSample));
    if (size > kSample) readAt(size - std::min(size - kSample, kSample), std::min(size - kSample, kSample));
    if (!in) return make_error(ErrorCode::Io, "cannot read the model file", file.string());
    return {};
}

}  // namespace

Result<std::string> modelIdentity(const std::string& path) {
    std::filesystem::path p(path);
    std::error_code ec;
    if (!std::filesystem::exists(p, ec)) return make_error(ErrorCode::NotFound, "no such model", path);
    if (p.filename() == "config.json") p = p.parent_path();
    std::vector<std::filesystem::path> files;
    if (std::filesystem::is_directory(p, ec)) {
        for (const auto& e : std::filesystem::directory_iterator(p, ec)) {
            const auto name = e.path().filename().string();
            if (name == "config.json" || e.path().extension() == ".safetensors") files.push_back(e.path());
        }
        std::sort(files.begin(), files.end());
    } else {
        files.push_back(p);
    }
    std::string sample;
    for (const auto& f : files) LECTERN_TRY(appendSample(f, sample));
    return ingest::sha256_hex(sample);
}

}  // namespace lectern::app
