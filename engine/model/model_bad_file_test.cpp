// Model files that parse but are not a model Lectern can run, or whose parts disagree:
// GGUF with an unknown architecture, a missing tensor, a wrong shape or missing keys;
// safetensors whose header lies; config.json disagreeing with the weights; unsafe or
// inconsistent shard indexes. Each must give a specific Error code and a message naming
// the problem. Files are written into a fresh temporary folder per test.
#include <gtest/gtest.h>

#include <cstring>
#include <filesystem>
#include <fstream>

#include <unistd.h>

#include "lectern/engine/model_loader.h"
#include "model/tiny_llama.h"
#include "safetensors/safetensors_file.h"

namespace lectern {
namespace {

namespace fs = std::filesystem;
using Bytes = std::vector<uint8_t>;

class ModelBadFile : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() /
               ("lectern_model_bad_" + std::to_string(::getpid()) + "_" +
                ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(dir_);
        fs::create_directories(dir_);
    }
    void TearDown() override { fs::remove_all(dir_); }

    std::string write(const std::string& name, const Bytes& bytes) {
        std::ofstream(dir_ / name, std::ios::binary)
            .write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
        return (dir_ / name).string();
    }
    std::string write(const std::string& name, const std::string& text) {
        return write(name, Bytes(text.begin(), text.end()));
    }
    // A Hugging Face folder of the tiny model with the given config.json and weights.
    std::string folder(const std::string& config, const Bytes& weights) {
        write("config.json", config);
        write("model.safetensors", weights);
        return dir_.string();
    }

