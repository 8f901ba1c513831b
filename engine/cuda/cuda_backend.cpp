// The CUDA backend's forward pass (see cuda_backend.h). Every launch goes on the backend's
// one stream; the host waits only for the logits. Any CUDA error marks the backend unusable.
#include "cuda/cuda_backend_impl.h"

#include <cmath>

#include "common/forward_args.h"
#include "cuda/cuda_check.h"
#include "kernels/add.cuh"
#include "kernels/attention_decode.cuh"
#include "kernels/attention_prefill.cuh"
#include "kernels/embedding.cuh"
#include "kernels/kv_store.cuh"
#include "kernels/matvec.cuh"
#include "kernels/rms_norm.cuh"
#include "kernels/rope.cuh"
#include "kernels/swiglu.cuh"

namespace lectern::cuda {
namespace {

const float* f32(const DeviceTensor& t) { return static_cast<const float*>(t.data); }

KvElem kv_elem(KvType type) {
    switch (type) {
    case KvType::F32: return KvElem::F32;
    case KvType::F16: return KvElem::F16;
    case KvType::BF16: return KvElem::BF16;
    case KvType::Q8_0: return KvElem::Q8;
    }
    return KvElem::F16;
}

}  // namespace

int device_count() {
    int n = 0;
    if (cudaGetDeviceCount(&n) != cudaSuccess) {
        cudaGetLastError();
        return 0;
    }
    return n;
}

size_t free_memory(int device) {
    int previous = 0;
    if (cudaGetDevice(&previous) != cudaSuccess || cudaSetDevice(device) != cudaSuccess) {
        cudaGetLastError();
        return 0;
    }
    size_t free_bytes = 0, total = 0;
    if (cudaMemGetInfo(&free_bytes, &total) != cudaSuccess) {
        cudaGetLastError();
        free_bytes = 0;
    }
    cudaSetDevice(previous);
    return free_bytes;
}

std::string device_name(int device) {
    cudaDeviceProp p{};
    if (cudaGetDeviceProperties(&p, device) != cudaSuccess) return "CUDA device";
    return p.name;
}

Result<std::unique_ptr<Backend>> make_cuda_backend(std::shared_ptr<const ModelWeights> weights,
                                                   const CudaBackendOptions& options) {
    if (device_count() == 0) return make_error(ErrorCode::Unsupported, "no CUDA device found");
    LECTERN_CUDA_CHECK(cudaSetDevice(options.device));
    auto stream = Stream::create();
    if (!stream) return stream.error();
    auto dw = DeviceWeights::upload(*weights, stream->get());
    if (!dw) return dw.error();
    auto b = CudaBackend::create(weights->config, std::move(dw.value()), std::move(stream.value()), options);
    if (!b) return b.error();
    return std::unique_ptr<Backend>(std::move(b.value()));
}

CudaBackend::CudaBackend(const ModelConfig& config, DeviceWeights weights, Stream stream,
                         BlasHandle blas, const CudaBackendOptions& options)
    : config_(config), w_(std::move(weights)), stream_(std::move(stream)), blas_(std::move(blas)),
      options_(options) {}

Result<std::unique_ptr<CudaBackend>> CudaBackend::create(const ModelConfig& config,
                                                         DeviceWeights weights, Stream stream,
                                                         const CudaBackendOptions& options) {
    if (config.head_dim > 256 || config.head_dim % 4 != 0 || config.n_kv_head < 1 ||
        config.n_head % config.n_kv_head != 0) {
        return make_error(ErrorCode::UnsupportedModel,
                          "the CUDA backend runs head_dim up to 256 (a multiple of 4) with whole "
                          "query-head groups",
                          "head_dim " + std::to_string(config.head_dim));
    }
    auto blas = BlasHandle::create(stream.get());
    if (!blas) return blas.error();
    return std::unique_ptr<CudaBackend>(new CudaBackend(config, std::move(weights), std::move(stream),
                                                        std::move(blas.value()), options));
}

Status CudaBackend::fail(Error e) {
    if (e.code == ErrorCode::Device || e.code == ErrorCode::Internal) {
        failed_ = true;
        failure_ = e;
        failure_.message = "the CUDA backend stopped after an error: " + e.message;
    }
    return e;
}

Result<std::unique_ptr<SequenceState>> CudaBackend::create_sequence(const SequenceOptions& o) {
    if (failed_) return failure_;
    if (o.n_ctx < 1 || o.max_chunk < 1)
        return make_error(ErrorCode::InvalidArgument, "n_ctx and max_chunk must be at least 1");
    LECTERN_CUDA_CHECK(cudaSetDevice(options_.device));
    if (!kv_type_supported(config_, o.kv_type))
        return make_error(ErrorCode::InvalidArgument,
                          "an 8-bit (q8_0) KV cache needs head_dim to be a multiple of 32",
                          "head_dim " + std::to_string(config_.head_dim) + ": use f16");
    const KvElem elem = kv_elem(o.kv_type);
    const bool wscratch = !options_.fp32_matmul && w_.needs_weight_scratch();
    // Plan against the memory free now plus the weights already resident, so the message
    // reports the whole model's need.
    auto free_now = free_device_memory();
    if (!free_now) return free_now.error();
    MemoryRequest r{o.n_ctx, o.max_chunk, o.kv_type, w_.storage.bytes(), MemoryKind::Device, 1, wscratch};
    auto plan = plan_memory(config_, r, *free_now + w_.storage.bytes());
    if (!plan) return plan.error();
    auto seq = CudaSequence::create(config_, o, elem, wscratch, this);
    if (!seq) return seq.error();
    return std::unique_ptr<SequenceState>(std::move(seq.value()));
}

GemmContext CudaBackend::gemm(const DeviceScratch& s) const {
    return GemmContext{blas_.get(), stream_.get(), s.act16, s.weight16, options_.fp32_matmul};
}

Status CudaBackend::attention_block(int64_t layer, CudaSequence& seq, int64_t pos0, int64_t n_tok,
                                    bool pending) {
    const ModelConfig& c = config_;
    const DeviceLayer& L = w_.layers[static_cast<size_t>(layer)];
    const DeviceScratch& s = seq.scratch();
    const cudaStream_t st = stream_.get();
    const GemmContext g = gemm(s);
    LECTERN_CUDA_CHECK(launch_rms_norm(s.x, pending ? s.y : nullptr, f32(L.attn_norm), n_tok,
                                       c.d_model, c.rms_norm_eps, s.xn, st));
    LECTERN_TRY(matmul(g, L.wq, s.xn, n_tok, s.q));
    LECTERN_TRY(matmul(g, L.wk, s.xn, n_tok, s.k));
    LECTERN_TRY(matmul(g, L.wv, s.xn, n_tok, s.v));
    LECTERN_CUDA_CHECK(launch_rope(s.q, n_tok, c.n_head, c.head_dim, pos0, c.rope_theta,
                                   w_.rope_freq_factors, st));
    LECTERN_CUDA_CHECK(launch_rope(s.k, n_tok, c.n_kv_head, c.head_dim, pos0, c.rope_theta,
                                   w_.rope_freq_factors, st));
    const KvTensor keys = seq.kv(layer, 0), values = seq.kv(layer, 1);
    const int64_t n_ctx = seq.options().n_ctx;
    LECTERN_CUDA_CHECK(launch_kv_store(s.k, s.v, n_tok, c.n_kv_head, c.head_dim, pos0, n_ctx,
                                       seq.elem(), keys, values, st));
    const AttentionShape shape{n_tok, pos0, n_ctx, static_cast<int>(c.n_head),
                               static_cast<int>(c.n_kv_head), static_cast<int>(c.head_dim)};
    if (n_tok <= kDeviceDecodeMaxTokens) {
        LECTERN_CUDA_CHECK(launch_attention_decode(s.q, seq.elem(), keys, values, shape,
                                                   kDeviceDecodeMaxSplits, s.partials, s.partial_floats,
                                                   s.att, st));
    } else {
        LECTERN_CUDA_CHECK(launch_attention_prefill(s.q, seq.elem(), keys, values, shape, s.att, st));
    }
    return matmul(g, L.wo, s.att, n_tok, s.y);
}

Status CudaBackend::ffn_block(int64_t layer, const DeviceScratch& s, int64_t n_tok) {
    const ModelConfig& c = config_;
    const DeviceLayer& L = w_.layers[static_cast<size_t>(layer)];
    const GemmContext g = gemm(s);
    LECTERN_CUDA_CHECK(launch_rms_norm(s.x, s.y, f32(L.ffn_norm), n_tok, c.d_model, c.rms_norm_eps,
                                       s.xn, stream_.get()));
    LECTERN_TRY(matmul(g, L.w_gate, s.xn, n_tok, s.gate));
    LECTERN_TRY(matmul(g, L.w_up, s.xn, n_tok, s.up));
    LECTERN_CUDA_CHECK(launch_swiglu(s.gate, s.up, n_tok * c.d_ffn, s.gate, stream_.get()));
    return matmul(g, L.w_down, s.gate, n_tok, s.y);
}

// Closes the last layer (x += y), gathers the requested rows into y, normalizes them into xn
// and multiplies by the output matrix in float32 (logits feed sampling: no 16-bit rounding).
Status CudaBackend::output_head(const DeviceScratch& s, int64_t n_tok,
                                std::span<const int64_t> rows, float* logits) {
    const ModelConfig& c = config_;
    const cudaStream_t st = stream_.get();
    const size_t row_bytes = static_cast<size_t>(c.d_model) * sizeof(float);
    LECTERN_CUDA_CHECK(launch_add(s.x, s.y, n_tok * c.d_model, st));
    const auto n = static_cast<int64_t>(rows.size());
    for (int64_t j = 0; j < n; ++j) {
        LECTERN_CUDA_CHECK(cudaMemcpyAsync(s.y + j * c.d_model, s.x + rows[static_cast<size_t>(j)] * c.d_model,
                                           row_bytes, cudaMemcpyDeviceToDevice, st));
    }
    LECTERN_CUDA_CHECK(launch_rms_norm(s.y, nullptr, f32(w_.output_norm), n, c.d_model,
                                       c.rms_norm_eps, s.xn, st));
    LECTERN_CUDA_CHECK(launch_matvec(w_.output.data, w_.output.type, w_.output.n_rows,
                                     w_.output.n_cols, s.xn, n, s.logits, st));
    LECTERN_CUDA_CHECK(cudaMemcpyAsync(logits, s.logits, static_cast<size_t>(n * c.n_vocab) * sizeof(float),
                                       cudaMemcpyDeviceToHost, st));
    return {};
}

Status CudaBackend::run(CudaSequence& seq, std::span<const int32_t> tokens, int64_t pos0,
                        std::span<const int64_t> rows, float* logits,
                        const std::atomic<bool>* cancel) {
    const ModelConfig& c = config_;
    const DeviceScratch& s = seq.scratch();
    const auto n_tok = static_cast<int64_t>(tokens.size());
    const cudaStream_t st = stream_.get();
    LECTERN_CUDA_CHECK(cudaSetDevice(options_.device));
    LECTERN_CUDA_CHECK(cudaMemcpyAsync(s.tokens, tokens.data(), tokens.size_bytes(),
                                       cudaMemcpyHostToDevice, st));
    LECTERN_CUDA_CHECK(launch_embedding(w_.tok_embd.data, w_.tok_embd.type, w_.tok_embd.n_rows,
                                        c.d_model, s.tokens, n_tok, s.x, st));
    for (int64_t l = 0; l < c.n_layer; ++l) {
        if (cancel && cancel->load(std::memory_order_relaxed)) {
            LECTERN_CUDA_CHECK(cudaStreamSynchronize(st));
            return make_error(ErrorCode::Cancelled, "the forward pass was cancelled");
        }
        LECTERN_TRY(attention_block(l, seq, pos0, n_tok, l > 0));
        LECTERN_TRY(ffn_block(l, s, n_tok));
    }
    if (!rows.empty()) LECTERN_TRY(output_head(s, n_tok, rows, logits));
    LECTERN_CUDA_CHECK(cudaStreamSynchronize(st));
    return {};
}

Status CudaBackend::forward(SequenceState& sequence, std::span<const int32_t> tokens, int64_t pos0,
                            std::span<const int64_t> logit_rows, float* logits,
                            const std::atomic<bool>* cancel) {
    if (failed_) return failure_;
    auto* seq = dynamic_cast<CudaSequence*>(&sequence);
    if (!seq || seq->owner() != this)
        return make_error(ErrorCode::InvalidArgument, "the sequence belongs to another backend");
    const auto n_tok = static_cast<int64_t>(tokens.size());
    const SequenceOptions& o = seq->options();
    LECTERN_TRY(check_forward_args(o, n_tok, pos0, logit_rows));
    for (int64_t t = 0; t < n_tok; ++t) {
        const int32_t id = tokens[static_cast<size_t>(t)];
        if (id < 0 || id >= config_.n_vocab) {
            return make_error(ErrorCode::InvalidArgument,
                              "token id " + std::to_string(id) + " is outside the vocabulary of " +
                                  std::to_string(config_.n_vocab) + " tokens",
                              "position " + std::to_string(t) + " of the chunk");
        }
    }
    Status st = run(*seq, tokens, pos0, logit_rows, logits, cancel);
    if (!st) return fail(st.error());
    return st;
}

}  // namespace lectern::cuda
