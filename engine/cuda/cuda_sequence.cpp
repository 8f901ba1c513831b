// CUDA sequences (see cuda_sequence.h): carving the scratch and the KV cache.
#include "cuda/cuda_sequence.h"

#include <algorithm>
#include <string>

#include "cuda/cuda_check.h"
#include "kernels/attention_decode.cuh"

namespace lectern::cuda {
namespace {

size_t elem_bytes(KvElem e) { return e == KvElem::F32 ? 4 : e == KvElem::Q8 ? 1 : 2; }

// Carves the scratch out of `arena`; false if it ran out (the plan and this disagree).
bool carve(Arena& a, const ModelConfig& c, int64_t C, bool weight_scratch, DeviceScratch& s) {
    const auto n = [&](int64_t v) { return static_cast<size_t>(C * v); };
    const int64_t qw = c.n_head * c.head_dim, kvw = c.n_kv_head * c.head_dim;
    s.x = a.take<float>(n(c.d_model));
    s.xn = a.take<float>(n(c.d_model));
    s.y = a.take<float>(n(c.d_model));
    s.q = a.take<float>(n(qw));
    s.att = a.take<float>(n(qw));
    s.k = a.take<float>(n(kvw));
    s.v = a.take<float>(n(kvw));
    s.gate = a.take<float>(n(c.d_ffn));
    s.up = a.take<float>(n(c.d_ffn));
    s.logits = a.take<float>(n(c.n_vocab));
    const AttentionShape widest{kDecodeMaxTokens, 0, 1, static_cast<int>(c.n_head),
                                static_cast<int>(c.n_kv_head), static_cast<int>(c.head_dim)};
    s.partial_floats = attention_decode_partials(widest, kDecodeMaxSplits);
    s.partials = a.take<float>(static_cast<size_t>(s.partial_floats));
    s.act16 = a.take<uint16_t>(n(std::max({c.d_model, c.d_ffn, qw})));
    if (weight_scratch)
        s.weight16 = a.take<uint16_t>(static_cast<size_t>(std::max(c.d_ffn * c.d_model, qw * c.d_model)));
    s.tokens = a.take<int32_t>(n(1));
    return s.tokens && (!weight_scratch || s.weight16);
}

}  // namespace

KvStorage kv_storage(KvElem elem) {
    switch (elem) {
    case KvElem::F32: return KvStorage::F32;
    case KvElem::F16: return KvStorage::F16;
    case KvElem::BF16: return KvStorage::BF16;
    case KvElem::Q8: return KvStorage::Q8;
    }
    return KvStorage::F16;
}

Result<std::unique_ptr<CudaSequence>> CudaSequence::create(const ModelConfig& c,
                                                           const SequenceOptions& o, KvElem elem,
                                                           bool weight_scratch, const void* owner) {
    std::unique_ptr<CudaSequence> seq(new CudaSequence());
    seq->options_ = o;
    seq->elem_ = elem;
    seq->n_layer_ = c.n_layer;
    seq->n_kv_head_ = c.n_kv_head;
    seq->head_dim_ = c.head_dim;
    seq->owner_ = owner;
    // Headroom for the arena's 256-byte alignment of each of its ~16 pieces.
    auto kv = DeviceBuffer::allocate(cuda::kv_bytes(c, o.n_ctx, kv_storage(elem)) + 4096, "KV cache");
    if (!kv) return kv.error();
    seq->kv_ = std::move(kv.value());
    auto sb = DeviceBuffer::allocate(cuda::scratch_bytes(c, o.max_chunk, weight_scratch) + 8192,
                                     "scratch buffers");
    if (!sb) return sb.error();
    seq->scratch_buf_ = std::move(sb.value());
    Arena arena(seq->scratch_buf_);
    if (!carve(arena, c, o.max_chunk, weight_scratch, seq->s_))
        return make_error(ErrorCode::Internal, "scratch plan and layout disagree");
    return seq;
}

KvTensor CudaSequence::kv(int64_t layer, int which) const {
    const size_t rows = static_cast<size_t>(n_kv_head_ * options_.n_ctx);  // per layer, K or V
    const size_t slab = rows * static_cast<size_t>(head_dim_) * elem_bytes(elem_);
    const size_t index = static_cast<size_t>(2 * layer + which);
    uint8_t* base = kv_.as<uint8_t>();
    KvTensor t;
    t.data = base + index * slab;
    if (elem_ == KvElem::Q8) {
        // Scales follow all layers' values: (layer, K|V, n_kv_head, n_ctx) f32. The int8 slabs
        // are 4-byte multiples (head_dim rows), so the scales stay aligned when head_dim % 4 == 0;
        // the backend checks that.
        t.scale = reinterpret_cast<float*>(base + static_cast<size_t>(2 * n_layer_) * slab) + index * rows;
    }
    return t;
}

Status CudaSequence::copy_prefix(int64_t n_tok, size_t bytes, uint8_t* host_out,
                                 const uint8_t* host_in) const {
    if (elem_ == KvElem::Q8)
        return make_error(ErrorCode::Unsupported, "8-bit KV caches have no snapshot form");
    const size_t eb = elem_bytes(elem_), hd = static_cast<size_t>(head_dim_);
    const size_t run = static_cast<size_t>(n_tok < 0 ? 0 : n_tok) * hd * eb;  // one head
    const size_t want = static_cast<size_t>(2 * n_layer_ * n_kv_head_) * run;
    if (n_tok < 0 || n_tok > options_.n_ctx || bytes != want) {
        return make_error(ErrorCode::InvalidArgument, "a KV snapshot does not match the sequence",
                          std::to_string(n_tok) + " positions, " + std::to_string(bytes) +
                              " bytes, expected " + std::to_string(want));
    }
    if (run == 0) return {};
    const size_t pitch = static_cast<size_t>(options_.n_ctx) * hd * eb;  // one head in the cache
    const auto heads = static_cast<size_t>(n_kv_head_);
    for (int64_t l = 0; l < n_layer_; ++l) {
        for (int which = 0; which < 2; ++which) {
            const size_t at = static_cast<size_t>(2 * l + which) * heads * run;
            void* dev = kv(l, which).data;
            if (host_out) {
                LECTERN_CUDA_CHECK(cudaMemcpy2D(host_out + at, run, dev, pitch, run, heads,
                                                cudaMemcpyDeviceToHost));
            } else {
                LECTERN_CUDA_CHECK(cudaMemcpy2D(dev, pitch, host_in + at, run, run, heads,
                                                cudaMemcpyHostToDevice));
            }
        }
    }
    return {};
}

Status CudaSequence::read_kv(int64_t n_tokens, std::span<uint8_t> bytes) const {
    return copy_prefix(n_tokens, bytes.size(), bytes.data(), nullptr);
}

Status CudaSequence::write_kv(int64_t n_tokens, std::span<const uint8_t> bytes) {
    return copy_prefix(n_tokens, bytes.size(), nullptr, bytes.data());
}

}  // namespace lectern::cuda
