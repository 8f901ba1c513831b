// Reading tokenizer descriptions into the specs the tokenizers are built from:
// Hugging Face tokenizer.json (+ tokenizer_config.json) and GGUF `tokenizer.ggml.*`.
#pragma once

#include <string>
#include <string_view>

#include "bpe_tokenizer.h"
#include "gguf/gguf_file.h"
#include "lectern/engine/result.h"

namespace lectern::tokenizer {

// The Llama 3 pre-tokenizer pattern as tokenizer.json spells it.
extern const char* const kLlama3Pattern;

// Parses a tokenizer.json (byte-level BPE with the Llama 3 pre-tokenizer). `config_json`
// is the tokenizer_config.json text or empty; it supplies bos/eos and the chat template.
// Errors: Corrupt (bad JSON, missing fields), UnsupportedModel (another model type or
// pre-tokenizer).
Result<BpeSpec> parse_tokenizer_json(std::string_view json, std::string_view config_json,
                                     const std::string& context);

// The chat template of a tokenizer_config.json text ("" when none or not JSON).
std::string chat_template_from_config(std::string_view config_json);

// A GGUF vocabulary of model `gpt2` (pre `llama-bpe` or `llama3`/`default`-compatible).
Result<BpeSpec> bpe_spec_from_gguf(const gguf::File& file);

// A GGUF vocabulary of model `llama` as a serialized SentencePiece ModelProto (BPE with
// byte fallback, identity normalization, dummy prefix), for libsentencepiece.
Result<std::string> spm_proto_from_gguf(const gguf::File& file);

}  // namespace lectern::tokenizer
