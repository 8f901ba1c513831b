// bench-tokenizer: encodes the 12 translated manual pages of llama3-golden.json.gz with the
// real Llama 3 tokenizer on one thread and prints MB/s and tokens/s.
//   bench-tokenizer [--repeat N] [--tokenizer PATH]
// Two figures: one encode() per page (each call starts with an empty per-call memo), and one
// encode() of the whole corpus repeated N times (as a long document is counted).
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "lectern/engine/tokenizer.h"
#include "tokenizer/tokenizer_test_support.h"

namespace {

using Clock = std::chrono::steady_clock;

void report(const char* what, size_t bytes, size_t tokens, double seconds) {
    std::printf("%-34s %8.2f MB  %9zu tokens  %7.3f s  %7.2f MB/s  %10.0f tokens/s\n", what,
                bytes / 1e6, tokens, seconds, bytes / 1e6 / seconds, tokens / seconds);
}

}  // namespace

int main(int argc, char** argv) {
    using namespace lectern::tokenizer::testing;
    int repeat = 6;
    std::string path = test_data("tokenizer/llama3-tokenizer.json.gz");
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--repeat") && i + 1 < argc) repeat = std::atoi(argv[++i]);
        else if (!std::strcmp(argv[i], "--tokenizer") && i + 1 < argc) path = argv[++i];
        else { std::fprintf(stderr, "usage: bench-tokenizer [--repeat N] [--tokenizer PATH]\n"); return 2; }
    }
    const auto t0 = Clock::now();
    auto tok = lectern::Tokenizer::load(path);
    if (!tok.ok()) { std::fprintf(stderr, "bench-tokenizer: %s\n", tok.error().to_string().c_str()); return 1; }
    const double load_s = std::chrono::duration<double>(Clock::now() - t0).count();
    std::printf("tokenizer %s loaded in %.3f s\n", path.c_str(), load_s);

    std::vector<std::string> pages;
    std::string corpus;
    for (const auto& d : llama3_golden()["documents"]) {
        pages.push_back(d["text"].get<std::string>());
        corpus += pages.back();
    }
    size_t tokens = 0;
    auto t1 = Clock::now();
    for (const std::string& p : pages) tokens += (*tok)->encode(p).size();
    report("per page (12 calls)", corpus.size(), tokens,
           std::chrono::duration<double>(Clock::now() - t1).count());

    std::string big;
    for (int r = 0; r < repeat; ++r) big += corpus;
    t1 = Clock::now();
    tokens = (*tok)->encode(big).size();
    char label[64];
    std::snprintf(label, sizeof label, "whole corpus x%d (1 call)", repeat);
    report(label, big.size(), tokens, std::chrono::duration<double>(Clock::now() - t1).count());
    return 0;
}
