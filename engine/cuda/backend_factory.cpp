// make_backend (see backend_factory.h): the only place that decides between the CPU and
// CUDA backends. Compiled in every build; the CUDA calls exist only with LECTERN_HAVE_CUDA.
#include "lectern/engine/backend_factory.h"

#include "cuda/cuda_backend.h"

namespace lectern {
namespace {

Result<BackendChoice> make_cpu(std::shared_ptr<const ModelWeights> weights,
                               const BackendOptions& options, std::string reason) {
    auto b = make_cpu_backend(std::move(weights), options.cpu);
    if (!b) return b.error();
    return BackendChoice{std::move(b.value()), std::move(reason)};
}

Result<BackendChoice> make_cuda(std::shared_ptr<const ModelWeights> weights,
                                const BackendOptions& options) {
#if defined(LECTERN_HAVE_CUDA)
    const int n = cuda::device_count();
    if (n == 0) return make_error(ErrorCode::Unsupported, "no CUDA device found");
    if (options.cuda_device < 0 || options.cuda_device >= n) {
        return make_error(ErrorCode::InvalidArgument,
                          "no CUDA device " + std::to_string(options.cuda_device),
                          std::to_string(n) + " device(s) found");
    }
    cuda::CudaBackendOptions o;
    o.device = options.cuda_device;
    auto b = cuda::make_cuda_backend(std::move(weights), o);
    if (!b) return b.error();
    return BackendChoice{std::move(b.value()),
                         "cuda: " + cuda::device_name(o.device) + " (device " +
                             std::to_string(o.device) + ")"};
#else
    (void)weights;
    (void)options;
    return make_error(ErrorCode::Unsupported, "this build has no CUDA backend");
#endif
}

}  // namespace

bool has_cuda_backend() {
#if defined(LECTERN_HAVE_CUDA)
    return true;
#else
    return false;
#endif
}

int cuda_device_count() {
#if defined(LECTERN_HAVE_CUDA)
    return cuda::device_count();
#else
    return 0;
#endif
}

size_t cuda_free_memory(int device) {
#if defined(LECTERN_HAVE_CUDA)
    return device >= 0 && device < cuda::device_count() ? cuda::free_memory(device) : 0;
#else
    (void)device;
    return 0;
#endif
}

std::string resolve_backend_name(const std::string& name) {
    if (name != "auto") return name;
    return cuda_device_count() > 0 ? "cuda" : "cpu";
}

Result<BackendChoice> make_backend(const std::string& name,
                                   std::shared_ptr<const ModelWeights> weights,
                                   const BackendOptions& options) {
    if (name == "cpu") return make_cpu(std::move(weights), options, "cpu: chosen by name");
    if (name == "cuda") return make_cuda(std::move(weights), options);
    if (name != "auto") {
        return make_error(ErrorCode::InvalidArgument,
                          "unknown backend '" + name + "': expected cpu, cuda or auto");
    }
    auto cuda = make_cuda(weights, options);
    if (cuda) return std::move(cuda.value());
    return make_cpu(std::move(weights), options, "cpu: " + cuda.error().to_string());
}

}  // namespace lectern
