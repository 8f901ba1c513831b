// Matrix products (see gemm.h). cuBLAS is column-major: the row-major weight matrix
// (n_rows, n_cols) is a column-major (n_cols, n_rows) matrix, so y^T = W x^T is
// gemm(op(A) = A^T with A = W, lda = n_cols; B = x^T, ldb = n_cols; C = y^T, ldc = n_rows).
#include "cuda/gemm.h"

#include "cuda/cuda_check.h"
#include "lectern/engine/memory_plan.h"
#include "kernels/dequantize.cuh"
#include "kernels/matvec.cuh"

namespace lectern::cuda {

Status matmul(const GemmContext& ctx, const DeviceTensor& w, const float* x, int64_t n_tok,
              float* y) {
    if (ctx.fp32 || n_tok <= kDeviceDecodeMaxTokens) {
        LECTERN_CUDA_CHECK(launch_matvec(w.data, w.type, w.n_rows, w.n_cols, x, n_tok, y, ctx.stream));
        return {};
    }
    const DType t16 = w.type == DType::F16 ? DType::F16 : DType::BF16;
    LECTERN_CUDA_CHECK(launch_dequantize(x, DType::F32, n_tok, w.n_cols, ctx.act16, t16, ctx.stream));
    const void* a = w.data;
    if (w.type != t16) {
        if (!ctx.weight16)
            return make_error(ErrorCode::Internal, "no scratch to dequantize a weight matrix into");
        LECTERN_CUDA_CHECK(launch_dequantize(w.data, w.type, w.n_rows, w.n_cols, ctx.weight16, t16, ctx.stream));
        a = ctx.weight16;
    }
    const cudaDataType_t ct = t16 == DType::F16 ? CUDA_R_16F : CUDA_R_16BF;
    const float alpha = 1.0f, beta = 0.0f;
    LECTERN_CUBLAS_CHECK(cublasGemmEx(ctx.blas, CUBLAS_OP_T, CUBLAS_OP_N, static_cast<int>(w.n_rows),
                                      static_cast<int>(n_tok), static_cast<int>(w.n_cols), &alpha, a, ct,
                                      static_cast<int>(w.n_cols), ctx.act16, ct,
                                      static_cast<int>(w.n_cols), &beta, y, CUDA_R_32F,
                                      static_cast<int>(w.n_rows), CUBLAS_COMPUTE_32F,
                                      CUBLAS_GEMM_DEFAULT));
    return {};
}

}  // namespace lectern::cuda
