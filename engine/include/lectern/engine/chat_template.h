// Chat templates of the Llama families: Llama 3 (header ids, <|eot_id|>) and Llama 2
// ([INST] ... [/INST], <<SYS>>). A template is recognized from the model's Jinja
// chat_template text, else from its tokenizer's family. Two renderings: text (what the
// model's Jinja template prints) and token ids, where the template's special tokens are ids
// and message text is encoded as plain text, so a message can never inject a special token.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "lectern/engine/result.h"
#include "lectern/engine/tokenizer.h"

namespace lectern {

struct ChatMessage {
    std::string role;     // "system", "user", "assistant" (Llama 3 also takes others, e.g. "ipython")
    std::string content;  // trimmed of surrounding whitespace when rendered, as the templates do
};

enum class ChatTemplateKind { Llama3, Llama2 };

// From the Jinja text ("<|start_header_id|>" -> Llama3, "[INST]" -> Llama2), else from the
// tokenizer's family (byte-level BPE -> Llama3, SentencePiece -> Llama2).
ChatTemplateKind detect_chat_template(std::string_view jinja, TokenizerKind family);
ChatTemplateKind detect_chat_template(const Tokenizer& tokenizer);

// The prompt as text. With add_generation_prompt, Llama 3 ends with the assistant header;
// Llama 2 prompts already end where the answer starts. Errors (InvalidArgument): no
// messages, an empty role, or for Llama 2 roles that do not alternate user/assistant after
// an optional leading system message.
Result<std::string> render_chat(ChatTemplateKind kind, std::span<const ChatMessage> messages,
                                bool add_generation_prompt);

// The prompt as token ids, BOS included. Errors: as render_chat, and UnsupportedModel when
// the vocabulary lacks the template's special tokens.
Result<std::vector<int32_t>> render_chat_ids(const Tokenizer& tokenizer, ChatTemplateKind kind,
                                             std::span<const ChatMessage> messages,
                                             bool add_generation_prompt);
Result<std::vector<int32_t>> render_chat_ids(const Tokenizer& tokenizer,
                                             std::span<const ChatMessage> messages,
                                             bool add_generation_prompt);

}  // namespace lectern
