// `lectern-cli tokenize MODEL_OR_TOKENIZER [FILE|-] [--ids] [--bos] [--parse-special]`:
// counts the tokens of a text (a file, or standard input for "-" or no FILE) with a model's
// own tokenizer (GGUF file, Hugging Face folder, tokenizer.json or tokenizer.model).
// Prints the count; with --ids, the ids space-separated on one line instead. No BOS unless
// --bos; special-token text is plain text unless --parse-special. With --decode the input
// is token ids (separated by spaces, commas or newlines) and the output their decoded text,
// exactly (no newline added). Other tools rely on this output: keep it stable.
#include <algorithm>
#include <charconv>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

#include "command.h"
#include "lectern/engine/tokenizer.h"

namespace lectern::cli {
namespace {

struct Options {
    std::string model;
    std::string file = "-";
    bool ids = false;
    bool bos = false;
    bool parse_special = false;
    bool decode = false;
};

Result<std::string> read_input(const std::string& file) {
    if (file == "-") {
        std::string text((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
        if (std::cin.bad()) return make_error(ErrorCode::Io, "cannot read standard input");
        return text;
    }
    std::ifstream in(file, std::ios::binary);
    if (!in) return make_error(ErrorCode::NotFound, "cannot open file", file);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) return make_error(ErrorCode::Io, "cannot read file", file);
    return text;
}

// Token ids separated by spaces, commas or newlines; each must be in the vocabulary.
Result<std::vector<int32_t>> parse_ids(const std::string& text, int32_t n_vocab) {
    std::vector<int32_t> ids;
    const char* p = text.data();
    const char* end = p + text.size();
    while (p < end) {
        if (*p == ' ' || *p == ',' || *p == '\n' || *p == '\t' || *p == '\r') {
            ++p;
            continue;
        }
        int32_t id = -1;
        const auto [next, ec] = std::from_chars(p, end, id);
        if (ec != std::errc() || id < 0 || id >= n_vocab)
            return make_error(ErrorCode::InvalidArgument,
                              "--decode reads token ids from 0 to " + std::to_string(n_vocab - 1),
                              std::string(p, std::min<size_t>(static_cast<size_t>(end - p), 16)));
        ids.push_back(id);
        p = next;
    }
    return ids;
}

int run(const Options& o) {
    auto tok = Tokenizer::load(o.model);
    if (!tok.ok()) return report("tokenize", tok.error());
    auto text = read_input(o.file);
    if (!text.ok()) return report("tokenize", text.error());
    if (o.decode) {
        auto ids = parse_ids(*text, (*tok)->n_vocab());
        if (!ids.ok()) return report("tokenize", ids.error());
        const std::string decoded = (*tok)->decode(*ids);
        std::fwrite(decoded.data(), 1, decoded.size(), stdout);
        return kExitOk;
    }
    const std::vector<int32_t> ids = (*tok)->encode(*text, o.bos, o.parse_special);
    if (!o.ids) {
        std::printf("%zu\n", ids.size());
        return kExitOk;
    }
    std::string line;
    line.reserve(ids.size() * 7);
    for (size_t i = 0; i < ids.size(); ++i) {
        if (i) line.push_back(' ');
        line += std::to_string(ids[i]);
    }
    line.push_back('\n');
    std::fwrite(line.data(), 1, line.size(), stdout);
    return kExitOk;
}

Run setup(CLI::App& root) {
    auto o = std::make_shared<Options>();
    CLI::App* sub = root.add_subcommand("tokenize", "Count (or list) the tokens of a text");
    sub->add_option("model", o->model,
                    "GGUF file, Hugging Face folder, tokenizer.json or tokenizer.model")->required();
    sub->add_option("file", o->file, "Text file; - or nothing for standard input");
    auto* ids = sub->add_flag("--ids", o->ids, "Print the token ids, space-separated on one line");
    auto* bos = sub->add_flag("--bos", o->bos, "Prepend the BOS token");
    auto* parse_special = sub->add_flag("--parse-special", o->parse_special,
                                        "Turn special-token text such as <|eot_id|> into special tokens");
    auto* decode = sub->add_flag("--decode", o->decode,
                                 "Read token ids instead of text and print their decoded text");
    decode->excludes(ids)->excludes(bos)->excludes(parse_special);
    return [o] { return run(*o); };
}

const Registrar registrar("tokenize", 80, setup);

}  // namespace
}  // namespace lectern::cli
