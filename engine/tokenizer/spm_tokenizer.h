// SentencePiece tokenizers (Llama 2 family) through libsentencepiece: a tokenizer.model,
// or a GGUF `llama` vocabulary turned into the equivalent ModelProto.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "lectern/engine/tokenizer.h"
#include "special_tokens.h"

namespace sentencepiece {
class SentencePieceProcessor;
}

namespace lectern::tokenizer {

class SpmTokenizer final : public Tokenizer {
public:
    // From a tokenizer.model file. Errors: NotFound/Io, Corrupt.
    static Result<std::unique_ptr<SpmTokenizer>> load_file(const std::string& path,
                                                           std::string chat_template);
    // From a serialized ModelProto; `extra_stop_ids` adds end-of-turn tokens to eos.
    static Result<std::unique_ptr<SpmTokenizer>> load_proto(const std::string& proto,
                                                            const std::string& context,
                                                            std::vector<int32_t> extra_stop_ids,
                                                            std::string chat_template);
    ~SpmTokenizer() override;

    std::vector<int32_t> encode(std::string_view text, bool add_bos = false,
                                bool parse_special = false) const override;
    std::string decode(std::span<const int32_t> ids) const override;
    std::string token_text(int32_t id) const override;
    std::string token_bytes(int32_t id) const override;
    std::string leading_token_bytes(int32_t id) const override;
    std::optional<int32_t> token_id(std::string_view piece) const override;
    bool is_special(int32_t id) const override;

private:
    SpmTokenizer();
    Status init(const std::string& context, std::vector<int32_t> extra_stop_ids);
    void encode_plain(std::string_view text, std::vector<int32_t>& out) const;

    std::unique_ptr<sentencepiece::SentencePieceProcessor> sp_;
    std::vector<std::string> bytes_;  // by id: what the token adds to decoded text
    std::vector<bool> starts_with_space_;  // by id: a normal piece beginning with U+2581
    std::vector<bool> special_;
    SpecialTokenMatcher specials_;
};

}  // namespace lectern::tokenizer
