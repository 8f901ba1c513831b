// GGUF reader/writer: a round trip of every metadata type and of tensors, and the reference
// GGUF files in tests/data/gguf/ (written by ggml's own writer).
#include "gguf/gguf_file.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <unistd.h>

namespace lectern::gguf {
namespace {

const std::string kData = LECTERN_TEST_DATA;

std::vector<uint8_t> f32_bytes(const std::vector<float>& v) {
    std::vector<uint8_t> b(v.size() * 4);
    std::memcpy(b.data(), v.data(), b.size());
    return b;
}

Writer every_type_writer() {
    Writer w;
    w.set_value("u8", Value{ValueType::U8, ValueType::U8, uint64_t{200}});
    w.set_value("i8", Value{ValueType::I8, ValueType::U8, int64_t{-100}});
    w.set_value("u16", Value{ValueType::U16, ValueType::U8, uint64_t{60000}});
    w.set_value("i16", Value{ValueType::I16, ValueType::U8, int64_t{-30000}});
    w.set_u32("u32", 4000000000u);
    w.set_i32("i32", -2000000000);
    w.set_f32("f32", 0.15625f);
    w.set_bool("bool", true);
    w.set_string("string", "caf\xc3\xa9");
    w.set_u64("u64", 1ull << 60);
    w.set_value("i64", Value{ValueType::I64, ValueType::U8, int64_t{-(1ll << 60)}});
    w.set_value("f64", Value{ValueType::F64, ValueType::U8, 0.1});
    w.set_string_array("strings", {"a b", "", "\xe2\x96\x81x"});
    w.set_i32_array("i32s", {1, -2, 3});
    w.set_f32_array("f32s", {0.5f, -1.25f});
    w.set_value("u8s", Value{ValueType::ARRAY, ValueType::U8, std::vector<uint64_t>{0, 255}});
    w.set_value("bools", Value{ValueType::ARRAY, ValueType::BOOL, std::vector<bool>{true, false}});
    w.set_value("empty", Value{ValueType::ARRAY, ValueType::I64, std::vector<int64_t>{}});
    return w;
}

TEST(GgufFile, RoundTripsEveryMetadataType) {
    std::vector<uint8_t> image = every_type_writer().to_bytes();
    Result<File> f = File::parse(image.data(), image.size(), "memory");
    ASSERT_TRUE(f.ok()) << f.error().to_string();
    EXPECT_EQ(f->version(), 3u);
    EXPECT_EQ(f->metadata().size(), 18u);
    EXPECT_EQ(f->metadata()[0].first, "u8");  // insertion order is kept
    EXPECT_EQ(f->find("u8")->type, ValueType::U8);
    EXPECT_EQ(f->get_int("u8"), 200);
    EXPECT_EQ(f->get_int("i8"), -100);
    EXPECT_EQ(f->get_int("u16"), 60000);
    EXPECT_EQ(f->get_int("i16"), -30000);
    EXPECT_EQ(f->get_int("u32"), 4000000000ll);
    EXPECT_EQ(f->get_int("i32"), -2000000000);
    EXPECT_EQ(f->get_float("f32"), 0.15625);
    EXPECT_EQ(f->get_bool("bool"), true);
    EXPECT_EQ(f->get_string("string"), "caf\xc3\xa9");
    EXPECT_EQ(f->get_int("u64"), 1ll << 60);
    EXPECT_EQ(f->get_int("i64"), -(1ll << 60));
    EXPECT_EQ(f->get_float("f64"), 0.1);
    EXPECT_EQ(f->get_float("i32"), -2000000000.0);
    ASSERT_NE(f->get_string_array("strings"), nullptr);
    EXPECT_EQ(*f->get_string_array("strings"),
              (std::vector<std::string>{"a b", "", "\xe2\x96\x81x"}));
    EXPECT_EQ(f->get_int_array("i32s"), (std::vector<int64_t>{1, -2, 3}));
    EXPECT_EQ(f->get_float_array("f32s"), (std::vector<float>{0.5f, -1.25f}));
    EXPECT_EQ(f->get_int_array("u8s"), (std::vector<int64_t>{0, 255}));
    EXPECT_EQ(std::get<std::vector<bool>>(f->find("bools")->data), (std::vector<bool>{true, false}));
    EXPECT_EQ(f->get_int_array("empty"), std::vector<int64_t>{});
    // Wrong-type and missing lookups say "absent" rather than converting.
    EXPECT_FALSE(f->get_string("u8").has_value());
    EXPECT_FALSE(f->get_int("f32").has_value());
    EXPECT_FALSE(f->get_int("missing").has_value());
    EXPECT_EQ(f->get_string_array("i32s"), nullptr);
    EXPECT_TRUE(f->tensors().empty());
}

TEST(GgufFile, RoundTripsTensorsAtEveryAlignment) {
    for (uint32_t alignment : {1u, 8u, 32u, 64u, 4096u}) {
        Writer w;
        w.set_string("general.architecture", "llama");
        w.add_tensor("a", DType::F32, {3}, f32_bytes({1, 2, 3}));
        w.add_tensor("b", DType::F32, {2, 2}, f32_bytes({4, 5, 6, 7}));
        w.add_tensor("q", DType::Q8_0, {32, 2}, std::vector<uint8_t>(68, 0x11));
        std::vector<uint8_t> image = w.to_bytes(alignment);
        Result<File> f = File::parse(image.data(), image.size(), "memory");
        ASSERT_TRUE(f.ok()) << alignment << ": " << f.error().to_string();
        EXPECT_EQ(f->alignment(), alignment);
        ASSERT_EQ(f->tensors().size(), 3u);
        const TensorInfo* b = f->find_tensor("b");
        ASSERT_NE(b, nullptr);
        EXPECT_EQ(b->ne, (std::vector<int64_t>{2, 2}));
        EXPECT_EQ(b->size, 16u);
        EXPECT_EQ(static_cast<size_t>(b->data - image.data()) % alignment, 0u);
        float got[4];
        std::memcpy(got, b->data, 16);
        EXPECT_EQ(got[3], 7.0f);
        const TensorInfo* q = f->find_tensor("q");
        EXPECT_EQ(q->type, DType::Q8_0);
        EXPECT_EQ(q->size, 68u);
        EXPECT_EQ(q->data[67], 0x11);
        EXPECT_EQ(f->find_tensor("c"), nullptr);
    }
}

TEST(GgufFile, WritesAndOpensAFile) {
    auto path = std::filesystem::temp_directory_path() / ("lectern_gguf_file_test-" + std::to_string(::getpid()) + ".gguf");
    Writer w = every_type_writer();
    w.add_tensor("t", DType::F16, {4}, std::vector<uint8_t>(8, 0x3c));
    ASSERT_TRUE(w.write(path.string()).ok());
    Result<File> f = File::open(path.string());
    ASSERT_TRUE(f.ok()) << f.error().to_string();
    EXPECT_EQ(f->path(), path.string());
    EXPECT_EQ(f->find_tensor("t")->data[7], 0x3c);
    std::shared_ptr<const void> keep = f->mapping();
    EXPECT_NE(keep, nullptr);
    std::filesystem::remove(path);
}

TEST(GgufFile, MissingFileIsNotFound) {
    Result<File> f = File::open(kData + "/gguf/no-such-file.gguf");
    ASSERT_FALSE(f.ok());
    EXPECT_EQ(f.error().code, ErrorCode::NotFound);
}

struct Fixture {
    const char* file;
    size_t n_tensors;
    int64_t n_layer;
    DType embd_type;
};

// Every reference file: architecture, hyperparameters, tokenizer arrays and tensor layout.
TEST(GgufFile, ReadsEveryReferenceFile) {
    const Fixture fixtures[] = {
        {"llama31-tiny-F16.gguf", 22, 2, DType::F16},
        {"llama31-tiny-BF16.gguf", 22, 2, DType::BF16},
        {"llama31-tiny-Q8_0.gguf", 22, 2, DType::Q8_0},
        {"llama31-tiny-Q4_0.gguf", 22, 2, DType::Q4_0},
        {"llama31-tiny-Q4_K_M.gguf", 22, 2, DType::Q4_K},
        {"llama31-tiny-Q5_K_M.gguf", 22, 2, DType::Q5_K},
        {"llama31-tiny-Q6_K.gguf", 22, 2, DType::Q6_K},
        {"llama32-tiny-tied-F16.gguf", 30, 3, DType::F16},  // no output, 3 layers
        {"llama2-tiny-mha-F16.gguf", 21, 2, DType::F16},    // no rope_freqs
    };
    size_t seen = 0;
    for (const Fixture& fx : fixtures) {
        SCOPED_TRACE(fx.file);
        Result<File> f = File::open(kData + "/gguf/" + fx.file);
        ASSERT_TRUE(f.ok()) << f.error().to_string();
        ++seen;
        EXPECT_EQ(f->get_string("general.architecture"), "llama");
        EXPECT_EQ(f->get_int("llama.block_count"), fx.n_layer);
        EXPECT_EQ(f->get_int("llama.embedding_length"), 256);
        EXPECT_EQ(f->tensors().size(), fx.n_tensors);
        const std::vector<std::string>* tokens = f->get_string_array("tokenizer.ggml.tokens");
        ASSERT_NE(tokens, nullptr);
        EXPECT_EQ(tokens->size(), 512u);
        const TensorInfo* embd = f->find_tensor("token_embd.weight");
        ASSERT_NE(embd, nullptr);
        EXPECT_EQ(embd->type, fx.embd_type);
        EXPECT_EQ(embd->ne, (std::vector<int64_t>{256, 512}));
        EXPECT_EQ(embd->size, row_bytes(embd->type, 256) * 512);
        const TensorInfo* norm = f->find_tensor("output_norm.weight");
        ASSERT_NE(norm, nullptr);
        EXPECT_EQ(norm->type, DType::F32);
    }
    // Every .gguf in the folder is covered by the table above.
    size_t on_disk = 0;
    for (const auto& e : std::filesystem::directory_iterator(kData + "/gguf"))
        on_disk += e.path().extension() == ".gguf";
    EXPECT_EQ(seen, on_disk);
}

TEST(GgufFile, ReadsTokenizerArraysOfTheSentencePieceFile) {
    Result<File> f = File::open(kData + "/gguf/llama2-tiny-mha-F16.gguf");
    ASSERT_TRUE(f.ok()) << f.error().to_string();
    EXPECT_EQ(f->get_string("tokenizer.ggml.model"), "llama");
    std::optional<std::vector<float>> scores = f->get_float_array("tokenizer.ggml.scores");
    ASSERT_TRUE(scores.has_value());
    EXPECT_EQ(scores->size(), 512u);
    std::optional<std::vector<int64_t>> types = f->get_int_array("tokenizer.ggml.token_type");
    ASSERT_TRUE(types.has_value());
    EXPECT_EQ(types->size(), 512u);
    EXPECT_EQ((*f->get_string_array("tokenizer.ggml.tokens"))[3], "<0x00>");
}

// Re-encoding a file written by ggml's own writer gives back the same bytes: the writer's
// layout (header, metadata, tensor infos, alignment, padding) is the reference writer's.
TEST(GgufFile, ReencodesAReferenceFileByteForByte) {
    for (const char* name : {"llama31-tiny-Q4_K_M.gguf", "llama2-tiny-mha-F16.gguf"}) {
        SCOPED_TRACE(name);
        std::string path = kData + "/gguf/" + name;
        Result<File> f = File::open(path);
        ASSERT_TRUE(f.ok()) << f.error().to_string();
        Writer w;
        for (const auto& [key, value] : f->metadata()) w.set_value(key, value);
        for (const TensorInfo& t : f->tensors())
            w.add_tensor(t.name, t.type, t.ne, std::vector<uint8_t>(t.data, t.data + t.size));
        std::vector<uint8_t> image = w.to_bytes(f->alignment());
        std::vector<uint8_t> original(std::filesystem::file_size(path));
        std::FILE* in = std::fopen(path.c_str(), "rb");
        ASSERT_NE(in, nullptr);
        ASSERT_EQ(std::fread(original.data(), 1, original.size(), in), original.size());
        std::fclose(in);
        ASSERT_EQ(image.size(), original.size());
        EXPECT_TRUE(image == original);
    }
}

}  // namespace
}  // namespace lectern::gguf
