// bench-tokenizer: encodes the 12 translated manual pages of llama3-golden.json.gz with the
// real Llama 3 tokenizer on one thread and prints MB/s and tokens/s.
//   bench-tokenizer [--repeat N] [--tokenizer PATH]
// Two figures: one encode() per page, and one encode() of the pages concatenated (as a long
// document is counted), the median of N such calls. Each call starts with an empty per-call
// memo, and the long document is distinct text: repeating a text within one call would turn
// every word after the first copy into a memo lookup and overstate the speed.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <string>
#include <vector>

#include "lectern/engine/tokenizer.h"
#include "tokenizer/tokenizer_test_support.h"

namespace {

using Clock = std::chrono::steady_clock;

// CPU time of this thread: on a busy machine wall time also counts waiting for a core.
double thread_cpu_seconds() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec + ts.tv_nsec * 1e-9;
}

struct Timer {
    Clock::time_point wall = Clock::now();
    double cpu = thread_cpu_seconds();
};

struct Elapsed {
    double wall = 0, cpu = 0;
};

Elapsed elapsed(const Timer& t) {
    return {std::chrono::duration<double>(Clock::now() - t.wall).count(), thread_cpu_seconds() - t.cpu};
}

void report(const char* what, size_t bytes, size_t tokens, Elapsed e) {
    const double wall = e.wall, cpu = e.cpu;
    std::printf("%-36s %6.2f MB %8zu tokens | wall %6.3f s %6.2f MB/s %9.0f tok/s | "
                "cpu %6.3f s %6.2f MB/s %9.0f tok/s\n", what, bytes / 1e6, tokens, wall,
                bytes / 1e6 / wall, tokens / wall, cpu, bytes / 1e6 / cpu, tokens / cpu);
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
    Timer t1;
    for (const std::string& p : pages) tokens += (*tok)->encode(p).size();
    char label[64];
    std::snprintf(label, sizeof label, "per page (%zu calls)", pages.size());
    report(label, corpus.size(), tokens, elapsed(t1));

    std::vector<Elapsed> runs;
    for (int r = 0; r < std::max(repeat, 1); ++r) {
        Timer t2;
        tokens = (*tok)->encode(corpus).size();
        runs.push_back(elapsed(t2));
    }
    std::sort(runs.begin(), runs.end(), [](const Elapsed& a, const Elapsed& b) { return a.cpu < b.cpu; });
    std::snprintf(label, sizeof label, "pages joined (1 call, median of %zu)", runs.size());
    report(label, corpus.size(), tokens, runs[runs.size() / 2]);
    return 0;
}
