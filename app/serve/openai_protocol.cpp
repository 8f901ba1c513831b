// The API's JSON (see openai_protocol.h). Requests are read field by field with their types
// checked, so a wrong type is a 400 naming the field, never an exception.
#include "openai_protocol.h"

#include <nlohmann/json.hpp>

namespace lectern::app::serve {
namespace {

using json = nlohmann::json;

ApiError bad(std::string message, std::string param = {}) {
    ApiError e;
    e.message = std::move(message);
    e.param = std::move(param);
    return e;
}

std::optional<ApiError> parseObject(const std::string& body, json& j) {
    if (nestedDeeperThan(body, 64)) return bad("the request body is nested too deeply");
    j = json::parse(body, nullptr, false);
    if (j.is_discarded()) return bad("the request body is not valid JSON");
    if (!j.is_object()) return bad("the request body must be a JSON object");
    return std::nullopt;
}

// The text of a message's content: a string, or a list of text parts.
std::optional<ApiError> contentText(const json& content, std::string& out) {
    if (content.is_null()) return std::nullopt;
    if (content.is_string()) {
        out = content.get<std::string>();
        return std::nullopt;
    }
    if (!content.is_array()) return bad("a message's content must be a string or a list of parts", "messages");
    for (const json& part : content) {
        const bool text = part.is_object() && part.contains("type") && part["type"] == "text" && part.contains("text") &&
                          part["text"].is_string();
        if (!text) return bad("only text parts are supported in a message's content", "messages");
        out += part["text"].get<std::string>();
    }
    return std::nullopt;
}

std::optional<ApiError> parseMessages(const json& j, std::vector<ChatMessage>& out) {
    if (!j.is_array() || j.empty()) return bad("'messages' must be a non-empty list", "messages");
    for (const json& m : j) {
        if (!m.is_object() || !m.contains("role") || !m["role"].is_string())
            return bad("each message needs a 'role' string", "messages");
        ChatMessage message;
        message.role = m["role"].get<std::string>();
        if (message.role == "developer") message.role = "system";  // the newer name for it
        if (message.role != "system" && message.role != "user" && message.role != "assistant" && message.role != "tool")
            return bad("unknown message role '" + message.role + "'", "messages");
        if (m.contains("content"))
            if (auto e = contentText(m["content"], message.content)) return e;
        out.push_back(std::move(message));
    }
    return std::nullopt;
}

// A number field, checked to lie in [lo, hi]; absent or null keeps `value`. An integer
// field (T integral) takes integers only.
template <class T>
std::optional<ApiError> number(const json& j, const char* name, T& value, double lo, double hi) {
    auto it = j.find(name);
    if (it == j.end() || it->is_null()) return std::nullopt;
    if (std::is_integral_v<T> && !it->is_number_integer())
        return bad(std::string("'") + name + "' must be an integer", name);
    if (!it->is_number()) return bad(std::string("'") + name + "' must be a number", name);
    const double v = it->get<double>();
    if (!(v >= lo && v <= hi))
        return bad(std::string("'") + name + "' must be between " + json(lo).dump() + " and " + json(hi).dump(), name);
    value = static_cast<T>(v);
    return std::nullopt;
}

std::optional<ApiError> parseSampling(const json& j, GenerationCall& out) {
    SamplerOptions& s = out.request.sampling;
    s.temperature = 1.0f;  // the API's default
    if (auto e = number(j, "temperature", s.temperature, 0.0, 2.0)) return e;
    if (auto e = number(j, "top_p", s.top_p, 0.0, 1.0)) return e;
    if (auto e = number(j, "top_k", s.top_k, -1.0, 1e6)) return e;
    if (s.top_k < 0) s.top_k = 0;  // vLLM's -1: off
    if (auto e = number(j, "min_p", s.min_p, 0.0, 1.0)) return e;
    if (auto e = number(j, "repetition_penalty", s.repeat_penalty, 0.01, 10.0)) return e;
    if (auto e = number(j, "repeat_penalty", s.repeat_penalty, 0.01, 10.0)) return e;  // llama.cpp's name
    for (const char* name : {"frequency_penalty", "presence_penalty"}) {
        double v = 0;
        if (auto e = number(j, name, v, -2.0, 2.0)) return e;
        if (v != 0) return bad(std::string("'") + name + "' is not supported; use 'repetition_penalty'", name);
    }
    if (j.contains("seed") && !j["seed"].is_null()) {
        if (!j["seed"].is_number_integer()) return bad("'seed' must be an integer", "seed");
        s.seed = static_cast<std::uint64_t>(j["seed"].get<std::int64_t>());
        out.seeded = true;
    }
    return std::nullopt;
}

std::optional<ApiError> parseStop(const json& j, std::vector<std::string>& out) {
    auto it = j.find("stop");
    if (it == j.end() || it->is_null()) return std::nullopt;
    if (it->is_string()) {
        out.push_back(it->get<std::string>());
        return std::nullopt;
    }
    if (!it->is_array() || it->size() > 16) return bad("'stop' must be a string or a list of up to 16 strings", "stop");
    for (const json& s : *it) {
        if (!s.is_string()) return bad("'stop' must hold strings", "stop");
        out.push_back(s.get<std::string>());
    }
    return std::nullopt;
}

// A completion's prompt: text, token ids, or a list of one of either.
std::optional<ApiError> parsePrompt(const json& j, CompletionRequest& out) {
    auto it = j.find("prompt");
    if (it == j.end()) return bad("'prompt' is required", "prompt");
    json p = *it;
    if (p.is_array() && p.size() == 1 && (p[0].is_string() || p[0].is_array())) p = p[0];
    if (p.is_string()) {
        out.prompt = p.get<std::string>();
        if (out.prompt.empty()) return bad("the prompt is empty", "prompt");
        return std::nullopt;
    }
    if (p.is_array() && !p.empty()) {
        for (const json& id : p) {
            if (!id.is_number_integer()) return bad("'prompt' must be text or a list of token ids", "prompt");
            const auto v = id.get<std::int64_t>();
            if (v < 0 || v > INT32_MAX) return bad("token id " + std::to_string(v) + " is out of range", "prompt");
            out.promptIds.push_back(static_cast<std::int32_t>(v));
        }
        return std::nullopt;
    }
    return bad("'prompt' must be text or a list of token ids (one prompt per request)", "prompt");
}

// Text the model wrote is valid UTF-8; anything else is replaced rather than thrown on.
std::string dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

json choiceBase(bool chat) {
    json c = {{"index", 0}, {"logprobs", nullptr}, {"finish_reason", nullptr}};
    if (!chat) c["text"] = "";
    return c;
}

json chunkBase(const ResponseIds& ids, bool chat) {
    return {{"id", ids.id}, {"object", chat ? "chat.completion.chunk" : "text_completion"}, {"created", ids.created},
            {"model", ids.model}};
}

}  // namespace

std::string errorBody(const ApiError& error) {
    json e = {{"message", error.message}, {"type", error.type}, {"param", nullptr}, {"code", nullptr}};
    if (!error.param.empty()) e["param"] = error.param;
    if (!error.code.empty()) e["code"] = error.code;
    return dump(json{{"error", e}});
}

bool nestedDeeperThan(const std::string& body, int maxDepth) {
    int depth = 0;
    bool inString = false, escaped = false;
    for (const char c : body) {
        if (inString) {
            if (escaped) escaped = false;
            else if (c == '\\') escaped = true;
            else if (c == '"') inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            if (++depth > maxDepth) return true;
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return false;
}

std::optional<ApiError> parseGeneration(const std::string& body, bool chat, GenerationCall& out) {
    json j;
    if (auto e = parseObject(body, j)) return e;
    out.chat = chat;
    if (j.contains("model") && !j["model"].is_null()) {
        if (!j["model"].is_string()) return bad("'model' must be a string", "model");
        out.model = j["model"].get<std::string>();
    }
    if (chat) {
        if (!j.contains("messages")) return bad("'messages' is required", "messages");
        if (auto e = parseMessages(j["messages"], out.request.messages)) return e;
    } else if (auto e = parsePrompt(j, out.request)) {
        return e;
    }
    for (const char* name : {"max_tokens", "max_completion_tokens", "n_predict"})
        if (auto e = number(j, name, out.request.maxTokens, 1.0, 1e9)) return e;
    if (auto e = parseSampling(j, out)) return e;
    if (auto e = parseStop(j, out.request.stop)) return e;
    int n = 1;
    if (auto e = number(j, "n", n, 1.0, 128.0)) return e;
    if (n != 1) return bad("only n = 1 is supported", "n");
    if (j.contains("stream") && !j["stream"].is_null()) {
        if (!j["stream"].is_boolean()) return bad("'stream' must be a boolean", "stream");
        out.stream = j["stream"].get<bool>();
    }
    if (j.contains("ignore_eos") && !j["ignore_eos"].is_null()) {  // vLLM's and llama.cpp's extension
        if (!j["ignore_eos"].is_boolean()) return bad("'ignore_eos' must be a boolean", "ignore_eos");
        out.request.ignoreEos = j["ignore_eos"].get<bool>();
    }
    if (j.contains("stream_options") && !j["stream_options"].is_null()) {
        const json& o = j["stream_options"];
        if (!o.is_object()) return bad("'stream_options' must be an object", "stream_options");
        if (o.contains("include_usage") && !o["include_usage"].is_null()) {
            if (!o["include_usage"].is_boolean()) return bad("'include_usage' must be a boolean", "stream_options");
            out.includeUsage = o["include_usage"].get<bool>();
        }
    }
    const bool logprobs = j.contains("logprobs") && !j["logprobs"].is_null() && j["logprobs"] != false &&
                          j["logprobs"] != 0;
    if (logprobs) return bad("logprobs are not supported", "logprobs");
    for (const char* name : {"tools", "functions", "logit_bias"})
        if (j.contains(name) && !j[name].is_null() && !j[name].empty())
            return bad(std::string("'") + name + "' is not supported", name);
    if (j.contains("response_format") && j["response_format"].is_object() &&
        j["response_format"].contains("type") && j["response_format"]["type"] != "text")
        return bad("only the text response format is supported", "response_format");
    if (j.contains("echo") && j["echo"] == true) return bad("'echo' is not supported", "echo");
    if (j.contains("suffix") && j["suffix"].is_string() && !j["suffix"].get<std::string>().empty())
        return bad("'suffix' is not supported", "suffix");
    int bestOf = 1;
    if (auto e = number(j, "best_of", bestOf, 1.0, 128.0)) return e;
    if (bestOf != 1) return bad("only best_of = 1 is supported", "best_of");
    return std::nullopt;
}

std::optional<ApiError> parseTokenize(const std::string& body, TokenizeCall& out) {
    json j;
    if (auto e = parseObject(body, j)) return e;
    if (j.contains("messages")) {
        out.chat = true;
        return parseMessages(j["messages"], out.request.messages);
    }
    const char* field = j.contains("prompt") ? "prompt" : "content";
    if (!j.contains(field) || !j[field].is_string())
        return bad("give the text as 'prompt' (or 'content'), or a chat as 'messages'", field);
    out.request.prompt = j[field].get<std::string>();
    // vLLM's add_special_tokens, llama.cpp's add_special: whether BOS comes first (default yes).
    for (const char* name : {"add_special_tokens", "add_special"}) {
        if (!j.contains(name) || j[name].is_null()) continue;
        if (!j[name].is_boolean()) return bad(std::string("'") + name + "' must be a boolean", name);
        out.addSpecial = j[name].get<bool>();
    }
    return std::nullopt;
}

std::optional<ApiError> parseDetokenize(const std::string& body, std::vector<std::int32_t>& out) {
    json j;
    if (auto e = parseObject(body, j)) return e;
    if (!j.contains("tokens") || !j["tokens"].is_array()) return bad("'tokens' must be a list of token ids", "tokens");
    for (const json& id : j["tokens"]) {
        if (!id.is_number_integer()) return bad("'tokens' must be a list of token ids", "tokens");
        const auto v = id.get<std::int64_t>();
        if (v < 0 || v > INT32_MAX) return bad("token id " + std::to_string(v) + " is out of range", "tokens");
        out.push_back(static_cast<std::int32_t>(v));
    }
    return std::nullopt;
}

std::string finishName(FinishReason finish) { return finish == FinishReason::Length ? "length" : "stop"; }

std::string usageJson(const CompletionResult& r) {
    return json{{"prompt_tokens", r.promptTokens},
                {"completion_tokens", r.completionTokens},
                {"total_tokens", r.promptTokens + r.completionTokens},
                {"prompt_tokens_details", {{"cached_tokens", r.cachedTokens}}}}
        .dump();  // numbers only
}

std::string completionBody(const ResponseIds& ids, bool chat, const CompletionResult& r) {
    json choice = choiceBase(chat);
    choice["finish_reason"] = finishName(r.finish);
    if (chat) choice["message"] = {{"role", "assistant"}, {"content", r.text}};
    else choice["text"] = r.text;
    json body = {{"id", ids.id}, {"object", chat ? "chat.completion" : "text_completion"}, {"created", ids.created},
                 {"model", ids.model}, {"choices", json::array({choice})}, {"usage", json::parse(usageJson(r))}};
    return dump(body);
}

std::string roleChunk(const ResponseIds& ids) {
    json choice = choiceBase(true);
    choice["delta"] = {{"role", "assistant"}, {"content", ""}};
    json c = chunkBase(ids, true);
    c["choices"] = json::array({choice});
    return dump(c);
}

std::string textChunk(const ResponseIds& ids, bool chat, const std::string& text) {
    json choice = choiceBase(chat);
    if (chat) choice["delta"] = {{"content", text}};
    else choice["text"] = text;
    json c = chunkBase(ids, chat);
    c["choices"] = json::array({choice});
    return dump(c);
}

std::string finishChunk(const ResponseIds& ids, bool chat, FinishReason finish) {
    json choice = choiceBase(chat);
    if (chat) choice["delta"] = json::object();
    choice["finish_reason"] = finishName(finish);
    json c = chunkBase(ids, chat);
    c["choices"] = json::array({choice});
    return dump(c);
}

std::string usageChunk(const ResponseIds& ids, bool chat, const CompletionResult& r) {
    json c = chunkBase(ids, chat);
    c["choices"] = json::array();
    c["usage"] = json::parse(usageJson(r));
    return dump(c);
}

std::string modelsBody(const std::string& model, std::int64_t created, std::int64_t maxModelLen) {
    json m = {{"id", model}, {"object", "model"}, {"created", created}, {"owned_by", "lectern"},
              {"max_model_len", maxModelLen}};
    return dump(json{{"object", "list"}, {"data", json::array({m})}});
}

std::string tokenizeBody(const std::vector<std::int32_t>& ids, std::int64_t maxModelLen) {
    return json{{"tokens", ids}, {"count", ids.size()}, {"max_model_len", maxModelLen}}.dump();
}

std::string detokenizeBody(const std::string& text) {
    // vLLM answers with "prompt", llama.cpp with "content".
    return dump(json{{"prompt", text}, {"content", text}});
}

ApiError contextExceeded(std::int64_t nCtx, std::int64_t promptTokens, std::int64_t maxTokens) {
    ApiError e;
    e.message = "This model's maximum context length is " + std::to_string(nCtx) + " tokens. However, you requested " +
                std::to_string(promptTokens + maxTokens) + " tokens (" + std::to_string(promptTokens) +
                " in the messages, " + std::to_string(maxTokens) + " in the completion). Please reduce the length " +
                "of the messages or completion.";
    e.param = "messages";
    e.code = "context_length_exceeded";
    return e;
}

}  // namespace lectern::app::serve
