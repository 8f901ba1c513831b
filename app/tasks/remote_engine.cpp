// RemoteEngine (see remote_engine.h).
#include "remote_engine.h"

#include <chrono>

#include "api_key_file.h"

namespace lectern::app {

namespace {

Error notTheServersTokenizer(const std::string& path, std::size_t here, std::int64_t there, const std::string& how) {
    return make_error(ErrorCode::InvalidArgument,
                      "the tokenizer given (" + path + ") is not the one of the server's model: it makes " +
                          std::to_string(here) + " tokens of a test sentence, the server " + how +
                          std::to_string(there) + "; give --tokenizer the same model's GGUF file, folder or tokenizer.json",
                      path);
}

}  // namespace

Status RemoteEngine::checkTokenizer(const remote::OpenAiEndpoint& endpoint, const remote::EndpointInfo& info,
                                    const Tokenizer& tokenizer, const std::string& path) {
    // Words of several scripts: two different vocabularies all but never agree on them.
    static const std::string probe = "Lectern checks the tokenizer: naïve café, Straße, 東京, Привет мир, مرحبا, 12345.";
    const auto here = tokenizer.encode(probe);
    if (info.tokenizes) {
        auto ids = endpoint.tokenize(probe);
        if (ids && *ids == here) return {};
        if (ids) return notTheServersTokenizer(path, here.size(), static_cast<std::int64_t>(ids->size()),
                                               ids->size() == here.size() ? "as many but other ones: " : "makes ");
        if (ids.error().code != ErrorCode::Unsupported) return ids.error();
    }
    // No /tokenize: what its usage counts for the sentence as a prompt (its BOS, if it adds one).
    auto counted = endpoint.countPrompt(probe);
    if (!counted) return counted.error();
    const auto n = static_cast<std::int64_t>(here.size());
    if (*counted == n || *counted == n + 1) return {};
    return notTheServersTokenizer(path, here.size(), *counted, "counts ");
}

Result<std::unique_ptr<RemoteEngine>> RemoteEngine::open(RemoteOptions options) {
    if (options.tokenizerPath.empty())
        return make_error(ErrorCode::InvalidArgument,
                          "a remote model needs its tokenizer here (--tokenizer: the model's GGUF file, Hugging Face "
                          "folder or tokenizer.json), so that the documents are counted exactly");
    if (options.endpoint.apiKey.empty()) {
        auto key = remote::loadApiKey(options.apiKeyFile, "OPENAI_API_KEY");
        if (!key) return key.error();
        options.endpoint.apiKey = std::move(key.value());
    }
    std::unique_ptr<RemoteEngine> e(new RemoteEngine());
    e->m_endpoint = std::make_unique<remote::OpenAiEndpoint>(options.endpoint);
    auto info = e->m_endpoint->discover();
    if (!info) return info.error();
    e->m_info = std::move(info.value());
    // Every request names the model the server listed (vLLM requires the field).
    remote::EndpointConfig config = options.endpoint;
    config.model = e->m_info.model;
    e->m_endpoint = std::make_unique<remote::OpenAiEndpoint>(config);
    auto tokenizer = Tokenizer::load(options.tokenizerPath);
    if (!tokenizer) return tokenizer.error();
    e->m_tokenizer = std::move(tokenizer.value());
    e->m_chatKind = detect_chat_template(*e->m_tokenizer);
    LECTERN_TRY(checkTokenizer(*e->m_endpoint, e->m_info, *e->m_tokenizer, options.tokenizerPath));
    const std::int64_t served = e->m_info.maxModelLen;
    if (options.nCtx == 0 && served == 0)
        return make_error(ErrorCode::InvalidArgument, "the server does not say its context length: give --ctx",
                          options.endpoint.baseUrl);
    if (options.nCtx > 0 && served > 0 && options.nCtx > served)
        return make_error(ErrorCode::InvalidArgument,
                          "the server's context is " + std::to_string(served) + " tokens, less than the " +
                              std::to_string(options.nCtx) + " asked for",
                          options.endpoint.baseUrl);
    e->m_nCtx = options.nCtx > 0 ? options.nCtx : served;
    e->m_modelId = "remote:" + e->m_info.model + "@" + options.endpoint.baseUrl;
    e->m_options = std::move(options);
    return e;
}

std::string RemoteEngine::modelName() const { return m_info.model + " at " + m_options.endpoint.baseUrl; }

Result<std::vector<std::int32_t>> RemoteEngine::renderChat(std::span<const ChatMessage> messages,
                                                           bool addGenerationPrompt) const {
    return render_chat_ids(*m_tokenizer, m_chatKind, messages, addGenerationPrompt);
}

Result<GenerateStats> RemoteEngine::complete(std::span<const std::int32_t> prompt, const GenerateRequest& request) {
    if (prompt.empty()) return make_error(ErrorCode::InvalidArgument, "an empty prompt");
    m_shrank = false;
    const auto start = std::chrono::steady_clock::now();
    const auto ms = [&] {
        return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    };
    remote::ChatCall call;
    call.promptIds.assign(prompt.begin(), prompt.end());
    call.maxTokens = request.maxTokens;
    call.sampling = request.sampling;
    const auto total = static_cast<std::int64_t>(prompt.size());
    if (request.onPrefill) request.onPrefill(0, total);
    GenerateStats stats;
    stats.promptTokens = total;
    std::int64_t pieces = 0;
    std::int64_t limit = 0;
    auto r = m_endpoint->streamChat(
        call,
        [&](std::string_view text) {
            if (pieces++ == 0) {
                stats.firstTokenMs = ms();
                stats.prefillMs = stats.firstTokenMs;
                if (request.onPrefill) request.onPrefill(total, total);
            }
            stats.text += text;
            if (request.onText) request.onText(text);
            if (request.onDecode) request.onDecode(pieces, request.maxTokens);
        },
        request.cancel, &limit);
    if (!r && limit > 0 && limit < m_nCtx && pieces == 0) {
        m_nCtx = limit;
        m_shrank = true;
    }
    if (!r) {
        if (r.error().code != ErrorCode::Cancelled) return r.error();
        stats.cancelled = true;
        return stats;
    }
    if (r->promptTokens >= 0 && r->promptTokens < total)
        return make_error(ErrorCode::Io,
                          "the server read " + std::to_string(r->promptTokens) + " of the " + std::to_string(total) +
                              " prompt tokens sent: it truncated the prompt (its context is smaller than it says?)",
                          m_options.endpoint.baseUrl);
    stats.prefilledTokens = r->cachedTokens >= 0 ? total - r->cachedTokens : total;
    const std::int64_t generated = r->completionTokens >= 0 ? r->completionTokens : pieces;
    stats.tokens.assign(static_cast<std::size_t>(generated), -1);
    stats.reason = r->finish == remote::RemoteFinish::Length ? StopReason::MaxTokens : StopReason::StopToken;
    const double decodeMs = ms() - stats.firstTokenMs;
    if (generated > 1 && decodeMs > 0) stats.tokensPerS = static_cast<double>(generated - 1) * 1000.0 / decodeMs;
    return stats;
}

}  // namespace lectern::app
