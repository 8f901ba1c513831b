// Writes the fuzzers' seed corpus: the tiny Llama model as GGUF and as safetensors.
// Usage: lectern_fuzz_seeds GGUF_DIR SAFETENSORS_DIR
#include <cstdio>
#include <string>

#include "model/tiny_llama.h"

namespace {

bool write(const std::string& path, const std::vector<uint8_t>& bytes) {
    std::FILE* f = std::fopen(path.c_str(), "wb");
    if (!f) return false;
    bool ok = std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size();
    return std::fclose(f) == 0 && ok;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: lectern_fuzz_seeds GGUF_DIR SAFETENSORS_DIR\n");
        return 2;
    }
    using namespace lectern;
    bool ok = write(std::string(argv[1]) + "/tiny-llama.gguf", tiny_llama::gguf_bytes()) &&
              write(std::string(argv[2]) + "/tiny-llama.safetensors", tiny_llama::safetensors_bytes());
    return ok ? 0 : 1;
}
