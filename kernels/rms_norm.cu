// RMSNorm with a fused residual add (see rms_norm.cuh): one block per row. Each thread keeps
// the elements it summed in the same positions for the write pass, so the residual update
// and the normalization touch each element from one thread only.
#include "kernels/rms_norm.cuh"

#include "kernels/common.cuh"

namespace lectern::cuda {
namespace {

constexpr int kThreads = 256;

__global__ void rms_norm_kernel(float* x, const float* residual, const float* weight, int64_t d,
                                float eps, float* out) {
    __shared__ float partial[kWarp];
    float* xr = x + blockIdx.x * d;
    float ss = 0.0f;
    for (int64_t i = threadIdx.x; i < d; i += blockDim.x) {
        float v = xr[i];
        if (residual) {
            v += residual[blockIdx.x * d + i];
            xr[i] = v;
        }
        ss += v * v;
    }
    ss = block_sum(ss, partial);
    const float scale = rsqrtf(ss / static_cast<float>(d) + eps);
    float* yr = out + blockIdx.x * d;
    for (int64_t i = threadIdx.x; i < d; i += blockDim.x) yr[i] = xr[i] * scale * weight[i];
}

}  // namespace

cudaError_t launch_rms_norm(float* x, const float* residual, const float* weight, int64_t n_tok,
                            int64_t d, float eps, float* out, cudaStream_t stream) {
    if (!x || !weight || !out || out == x || out == residual || n_tok < 0 ||
        n_tok > 0x7fffffff || d < 1 || !(eps >= 0.0f))
        return cudaErrorInvalidValue;
    if (n_tok == 0) return cudaSuccess;
    rms_norm_kernel<<<static_cast<unsigned>(n_tok), kThreads, 0, stream>>>(x, residual, weight, d,
                                                                           eps, out);
    return cudaGetLastError();
}

}  // namespace lectern::cuda
