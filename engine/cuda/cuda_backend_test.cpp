// The CUDA backend's errors on a real device: a context that does not fit is refused with
// the planner's message before anything is allocated; bad input and cancellation return
// their errors and leave the backend usable (only CUDA failures mark it unusable); KV
// snapshots round-trip.
#include <atomic>
#include <cmath>
#include <cstdlib>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "cuda/cuda_backend.h"
#include "cuda/cuda_sequence.h"
#include "lectern/engine/model_loader.h"

namespace lectern::cuda {
namespace {

std::string data_dir() {
    const char* env = std::getenv("LECTERN_TEST_DATA");
    return env && *env ? env : LECTERN_TEST_DATA;
}

class CudaBackendErrors : public ::testing::Test {
protected:
    void SetUp() override {
        if (device_count() == 0) GTEST_SKIP() << "no CUDA device";
        auto w = load_model(data_dir() + "/gguf/llama31-tiny-Q4_K_M.gguf");
        ASSERT_TRUE(w.ok()) << w.error().to_string();
        auto b = make_cuda_backend(std::make_shared<ModelWeights>(std::move(w.value())));
        ASSERT_TRUE(b.ok()) << b.error().to_string();
        backend_ = std::move(b.value());
    }

    // Logits of token 1 at position 0 of a fresh sequence: the backend works.
    void expect_usable() {
        auto seq = backend_->create_sequence({.n_ctx = 16, .max_chunk = 16, .kv_type = KvType::F16});
        ASSERT_TRUE(seq.ok()) << seq.error().to_string();
        const int32_t token = 1;
        const int64_t row = 0;
        std::vector<float> logits(static_cast<size_t>(backend_->config().n_vocab), NAN);
        const Status s = backend_->forward(**seq, std::span(&token, 1), 0, std::span(&row, 1), logits.data());
        ASSERT_TRUE(s.ok()) << s.error().to_string();
        for (float v : logits) ASSERT_TRUE(std::isfinite(v));
    }

    std::unique_ptr<Backend> backend_;
};

TEST_F(CudaBackendErrors, AContextThatDoesNotFitIsRefusedWithSizes) {
    auto seq = backend_->create_sequence({.n_ctx = int64_t{1} << 34, .max_chunk = 64});
    ASSERT_FALSE(seq.ok());
    EXPECT_EQ(seq.error().code, ErrorCode::OutOfDeviceMemory);
    EXPECT_NE(seq.error().message.find("needs "), std::string::npos) << seq.error().message;
    EXPECT_NE(seq.error().message.find(" free: "), std::string::npos) << seq.error().message;
    expect_usable();
}

TEST_F(CudaBackendErrors, BadTokensAndChunksAreInvalidArguments) {
    auto seq = backend_->create_sequence({.n_ctx = 8, .max_chunk = 4});
    ASSERT_TRUE(seq.ok());
    std::vector<float> logits(static_cast<size_t>(backend_->config().n_vocab));
    const int64_t row = 0;
    const std::vector<int32_t> bad = {1, 100000};
    Status s = backend_->forward(**seq, bad, 0, std::span(&row, 1), logits.data());
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().code, ErrorCode::InvalidArgument);
    const std::vector<int32_t> five = {1, 2, 3, 4, 5};
    s = backend_->forward(**seq, five, 0, std::span(&row, 1), logits.data());
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().code, ErrorCode::InvalidArgument);
    expect_usable();
}

TEST_F(CudaBackendErrors, CancellationStopsThePassAndKeepsTheBackend) {
    auto seq = backend_->create_sequence({.n_ctx = 8, .max_chunk = 8});
    ASSERT_TRUE(seq.ok());
    const std::atomic<bool> cancel{true};
    const std::vector<int32_t> tokens = {1, 2, 3};
    const Status s = backend_->forward(**seq, tokens, 0, {}, nullptr, &cancel);
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().code, ErrorCode::Cancelled);
    expect_usable();
}

TEST_F(CudaBackendErrors, KvSnapshotsRoundTrip) {
    // Sequence a holds 5 tokens; its snapshot written into b must give b the same next logits.
    auto a = backend_->create_sequence({.n_ctx = 8, .max_chunk = 8, .kv_type = KvType::BF16});
    auto b = backend_->create_sequence({.n_ctx = 8, .max_chunk = 8, .kv_type = KvType::BF16});
    ASSERT_TRUE(a.ok() && b.ok());
    auto* ca = dynamic_cast<CudaSequence*>(a->get());
    auto* cb = dynamic_cast<CudaSequence*>(b->get());
    ASSERT_TRUE(ca && cb);
    const std::vector<int32_t> prompt = {5, 17, 3, 99, 42};
    const int64_t last = 0;
    std::vector<float> la(static_cast<size_t>(backend_->config().n_vocab)), lb(la.size());
    ASSERT_TRUE(backend_->forward(**a, prompt, 0, {}, nullptr).ok());
    const ModelConfig& c = backend_->config();
    std::vector<uint8_t> snap(kv_snapshot_bytes(c, KvType::BF16, 5) / static_cast<size_t>(c.n_layer));
    for (int64_t l = 0; l < c.n_layer; ++l) {
        ASSERT_TRUE(ca->read_kv(5, l, snap).ok());
        EXPECT_FALSE(ca->read_kv(5, l, std::span(snap).first(snap.size() - 1)).ok());
        ASSERT_TRUE(cb->write_kv(5, l, snap).ok());
    }
    const int32_t next = 7;
    ASSERT_TRUE(backend_->forward(**a, std::span(&next, 1), 5, std::span(&last, 1), la.data()).ok());
    ASSERT_TRUE(backend_->forward(**b, std::span(&next, 1), 5, std::span(&last, 1), lb.data()).ok());
    EXPECT_EQ(la, lb);
}

}  // namespace
}  // namespace lectern::cuda
