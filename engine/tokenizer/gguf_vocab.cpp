// GGUF `tokenizer.ggml.*` -> the specs Lectern's tokenizers are built from.
// `gpt2` vocabularies become a BpeSpec (pieces in the byte-level alphabet, merges as "a b"
// strings, control/user-defined tokens special). `llama` (SentencePiece) vocabularies become a
// serialized sentencepiece ModelProto, written field by field in protobuf's wire format, so
// libsentencepiece encodes them exactly as it encodes the tokenizer.model they came from.
#include "vocab_sources.h"

#include <algorithm>
#include <cstring>

namespace lectern::tokenizer {
namespace {

// GGUF token types (llama.cpp's, equal to sentencepiece's ModelProto.SentencePiece.Type).
enum TokenType : int64_t {
    kNormal = 1, kUnknown = 2, kControl = 3, kUserDefined = 4, kUnused = 5, kByte = 6,
};

int32_t opt_id(const gguf::File& f, const char* key) {
    const auto v = f.get_int(key);
    return v ? static_cast<int32_t>(*v) : -1;
}

Result<std::vector<int64_t>> token_types(const gguf::File& f, size_t n) {
    auto types = f.get_int_array("tokenizer.ggml.token_type");
    if (!types) return std::vector<int64_t>(n, kNormal);
    if (types->size() != n)
        return make_error(ErrorCode::Corrupt, "tokenizer.ggml.token_type has " +
                          std::to_string(types->size()) + " entries for " + std::to_string(n) +
                          " tokens", f.path());
    return std::move(*types);
}

// Protobuf wire format, just what a ModelProto needs.
void put_varint(std::string& out, uint64_t v) {
    while (v >= 0x80) {
        out.push_back(static_cast<char>((v & 0x7F) | 0x80));
        v >>= 7;
    }
    out.push_back(static_cast<char>(v));
}
void put_tag(std::string& out, uint32_t field, uint32_t wire) { put_varint(out, (field << 3) | wire); }
void put_bytes(std::string& out, uint32_t field, std::string_view s) {
    put_tag(out, field, 2);
    put_varint(out, s.size());
    out.append(s);
}
void put_int(std::string& out, uint32_t field, int64_t v) {
    put_tag(out, field, 0);
    put_varint(out, static_cast<uint64_t>(v));  // negative int32: ten-byte two's complement
}
void put_float(std::string& out, uint32_t field, float v) {
    put_tag(out, field, 5);
    char b[4];
    std::memcpy(b, &v, 4);  // little-endian hosts only, as the rest of Lectern
    out.append(b, 4);
}

}  // namespace

Result<BpeSpec> bpe_spec_from_gguf(const gguf::File& f) {
    BpeSpec spec;
    spec.context = f.path();
    const std::vector<std::string>* tokens = f.get_string_array("tokenizer.ggml.tokens");
    const std::vector<std::string>* merges = f.get_string_array("tokenizer.ggml.merges");
    if (tokens == nullptr || merges == nullptr)
        return make_error(ErrorCode::Corrupt, "GGUF gpt2 vocabulary lacks tokens or merges", f.path());
    const std::string pre = f.get_string("tokenizer.ggml.pre").value_or("");
    const bool llama3 = pre == "llama-bpe" || pre == "llama3" || pre == "llama-v3" ||
                        (pre.empty() && tokens->size() > 128000 &&
                         (*tokens)[128000] == "<|begin_of_text|>");
    if (!llama3)
        return make_error(ErrorCode::UnsupportedModel, "GGUF pre-tokenizer \"" + pre +
                          "\" is not supported (Lectern handles Llama 3's \"llama-bpe\")", f.path());
    auto types = token_types(f, tokens->size());
    if (!types.ok()) return types.error();
    spec.pieces = *tokens;
    spec.special.assign(tokens->size(), false);
    for (size_t i = 0; i < tokens->size(); ++i)
        spec.special[i] = (*types)[i] == kControl || (*types)[i] == kUserDefined;
    spec.merges.reserve(merges->size());
    for (const std::string& m : *merges) {
        const size_t sp = m.find(' ');
        if (sp == std::string::npos || sp == 0 || sp + 1 == m.size())
            return make_error(ErrorCode::Corrupt, "malformed merge \"" + m + "\"", f.path());
        spec.merges.emplace_back(m.substr(0, sp), m.substr(sp + 1));
    }
    spec.ignore_merges = true;  // Llama 3's pipeline (tokenizer.json "ignore_merges": true)
    spec.bos_id = opt_id(f, "tokenizer.ggml.bos_token_id");
    spec.eos_id = opt_id(f, "tokenizer.ggml.eos_token_id");
    spec.stop_ids = {spec.eos_id, opt_id(f, "tokenizer.ggml.eot_token_id"),
                     opt_id(f, "tokenizer.ggml.eom_token_id")};
    spec.chat_template = f.get_string("tokenizer.chat_template").value_or("");
    return spec;
}

Result<std::string> spm_proto_from_gguf(const gguf::File& f) {
    const std::vector<std::string>* tokens = f.get_string_array("tokenizer.ggml.tokens");
    const auto scores = f.get_float_array("tokenizer.ggml.scores");
    if (tokens == nullptr || !scores || scores->size() != tokens->size())
        return make_error(ErrorCode::Corrupt,
                          "GGUF llama vocabulary lacks tokens or one score per token", f.path());
    auto types = token_types(f, tokens->size());
    if (!types.ok()) return types.error();
    std::string proto;
    bool has_bytes = false, has_unknown = false;
    for (size_t i = 0; i < tokens->size(); ++i) {
        int64_t type = (*types)[i];
        if (type < kNormal || type > kByte) type = kNormal;
        has_bytes |= type == kByte;
        has_unknown |= type == kUnknown;
        std::string piece;
        put_bytes(piece, 1, (*tokens)[i]);
        put_float(piece, 2, (*scores)[i]);
        put_int(piece, 3, type);
        put_bytes(proto, 1, piece);
    }
    if (!has_unknown)
        return make_error(ErrorCode::Corrupt, "GGUF llama vocabulary has no unknown token", f.path());
    auto piece_at = [&](const char* key, const char* fallback) -> std::string {
        const int32_t id = opt_id(f, key);
        return (id >= 0 && static_cast<size_t>(id) < tokens->size()) ? (*tokens)[static_cast<size_t>(id)]
                                                                     : std::string(fallback);
    };
    std::string trainer;
    put_int(trainer, 3, 2);  // model_type: BPE
    put_int(trainer, 4, static_cast<int64_t>(tokens->size()));
    put_int(trainer, 35, has_bytes ? 1 : 0);  // byte_fallback
    put_int(trainer, 40, std::max(opt_id(f, "tokenizer.ggml.unknown_token_id"), int32_t{0}));
    put_int(trainer, 41, opt_id(f, "tokenizer.ggml.bos_token_id"));
    put_int(trainer, 42, opt_id(f, "tokenizer.ggml.eos_token_id"));
    put_int(trainer, 43, -1);  // pad_id: none
    put_bytes(trainer, 45, piece_at("tokenizer.ggml.unknown_token_id", "<unk>"));
    put_bytes(trainer, 46, piece_at("tokenizer.ggml.bos_token_id", "<s>"));
    put_bytes(trainer, 47, piece_at("tokenizer.ggml.eos_token_id", "</s>"));
    put_bytes(proto, 2, trainer);
    std::string normalizer;
    put_bytes(normalizer, 1, "identity");
    put_int(normalizer, 3, f.get_bool("tokenizer.ggml.add_space_prefix").value_or(true) ? 1 : 0);
    put_int(normalizer, 4, f.get_bool("tokenizer.ggml.remove_extra_whitespaces").value_or(false) ? 1 : 0);
    put_int(normalizer, 5, 1);  // escape_whitespaces: ' ' -> U+2581
    put_bytes(proto, 3, normalizer);
    return proto;
}

}  // namespace lectern::tokenizer