    fs::path dir_;
};

Error load_error(const std::string& path, ErrorCode want, const std::string& part) {
    Result<ModelWeights> w = load_model(path);
    EXPECT_FALSE(w.ok()) << "loaded, expected: " << part;
    if (w.ok()) return Error{};
    EXPECT_EQ(w.error().code, want) << w.error().to_string();
    EXPECT_NE(w.error().to_string().find(part), std::string::npos) << w.error().to_string();
    return w.error();
}

std::string replaced(std::string s, const std::string& from, const std::string& to) {
    size_t at = s.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    if (at != std::string::npos) s.replace(at, from.size(), to);
    return s;
}

// A safetensors file: header length, `header`, then data_bytes zero bytes.
Bytes safetensors_image(const std::string& header, size_t data_bytes) {
    Bytes b(8 + header.size() + data_bytes, 0);
    uint64_t n = header.size();
    std::memcpy(b.data(), &n, 8);
    std::memcpy(b.data() + 8, header.data(), header.size());
    return b;
}

// The tiny GGUF without the tensor `drop` and with tensor `reshape` given shape `ne`.
gguf::Writer tiny_gguf_with(const std::string& drop, const std::string& reshape = "",
                            std::vector<int64_t> ne = {}) {
    gguf::Writer base = tiny_llama::gguf_writer();
    Bytes image = base.to_bytes();
    Result<gguf::File> f = gguf::File::parse(image.data(), image.size(), "tiny");
    gguf::Writer w;
    for (const auto& [key, value] : f->metadata()) w.set_value(key, value);
    for (const gguf::TensorInfo& t : f->tensors()) {
        if (t.name == drop) continue;
        if (t.name == reshape)
            w.add_tensor(t.name, t.type, ne, tiny_llama::f32_values(tiny_llama::elements(ne), 1e-3f));
        else
            w.add_tensor(t.name, t.type, t.ne, Bytes(t.data, t.data + t.size));
    }
    return w;
}

TEST_F(ModelBadFile, TheTinyModelLoadsFromBothFormats) {
    Result<ModelWeights> g = load_model(write("tiny.gguf", tiny_llama::gguf_bytes()));
    ASSERT_TRUE(g.ok()) << g.error().to_string();
    EXPECT_EQ(g->config.n_kv_head, 1);
    EXPECT_EQ(g->rope_freq_factors.back(), 8.0f);
    Result<ModelWeights> h = load_model(folder(tiny_llama::config_json(), tiny_llama::safetensors_bytes()));
    ASSERT_TRUE(h.ok()) << h.error().to_string();
    EXPECT_EQ(h->config.head_dim, 16);
    // Same f32 values, so everything but the permuted q/k rows is identical.
    EXPECT_EQ(std::memcmp(h->layers[0].wv.data, g->layers[0].wv.data, h->layers[0].wv.bytes()), 0);
    EXPECT_NE(std::memcmp(h->layers[0].wq.data, g->layers[0].wq.data, h->layers[0].wq.bytes()), 0);
    // Row 1 of head 0 after permutation is row head_dim/2 of the file.
    EXPECT_EQ(std::memcmp(h->layers[0].wq.row(1), g->layers[0].wq.row(8), h->layers[0].wq.bytes() / 32), 0);
}

TEST_F(ModelBadFile, GgufUnknownArchitectureIsUnsupported) {
    gguf::Writer w = tiny_llama::gguf_writer();
    w.set_string("general.architecture", "mamba");
    load_error(write("m.gguf", w.to_bytes()), ErrorCode::UnsupportedModel, "architecture 'mamba'");
}

TEST_F(ModelBadFile, GgufMissingTensorIsCorrupt) {
    for (const char* name : {"blk.0.ffn_up.weight", "token_embd.weight", "output_norm.weight"}) {
        load_error(write("m.gguf", tiny_gguf_with(name).to_bytes()), ErrorCode::Corrupt,
                   std::string("missing tensor '") + name + "'");
    }
}

TEST_F(ModelBadFile, GgufMissingOutputMeansTied) {
    Result<ModelWeights> w = load_model(write("m.gguf", tiny_gguf_with("output.weight").to_bytes()));
    ASSERT_TRUE(w.ok()) << w.error().to_string();
    EXPECT_TRUE(w->config.tied_embeddings);
    EXPECT_EQ(w->output.data, w->tok_embd.data);
}

TEST_F(ModelBadFile, GgufWrongShapeIsCorrupt) {
    Error e = load_error(write("m.gguf", tiny_gguf_with("", "blk.0.attn_k.weight", {32, 32}).to_bytes()),
                         ErrorCode::Corrupt, "'blk.0.attn_k.weight' has 32 rows of 32");
    EXPECT_NE(e.message.find("16 rows of 32 (n_kv_head * head_dim, d_model)"), std::string::npos);
    load_error(write("m.gguf", tiny_gguf_with("", "blk.0.attn_norm.weight", {16}).to_bytes()),
               ErrorCode::Corrupt, "'blk.0.attn_norm.weight' has 1 rows of 16");
    load_error(write("m.gguf", tiny_gguf_with("", "blk.0.ffn_up.weight", {32, 32, 2}).to_bytes()),
               ErrorCode::Corrupt, "more than 2 dimensions");
    load_error(write("m.gguf", tiny_gguf_with("", "rope_freqs.weight", {4}).to_bytes()),
               ErrorCode::Corrupt, "rope_freqs.weight");
}

TEST_F(ModelBadFile, GgufMissingOrBadKeysAreCorrupt) {
    gguf::Writer w = tiny_llama::gguf_writer();
    w.set_string("llama.block_count", "one");
    load_error(write("m.gguf", w.to_bytes()), ErrorCode::Corrupt, "'llama.block_count' is not an integer");
    gguf::Writer h = tiny_llama::gguf_writer();
    h.set_u32("llama.attention.head_count_kv", 3);  // 2 heads are not a multiple of 3
    load_error(write("m.gguf", h.to_bytes()), ErrorCode::Corrupt, "not a multiple of n_kv_head");
    gguf::Writer v = tiny_llama::gguf_writer();
    v.set_u32("llama.vocab_size", 17);
    load_error(write("m.gguf", v.to_bytes()), ErrorCode::Corrupt, "llama.vocab_size 17");
    gguf::Writer n = tiny_gguf_with("");
    Bytes image = n.to_bytes();
    const std::string key = "llama.feed_forward_length";
    auto it = std::search(image.begin(), image.end(), key.begin(), key.end());
    ASSERT_NE(it, image.end());
    *it = 'X';  // the key is now "Xlama.feed_forward_length"
    load_error(write("m.gguf", image), ErrorCode::Corrupt, "lacks 'llama.feed_forward_length'");
    gguf::Writer s = tiny_llama::gguf_writer();
    s.set_string("llama.rope.scaling.type", "yarn");
    load_error(write("m.gguf", s.to_bytes()), ErrorCode::UnsupportedModel, "rope scaling 'yarn'");
}

TEST_F(ModelBadFile, GgufQuantizedNormIsUnsupported) {
    gguf::Writer w = tiny_gguf_with("blk.0.attn_norm.weight");
    w.add_tensor("blk.0.attn_norm.weight", DType::Q8_0, {32}, Bytes(34));
    load_error(write("m.gguf", w.to_bytes()), ErrorCode::UnsupportedModel, "norm tensor");
}

TEST_F(ModelBadFile, SafetensorsHeaderLiesAreCorrupt) {
    const Bytes tiny = tiny_llama::safetensors_bytes();
    const std::string good(tiny.begin() + 8, tiny.end());  // header and data
    auto with_header = safetensors_image;
    auto parse = [](const Bytes& b, ErrorCode want, const std::string& part) {
        Bytes copy = b;
        Result<safetensors::File> f = safetensors::File::parse(copy.data(), copy.size(), "st");
        ASSERT_FALSE(f.ok()) << part;
        EXPECT_EQ(f.error().code, want) << f.error().to_string();
        EXPECT_NE(f.error().message.find(part), std::string::npos) << f.error().to_string();
    };
    parse(with_header(R"({"a":{"dtype":"F32","shape":[4,4],"data_offsets":[0,60]}})", 64),
          ErrorCode::Corrupt, "takes 60 bytes but its shape and dtype need 64");
    parse(with_header(R"({"a":{"dtype":"F32","shape":[4],"data_offsets":[0,16]}})", 8),
          ErrorCode::Corrupt, "outside the 8 bytes of data");
    parse(with_header(R"({"a":{"dtype":"F32","shape":[4],"data_offsets":[16,0]}})", 16),
          ErrorCode::Corrupt, "outside");
    parse(with_header(R"({"a":{"dtype":"F32","shape":[4],"data_offsets":[0,16]},)"
                      R"("b":{"dtype":"F32","shape":[4],"data_offsets":[8,24]}})", 32),
          ErrorCode::Corrupt, "overlap");
    parse(with_header(R"({"a":{"dtype":"F33","shape":[4],"data_offsets":[0,16]}})", 16),
          ErrorCode::Corrupt, "unknown dtype 'F33'");
    parse(with_header(R"({"a":{"dtype":"F32","shape":[-4],"data_offsets":[0,16]}})", 16),
          ErrorCode::Corrupt, "negative");
    parse(with_header(R"({"a":{"dtype":"F32","shape":[4294967296,4294967296,16],"data_offsets":[0,16]}})", 16),
          ErrorCode::Corrupt, "too large");
    parse(with_header(R"({"a":{"dtype":"F32","shape":[4]}})", 16), ErrorCode::Corrupt, "data_offsets");
    parse(with_header(R"({"a":{"dtype":"F32","shape":[4],"data_offsets":[0,16]})", 16),
          ErrorCode::Corrupt, "not valid JSON");
    parse(with_header("[1, 2]", 0), ErrorCode::Corrupt, "not a JSON object");
    // Header length larger than the file, absurdly large, or the file shorter than 8 bytes.
    Bytes truncated = with_header(good, 0);
    truncated.resize(truncated.size() / 2);
    parse(truncated, ErrorCode::Corrupt, "truncated");
    Bytes huge = with_header(good, 0);
    uint64_t big = uint64_t{1} << 62;
    std::memcpy(huge.data(), &big, 8);
    parse(huge, ErrorCode::Corrupt, "exceeds 100 MB");
    parse(Bytes{1, 0, 0}, ErrorCode::Corrupt, "truncated");
}

TEST_F(ModelBadFile, UnsupportedSafetensorsDtypeIsUnsupported) {
    Bytes b = safetensors_image(
        R"({"model.embed_tokens.weight":{"dtype":"I64","shape":[16,32],"data_offsets":[0,4096]}})", 4096);
    load_error(folder(tiny_llama::config_json(), b), ErrorCode::UnsupportedModel, "dtype I64");
}

TEST_F(ModelBadFile, ConfigDisagreeingWithWeightsIsCorrupt) {
    const Bytes weights = tiny_llama::safetensors_bytes();
    const std::string config = tiny_llama::config_json();
    load_error(folder(replaced(config, "\"vocab_size\": 16", "\"vocab_size\": 20"), weights),
               ErrorCode::Corrupt, "'model.embed_tokens.weight' has 16 rows of 32 but config.json gives 20");
    load_error(folder(replaced(config, "\"num_key_value_heads\": 1", "\"num_key_value_heads\": 2"), weights),
               ErrorCode::Corrupt, "'model.layers.0.self_attn.k_proj.weight' has 16 rows");
    load_error(folder(replaced(config, "\"intermediate_size\": 64", "\"intermediate_size\": 96"), weights),
               ErrorCode::Corrupt, "'model.layers.0.mlp.gate_proj.weight'");
    load_error(folder(replaced(config, "\"hidden_size\": 32", "\"hidden_size\": 48"), weights),
               ErrorCode::Corrupt, "config.json gives");
    load_error(folder(replaced(config, "\"num_hidden_layers\": 1", "\"num_hidden_layers\": 2"), weights),
               ErrorCode::Corrupt, "missing tensor 'model.layers.1.input_layernorm.weight'");
}

TEST_F(ModelBadFile, BadConfigIsRejected) {
    const Bytes weights = tiny_llama::safetensors_bytes();
    const std::string config = tiny_llama::config_json();
    load_error(folder(replaced(config, "\"hidden_size\": 32,", ""), weights), ErrorCode::Corrupt,
               "lacks 'hidden_size'");
    load_error(folder(replaced(config, "\"hidden_size\": 32", "\"hidden_size\": \"32\""), weights),
               ErrorCode::Corrupt, "'hidden_size' is not an integer");
    load_error(folder(config.substr(0, config.size() - 2), weights), ErrorCode::Corrupt, "not a valid JSON");
    load_error(folder(replaced(config, "\"model_type\": \"llama\"", "\"model_type\": \"mistral\""), weights),
               ErrorCode::UnsupportedModel, "model_type 'mistral'");
    load_error(folder(replaced(config, "\"rope_type\": \"llama3\"", "\"rope_type\": \"yarn\""), weights),
               ErrorCode::UnsupportedModel, "rope scaling 'yarn'");
    load_error(folder(replaced(config, "\"low_freq_factor\": 1.0", "\"low_freq_factor\": 4.0"), weights),
               ErrorCode::Corrupt, "low_freq_factor < high_freq_factor");
    load_error(folder(replaced(config, "\"tie_word_embeddings\": false", "\"tie_word_embeddings\": 0"), weights),
               ErrorCode::Corrupt, "tie_word_embeddings");
}

TEST_F(ModelBadFile, UntiedConfigWithoutLmHeadIsCorrupt) {
    std::string header_end = "\"lm_head.weight\"";
    Bytes w = tiny_llama::safetensors_bytes();
    auto it = std::search(w.begin(), w.end(), header_end.begin(), header_end.end());
    ASSERT_NE(it, w.end());
    *(it + 1) = 'L';  // now "Lm_head.weight": lm_head.weight is absent
    load_error(folder(tiny_llama::config_json(), w), ErrorCode::Corrupt, "missing tensor 'lm_head.weight'");
    Result<ModelWeights> tied = load_model(folder(
        replaced(tiny_llama::config_json(), "\"tie_word_embeddings\": false", "\"tie_word_embeddings\": true"), w));
    ASSERT_TRUE(tied.ok()) << tied.error().to_string();
    EXPECT_EQ(tied->output.data, tied->tok_embd.data);
}

TEST_F(ModelBadFile, ShardIndexProblemsAreReported) {
    write("config.json", tiny_llama::config_json());
    write("shard.safetensors", tiny_llama::safetensors_bytes());
    auto index = [&](const std::string& tensor, const std::string& shard) {
        write("model.safetensors.index.json",
              "{\"metadata\": {}, \"weight_map\": {\"" + tensor + "\": \"" + shard + "\"}}");
    };
    index("model.embed_tokens.weight", "../shard.safetensors");
    load_error(dir_.string(), ErrorCode::Corrupt, "unsafe shard '../shard.safetensors'");
    index("model.embed_tokens.weight", "/etc/passwd");
    load_error(dir_.string(), ErrorCode::Corrupt, "unsafe shard");
    index("model.embed_tokens.weight", "absent.safetensors");
    load_error(dir_.string(), ErrorCode::NotFound, "absent.safetensors");
    index("model.nothing.weight", "shard.safetensors");
    load_error(dir_.string(), ErrorCode::Corrupt, "'model.nothing.weight' in shard.safetensors, which lacks it");
    index("model.embed_tokens.weight", "shard.safetensors");  // the index omits every other tensor
    load_error(dir_.string(), ErrorCode::Corrupt, "missing tensor 'model.layers.0.input_layernorm.weight'");
    write("model.safetensors.index.json", "{\"weight_map\": [1]}");
    load_error(dir_.string(), ErrorCode::Corrupt, "no weight_map object");
}

TEST_F(ModelBadFile, FolderWithoutWeightsIsNotFound) {
    write("config.json", tiny_llama::config_json());
    load_error(dir_.string(), ErrorCode::NotFound, "no model.safetensors");
    fs::remove(dir_ / "config.json");
    load_error(dir_.string(), ErrorCode::NotFound, "config.json");
}

}  // namespace
}  // namespace lectern
