// Flash decoding on the device: attention for a few query tokens over a long KV cache, the
// keys split into ranges handled by separate thread blocks whose partial results (running
// maximum, sum and unnormalized output) are then combined. Twin of cpu::attend_one.
#pragma once

#include <cstdint>

#include <cuda_runtime.h>

#include "kernels/attention_prefill.cuh"

namespace lectern::cuda {

// Floats of partials launch_attention_decode needs for a shape and a split count.
int64_t attention_decode_partials(const AttentionShape& shape, int n_split);
// The split count the launcher picks: about 256 keys per split, at most max_split.
int attention_decode_splits(const AttentionShape& shape, int max_split);

// Arguments as launch_attention_prefill, plus `partials` scratch of partial_floats floats
// (at least attention_decode_partials(shape, attention_decode_splits(shape, max_split))).
cudaError_t launch_attention_decode(const float* q, KvElem elem, KvTensor keys, KvTensor values,
                                    const AttentionShape& shape, int max_split, float* partials,
                                    int64_t partial_floats, float* out, cudaStream_t stream);

}  // namespace lectern::cuda
