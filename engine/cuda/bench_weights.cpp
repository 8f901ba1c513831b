// Device-generated random weights (see bench_weights.h).
#include "cuda/bench_weights.h"

#include "cuda/cuda_check.h"
#include "kernels/random_fill.cuh"

namespace lectern::cuda {
namespace {

struct Shape {
    DeviceTensor* t;
    DType type;
    int64_t n_rows, n_cols;
};

}  // namespace

ModelConfig llama31_8b_config() {
    ModelConfig c;
    c.name = "synthetic Llama 3.1 8B";
    c.n_vocab = 128256;
    c.d_model = 4096;
    c.n_layer = 32;
    c.n_head = 32;
    c.n_kv_head = 8;
    c.head_dim = 128;
    c.d_ffn = 14336;
    c.n_ctx_train = 131072;
    c.rope_theta = 500000.0f;
    c.rms_norm_eps = 1e-5f;
    return c;
}

size_t decode_weight_bytes(const ModelConfig& c, DType t) {
    const int64_t q = c.n_head * c.head_dim, kv = c.n_kv_head * c.head_dim;
    const size_t per_layer = row_bytes(t, c.d_model) * static_cast<size_t>(q + 2 * kv + 2 * c.d_ffn) +
                             row_bytes(t, q) * static_cast<size_t>(c.d_model) +
                             row_bytes(t, c.d_ffn) * static_cast<size_t>(c.d_model);
    return per_layer * static_cast<size_t>(c.n_layer) + row_bytes(t, c.d_model) * static_cast<size_t>(c.n_vocab);
}

Result<DeviceWeights> random_device_weights(const ModelConfig& c, DType mt, uint64_t seed,
                                            cudaStream_t stream) {
    DeviceWeights w;
    w.layers.resize(static_cast<size_t>(c.n_layer));
    const int64_t q = c.n_head * c.head_dim, kv = c.n_kv_head * c.head_dim;
    std::vector<Shape> shapes = {{&w.tok_embd, mt, c.n_vocab, c.d_model},
                                 {&w.output_norm, DType::F32, 1, c.d_model},
                                 {&w.output, mt, c.n_vocab, c.d_model}};
    for (DeviceLayer& l : w.layers) {
        shapes.insert(shapes.end(), {{&l.attn_norm, DType::F32, 1, c.d_model},
                                     {&l.wq, mt, q, c.d_model},
                                     {&l.wk, mt, kv, c.d_model},
                                     {&l.wv, mt, kv, c.d_model},
                                     {&l.wo, mt, c.d_model, q},
                                     {&l.ffn_norm, DType::F32, 1, c.d_model},
                                     {&l.w_gate, mt, c.d_ffn, c.d_model},
                                     {&l.w_up, mt, c.d_ffn, c.d_model},
                                     {&l.w_down, mt, c.d_model, c.d_ffn}});
    }
    size_t total = 0;
    for (const Shape& s : shapes) total += Arena::aligned(row_bytes(s.type, s.n_cols) * static_cast<size_t>(s.n_rows));
    auto buf = DeviceBuffer::allocate(total, "synthetic weights");
    if (!buf) return buf.error();
    w.storage = std::move(buf.value());
    Arena arena(w.storage);
    uint64_t k = seed;
    for (const Shape& s : shapes) {
        void* p = arena.take<uint8_t>(row_bytes(s.type, s.n_cols) * static_cast<size_t>(s.n_rows));
        if (!p) return make_error(ErrorCode::Internal, "synthetic weight arena exhausted");
        // Timing does not depend on the values, only that they are finite and not zero.
        const float scale = s.type == DType::F32 ? 1.0f : 0.02f;
        LECTERN_CUDA_CHECK(launch_random_fill(p, s.type, s.n_rows, s.n_cols, ++k, scale, stream));
        *s.t = DeviceTensor{s.type, s.n_cols, s.n_rows, p};
    }
    LECTERN_CUDA_CHECK(cudaStreamSynchronize(stream));
    return w;
}

}  // namespace lectern::cuda
