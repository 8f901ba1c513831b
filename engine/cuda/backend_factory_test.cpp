// make_backend: names, the errors a build or machine without CUDA gives, and what "auto"
// says it picked. Runs on every machine; where a CUDA device exists "cuda" must start.
#include "lectern/engine/backend_factory.h"

#include <cstdlib>
#include <string>

#include <gtest/gtest.h>

#include "lectern/engine/model_loader.h"

namespace lectern {
namespace {

// $LECTERN_TEST_DATA when set (binaries carried to a GPU machine), else the source tree's.
std::string data_dir() {
    const char* env = std::getenv("LECTERN_TEST_DATA");
    return env && *env ? env : LECTERN_TEST_DATA;
}

std::shared_ptr<const ModelWeights> tiny_model() {
    auto w = load_model(data_dir() + "/gguf/llama31-tiny-F16.gguf");
    EXPECT_TRUE(w.ok()) << w.error().to_string();
    return std::make_shared<ModelWeights>(std::move(w.value()));
}

TEST(BackendFactory, UnknownNamesAreRejected) {
    auto b = make_backend("tpu", tiny_model());
    ASSERT_FALSE(b.ok());
    EXPECT_EQ(b.error().code, ErrorCode::InvalidArgument);
    EXPECT_NE(b.error().message.find("cpu, cuda or auto"), std::string::npos);
}

TEST(BackendFactory, CpuByName) {
    auto b = make_backend("cpu", tiny_model(), {.cpu = {.n_threads = 1}});
    ASSERT_TRUE(b.ok()) << b.error().to_string();
    EXPECT_EQ(b->backend->name(), "cpu");
    EXPECT_EQ(b->backend->config().n_vocab, 512);
}

TEST(BackendFactory, CudaByNameStartsOrSaysWhyNot) {
    auto b = make_backend("cuda", tiny_model());
    if (cuda_device_count() > 0) {
        ASSERT_TRUE(b.ok()) << b.error().to_string();
        EXPECT_EQ(b->backend->name(), "cuda");
        EXPECT_EQ(b->reason.rfind("cuda: ", 0), 0u) << b->reason;
        return;
    }
    ASSERT_FALSE(b.ok());
    EXPECT_EQ(b.error().code, ErrorCode::Unsupported);
    EXPECT_EQ(b.error().message, has_cuda_backend() ? "no CUDA device found"
                                                    : "this build has no CUDA backend");
}

TEST(BackendFactory, AutoSaysWhatItPicked) {
    auto b = make_backend("auto", tiny_model(), {.cpu = {.n_threads = 1}});
    ASSERT_TRUE(b.ok()) << b.error().to_string();
    const std::string expected = cuda_device_count() > 0 ? "cuda" : "cpu";
    EXPECT_EQ(b->backend->name(), expected);
    EXPECT_EQ(b->reason.rfind(expected + ": ", 0), 0u) << b->reason;
    if (expected == "cpu") {
        EXPECT_NE(b->reason.find("CUDA"), std::string::npos) << b->reason;
    }
}

}  // namespace
}  // namespace lectern
