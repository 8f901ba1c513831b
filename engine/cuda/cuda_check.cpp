// Turning CUDA runtime and cuBLAS status codes into Errors (see cuda_check.h).
#include "cuda/cuda_check.h"

#include <string>

namespace lectern::cuda {
namespace {

std::string where(const char* statement, const char* file, int line) {
    std::string f = file;
    if (const size_t at = f.rfind("/engine/"); at != std::string::npos) f = f.substr(at + 1);
    return std::string(statement) + " at " + f + ":" + std::to_string(line);
}

}  // namespace

Error cuda_error(cudaError_t err, const char* statement, const char* file, int line) {
    const ErrorCode code =
        err == cudaErrorMemoryAllocation ? ErrorCode::OutOfDeviceMemory : ErrorCode::Device;
    return make_error(code,
                      std::string("CUDA error: ") + cudaGetErrorName(err) + " (" +
                          cudaGetErrorString(err) + ")",
                      where(statement, file, line));
}

Error cublas_error(cublasStatus_t status, const char* statement, const char* file, int line) {
    const ErrorCode code =
        status == CUBLAS_STATUS_ALLOC_FAILED ? ErrorCode::OutOfDeviceMemory : ErrorCode::Device;
    return make_error(code,
                      std::string("cuBLAS error: ") + cublasGetStatusName(status) + " (" +
                          cublasGetStatusString(status) + ")",
                      where(statement, file, line));
}

}  // namespace lectern::cuda
