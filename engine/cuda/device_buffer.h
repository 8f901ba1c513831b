// Owning handles for device memory, a stream and a cuBLAS handle: allocated once, freed in
// the destructor, movable, never copied. Allocation failures come back as Errors.
#pragma once

#include <cstddef>
#include <cstdint>

#include <cublas_v2.h>
#include <cuda_runtime.h>

#include "lectern/engine/result.h"

namespace lectern::cuda {

class DeviceBuffer {
public:
    DeviceBuffer() = default;
    ~DeviceBuffer();
    DeviceBuffer(DeviceBuffer&& other) noexcept;
    DeviceBuffer& operator=(DeviceBuffer&& other) noexcept;
    DeviceBuffer(const DeviceBuffer&) = delete;
    DeviceBuffer& operator=(const DeviceBuffer&) = delete;

    // Errors: OutOfDeviceMemory (with the size asked for and what is free), Device.
    static Result<DeviceBuffer> allocate(size_t bytes, const char* what);

    void* data() const { return ptr_; }
    template <class T>
    T* as() const { return static_cast<T*>(ptr_); }
    size_t bytes() const { return bytes_; }

private:
    void* ptr_ = nullptr;
    size_t bytes_ = 0;
};

// Carves consecutive 256-byte aligned pieces out of one DeviceBuffer.
class Arena {
public:
    static size_t aligned(size_t bytes) { return (bytes + 255) / 256 * 256; }
    explicit Arena(const DeviceBuffer& buffer) : base_(buffer.as<uint8_t>()), cap_(buffer.bytes()) {}
    // nullptr once the arena is exhausted (a planning bug; callers check).
    template <class T>
    T* take(size_t count) {
        const size_t n = aligned(count * sizeof(T));
        if (used_ + n > cap_) return nullptr;
        T* p = reinterpret_cast<T*>(base_ + used_);
        used_ += n;
        return p;
    }

private:
    uint8_t* base_;
    size_t cap_;
    size_t used_ = 0;
};

class Stream {
public:
    Stream() = default;
    ~Stream();
    Stream(Stream&& other) noexcept : s_(other.s_) { other.s_ = nullptr; }
    Stream& operator=(Stream&&) = delete;
    static Result<Stream> create();
    cudaStream_t get() const { return s_; }

private:
    cudaStream_t s_ = nullptr;
};

class BlasHandle {
public:
    BlasHandle() = default;
    ~BlasHandle();
    BlasHandle(BlasHandle&& other) noexcept : h_(other.h_) { other.h_ = nullptr; }
    BlasHandle& operator=(BlasHandle&&) = delete;
    static Result<BlasHandle> create(cudaStream_t stream);
    cublasHandle_t get() const { return h_; }

private:
    cublasHandle_t h_ = nullptr;
};

// Free and total memory of the current device.
Result<size_t> free_device_memory();

}  // namespace lectern::cuda
