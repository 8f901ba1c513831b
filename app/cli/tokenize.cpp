// `lectern-cli tokenize MODEL_OR_TOKENIZER [FILE|-] [--ids] [--bos] [--parse-special]`:
// counts the tokens of a text (a file, or standard input for "-" or no FILE) with a model's
// own tokenizer (GGUF file, Hugging Face folder, tokenizer.json or tokenizer.model).
// Prints the count; with --ids, the ids space-separated on one line instead. No BOS unless
// --bos; special-token text is plain text unless --parse-special. Other tools rely on this
// output: keep it stable.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>

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

int run(const Options& o) {
    auto tok = Tokenizer::load(o.model);
    if (!tok.ok()) return report("tokenize", tok.error());
    auto text = read_input(o.file);
    if (!text.ok()) return report("tokenize", text.error());
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
    sub->add_flag("--ids", o->ids, "Print the token ids, space-separated on one line");
    sub->add_flag("--bos", o->bos, "Prepend the BOS token");
    sub->add_flag("--parse-special", o->parse_special,
                  "Turn special-token text such as <|eot_id|> into special tokens");
    return [o] { return run(*o); };
}

const Registrar registrar("tokenize", 80, setup);

}  // namespace
}  // namespace lectern::cli
