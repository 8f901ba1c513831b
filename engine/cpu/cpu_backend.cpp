// The CPU backend's forward pass (see cpu_backend.h). Matrix products go through
// cpu::matmul; attention is split across threads by tiles of queries sharing a KV head.
#include "cpu/cpu_backend.h"

#include <algorithm>
#include <string>

#include "common/forward_args.h"
#include "cpu/attention.h"
#include "cpu/matmul.h"
#include "cpu/ops.h"

namespace lectern::cpu {
namespace {

// What one attention pass needs; the thread pool's body captures only a pointer to it, so
// no closure is allocated per call.
struct AttendJob {
    const ModelConfig* cfg;
    const KvCache* cache;
    Scratch* s;
    int64_t layer, pos0, n_tok;
};

// Queries sharing a KV head are numbered idx = t * group + g (token t, head kvh * group + g)
// and cut into tiles of kAttendTile; work item i is tile (i / n_kv_head) of KV head
// (i % n_kv_head). Tiles alternate between the two ends of the chunk so each thread's
// contiguous range of items gets a similar number of keys to attend to.
void run_attend(const AttendJob& job, int64_t begin, int64_t end, int thread) {
    const ModelConfig& c = *job.cfg;
    const int64_t hd = c.head_dim, group = c.n_head / c.n_kv_head;
    const int64_t n_queries = job.n_tok * group;
    const int64_t n_tiles = (n_queries + kAttendTile - 1) / kAttendTile;
    const int64_t stride = job.cache->n_ctx();
    float* scores = job.s->scores.data() + static_cast<size_t>(thread) * kAttendTile * stride;
    for (int64_t i = begin; i < end; ++i) {
        const int64_t kvh = i % c.n_kv_head, p = i / c.n_kv_head;
        const int64_t tile = (p % 2 == 0) ? p / 2 : n_tiles - 1 - p / 2;
        const float* q[kAttendTile];
        float* out[kAttendTile];
        int64_t n_keys[kAttendTile];
        int n_q = 0;
        for (int64_t idx = tile * kAttendTile; idx < std::min(n_queries, (tile + 1) * kAttendTile); ++idx, ++n_q) {
            const int64_t t = idx / group, h = kvh * group + idx % group;
            q[n_q] = job.s->q.data() + (t * c.n_head + h) * hd;
            out[n_q] = job.s->att.data() + (t * c.n_head + h) * hd;
            n_keys[n_q] = job.pos0 + t + 1;
        }
        attend_tile(q, n_keys, n_q, job.cache->keys(job.layer, kvh), job.cache->values(job.layer, kvh),
                    job.cache->type(), hd, scores, stride, out);
    }
}

struct SwigluJob {
    float* gate;      // (n_tok, d_ffn), overwritten with the result
    const float* up;  // (n_tok, d_ffn)
    int64_t d_ffn;
};

const float* f32_data(const TensorView& t) { return static_cast<const float*>(t.data); }

}  // namespace

size_t Scratch::bytes() const {
    size_t n = 0;
    for (const std::vector<float>* b : {&x, &xn, &q, &k, &v, &att, &gate, &up, &cos, &sin,
                                        &scores, &head_x})
        n += b->size() * sizeof(float);
    return n;
}

CpuBackend::CpuBackend(std::shared_ptr<const ModelWeights> weights, const CpuBackendOptions& options)
    : w_(std::move(weights)), pool_(options.n_threads), activations_(options.activations) {}

void CpuBackend::product(const TensorView& w, const float* x, int64_t n_tok, float* y) {
    matmul(w, x, n_tok, y, pool_, activations_);
}

Result<std::unique_ptr<SequenceState>> CpuBackend::create_sequence(const SequenceOptions& o) {
    if (o.n_ctx < 1 || o.max_chunk < 1)
        return make_error(ErrorCode::InvalidArgument, "n_ctx and max_chunk must be at least 1");
    const ModelConfig& c = w_->config;
    auto cache = KvCache::create(c.n_layer, c.n_kv_head, o.n_ctx, c.head_dim, o.kv_type);
    if (!cache) return cache.error();
    const auto C = static_cast<size_t>(o.max_chunk);
    Scratch s;
    try {
        s.x.resize(C * c.d_model);
        s.xn.resize(C * c.d_model);
        s.q.resize(C * c.n_head * c.head_dim);
        s.k.resize(C * c.n_kv_head * c.head_dim);
        s.v.resize(C * c.n_kv_head * c.head_dim);
        s.att.resize(C * c.n_head * c.head_dim);
        s.gate.resize(C * c.d_ffn);
        s.up.resize(C * c.d_ffn);
        s.cos.resize(C * c.head_dim / 2);
        s.sin.resize(C * c.head_dim / 2);
        s.scores.resize(static_cast<size_t>(pool_.n_threads()) * kAttendTile * o.n_ctx);
        s.head_x.resize(C * c.d_model);
    } catch (const std::bad_alloc&) {
        return make_error(ErrorCode::OutOfMemory, "not enough memory for the CPU scratch buffers",
                          "chunk of " + std::to_string(o.max_chunk) + " tokens");
    }
    return std::unique_ptr<SequenceState>(
        std::make_unique<CpuSequence>(o, std::move(cache.value()), std::move(s), this));
}

void CpuBackend::attend_all(int64_t layer, CpuSequence& seq, int64_t pos0, int64_t n_tok) {
    const AttendJob job{&w_->config, &seq.cache(), &seq.scratch(), layer, pos0, n_tok};
    const AttendJob* jp = &job;
    const ModelConfig& c = w_->config;
    const int64_t n_tiles = (n_tok * (c.n_head / c.n_kv_head) + kAttendTile - 1) / kAttendTile;
    pool_.parallel_for(n_tiles * c.n_kv_head, [jp](int64_t b, int64_t e, int thread) {
        run_attend(*jp, b, e, thread);
    });
}

void CpuBackend::attention_block(int64_t layer, CpuSequence& seq, int64_t pos0, int64_t n_tok) {
    const ModelConfig& c = w_->config;
    const LayerWeights& L = w_->layers[static_cast<size_t>(layer)];
    Scratch& s = seq.scratch();
    rms_norm(s.x.data(), f32_data(L.attn_norm), n_tok, c.d_model, c.rms_norm_eps, s.xn.data());
    product(L.wq, s.xn.data(), n_tok, s.q.data());
    product(L.wk, s.xn.data(), n_tok, s.k.data());
    product(L.wv, s.xn.data(), n_tok, s.v.data());
    rope(s.q.data(), n_tok, c.n_head, c.head_dim, s.cos.data(), s.sin.data());
    rope(s.k.data(), n_tok, c.n_kv_head, c.head_dim, s.cos.data(), s.sin.data());
    seq.cache().store(layer, pos0, n_tok, s.k.data(), s.v.data());
    attend_all(layer, seq, pos0, n_tok);
    product(L.wo, s.att.data(), n_tok, s.xn.data());
    add(s.x.data(), s.xn.data(), n_tok * c.d_model);
}

void CpuBackend::ffn_block(int64_t layer, Scratch& s, int64_t n_tok) {
    const ModelConfig& c = w_->config;
    const LayerWeights& L = w_->layers[static_cast<size_t>(layer)];
    rms_norm(s.x.data(), f32_data(L.ffn_norm), n_tok, c.d_model, c.rms_norm_eps, s.xn.data());
    product(L.w_gate, s.xn.data(), n_tok, s.gate.data());
    product(L.w_up, s.xn.data(), n_tok, s.up.data());
    // n_tok * d_ffn exponentials: split across threads by token (one pointer captured, so
    // no closure is allocated).
    const SwigluJob job{s.gate.data(), s.up.data(), c.d_ffn};
    const SwigluJob* jp = &job;
    pool_.parallel_for(n_tok, [jp](int64_t b, int64_t e, int) {
        swiglu(jp->gate + b * jp->d_ffn, jp->up + b * jp->d_ffn, (e - b) * jp->d_ffn, jp->gate + b * jp->d_ffn);
    });
    product(L.w_down, s.gate.data(), n_tok, s.xn.data());
    add(s.x.data(), s.xn.data(), n_tok * c.d_model);
}

void CpuBackend::output_head(Scratch& s, std::span<const int64_t> rows, float* logits) {
    const ModelConfig& c = w_->config;
    const auto n = static_cast<int64_t>(rows.size());
    for (int64_t j = 0; j < n; ++j) {
        const float* src = s.x.data() + rows[static_cast<size_t>(j)] * c.d_model;
        std::copy(src, src + c.d_model, s.head_x.data() + j * c.d_model);
    }
    rms_norm(s.head_x.data(), f32_data(w_->output_norm), n, c.d_model, c.rms_norm_eps,
             s.head_x.data());
    product(w_->output, s.head_x.data(), n, logits);
}

Status CpuBackend::forward(SequenceState& sequence, std::span<const int32_t> tokens, int64_t pos0,
                           std::span<const int64_t> logit_rows, float* logits,
                           const std::atomic<bool>* cancel) {
    auto* seq = dynamic_cast<CpuSequence*>(&sequence);
    if (!seq || seq->owner() != this)
        return make_error(ErrorCode::InvalidArgument, "the sequence belongs to another backend");
    const auto n_tok = static_cast<int64_t>(tokens.size());
    const SequenceOptions& o = seq->options();
    LECTERN_TRY(check_forward_args(o, n_tok, pos0, logit_rows));
    const ModelConfig& c = w_->config;
    Scratch& s = seq->scratch();
    LECTERN_TRY(embed_tokens(w_->tok_embd, tokens.data(), n_tok, s.x.data()));
    rope_angles(pos0, n_tok, c.head_dim, c.rope_theta,
                w_->rope_freq_factors.empty() ? nullptr : w_->rope_freq_factors.data(),
                s.cos.data(), s.sin.data());
    for (int64_t l = 0; l < c.n_layer; ++l) {
        if (cancel && cancel->load(std::memory_order_relaxed))
            return make_error(ErrorCode::Cancelled, "the forward pass was cancelled");
        if (on_layer_) on_layer_(l);
        attention_block(l, *seq, pos0, n_tok);
        ffn_block(l, s, n_tok);
    }
    if (!logit_rows.empty()) output_head(s, logit_rows, logits);
    return {};
}

}  // namespace lectern::cpu
