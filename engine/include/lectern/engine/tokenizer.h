// Lectern's tokenizers: Llama 3 byte-level BPE (from a GGUF `gpt2` vocabulary or a
// tokenizer.json) and SentencePiece (Llama 2 family: tokenizer.model or a GGUF `llama`
// vocabulary), behind one interface, plus a streaming detokenizer for generation.
// A Tokenizer is immutable after load(): every const method may be called from any thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "lectern/engine/result.h"

namespace lectern {

enum class TokenizerKind {
    ByteLevelBpe,   // Llama 3: regex pre-tokenizer + byte-level BPE
    SentencePiece,  // Llama 2: SentencePiece BPE with byte fallback
};

class Tokenizer {
public:
    // Loads a GGUF file (its `tokenizer.ggml.*` metadata), a Hugging Face folder
    // (tokenizer.json, else tokenizer.model; tokenizer_config.json for the chat template and
    // bos/eos), a tokenizer.json or a SentencePiece tokenizer.model. Errors: NotFound, Io,
    // Corrupt, UnsupportedModel (e.g. a pre-tokenizer other than Llama 3's).
    static Result<std::unique_ptr<Tokenizer>> load(const std::string& path);

    virtual ~Tokenizer();

    // Token ids of `text` (any bytes; invalid UTF-8 gets a defined encoding). With
    // `parse_special`, special-token text such as "<|eot_id|>" becomes that token's id;
    // without it, such text is encoded as plain text. `add_bos` prepends bos_id().
    virtual std::vector<int32_t> encode(std::string_view text, bool add_bos = false,
                                        bool parse_special = false) const = 0;
    // == encode(text).size(); may be faster.
    virtual size_t count(std::string_view text) const;

    // The text of `ids`, always valid UTF-8: ill-formed byte sequences (possible when a
    // token sequence is cut inside a character) become U+FFFD. Ids outside the vocabulary
    // are skipped. decode(encode(x)) == x for valid UTF-8 x.
    virtual std::string decode(std::span<const int32_t> ids) const = 0;

    // The piece as stored in the vocabulary ("Ġhello", "▁hello", "<|eot_id|>");
    // empty for an id outside the vocabulary.
    virtual std::string token_text(int32_t id) const = 0;
    // The bytes the token adds to decoded text in the middle of a sequence (may be part of
    // a UTF-8 character; empty for control tokens that decode to nothing).
    virtual std::string token_bytes(int32_t id) const = 0;
    // The bytes the token adds when it is the first to add any (SentencePiece drops the
    // dummy-prefix space there); decode() is the concatenation of these, made valid UTF-8.
    virtual std::string leading_token_bytes(int32_t id) const { return token_bytes(id); }
    // The id of a vocabulary piece or special token given its text ("<|eot_id|>", "<s>").
    virtual std::optional<int32_t> token_id(std::string_view piece) const = 0;
    virtual bool is_special(int32_t id) const = 0;

    TokenizerKind kind() const { return kind_; }
    int32_t n_vocab() const { return n_vocab_; }
    int32_t bos_id() const { return bos_id_; }  // -1 when the vocabulary has none
    int32_t eos_id() const { return eos_id_; }  // -1 when the vocabulary has none
    // Tokens that end a turn in generation (eos, eot, eom), without duplicates.
    std::vector<int32_t> stop_ids() const { return stop_ids_; }
    // The model's Jinja chat template as shipped (GGUF `tokenizer.chat_template` or
    // tokenizer_config.json `chat_template`); empty when none.
    const std::string& chat_template() const { return chat_template_; }
    // True when decoding drops the space the encoder put before the first word
    // (SentencePiece's dummy prefix).
    bool strips_leading_space() const { return strips_leading_space_; }

protected:
    TokenizerKind kind_ = TokenizerKind::ByteLevelBpe;
    int32_t n_vocab_ = 0;
    int32_t bos_id_ = -1;
    int32_t eos_id_ = -1;
    std::vector<int32_t> stop_ids_;
    std::string chat_template_;
    bool strips_leading_space_ = false;
};

// Turns generated ids into text as they come, emitting only whole UTF-8 characters:
// the concatenation of every feed() and the final flush() equals tokenizer.decode(ids).
// Byte-fallback tokens and byte-level pieces that split a character are held back until
// the character completes. Not thread-safe; one per generation.
class StreamingDetokenizer {
public:
    explicit StreamingDetokenizer(const Tokenizer& tokenizer) : tokenizer_(&tokenizer) {}

    // The complete characters that `id` finishes (possibly empty).
    std::string feed(int32_t id);
    // What is still held back, with an unfinished character as U+FFFD; then resets.
    std::string flush();
    void reset();

private:
    std::string drain(bool final);

    const Tokenizer* tokenizer_;
    std::string pending_;  // bytes not yet emitted (at most an incomplete character + new)
    bool at_start_ = true;
};

// Text as the tokenizer and the store take it: `bytes` with each ill-formed UTF-8 sequence
// replaced by U+FFFD, so the result is always valid UTF-8 (unchanged when it already was).
// (Whether text is valid UTF-8 to begin with: ingest::is_valid_utf8.)
std::string valid_utf8(std::string_view bytes);

}  // namespace lectern
