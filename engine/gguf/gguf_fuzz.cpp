// libFuzzer target: GGUF parsing and, when the bytes parse, loading them as a Llama model.
// Every byte the parser or loader says is a tensor is read, so ASan catches a bad range.
// The header-only parse (a download's memory check) runs over every prefix length the
// first byte picks, against a file said to be larger.
#include <cstddef>
#include <cstdint>

#include "gguf/gguf_file.h"
#include "model/loaders.h"

using namespace lectern;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size > 0) {
        const size_t prefix = size * data[0] / 255;
        uint64_t needed = 0;
        Result<gguf::File> head = gguf::File::parse_header(data, prefix, uint64_t{size} << 4, "fuzz", &needed);
        if (!head.ok() && needed != 0 && needed <= prefix) __builtin_trap();  // asked for what it had
    }
    Result<gguf::File> f = gguf::File::parse(data, size, "fuzz");
    if (!f.ok()) return 0;
    volatile uint8_t sink = 0;
    for (const gguf::TensorInfo& t : f->tensors())
        for (uint64_t i = 0; i < t.size; i += 61) sink = sink + t.data[i];
    for (const auto& [key, value] : f->metadata()) {
        (void)f->get_int(key);
        (void)f->get_float_array(key);
        (void)f->get_int_array(key);
    }
    Result<ModelWeights> w = model::load_gguf_model(*f);
    if (!w.ok()) return 0;
    for (const TensorView* t : w->all_tensors()) {
        const auto* p = static_cast<const uint8_t*>(t->data);
        sink = sink + p[0] + p[t->bytes() - 1];
    }
    (void)w->parameter_count();
    return 0;
}
