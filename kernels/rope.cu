// Rotary embeddings (see rope.cuh): one thread per (token, head, pair).
#include "kernels/rope.cuh"

#include "kernels/common.cuh"

namespace lectern::cuda {
namespace {

constexpr int kThreads = 256;

__global__ void rope_kernel(float* x, int64_t n_pairs, int64_t n_heads, int64_t half,
                            int64_t pos0, double theta, const float* freq_factors) {
    const int64_t idx = blockIdx.x * static_cast<int64_t>(blockDim.x) + threadIdx.x;
    if (idx >= n_pairs) return;
    const int64_t i = idx % half;
    const int64_t t = idx / (half * n_heads);
    double inv_freq = pow(theta, -2.0 * static_cast<double>(i) / static_cast<double>(2 * half));
    if (freq_factors) inv_freq /= static_cast<double>(freq_factors[i]);
    double s, c;
    sincos(static_cast<double>(pos0 + t) * inv_freq, &s, &c);
    const float cf = static_cast<float>(c), sf = static_cast<float>(s);
    float2* p = reinterpret_cast<float2*>(x) + idx;  // pairs are contiguous: idx = (t, h, i)
    const float2 v = *p;
    *p = make_float2(v.x * cf - v.y * sf, v.x * sf + v.y * cf);
}

}  // namespace

cudaError_t launch_rope(float* x, int64_t n_tok, int64_t n_heads, int64_t head_dim, int64_t pos0,
                        double theta, const float* freq_factors, cudaStream_t stream) {
    if (!x || n_tok < 0 || n_heads < 1 || head_dim < 2 || head_dim % 2 != 0 || pos0 < 0 ||
        !(theta > 0.0))
        return cudaErrorInvalidValue;
    const int64_t n_pairs = n_tok * n_heads * (head_dim / 2);
    if (n_pairs == 0) return cudaSuccess;
    const int64_t blocks = ceil_div(n_pairs, kThreads);
    if (blocks > 0x7fffffff) return cudaErrorInvalidValue;
    rope_kernel<<<static_cast<unsigned>(blocks), kThreads, 0, stream>>>(
        x, n_pairs, n_heads, head_dim / 2, pos0, theta, freq_factors);
    return cudaGetLastError();
}

}  // namespace lectern::cuda
