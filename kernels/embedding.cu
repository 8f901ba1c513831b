// Embedding lookup (see embedding.cuh): one block per token; plain types copy an element per
// thread, quantized types decode 32-element groups per thread.
#include "kernels/embedding.cuh"

#include "kernels/decode_block.cuh"

namespace lectern::cuda {
namespace {

constexpr int kThreads = 256;

template <DType T>
__global__ void embedding_kernel(const uint8_t* table, int64_t d_model, const int32_t* tokens,
                                 float* out) {
    const int64_t t = blockIdx.x;
    const uint8_t* row = table + row_stride<T>(d_model) * tokens[t];
    float* y = out + t * d_model;
    if constexpr (is_plain<T>()) {
        for (int64_t c = threadIdx.x; c < d_model; c += blockDim.x) y[c] = load_plain<T>(row, c);
    } else {
        float v[kGroup];
        for (int64_t g = threadIdx.x; g < d_model / kGroup; g += blockDim.x) {
            decode_group<T>(row, g, v);
#pragma unroll
            for (int l = 0; l < kGroup; ++l) y[g * kGroup + l] = v[l];
        }
    }
}

}  // namespace

cudaError_t launch_embedding(const void* table, DType type, int64_t n_vocab, int64_t d_model,
                             const int32_t* tokens, int64_t n_tok, float* out,
                             cudaStream_t stream) {
    if (!table || !tokens || !out || n_vocab < 1 || d_model < 1 || n_tok < 0 ||
        n_tok > 0x7fffffff || d_model % block_elems(type) != 0)
        return cudaErrorInvalidValue;
    if (n_tok == 0) return cudaSuccess;
    return dispatch_weight_type(type, [&](auto tag) {
        constexpr DType T = decltype(tag)::value;
        embedding_kernel<T><<<static_cast<unsigned>(n_tok), kThreads, 0, stream>>>(
            static_cast<const uint8_t*>(table), d_model, tokens, out);
        return cudaGetLastError();
    });
}

}  // namespace lectern::cuda
