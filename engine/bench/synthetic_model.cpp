// Synthetic models for `lectern-cli bench` (see lectern/bench/synthetic_model.h).
#include "lectern/bench/synthetic_model.h"

#include <cstdio>
#include <cstring>
#include <new>
#include <random>
#include <string>
#include <vector>

#include "common/weight_memory.h"
#include "cpu/thread_pool.h"
#include "lectern/engine/memory_plan.h"
#include "quant/dequant.h"

namespace lectern::bench {
namespace {

constexpr int64_t kDistinctRows = 64;  // random rows per matrix, repeated to fill it
constexpr float kSigma = 0.02f;

// Fills the (n_rows, n_cols) matrix of `type` at dst with kDistinctRows random rows, repeated.
void fill_matrix(DType type, int64_t n_rows, int64_t n_cols, uint8_t* dst, uint32_t seed,
                 cpu::ThreadPool& pool) {
    const size_t rb = row_bytes(type, n_cols);
    const int64_t distinct = std::min(kDistinctRows, n_rows);
    std::vector<uint8_t> rows(rb * static_cast<size_t>(distinct));
    std::mt19937 rng(seed);
    std::normal_distribution<float> normal(0.0f, kSigma);
    std::vector<float> values(static_cast<size_t>(n_cols));
    for (int64_t r = 0; r < distinct; ++r) {
        for (float& v : values) v = normal(rng);
        quant::quantize_row(type, values.data(), rows.data() + rb * r, n_cols);
    }
    pool.parallel_for(n_rows, [&](int64_t r0, int64_t r1, int) {
        for (int64_t r = r0; r < r1; ++r)
            std::memcpy(dst + rb * r, rows.data() + rb * (r % distinct), rb);
    });
}

}  // namespace

Result<ModelConfig> synthetic_config(std::string_view name) {
    ModelConfig c;
    c.name = "synthetic-" + std::string(name);
    c.rope_theta = 500000.0f;
    if (name == "tiny") {
        c.n_vocab = 512, c.d_model = 256, c.n_layer = 2, c.n_head = 4, c.n_kv_head = 2;
        c.head_dim = 64, c.d_ffn = 768, c.n_ctx_train = 131072, c.tied_embeddings = false;
    } else if (name == "1b") {
        c.n_vocab = 128256, c.d_model = 2048, c.n_layer = 16, c.n_head = 32, c.n_kv_head = 8;
        c.head_dim = 64, c.d_ffn = 8192, c.n_ctx_train = 131072, c.tied_embeddings = true;
    } else if (name == "8b") {
        c.n_vocab = 128256, c.d_model = 4096, c.n_layer = 32, c.n_head = 32, c.n_kv_head = 8;
        c.head_dim = 128, c.d_ffn = 14336, c.n_ctx_train = 131072, c.tied_embeddings = false;
    } else {
        return make_error(ErrorCode::InvalidArgument, "unknown synthetic model (tiny, 1b, 8b)",
                          std::string(name));
    }
    return c;
}

std::span<const DType> synthetic_weight_types() {
    static constexpr DType types[] = {DType::F32, DType::F16, DType::BF16,
                                      DType::Q8_0, DType::Q4_0, DType::Q4_K};
    return types;
}

Result<std::shared_ptr<ModelWeights>> make_synthetic_model(const ModelConfig& c, DType type,
                                                           int n_threads, uint32_t seed) {
    if (!quant::can_quantize(type))
        return make_error(ErrorCode::Unsupported, "cannot generate weights of this type", dtype_name(type));
    auto w = std::make_shared<ModelWeights>();
    w->config = c;
    w->source_format = "synthetic";
    const int64_t q_dim = c.n_head * c.head_dim, kv_dim = c.n_kv_head * c.head_dim;
    w->tok_embd = {"token_embd.weight", type, c.d_model, c.n_vocab, nullptr};
    w->layers.resize(static_cast<size_t>(c.n_layer));
    for (int64_t l = 0; l < c.n_layer; ++l) {
        LayerWeights& L = w->layers[static_cast<size_t>(l)];
        const std::string p = "blk." + std::to_string(l) + ".";
        L.attn_norm = {p + "attn_norm.weight", DType::F32, c.d_model, 1, nullptr};
        L.wq = {p + "attn_q.weight", type, c.d_model, q_dim, nullptr};
        L.wk = {p + "attn_k.weight", type, c.d_model, kv_dim, nullptr};
        L.wv = {p + "attn_v.weight", type, c.d_model, kv_dim, nullptr};
        L.wo = {p + "attn_output.weight", type, q_dim, c.d_model, nullptr};
        L.ffn_norm = {p + "ffn_norm.weight", DType::F32, c.d_model, 1, nullptr};
        L.w_gate = {p + "ffn_gate.weight", type, c.d_model, c.d_ffn, nullptr};
        L.w_up = {p + "ffn_up.weight", type, c.d_model, c.d_ffn, nullptr};
        L.w_down = {p + "ffn_down.weight", type, c.d_ffn, c.d_model, nullptr};
    }
    w->output_norm = {"output_norm.weight", DType::F32, c.d_model, 1, nullptr};
    w->output = c.tied_embeddings ? w->tok_embd
                                  : TensorView{"output.weight", type, c.d_model, c.n_vocab, nullptr};

    // Every tensor (the output once even when tied) goes into one buffer.
    std::vector<TensorView*> tensors{&w->tok_embd, &w->output_norm};
    if (!c.tied_embeddings) tensors.push_back(&w->output);
    for (LayerWeights& L : w->layers)
        for (TensorView* t : {&L.attn_norm, &L.wq, &L.wk, &L.wv, &L.wo, &L.ffn_norm, &L.w_gate,
                              &L.w_up, &L.w_down})
            tensors.push_back(t);
    size_t total = 0;
    for (const TensorView* t : tensors) total += (t->bytes() + 63) / 64 * 64;
    // Leave room for the benchmark's own buffers (1 GiB bandwidth buffer, KV cache, scratch)
    // and for the rest of the machine.
    const size_t available = available_host_memory();
    const size_t headroom = size_t{2} << 30;
    if (available != 0 && total + headroom > available / 10 * 8) {
        return make_error(ErrorCode::OutOfMemory,
                          "the synthetic model needs " + std::to_string(total >> 20) +
                              " MiB and the benchmark 2048 MiB more; only 80% of the " +
                              std::to_string(available >> 20) + " MiB available is used",
                          c.name);
    }
    // In huge pages where the system has them, as a model file's mapping would be.
    std::shared_ptr<uint8_t> buffer = allocate_weight_memory(total);
    if (!buffer) return make_error(ErrorCode::OutOfMemory, "cannot allocate the synthetic model", c.name);
    w->storage.push_back(buffer);
    cpu::ThreadPool pool(n_threads);
    size_t offset = 0;
    uint32_t index = 0;
    for (TensorView* t : tensors) {
        uint8_t* dst = buffer.get() + offset;
        t->data = dst;
        if (t->type == DType::F32 && t->n_rows == 1) {
            for (int64_t i = 0; i < t->n_cols; ++i) reinterpret_cast<float*>(dst)[i] = 1.0f;
        } else {
            fill_matrix(t->type, t->n_rows, t->n_cols, dst, seed + 7919u * index, pool);
        }
        offset += (t->bytes() + 63) / 64 * 64;
        ++index;
    }
    if (c.tied_embeddings) w->output.data = w->tok_embd.data;
    return w;
}

}  // namespace lectern::bench
