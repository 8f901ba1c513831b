// CUDA sequences (see cuda_sequence.h): carving the scratch and the KV cache.
#include "cuda/cuda_sequence.h"

#include <algorithm>
#include <string>

#include "cuda/cuda_check.h"
#include "kernels/attention_decode.cuh"

namespace lectern::cuda {
namespace {

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
    const AttentionShape widest{kDeviceDecodeMaxTokens, 0, 1, static_cast<int>(c.n_head),
                                static_cast<int>(c.n_kv_head), static_cast<int>(c.head_dim)};
    s.partial_floats = attention_decode_partials(widest, kDeviceDecodeMaxSplits);
    s.partials = a.take<float>(static_cast<size_t>(s.partial_floats));
    s.act16 = a.take<uint16_t>(n(std::max({c.d_model, c.d_ffn, qw})));
    if (weight_scratch)
        s.weight16 = a.take<uint16_t>(static_cast<size_t>(std::max(c.d_ffn * c.d_model, qw * c.d_model)));
    s.tokens = a.take<int32_t>(n(1));
    return s.tokens && (!weight_scratch || s.weight16);
}

}  // namespace

KvType kv_type_of(KvElem elem) {
    switch (elem) {
    case KvElem::F32: return KvType::F32;
    case KvElem::F16: return KvType::F16;
    case KvElem::BF16: return KvType::BF16;
    case KvElem::Q8: return KvType::Q8_0;
    }
    return KvType::F16;
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
    auto kv = DeviceBuffer::allocate(kv_cache_bytes(c, kv_type_of(elem), o.n_ctx) + 4096, "KV cache");
    if (!kv) return kv.error();
    seq->kv_ = std::move(kv.value());
    auto sb = DeviceBuffer::allocate(device_scratch_bytes(c, o.max_chunk, weight_scratch) + 8192,
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
    const size_t slab = rows * kv_elem_row_bytes(elem_, head_dim_);
    const size_t index = static_cast<size_t>(2 * layer + which);
    KvTensor t;
    t.data = kv_.as<uint8_t>() + index * slab;
    return t;
}

Status CudaSequence::copy_prefix(int64_t n_tok, int64_t layer, size_t bytes, uint8_t* host_out,
                                 const uint8_t* host_in) const {
    const size_t row = kv_elem_row_bytes(elem_, head_dim_);
    const size_t run = static_cast<size_t>(n_tok < 0 ? 0 : n_tok) * row;  // one head
    const size_t want = static_cast<size_t>(2 * n_kv_head_) * run;
    if (n_tok < 0 || n_tok > options_.n_ctx || layer < 0 || layer >= n_layer_ || bytes != want) {
        return make_error(ErrorCode::InvalidArgument, "a KV snapshot does not match the sequence",
                          std::to_string(n_tok) + " positions of layer " + std::to_string(layer) + ", " +
                              std::to_string(bytes) + " bytes, expected " + std::to_string(want));
    }
    if (run == 0) return {};
    const size_t pitch = static_cast<size_t>(options_.n_ctx) * row;  // one head in the cache
    const auto heads = static_cast<size_t>(n_kv_head_);
    for (int which = 0; which < 2; ++which) {
        const size_t at = static_cast<size_t>(which) * heads * run;
        void* dev = kv(layer, which).data;
        if (host_out) {
            LECTERN_CUDA_CHECK(cudaMemcpy2D(host_out + at, run, dev, pitch, run, heads,
                                            cudaMemcpyDeviceToHost));
        } else {
            LECTERN_CUDA_CHECK(cudaMemcpy2D(dev, pitch, host_in + at, run, run, heads,
                                            cudaMemcpyHostToDevice));
        }
    }
    return {};
}

Status CudaSequence::read_kv(int64_t n_tokens, int64_t layer, std::span<uint8_t> bytes) const {
    return copy_prefix(n_tokens, layer, bytes.size(), bytes.data(), nullptr);
}

Status CudaSequence::write_kv(int64_t n_tokens, int64_t layer, std::span<const uint8_t> bytes) {
    return copy_prefix(n_tokens, layer, bytes.size(), nullptr, bytes.data());
}

}  // namespace lectern::cuda
