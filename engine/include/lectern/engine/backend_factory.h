// Choosing a compute backend by name: "cpu", "cuda" or "auto" (CUDA where a device exists,
// the CPU otherwise). Usable in every build: without the CUDA backend, "cuda" is an
// Unsupported error and "auto" picks the CPU, saying why.
#pragma once

#include <memory>
#include <string>

#include "lectern/engine/backend.h"
#include "lectern/engine/model_weights.h"
#include "lectern/engine/result.h"

namespace lectern {

struct BackendOptions {
    CpuBackendOptions cpu;
    int cuda_device = 0;  // which CUDA device "cuda" and "auto" use
};

struct BackendChoice {
    std::unique_ptr<Backend> backend;
    std::string reason;  // one line for the user: "cuda: NVIDIA H100 80GB HBM3 (device 0)"
};

// Errors: InvalidArgument (an unknown name), Unsupported ("this build has no CUDA backend",
// "no CUDA device found"), the chosen backend's own errors (OutOfDeviceMemory, Device, ...).
// With "auto", a CUDA backend that fails to start falls back to the CPU and the reason
// says so.
Result<BackendChoice> make_backend(const std::string& name,
                                   std::shared_ptr<const ModelWeights> weights,
                                   const BackendOptions& options = {});

// Whether this build includes the CUDA backend, and the CUDA devices it can see (0 when
// the build has none, or the driver reports none).
bool has_cuda_backend();
int cuda_device_count();
// Free memory of CUDA device `device` in bytes now; 0 when there is no such device.
size_t cuda_free_memory(int device = 0);
// What "auto" would choose, without starting it: "cuda" where a device exists, else "cpu".
std::string resolve_backend_name(const std::string& name);

}  // namespace lectern
