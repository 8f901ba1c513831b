// Residual add (see add.cuh): a grid-stride loop.
#include "kernels/add.cuh"

#include "kernels/common.cuh"

namespace lectern::cuda {
namespace {

__global__ void add_kernel(float* x, const float* y, int64_t n) {
    for (int64_t i = blockIdx.x * static_cast<int64_t>(blockDim.x) + threadIdx.x; i < n;
         i += static_cast<int64_t>(gridDim.x) * blockDim.x)
        x[i] += y[i];
}

}  // namespace

cudaError_t launch_add(float* x, const float* y, int64_t n, cudaStream_t stream) {
    if (!x || !y || n < 0) return cudaErrorInvalidValue;
    if (n == 0) return cudaSuccess;
    const int64_t blocks = ceil_div(n, 256) < 65536 ? ceil_div(n, 256) : 65536;
    add_kernel<<<static_cast<unsigned>(blocks), 256, 0, stream>>>(x, y, n);
    return cudaGetLastError();
}

}  // namespace lectern::cuda
