// Device memory, stream and cuBLAS handle ownership (see device_buffer.h).
#include "cuda/device_buffer.h"

#include <string>
#include <utility>

#include "cuda/cuda_check.h"
#include "lectern/engine/memory_plan.h"

namespace lectern::cuda {

DeviceBuffer::~DeviceBuffer() {
    if (ptr_) cudaFree(ptr_);
}

DeviceBuffer::DeviceBuffer(DeviceBuffer&& other) noexcept
    : ptr_(std::exchange(other.ptr_, nullptr)), bytes_(std::exchange(other.bytes_, 0)) {}

DeviceBuffer& DeviceBuffer::operator=(DeviceBuffer&& other) noexcept {
    if (this != &other) {
        if (ptr_) cudaFree(ptr_);
        ptr_ = std::exchange(other.ptr_, nullptr);
        bytes_ = std::exchange(other.bytes_, 0);
    }
    return *this;
}

Result<DeviceBuffer> DeviceBuffer::allocate(size_t bytes, const char* what) {
    DeviceBuffer b;
    if (bytes == 0) return b;
    const cudaError_t err = cudaMalloc(&b.ptr_, bytes);
    if (err == cudaErrorMemoryAllocation) {
        cudaGetLastError();  // not sticky: clear it
        auto free_now = free_device_memory();
        return make_error(ErrorCode::OutOfDeviceMemory,
                          std::string("not enough device memory for the ") + what + ": needs " +
                              format_bytes(bytes) + ", " +
                              (free_now ? format_bytes(*free_now) : std::string("?")) + " free");
    }
    LECTERN_CUDA_CHECK(err);
    b.bytes_ = bytes;
    return b;
}

Stream::~Stream() {
    if (s_) cudaStreamDestroy(s_);
}

Result<Stream> Stream::create() {
    Stream s;
    LECTERN_CUDA_CHECK(cudaStreamCreateWithFlags(&s.s_, cudaStreamNonBlocking));
    return s;
}

BlasHandle::~BlasHandle() {
    if (h_) cublasDestroy(h_);
}

Result<BlasHandle> BlasHandle::create(cudaStream_t stream) {
    BlasHandle h;
    LECTERN_CUBLAS_CHECK(cublasCreate(&h.h_));
    LECTERN_CUBLAS_CHECK(cublasSetStream(h.h_, stream));
    // Float32 accumulation is asked for per call; forbid reduced-precision reductions.
    LECTERN_CUBLAS_CHECK(cublasSetMathMode(h.h_, CUBLAS_DEFAULT_MATH));
    return h;
}

Result<size_t> free_device_memory() {
    size_t free_b = 0, total_b = 0;
    LECTERN_CUDA_CHECK(cudaMemGetInfo(&free_b, &total_b));
    return free_b;
}

}  // namespace lectern::cuda
