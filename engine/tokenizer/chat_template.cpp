// Llama 3 and Llama 2 chat templates, rendered as text and as token ids. The text forms
// follow the published Jinja templates (Llama 3: content | trim; Llama 2: the system prompt
// folded into the first user turn); the Llama 2 ids follow Meta's reference chat_completion
// (each [INST] turn encoded with BOS, each answer closed by EOS).
#include "lectern/engine/chat_template.h"

#include "unicode.h"

namespace lectern {
namespace {

using tokenizer::codepoint_class;
using tokenizer::decode_utf8;

// Python's str.strip(), which Jinja's trim filter calls: White_Space and U+001C..U+001F.
bool is_py_space(uint32_t cp) {
    return (cp >= 0x1C && cp <= 0x1F) || (codepoint_class(cp) & tokenizer::kClassWhitespace);
}

std::string strip(std::string_view s) {
    size_t begin = 0, end = s.size();
    while (begin < end) {
        size_t len = 1;
        const uint32_t cp = decode_utf8(s, begin, len);
        if (cp == tokenizer::kInvalidCodepoint || !is_py_space(cp)) break;
        begin += len;
    }
    while (end > begin) {  // step back to the start of the last character
        size_t start = end - 1;
        while (start > begin && (static_cast<uint8_t>(s[start]) & 0xC0) == 0x80) --start;
        size_t len = 1;
        const uint32_t cp = decode_utf8(s, start, len);
        if (cp == tokenizer::kInvalidCodepoint || start + len != end || !is_py_space(cp)) break;
        end = start;
    }
    return std::string(s.substr(begin, end - begin));
}

struct Llama2Turn {
    std::string user;       // with the system prompt folded in, stripped
    std::string assistant;  // stripped
    bool answered = false;
};

Result<std::vector<Llama2Turn>> llama2_turns(std::span<const ChatMessage> messages) {
    size_t i = 0;
    std::string system;
    if (!messages.empty() && messages[0].role == "system") {
        system = messages[0].content;
        i = 1;
    }
    std::vector<Llama2Turn> turns;
    for (; i < messages.size(); ++i) {
        const bool want_user = turns.empty() || turns.back().answered;
        const std::string& role = messages[i].role;
        if (role != (want_user ? "user" : "assistant"))
            return make_error(ErrorCode::InvalidArgument, "Llama 2 chats alternate user and "
                              "assistant messages after an optional system message",
                              "message " + std::to_string(i) + " (" + role + ")");
        if (want_user) {
            std::string content = messages[i].content;
            if (turns.empty() && i == 1)
                content = "<<SYS>>\n" + system + "\n<</SYS>>\n\n" + content;
            turns.push_back(Llama2Turn{strip(content), {}, false});
        } else {
            turns.back().assistant = strip(messages[i].content);
            turns.back().answered = true;
        }
    }
    if (turns.empty()) return make_error(ErrorCode::InvalidArgument, "chat has no user message");
    return turns;
}

Status check_messages(std::span<const ChatMessage> messages) {
    if (messages.empty()) return make_error(ErrorCode::InvalidArgument, "chat has no messages");
    for (size_t i = 0; i < messages.size(); ++i)
        if (messages[i].role.empty())
            return make_error(ErrorCode::InvalidArgument, "chat message has no role",
                              "message " + std::to_string(i));
    return {};
}

Result<int32_t> special_id(const Tokenizer& tok, std::string_view text) {
    const auto id = tok.token_id(text);
    if (!id) return make_error(ErrorCode::UnsupportedModel,
                               "the vocabulary lacks the chat template's token " + std::string(text));
    return *id;
}

Result<std::vector<int32_t>> llama3_ids(const Tokenizer& tok, std::span<const ChatMessage> messages,
                                        bool add_generation_prompt) {
    const auto start = special_id(tok, "<|start_header_id|>");
    const auto end = special_id(tok, "<|end_header_id|>");
    const auto eot = special_id(tok, "<|eot_id|>");
    if (!start.ok()) return start.error();
    if (!end.ok()) return end.error();
    if (!eot.ok()) return eot.error();
    if (tok.bos_id() < 0) return make_error(ErrorCode::UnsupportedModel, "the vocabulary has no BOS token");
    std::vector<int32_t> ids{tok.bos_id()};
    auto append = [&](const std::vector<int32_t>& v) { ids.insert(ids.end(), v.begin(), v.end()); };
    auto header = [&](const std::string& role) {
        ids.push_back(*start);
        append(tok.encode(role));
        ids.push_back(*end);
    };
    for (const ChatMessage& m : messages) {
        header(m.role);
        append(tok.encode("\n\n" + strip(m.content)));
        ids.push_back(*eot);
    }
    if (add_generation_prompt) {
        header("assistant");
        append(tok.encode("\n\n"));
    }
    return ids;
}

Result<std::vector<int32_t>> llama2_ids(const Tokenizer& tok, std::span<const ChatMessage> messages) {
    auto turns = llama2_turns(messages);
    if (!turns.ok()) return turns.error();
    if (tok.bos_id() < 0 || tok.eos_id() < 0)
        return make_error(ErrorCode::UnsupportedModel, "the vocabulary lacks BOS or EOS");
    std::vector<int32_t> ids;
    for (const Llama2Turn& t : *turns) {
        std::string text = "[INST] " + t.user + " [/INST]";
        if (t.answered) text += " " + t.assistant + " ";
        const std::vector<int32_t> part = tok.encode(text, /*add_bos=*/true);
        ids.insert(ids.end(), part.begin(), part.end());
        if (t.answered) ids.push_back(tok.eos_id());
    }
    return ids;
}

}  // namespace

ChatTemplateKind detect_chat_template(std::string_view jinja, TokenizerKind family) {
    if (jinja.find("<|start_header_id|>") != std::string_view::npos) return ChatTemplateKind::Llama3;
    if (jinja.find("[INST]") != std::string_view::npos) return ChatTemplateKind::Llama2;
    return family == TokenizerKind::SentencePiece ? ChatTemplateKind::Llama2 : ChatTemplateKind::Llama3;
}

ChatTemplateKind detect_chat_template(const Tokenizer& tokenizer) {
    return detect_chat_template(tokenizer.chat_template(), tokenizer.kind());
}

Result<std::string> render_chat(ChatTemplateKind kind, std::span<const ChatMessage> messages,
                                bool add_generation_prompt) {
    LECTERN_TRY(check_messages(messages));
    std::string out;
    if (kind == ChatTemplateKind::Llama3) {
        out = "<|begin_of_text|>";
        for (const ChatMessage& m : messages)
            out += "<|start_header_id|>" + m.role + "<|end_header_id|>\n\n" + strip(m.content) + "<|eot_id|>";
        if (add_generation_prompt) out += "<|start_header_id|>assistant<|end_header_id|>\n\n";
        return out;
    }
    auto turns = llama2_turns(messages);
    if (!turns.ok()) return turns.error();
    for (const Llama2Turn& t : *turns) {
        out += "<s>[INST] " + t.user + " [/INST]";
        if (t.answered) out += " " + t.assistant + " </s>";
    }
    return out;
}

Result<std::vector<int32_t>> render_chat_ids(const Tokenizer& tokenizer, ChatTemplateKind kind,
                                             std::span<const ChatMessage> messages,
                                             bool add_generation_prompt) {
    LECTERN_TRY(check_messages(messages));
    if (kind == ChatTemplateKind::Llama3) return llama3_ids(tokenizer, messages, add_generation_prompt);
    return llama2_ids(tokenizer, messages);
}

Result<std::vector<int32_t>> render_chat_ids(const Tokenizer& tokenizer,
                                             std::span<const ChatMessage> messages,
                                             bool add_generation_prompt) {
    return render_chat_ids(tokenizer, detect_chat_template(tokenizer), messages, add_generation_prompt);
}

}  // namespace lectern
