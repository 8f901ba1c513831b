// The fixture models' tokenizers, from Hugging Face folders and from their GGUF files:
// - llama31-tiny / llama32-tiny-tied: a 504-piece restriction of the real Llama 3 vocabulary
//   (with every merge among those pieces) plus 8 special tokens. Restricting BPE this way
//   cannot change the encoding of text whose real encoding uses only those pieces, so the
//   real tokenizer (itself checked against Hugging Face) is the reference on such text.
// - llama2-tiny-mha: a SentencePiece BPE model with byte fallback; ids must equal those of
//   `spm_encode` (the sentencepiece command-line tool) on multilingual text, both from
//   tokenizer.model and from the GGUF vocabulary.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include <unistd.h>

#include <gtest/gtest.h>

#include "lectern/engine/chat_template.h"
#include "lectern/engine/tokenizer.h"
#include "tokenizer_test_support.h"

namespace lectern::tokenizer {
namespace {

using testing::test_data;

std::unique_ptr<Tokenizer> load(const std::string& rel) {
    auto t = Tokenizer::load(test_data(rel));
    if (!t.ok()) throw std::runtime_error(t.error().to_string());
    return std::move(*t);
}

const std::string kMultilingual =
    "Hello world, this is Lectern.\n"
    "  Leading spaces and trailing ones   \n"
    "Größenverhältnisse: naïve café, Straße — 12.5% (über 3,000).\n"
    "Привет, мир! Это проверка.\n"
    "日本語のテキストと中文文本。한국어 문장입니다.\n"
    "مرحبا بالعالم. नमस्ते दुनिया। สวัสดีครับ\n"
    "Emoji 👍🏽 and 👨‍👩‍👧, tabs\tand symbols ∑ ≤ ∞.\n"
    "def f(x):\n    return x ** 2  # square\n";

TEST(FixtureTokenizers, Llama3SubsetFromFolderAndGguf) {
    const auto real = load("tokenizer/llama3-tokenizer.json.gz");
    for (const char* src : {"models/llama31-tiny", "gguf/llama31-tiny-F16.gguf",
                            "models/llama32-tiny-tied", "gguf/llama32-tiny-tied-F16.gguf"}) {
        SCOPED_TRACE(src);
        const auto tiny = load(src);
        EXPECT_EQ(tiny->kind(), TokenizerKind::ByteLevelBpe);
        EXPECT_EQ(tiny->n_vocab(), 512);
        EXPECT_EQ(tiny->bos_id(), 504);
        const auto stops = tiny->stop_ids();
        EXPECT_NE(std::find(stops.begin(), stops.end(), 508), stops.end());
        EXPECT_EQ(detect_chat_template(*tiny), ChatTemplateKind::Llama3);
        EXPECT_NE(tiny->chat_template().find("<|start_header_id|>"), std::string::npos);
        EXPECT_EQ(tiny->encode("<|eot_id|>", false, true), std::vector<int32_t>{508});
        EXPECT_EQ(tiny->decode(tiny->encode(kMultilingual)), kMultilingual);

        // Random strings made of pieces of the subset; compared where the real encoding
        // stays inside the subset.
        std::mt19937 rng(5);
        int compared = 0;
        for (int iter = 0; iter < 4000; ++iter) {
            std::string text;
            const int n = 1 + static_cast<int>(rng() % 6);
            for (int i = 0; i < n; ++i) text += real->token_bytes(static_cast<int32_t>(rng() % 504));
            const std::vector<int32_t> want = real->encode(text);
            if (std::any_of(want.begin(), want.end(), [](int32_t id) { return id >= 504; })) continue;
            ++compared;
            ASSERT_EQ(tiny->encode(text), want) << text;
        }
        EXPECT_GT(compared, 500);
    }
}

// Runs spm_encode on each line of `text`; one vector of ids per line.
std::vector<std::vector<int32_t>> spm_encode_lines(const std::string& model, const std::string& text) {
    const auto in = std::filesystem::temp_directory_path() / ("lectern-spm-input-" + std::to_string(::getpid()) + ".txt");
    std::ofstream(in) << text;
    const std::string cmd = "spm_encode --model=" + model + " --output_format=id < " + in.string();
    FILE* p = popen(cmd.c_str(), "r");
    if (p == nullptr) return {};
    std::string out;
    char buf[4096];
    size_t n = 0;
    while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
    const int status = pclose(p);
    std::filesystem::remove(in);
    if (status != 0) return {};
    std::vector<std::vector<int32_t>> lines;
    std::istringstream ls(out);
    for (std::string line; std::getline(ls, line);) {
        std::istringstream is(line);
        lines.emplace_back();
        for (int32_t id; is >> id;) lines.back().push_back(id);
    }
    return lines;
}

TEST(FixtureTokenizers, SentencePieceMatchesSpmEncode) {
    const std::string model = test_data("models/llama2-tiny-mha/tokenizer.model");
    std::vector<std::string> lines;
    std::istringstream ls(kMultilingual);
    for (std::string line; std::getline(ls, line);) lines.push_back(line);
    const auto want = spm_encode_lines(model, kMultilingual);
    ASSERT_EQ(want.size(), lines.size()) << "spm_encode (Debian package sentencepiece) did not run";
    for (const char* src : {"models/llama2-tiny-mha", "models/llama2-tiny-mha/tokenizer.model",
                            "gguf/llama2-tiny-mha-F16.gguf"}) {
        SCOPED_TRACE(src);
        const auto spm = load(src);
        EXPECT_EQ(spm->kind(), TokenizerKind::SentencePiece);
        EXPECT_EQ(spm->n_vocab(), 512);
        EXPECT_EQ(spm->bos_id(), 1);
        EXPECT_EQ(spm->eos_id(), 2);
        EXPECT_EQ(detect_chat_template(*spm), ChatTemplateKind::Llama2);
        bool used_byte_fallback = false;
        for (size_t i = 0; i < lines.size(); ++i) {
            const std::vector<int32_t> ids = spm->encode(lines[i]);
            EXPECT_EQ(ids, want[i]) << lines[i];
            EXPECT_EQ(spm->decode(ids), lines[i]);
            for (int32_t id : ids) used_byte_fallback |= id >= 3 && id <= 258;
        }
        EXPECT_TRUE(used_byte_fallback);
        EXPECT_EQ(spm->encode("<s>hi</s>", true, true).front(), 1);
        EXPECT_EQ(spm->encode("<s>hi</s>", false, true).back(), 2);
        for (int32_t id : spm->encode("<s>hi</s>")) EXPECT_FALSE(spm->is_special(id));
    }
}

TEST(FixtureTokenizers, SentencePieceDecodeMatchesLibrary) {
    // spm_decode is the library's own decoder; leading control tokens and a leading lone
    // space piece are the cases where the dummy-prefix rule matters.
    const std::string model = test_data("models/llama2-tiny-mha/tokenizer.model");
    const auto spm = load("models/llama2-tiny-mha");
    const std::vector<std::vector<int32_t>> cases = {
        spm->encode("  two spaces"), spm->encode("x"), {1, 375, 411}, {375, 375, 411, 2},
        spm->encode("\xE6\x97\xA5\xE6\x9C\xAC")};
    const auto in = std::filesystem::temp_directory_path() / ("lectern-spm-ids-" + std::to_string(::getpid()) + ".txt");
    {
        std::ofstream f(in);
        for (const auto& c : cases) {
            for (int32_t id : c) f << id << ' ';
            f << '\n';
        }
    }
    const std::string cmd = "spm_decode --model=" + model + " --input_format=id < " + in.string();
    FILE* p = popen(cmd.c_str(), "r");
    ASSERT_NE(p, nullptr);
    std::string out;
    char buf[4096];
    for (size_t n; (n = fread(buf, 1, sizeof buf, p)) > 0;) out.append(buf, n);
    const int status = pclose(p);
    std::filesystem::remove(in);
    ASSERT_EQ(status, 0);
    std::istringstream ls(out);
    for (const auto& c : cases) {
        std::string line;
        ASSERT_TRUE(std::getline(ls, line));
        EXPECT_EQ(spm->decode(c), line);
    }
}

TEST(FixtureTokenizers, BadInputGivesErrors) {
    EXPECT_EQ(Tokenizer::load(test_data("no/such/file")).error().code, ErrorCode::NotFound);
    EXPECT_EQ(Tokenizer::load(test_data("gguf")).error().code, ErrorCode::NotFound);
    // A model's config.json is JSON but not a tokenizer.
    auto r = Tokenizer::load(test_data("models/llama31-tiny/config.json"));
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, ErrorCode::Corrupt);
    const auto junk = std::filesystem::temp_directory_path() / ("lectern-junk-" + std::to_string(::getpid()) + ".model");
    std::ofstream(junk) << "not a model";
    EXPECT_EQ(Tokenizer::load(junk.string()).error().code, ErrorCode::Corrupt);
    std::filesystem::remove(junk);
}

}  // namespace
}  // namespace lectern::tokenizer
