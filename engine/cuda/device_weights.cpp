// Uploading weights (see device_weights.h). Tensors are copied in pieces of at most 32 MiB
// through two pinned staging buffers: while the device copies one piece, the host fills the
// other from the mapping (each buffer's event says when it may be refilled).
#include "cuda/device_weights.h"

#include <algorithm>
#include <cstring>
#include <map>

#include "cuda/cuda_check.h"

namespace lectern::cuda {
namespace {

constexpr size_t kStageBytes = size_t{32} << 20;

// Pinned staging buffers and their events, freed on every path out.
struct Staging {
    void* buf[2] = {nullptr, nullptr};
    cudaEvent_t done[2] = {nullptr, nullptr};
    ~Staging() {
        for (int i = 0; i < 2; ++i) {
            if (done[i]) {
                cudaEventSynchronize(done[i]);
                cudaEventDestroy(done[i]);
            }
            if (buf[i]) cudaFreeHost(buf[i]);
        }
    }
};

Status copy_to_device(Staging& st, int& which, const void* src, size_t bytes, uint8_t* dst,
                      cudaStream_t stream) {
    const auto* s = static_cast<const uint8_t*>(src);
    for (size_t off = 0; off < bytes; off += kStageBytes) {
        const size_t n = std::min(kStageBytes, bytes - off);
        LECTERN_CUDA_CHECK(cudaEventSynchronize(st.done[which]));
        std::memcpy(st.buf[which], s + off, n);
        LECTERN_CUDA_CHECK(cudaMemcpyAsync(dst + off, st.buf[which], n, cudaMemcpyHostToDevice, stream));
        LECTERN_CUDA_CHECK(cudaEventRecord(st.done[which], stream));
        which ^= 1;
    }
    return {};
}

DeviceTensor as_device(const TensorView& t, const void* data) {
    return DeviceTensor{t.type, t.n_cols, t.n_rows, data};
}

}  // namespace

size_t DeviceWeights::upload_bytes(const ModelWeights& w) {
    std::map<const void*, size_t> unique;
    for (const TensorView* t : w.all_tensors()) unique[t->data] = t->bytes();
    size_t total = Arena::aligned(w.rope_freq_factors.size() * sizeof(float));
    for (const auto& [ptr, bytes] : unique) total += Arena::aligned(bytes);
    return total;
}

bool DeviceWeights::needs_weight_scratch() const {
    for (const DeviceLayer& l : layers) {
        for (const DeviceTensor* t : {&l.wq, &l.wk, &l.wv, &l.wo, &l.w_gate, &l.w_up, &l.w_down})
            if (t->type != DType::BF16 && t->type != DType::F16) return true;
    }
    return false;
}

Result<DeviceWeights> DeviceWeights::upload(const ModelWeights& w, cudaStream_t stream) {
    auto buf = DeviceBuffer::allocate(upload_bytes(w), "model weights");
    if (!buf) return buf.error();
    DeviceWeights d;
    d.storage = std::move(buf.value());
    Arena arena(d.storage);
    Staging st;
    for (int i = 0; i < 2; ++i) {
        LECTERN_CUDA_CHECK(cudaMallocHost(&st.buf[i], kStageBytes));
        LECTERN_CUDA_CHECK(cudaEventCreateWithFlags(&st.done[i], cudaEventDisableTiming));
        LECTERN_CUDA_CHECK(cudaEventRecord(st.done[i], stream));
    }
    int which = 0;
    std::map<const void*, const void*> placed;  // host data -> device copy (tied tensors once)
    for (const TensorView* t : w.all_tensors()) {
        if (placed.count(t->data)) continue;
        uint8_t* dst = arena.take<uint8_t>(t->bytes());
        if (!dst) return make_error(ErrorCode::Internal, "weight arena exhausted", t->name);
        LECTERN_TRY(copy_to_device(st, which, t->data, t->bytes(), dst, stream));
        placed[t->data] = dst;
    }
    if (!w.rope_freq_factors.empty()) {
        const size_t n = w.rope_freq_factors.size() * sizeof(float);
        float* dst = arena.take<float>(w.rope_freq_factors.size());
        if (!dst) return make_error(ErrorCode::Internal, "weight arena exhausted", "rope_freqs");
        LECTERN_TRY(copy_to_device(st, which, w.rope_freq_factors.data(), n,
                                   reinterpret_cast<uint8_t*>(dst), stream));
        d.rope_freq_factors = dst;
    }
    LECTERN_CUDA_CHECK(cudaStreamSynchronize(stream));
    auto dev = [&](const TensorView& t) { return as_device(t, placed.at(t.data)); };
    d.tok_embd = dev(w.tok_embd);
    d.output_norm = dev(w.output_norm);
    d.output = dev(w.output);
    for (const LayerWeights& l : w.layers) {
        d.layers.push_back({dev(l.attn_norm), dev(l.wq), dev(l.wk), dev(l.wv), dev(l.wo),
                            dev(l.ffn_norm), dev(l.w_gate), dev(l.w_up), dev(l.w_down)});
    }
    return d;
}

}  // namespace lectern::cuda
