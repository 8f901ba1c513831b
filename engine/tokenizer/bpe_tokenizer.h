// Llama 3 byte-level BPE: the Llama 3 pre-tokenizer, GPT-2's byte alphabet, merges applied
// by rank (lowest first, leftmost on ties), `ignore_merges` (a pre-token that is itself a
// vocabulary piece is one token) and special tokens. Built from a BpeSpec, which the
// tokenizer.json and GGUF loaders fill in.
#pragma once

#include <array>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "flat_tables.h"
#include "lectern/engine/tokenizer.h"
#include "special_tokens.h"

namespace lectern::tokenizer {

struct BpeSpec {
    // By id: the piece in the byte-level alphabet, or a special token's text as is; an
    // empty string for an unused id.
    std::vector<std::string> pieces;
    std::vector<bool> special;  // by id: matched as a whole by parse_special, never merged
    // In rank order, both sides in the byte-level alphabet.
    std::vector<std::pair<std::string, std::string>> merges;
    bool ignore_merges = true;
    int32_t bos_id = -1;
    int32_t eos_id = -1;
    std::vector<int32_t> stop_ids;  // eos/eot/eom as the model declares them
    std::string chat_template;
    std::string context;  // the file, for errors
};

class BpeTokenizer final : public Tokenizer {
public:
    // Errors (Corrupt): a piece outside the byte alphabet, a byte without a token, a merge
    // of unknown pieces or whose result is not in the vocabulary.
    static Result<std::unique_ptr<BpeTokenizer>> create(BpeSpec spec);

    BpeTokenizer(const BpeTokenizer&) = delete;
    BpeTokenizer& operator=(const BpeTokenizer&) = delete;

    std::vector<int32_t> encode(std::string_view text, bool add_bos = false,
                                bool parse_special = false) const override;
    size_t count(std::string_view text) const override;
    std::string decode(std::span<const int32_t> ids) const override;
    std::string token_text(int32_t id) const override;
    std::string token_bytes(int32_t id) const override;
    std::optional<int32_t> token_id(std::string_view piece) const override;
    bool is_special(int32_t id) const override;

    // BPE over the bytes of one pre-token, appending ids to `out` (no ignore_merges, no
    // cache). `force_heap` picks the O(n log n) path that long pre-tokens take. For tests.
    void merge_piece(std::string_view piece, std::vector<int32_t>& out, bool force_heap) const;

private:
    BpeTokenizer() = default;
    Status init(BpeSpec& spec);
    Status init_merges(const BpeSpec& spec);

    class EncodeCache;
    void encode_plain(std::string_view text, std::vector<int32_t>& out, EncodeCache& cache) const;
    void encode_pretoken(std::string_view piece, std::vector<int32_t>& out,
                         EncodeCache& cache) const;
    void merge_small(std::string_view piece, std::vector<int32_t>& out) const;
    void merge_heap(std::string_view piece, std::vector<int32_t>& out) const;

    std::vector<std::string> text_;   // by id: vocabulary form (byte alphabet or special text)
    std::vector<std::string> bytes_;  // by id: decoded bytes
    std::vector<bool> special_;
    std::vector<bool> mergeable_;     // by id: takes part in BPE (not special, not unused)
    std::array<int32_t, 256> byte_id_{};
    PieceTable by_bytes_;  // over bytes_ of mergeable tokens
    PieceTable by_text_;   // over text_ of every token
    MergeTable merges_;
    SpecialTokenMatcher specials_;
    bool ignore_merges_ = true;
};

}  // namespace lectern::tokenizer
