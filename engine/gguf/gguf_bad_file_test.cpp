// Malformed GGUF images: each must give a specific Error code and a message naming the
// problem, never a crash or a huge allocation. Built from the tiny model's valid image by
// cutting it or editing header fields in place.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>

#include "gguf/gguf_file.h"
#include "model/tiny_llama.h"

namespace lectern::gguf {
namespace {

using Bytes = std::vector<uint8_t>;

template <class T>
void poke(Bytes& b, size_t at, T v) {
    ASSERT_LE(at + sizeof(T), b.size());
    std::memcpy(b.data() + at, &v, sizeof(T));
}

// Offset of the field right after tensor `name`'s name in the tensor infos (n_dims).
size_t tensor_info_at(const Bytes& b, const std::string& name) {
    Bytes needle(8);
    uint64_t n = name.size();
    std::memcpy(needle.data(), &n, 8);
    needle.insert(needle.end(), name.begin(), name.end());
    auto it = std::search(b.begin(), b.end(), needle.begin(), needle.end());
    EXPECT_NE(it, b.end()) << name;
    return static_cast<size_t>(it - b.begin()) + needle.size();
}

// Tensor info fields of a 2-d tensor: n_dims (u32), ne[2] (u64), type (u32), offset (u64).
size_t type_at(const Bytes& b, const std::string& name) { return tensor_info_at(b, name) + 4 + 16; }
size_t offset_at(const Bytes& b, const std::string& name) { return type_at(b, name) + 4; }

uint64_t read_u64(const Bytes& b, size_t at) {
    uint64_t v;
    std::memcpy(&v, b.data() + at, 8);
    return v;
}

// Parses a copy sized exactly to the image, so that ASan sees any read past its end.
Error parse_error(const Bytes& b, ErrorCode want, const std::string& message_part) {
    Bytes copy(b.begin(), b.end());
    Result<File> f = File::parse(copy.data(), copy.size(), "test.gguf");
    EXPECT_FALSE(f.ok()) << "parsed, expected: " << message_part;
    if (f.ok()) return Error{};
    EXPECT_EQ(f.error().code, want) << f.error().to_string();
    EXPECT_NE(f.error().message.find(message_part), std::string::npos) << f.error().to_string();
    return f.error();
}

TEST(GgufBadFile, TheTinyImageIsValid) {
    Bytes b = tiny_llama::gguf_bytes();
    Result<File> f = File::parse(b.data(), b.size(), "tiny");
    ASSERT_TRUE(f.ok()) << f.error().to_string();
    EXPECT_EQ(f->tensors().size(), 13u);
}

TEST(GgufBadFile, TruncatedAtEveryCutPointIsCorrupt) {
    const Bytes full = tiny_llama::gguf_bytes();
    const size_t data_start = static_cast<size_t>(
        File::parse(full.data(), full.size(), "tiny")->tensors()[0].data - full.data());
    // Every byte of the header, metadata and tensor infos; then every 61st byte of the data.
    for (size_t cut = 0; cut < full.size(); cut += cut < data_start + 64 ? 1 : 61) {
        Bytes b(full.begin(), full.begin() + static_cast<std::ptrdiff_t>(cut));
        Result<File> f = File::parse(b.data(), b.size(), "cut");
        ASSERT_FALSE(f.ok()) << "cut at " << cut;
        ASSERT_EQ(f.error().code, ErrorCode::Corrupt) << cut << ": " << f.error().to_string();
        const std::string& m = f.error().message;
        ASSERT_TRUE(m.find("truncated") != std::string::npos ||
                    m.find("larger than the file can hold") != std::string::npos ||
                    m.find("outside the data section") != std::string::npos)
            << cut << ": " << m;
    }
}

TEST(GgufBadFile, WrongMagicIsCorrupt) {
    Bytes b = tiny_llama::gguf_bytes();
    b[0] = 'X';
    parse_error(b, ErrorCode::Corrupt, "not a GGUF file");
    parse_error(Bytes{'G', 'G'}, ErrorCode::Corrupt, "truncated");
}

TEST(GgufBadFile, WrongVersionIsRejected) {
    Bytes b = tiny_llama::gguf_bytes();
    for (uint32_t v : {0u, 1u, 4u, 99u}) {
        poke<uint32_t>(b, 4, v);
        parse_error(b, ErrorCode::Corrupt, "unsupported GGUF version " + std::to_string(v));
    }
    poke<uint32_t>(b, 4, 0x03000000);  // version 3 written big-endian
    parse_error(b, ErrorCode::UnsupportedModel, "big-endian");
    poke<uint32_t>(b, 4, 2);  // version 2 has the same layout: accepted
    EXPECT_TRUE(File::parse(b.data(), b.size(), "v2").ok());
}

TEST(GgufBadFile, HugeCountsAreRejectedBeforeAllocating) {
    Bytes b = tiny_llama::gguf_bytes();
    poke<uint64_t>(b, 8, uint64_t{1} << 62);
    parse_error(b, ErrorCode::Corrupt, "tensor count");
    b = tiny_llama::gguf_bytes();
    poke<uint64_t>(b, 16, ~uint64_t{0});
    parse_error(b, ErrorCode::Corrupt, "metadata count");
    // The first key's length (right after the header).
    b = tiny_llama::gguf_bytes();
    poke<uint64_t>(b, 24, uint64_t{1} << 63);
    parse_error(b, ErrorCode::Corrupt, "truncated");
}

TEST(GgufBadFile, HugeArrayLengthIsRejected) {
    Writer w = tiny_llama::gguf_writer();
    Bytes b = w.to_bytes();
    // tokenizer.ggml.tokens: key, type ARRAY (u32), element type (u32), length (u64).
    const std::string key = "tokenizer.ggml.tokens";
    auto it = std::search(b.begin(), b.end(), key.begin(), key.end());
    ASSERT_NE(it, b.end());
    size_t length_at = static_cast<size_t>(it - b.begin()) + key.size() + 8;
    ASSERT_EQ(read_u64(b, length_at), 3u);
    poke<uint64_t>(b, length_at, uint64_t{1} << 61);
    parse_error(b, ErrorCode::Corrupt, "array length");
}

TEST(GgufBadFile, TensorDataOutOfRangeIsCorrupt) {
    Bytes b = tiny_llama::gguf_bytes();
    poke<uint64_t>(b, offset_at(b, "output.weight"), uint64_t{1} << 40);
    parse_error(b, ErrorCode::Corrupt, "outside the data section");
    // An offset whose end wraps around 2^64.
    b = tiny_llama::gguf_bytes();
    poke<uint64_t>(b, offset_at(b, "output.weight"), ~uint64_t{31});
    parse_error(b, ErrorCode::Corrupt, "outside the data section");
}

TEST(GgufBadFile, MisalignedTensorIsCorrupt) {
    Bytes b = tiny_llama::gguf_bytes();
    size_t at = offset_at(b, "blk.0.attn_k.weight");
    poke<uint64_t>(b, at, read_u64(b, at) + 4);
    parse_error(b, ErrorCode::Corrupt, "not aligned");
}

TEST(GgufBadFile, OverlappingTensorsAreCorrupt) {
    Bytes b = tiny_llama::gguf_bytes();
    uint64_t q = read_u64(b, offset_at(b, "blk.0.attn_q.weight"));
    poke<uint64_t>(b, offset_at(b, "blk.0.attn_k.weight"), q + 32);
    parse_error(b, ErrorCode::Corrupt, "overlap");
}

TEST(GgufBadFile, UnknownTensorTypeIsUnsupported) {
    for (uint32_t type : {10u, 99u}) {  // Q2_K (real but not supported), and no type at all
        Bytes b = tiny_llama::gguf_bytes();
        poke<uint32_t>(b, type_at(b, "blk.0.attn_q.weight"), type);
        Error e = parse_error(b, ErrorCode::UnsupportedModel, "does not support");
        EXPECT_NE(e.message.find("blk.0.attn_q.weight"), std::string::npos);
    }
}

TEST(GgufBadFile, BadDimensionsAreCorrupt) {
    Bytes b = tiny_llama::gguf_bytes();
    size_t at = tensor_info_at(b, "blk.0.attn_q.weight");
    poke<uint32_t>(b, at, 0);
    parse_error(b, ErrorCode::Corrupt, "0 dimensions");
    poke<uint32_t>(b, at, 5);
    parse_error(b, ErrorCode::Corrupt, "5 dimensions");
    b = tiny_llama::gguf_bytes();
    poke<uint64_t>(b, at + 4, 0);  // ne[0] = 0
    parse_error(b, ErrorCode::Corrupt, "invalid dimension");
    b = tiny_llama::gguf_bytes();
    poke<uint64_t>(b, at + 4, uint64_t{1} << 40);  // ne0 * ne1 overflows the element bound
    poke<uint64_t>(b, at + 12, uint64_t{1} << 40);
    parse_error(b, ErrorCode::Corrupt, "invalid dimension");
}

TEST(GgufBadFile, RowNotAMultipleOfTheBlockIsCorrupt) {
    Writer w;
    w.add_tensor("q", DType::Q8_0, {48, 1}, Bytes(68));
    Bytes b = w.to_bytes();
    parse_error(b, ErrorCode::Corrupt, "not a multiple of the q8_0 block size 32");
}

TEST(GgufBadFile, BadAlignmentIsCorrupt) {
    for (uint32_t a : {0u, 3u, 48u}) {
        Writer w = tiny_llama::gguf_writer();
        w.set_u32("general.alignment", a);
        parse_error(w.to_bytes(), ErrorCode::Corrupt, "general.alignment");
    }
    Writer w = tiny_llama::gguf_writer();
    w.set_string("general.alignment", "32");
    parse_error(w.to_bytes(), ErrorCode::Corrupt, "general.alignment");
}

TEST(GgufBadFile, DuplicatesAreCorrupt) {
    Writer w;
    w.set_u32("a", 1);
    w.set_u32("b", 2);
    Bytes b = w.to_bytes();
    // Rename key "b" to "a".
    auto it = std::search(b.begin() + 24 + 9, b.end(), std::begin("b"), std::begin("b") + 1);
    ASSERT_NE(it, b.end());
    *it = 'a';
    parse_error(b, ErrorCode::Corrupt, "duplicate metadata key 'a'");
    Writer t;
    t.add_tensor("x", DType::F32, {8}, Bytes(32));
    t.add_tensor("x", DType::F32, {8}, Bytes(32));
    parse_error(t.to_bytes(), ErrorCode::Corrupt, "duplicate tensor name 'x'");
}

TEST(GgufBadFile, BadValueTypesAreRejected) {
    Writer w;
    w.set_u32("k", 1);
    Bytes b = w.to_bytes();
    const size_t type_at_ = 24 + 8 + 1;  // after the header and the key "k"
    poke<uint32_t>(b, type_at_, 13);
    parse_error(b, ErrorCode::Corrupt, "unknown metadata value type 13");
    Writer a;
    a.set_value("nested", Value{ValueType::ARRAY, ValueType::ARRAY, std::vector<uint64_t>{}});
    parse_error(a.to_bytes(), ErrorCode::UnsupportedModel, "nested");
    Writer t;
    t.set_bool("flag", true);
    Bytes bt = t.to_bytes();
    bt[24 + 8 + 4 + 4] = 7;  // a bool that is neither 0 nor 1
    parse_error(bt, ErrorCode::Corrupt, "bool value 7");
}

TEST(GgufBadFile, EmptyAndMissingFilesGiveErrors) {
    parse_error(Bytes{}, ErrorCode::Corrupt, "truncated");
    Result<File> f = File::open("/nonexistent/model.gguf");
    ASSERT_FALSE(f.ok());
    EXPECT_EQ(f.error().code, ErrorCode::NotFound);
    Result<File> dir = File::open("/tmp");
    ASSERT_FALSE(dir.ok());
    EXPECT_EQ(dir.error().code, ErrorCode::Io);
}

}  // namespace
}  // namespace lectern::gguf
