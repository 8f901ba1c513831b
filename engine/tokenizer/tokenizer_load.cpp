// Tokenizer::load: decides what a path holds (GGUF by its magic, a Hugging Face folder,
// tokenizer.json[.gz], or a SentencePiece model) and builds the matching tokenizer.
#include <filesystem>
#include <fstream>

#include <zlib.h>

#include "bpe_tokenizer.h"
#include "spm_tokenizer.h"
#include "vocab_sources.h"

namespace lectern {
namespace {

namespace fs = std::filesystem;
using tokenizer::BpeTokenizer;
using tokenizer::SpmTokenizer;

bool ends_with(const std::string& s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Reads a file, gunzipping it when its name ends in ".gz".
Result<std::string> read_file(const std::string& path) {
    std::string data;
    if (ends_with(path, ".gz")) {
        gzFile gz = gzopen(path.c_str(), "rb");
        if (gz == nullptr) return make_error(ErrorCode::NotFound, "cannot open file", path);
        char buf[1 << 16];
        int n = 0;
        while ((n = gzread(gz, buf, sizeof buf)) > 0) data.append(buf, static_cast<size_t>(n));
        const bool failed = n < 0;
        gzclose(gz);
        if (failed) return make_error(ErrorCode::Corrupt, "cannot decompress file", path);
        return data;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) return make_error(ErrorCode::NotFound, "cannot open file", path);
    data.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    if (in.bad()) return make_error(ErrorCode::Io, "cannot read file", path);
    return data;
}

bool path_exists(const fs::path& p) {
    std::error_code ec;
    return fs::exists(p, ec);
}

bool has_gguf_magic(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    char magic[4] = {};
    return in.read(magic, 4) && std::string_view(magic, 4) == "GGUF";
}

Result<std::unique_ptr<Tokenizer>> load_gguf(const std::string& path) {
    auto file = gguf::File::open(path);
    if (!file.ok()) return file.error();
    const std::string model = file->get_string("tokenizer.ggml.model").value_or("");
    if (model == "gpt2") {
        auto spec = tokenizer::bpe_spec_from_gguf(*file);
        if (!spec.ok()) return spec.error();
        auto t = BpeTokenizer::create(std::move(*spec));
        if (!t.ok()) return t.error();
        return std::unique_ptr<Tokenizer>(std::move(*t));
    }
    if (model == "llama") {
        auto proto = tokenizer::spm_proto_from_gguf(*file);
        if (!proto.ok()) return proto.error();
        const auto eot = file->get_int("tokenizer.ggml.eot_token_id");
        std::vector<int32_t> stops;
        if (eot) stops.push_back(static_cast<int32_t>(*eot));
        auto t = SpmTokenizer::load_proto(*proto, path, stops,
                                          file->get_string("tokenizer.chat_template").value_or(""));
        if (!t.ok()) return t.error();
        return std::unique_ptr<Tokenizer>(std::move(*t));
    }
    if (model.empty()) return make_error(ErrorCode::UnsupportedModel, "GGUF file has no tokenizer", path);
    return make_error(ErrorCode::UnsupportedModel, "GGUF tokenizer model \"" + model +
                      "\" is not supported (gpt2 or llama)", path);
}

Result<std::unique_ptr<Tokenizer>> load_json(const std::string& path, const std::string& config_path) {
    auto text = read_file(path);
    if (!text.ok()) return text.error();
    std::string config;
    if (!config_path.empty() && path_exists(config_path)) {
        auto c = read_file(config_path);
        if (!c.ok()) return c.error();
        config = std::move(*c);
    }
    auto spec = tokenizer::parse_tokenizer_json(*text, config, path);
    if (!spec.ok()) return spec.error();
    auto t = BpeTokenizer::create(std::move(*spec));
    if (!t.ok()) return t.error();
    return std::unique_ptr<Tokenizer>(std::move(*t));
}

Result<std::unique_ptr<Tokenizer>> load_spm(const std::string& path, const std::string& config_path) {
    std::string chat_template;
    if (path_exists(config_path)) {
        auto c = read_file(config_path);
        if (!c.ok()) return c.error();
        chat_template = tokenizer::chat_template_from_config(*c);
    }
    auto t = SpmTokenizer::load_file(path, std::move(chat_template));
    if (!t.ok()) return t.error();
    return std::unique_ptr<Tokenizer>(std::move(*t));
}

}  // namespace

Tokenizer::~Tokenizer() = default;

size_t Tokenizer::count(std::string_view text) const { return encode(text).size(); }

Result<std::unique_ptr<Tokenizer>> Tokenizer::load(const std::string& path) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
        const fs::path dir(path);
        const std::string config = (dir / "tokenizer_config.json").string();
        if (path_exists(dir / "tokenizer.json")) return load_json((dir / "tokenizer.json").string(), config);
        if (path_exists(dir / "tokenizer.model")) return load_spm((dir / "tokenizer.model").string(), config);
        return make_error(ErrorCode::NotFound,
                          "folder holds neither tokenizer.json nor tokenizer.model", path);
    }
    if (!path_exists(path)) return make_error(ErrorCode::NotFound, "no such file", path);
    if (has_gguf_magic(path)) return load_gguf(path);
    if (ends_with(path, ".json") || ends_with(path, ".json.gz")) {
        const fs::path sibling = fs::path(path).parent_path() / "tokenizer_config.json";
        return load_json(path, sibling.string());
    }
    return load_spm(path, (fs::path(path).parent_path() / "tokenizer_config.json").string());
}

}  // namespace lectern
