// CUDA and cuBLAS failures as Lectern Errors. LECTERN_CUDA_CHECK(stmt) evaluates a CUDA
// runtime call and, when it fails, returns an Error (code Device, or OutOfDeviceMemory for
// an allocation) naming the statement, file and line from the enclosing function, which
// must return Status or Result<T>. It never exits or aborts.
#pragma once

#include <cublas_v2.h>
#include <cuda_runtime.h>

#include "lectern/engine/result.h"

namespace lectern::cuda {

Error cuda_error(cudaError_t err, const char* statement, const char* file, int line);
Error cublas_error(cublasStatus_t status, const char* statement, const char* file, int line);

}  // namespace lectern::cuda

#define LECTERN_CUDA_CHECK(stmt)                                                             \
    do {                                                                                     \
        if (const cudaError_t lectern_cuda_err_ = (stmt); lectern_cuda_err_ != cudaSuccess)  \
            return ::lectern::cuda::cuda_error(lectern_cuda_err_, #stmt, __FILE__, __LINE__); \
    } while (0)

#define LECTERN_CUBLAS_CHECK(stmt)                                                            \
    do {                                                                                      \
        if (const cublasStatus_t lectern_blas_st_ = (stmt);                                   \
            lectern_blas_st_ != CUBLAS_STATUS_SUCCESS)                                        \
            return ::lectern::cuda::cublas_error(lectern_blas_st_, #stmt, __FILE__, __LINE__); \
    } while (0)
