// libFuzzer target: safetensors header parsing. Every byte of every tensor the parser
// accepts is read, so ASan catches a range outside the input.
#include <cstddef>
#include <cstdint>

#include "safetensors/safetensors_file.h"

using namespace lectern;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    Result<safetensors::File> f = safetensors::File::parse(data, size, "fuzz");
    if (!f.ok()) return 0;
    volatile uint8_t sink = 0;
    for (const safetensors::TensorInfo& t : f->tensors())
        for (uint64_t i = 0; i < t.size; ++i) sink = sink + t.data[i];
    return 0;
}
