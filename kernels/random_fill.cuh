// Random weights generated on the device, for benchmarks of full-size models without a file:
// a counter-based hash of (seed, element), so no state and no host traffic.
#pragma once

#include <cstdint>

#include <cuda_runtime.h>

#include "lectern/engine/dtype.h"

namespace lectern::cuda {

// Fills (n_rows, n_cols) of `type`. Plain types: uniform in [-scale, scale]. Block types:
// random bytes with each block's f16 scales set to finite values near `scale` / 8 (d) and
// `scale` / 16 (dmin), so dequantized values are of the order of `scale`.
cudaError_t launch_random_fill(void* data, DType type, int64_t n_rows, int64_t n_cols,
                               uint64_t seed, float scale, cudaStream_t stream);

}  // namespace lectern::cuda
