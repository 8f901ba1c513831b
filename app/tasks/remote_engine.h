// The tasks' engine on an OpenAI-compatible server (app/remote/openai_endpoint.h), for
// models too large for this machine. The prompt is rendered and counted here with a local
// copy of the model's tokenizer and sent as token ids to /v1/completions: the server reads
// exactly the prompt the packing counted, so the packing, the citations and the checkpoints
// are those of the local engine, and a server with a prefix cache (vLLM's, Lectern's) serves
// follow-ups from it since the documents come first. The server's usage is checked against
// what was sent: a server that read fewer tokens truncated the prompt, and says so.
#pragma once

#include <memory>
#include <string>
#include <utility>

#include "local_engine.h"
#include "openai_endpoint.h"
#include "task_engine.h"

namespace lectern::app {

struct RemoteOptions {
    remote::EndpointConfig endpoint;
    // The model's tokenizer on this machine: a GGUF file, a Hugging Face folder or a
    // tokenizer.json of the same model.
    std::string tokenizerPath;
    std::int64_t nCtx = 0;  // 0: the server's context (max_model_len)
    // When endpoint.apiKey is empty: the file holding the key, else $OPENAI_API_KEY.
    std::string apiKeyFile;
};

class RemoteEngine : public TaskEngine {
public:
    // Discovers the endpoint, loads the tokenizer and checks it is the server's
    // (checkTokenizer). Errors: those of OpenAiEndpoint::discover and Tokenizer::load, and
    // of checkTokenizer; InvalidArgument when no tokenizer is
    // given, or the context is neither given nor told by the server, or larger than the
    // server's.
    static Result<std::unique_ptr<RemoteEngine>> open(RemoteOptions options);

    const Tokenizer& tokenizer() const override { return *m_tokenizer; }
    std::int64_t nCtx() const override { return m_nCtx; }
    const std::string& modelId() const override { return m_modelId; }
    std::string modelName() const override;
    Result<std::vector<std::int32_t>> renderChat(std::span<const ChatMessage> messages,
                                                 bool addGenerationPrompt) const override;
    // Streams the completion of `prompt` (its ids) from the server. GenerateStats::tokens
    // holds one -1 per token the server says it generated (it sends text, not ids).
    // Errors: those of OpenAiEndpoint::streamChat; Io when the server read fewer prompt
    // tokens than were sent (it truncated the prompt).
    // A prompt the server refuses as longer than its context, naming a limit below nCtx(),
    // makes that limit nCtx() (contextShrank() then says so, once).
    Result<GenerateStats> complete(std::span<const std::int32_t> prompt, const GenerateRequest& request) override;
    bool contextShrank() override { return std::exchange(m_shrank, false); }

    const remote::EndpointInfo& info() const { return m_info; }
    // Whether `tokenizer` is the server's: its ids of a test sentence against /tokenize's,
    // or where there is none, their count against the server's usage of it as a prompt
    // (one token generated). InvalidArgument, naming both counts, when not.
    static Status checkTokenizer(const remote::OpenAiEndpoint& endpoint, const remote::EndpointInfo& info,
                                 const Tokenizer& tokenizer, const std::string& path);

private:
    RemoteEngine() = default;

    RemoteOptions m_options;
    std::unique_ptr<remote::OpenAiEndpoint> m_endpoint;
    remote::EndpointInfo m_info;
    std::unique_ptr<Tokenizer> m_tokenizer;
    ChatTemplateKind m_chatKind = ChatTemplateKind::Llama3;
    std::int64_t m_nCtx = 0;
    bool m_shrank = false;
    std::string m_modelId;
};

}  // namespace lectern::app
