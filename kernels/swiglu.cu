// SwiGLU (see swiglu.cuh): a grid-stride loop, silu with the accurate expf.
#include "kernels/swiglu.cuh"

#include "kernels/common.cuh"

namespace lectern::cuda {
namespace {

__global__ void swiglu_kernel(const float* gate, const float* up, int64_t n, float* out) {
    for (int64_t i = blockIdx.x * static_cast<int64_t>(blockDim.x) + threadIdx.x; i < n;
         i += static_cast<int64_t>(gridDim.x) * blockDim.x) {
        const float g = gate[i];
        out[i] = g / (1.0f + expf(-g)) * up[i];
    }
}

}  // namespace

cudaError_t launch_swiglu(const float* gate, const float* up, int64_t n, float* out,
                          cudaStream_t stream) {
    if (!gate || !up || !out || n < 0) return cudaErrorInvalidValue;
    if (n == 0) return cudaSuccess;
    const int64_t blocks = ceil_div(n, 256) < 65536 ? ceil_div(n, 256) : 65536;
    swiglu_kernel<<<static_cast<unsigned>(blocks), 256, 0, stream>>>(gate, up, n, out);
    return cudaGetLastError();
}

}  // namespace lectern::cuda
