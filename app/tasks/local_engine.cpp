// LocalEngine: model, tokenizer, counted backend and session (see local_engine.h).
#include "local_engine.h"

#include <algorithm>
#include <chrono>
#include <limits>
#include <thread>

#include "lectern/engine/backend_factory.h"
#include "lectern/engine/memory_plan.h"
#include "lectern/engine/model_info.h"
#include "lectern/engine/model_loader.h"
#include "lectern/engine/sampler.h"
#include "memory_choice.h"
#include "model_identity.h"

namespace lectern::app {
namespace {

double nowMs() {
    using namespace std::chrono;
    return duration<double, std::milli>(steady_clock::now().time_since_epoch()).count();
}

// Passes everything to the real backend and counts the tokens each forward pass runs.
class CountingBackend final : public Backend {
public:
    explicit CountingBackend(std::unique_ptr<Backend> inner) : m_inner(std::move(inner)) {}
    std::string name() const override { return m_inner->name(); }
    const ModelConfig& config() const override { return m_inner->config(); }
    Result<std::unique_ptr<SequenceState>> create_sequence(const SequenceOptions& o) override {
        return m_inner->create_sequence(o);
    }
    Status forward(SequenceState& sequence, std::span<const int32_t> tokens, int64_t pos0,
                   std::span<const int64_t> rows, float* logits,
                   const std::atomic<bool>* cancel) override {
        m_count += static_cast<std::int64_t>(tokens.size());
        return m_inner->forward(sequence, tokens, pos0, rows, logits, cancel);
    }
    void set_layer_observer(std::function<void(int64_t layer)> observer) override {
        m_inner->set_layer_observer(std::move(observer));
    }
    std::int64_t count() const { return m_count; }

private:
    std::unique_ptr<Backend> m_inner;
    std::int64_t m_count = 0;
};

}  // namespace

LocalEngine::~LocalEngine() {
    m_session.reset();  // before the backend it points to
}

Result<std::unique_ptr<LocalEngine>> LocalEngine::open(const EngineOptions& options, const ProgressFn& steps,
                                                       const std::atomic<bool>* cancel) {
    if (options.nCtx != 0 && options.nCtx < 16)
        return make_error(ErrorCode::InvalidArgument, "--ctx must be at least 16");
    std::int64_t step = 0;
    auto next = [&]() -> Status {
        if (steps) steps(step, kOpenSteps);
        ++step;
        if (cancel && cancel->load(std::memory_order_relaxed))
            return make_error(ErrorCode::Cancelled, "opening the model was cancelled");
        return {};
    };
    LECTERN_TRY(next());
    std::unique_ptr<LocalEngine> e(new LocalEngine());
    e->m_options = options;
    // Before anything large is mapped or allocated: what fits, on the backend that will run.
    // "auto" with a GPU too small for the model plans, and then runs, on the CPU.
    auto header = inspect_model_header(options.modelPath);
    if (!header) return header.error();
    std::string backend = resolve_backend_name(options.backend);
    if (Status planned = e->planMemory(header->config, header->weights_bytes, backend); !planned) {
        if (options.backend != "auto" || backend != "cuda" || planned.error().code != ErrorCode::OutOfDeviceMemory)
            return planned.error();
        const std::string why = "cpu: the GPU is too small (" + planned.error().message + ")";
        e->m_options = options;
        backend = "cpu";
        LECTERN_TRY(e->planMemory(header->config, header->weights_bytes, backend));
        e->m_backendReason = why;
    }
    auto id = modelIdentity(options.modelPath);
    if (!id) return id.error();
    e->m_modelId = *id;
    auto tokenizer = Tokenizer::load(options.modelPath);
    if (!tokenizer) return tokenizer.error();
    e->m_tokenizer = std::move(tokenizer.value());
    e->m_chatKind = detect_chat_template(*e->m_tokenizer);
    LECTERN_TRY(next());
    auto weights = load_model(options.modelPath);
    if (!weights) return weights.error();
    LECTERN_TRY(next());
    if (!e->m_options.activations)
        e->m_options.activations = default_cpu_activations(weights->layers.empty() ? DType::F32
                                                                                   : weights->layers[0].w_gate.type);
    // Keys and values computed with int8 activations differ from exact ones: their KV
    // snapshots are kept apart.
    if (*e->m_options.activations == CpuActivations::Int8) e->m_modelId += ":int8-activations";
    BackendOptions bo;
    bo.cpu.n_threads = options.threads;
    bo.cpu.activations = *e->m_options.activations;
    auto choice = make_backend(e->m_backendReason.empty() ? options.backend : backend,
                               std::make_shared<ModelWeights>(std::move(weights.value())), bo);
    if (!choice) return choice.error();
    if (backend == "cuda" && choice->backend->name() == "cpu") {
        // "auto" fell back to the CPU when the GPU did not start: plan again for the host.
        e->m_options.nCtx = options.nCtx;
        e->m_options.kvType = options.kvType;
        LECTERN_TRY(e->planMemory(header->config, header->weights_bytes, "cpu"));
    }
    e->m_contextChoice = (e->m_backendReason.empty() ? choice->reason : e->m_backendReason) + "; " +
                         e->m_contextChoice;
    e->m_backend = std::make_unique<CountingBackend>(std::move(choice->backend));
    if (options.onLayer) e->m_backend->set_layer_observer(options.onLayer);
    LECTERN_TRY(next());
    auto session = Session::create(*e->m_backend, {.n_ctx = e->m_options.nCtx,
                                                   .chunk = options.chunk,
                                                   .kv_type = *e->m_options.kvType});
    if (!session) return session.error();
    e->m_session = std::make_unique<Session>(std::move(session.value()));
    if (steps) steps(kOpenSteps, kOpenSteps);
    return e;
}

Status LocalEngine::planMemory(const ModelConfig& c, std::size_t weightBytes, const std::string& backend) {
    const bool device = backend == "cuda";
    MemoryAsk ask;
    ask.nCtx = m_options.nCtx;
    ask.kvType = m_options.kvType;
    ask.kind = device ? MemoryKind::Device : MemoryKind::Host;
    ask.threads = m_options.threads > 0 ? m_options.threads
                                        : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    ask.chunk = m_options.chunk;
    ask.ctxBeyondTraining = m_options.ctxBeyondTraining;
    const std::size_t available = m_options.availableMemory ? *m_options.availableMemory
                                  : device                  ? cuda_free_memory(0)
                                                            : available_host_memory();
    auto choice = chooseMemory(c, weightBytes, ask, available);
    if (!choice) return choice.error();
    m_options.nCtx = choice->nCtx;
    m_options.kvType = choice->kvType;
    m_contextChoice = choice->line;
    return {};
}

std::string LocalEngine::backendName() const { return m_backend->name(); }

std::int64_t LocalEngine::forwardedTokens() const {
    return static_cast<const CountingBackend&>(*m_backend).count();
}

Result<std::vector<std::int32_t>> LocalEngine::renderChat(std::span<const ChatMessage> messages,
                                                          bool addGenerationPrompt) const {
    return render_chat_ids(*m_tokenizer, m_chatKind, messages, addGenerationPrompt);
}

Result<std::int64_t> LocalEngine::setContent(std::span<const std::int32_t> tokens,
                                             const ProgressFn& progress,
                                             const std::atomic<bool>* cancel) {
    Session& s = *m_session;
    const std::int64_t keep = s.common_prefix(tokens);
    LECTERN_TRY(s.truncate(keep));
    const auto rest = tokens.subspan(static_cast<size_t>(keep));
    if (rest.empty()) return std::int64_t{0};
    PrefillOptions po;
    po.progress = progress;
    po.cancel = cancel;
    const std::int64_t before = forwardedTokens();
    auto r = s.prefill(rest, po);
    if (!r) return r.error();
    return forwardedTokens() - before;
}

Result<GenerateStats> LocalEngine::complete(std::span<const std::int32_t> prompt,
                                            const GenerateRequest& request) {
    if (prompt.empty()) return make_error(ErrorCode::InvalidArgument, "an empty prompt");
    const double start = nowMs();
    // At least the last prompt token is run again: its logits choose the first answer token.
    const std::int64_t keep = std::min<std::int64_t>(m_session->common_prefix(prompt),
                                                     static_cast<std::int64_t>(prompt.size()) - 1);
    LECTERN_TRY(m_session->truncate(keep));
    GenerateStats stats;
    stats.promptTokens = static_cast<std::int64_t>(prompt.size());
    auto n = setContent(prompt, request.onPrefill, request.cancel);
    if (!n) {
        if (n.error().code != ErrorCode::Cancelled) return n.error();
        stats.cancelled = true;
        return stats;
    }
    stats.prefilledTokens = *n;
    stats.prefillMs = nowMs() - start;
    return decodeAnswer(std::move(stats), request, start);
}

Result<GenerateStats> LocalEngine::continueWith(std::span<const std::int32_t> tokens,
                                                const GenerateRequest& request) {
    if (tokens.empty()) return make_error(ErrorCode::InvalidArgument, "nothing to add");
    const double start = nowMs();
    GenerateStats stats;
    stats.promptTokens = m_session->n_past() + static_cast<std::int64_t>(tokens.size());
    const std::int64_t before = forwardedTokens();
    PrefillOptions po;
    po.progress = request.onPrefill;
    po.cancel = request.cancel;
    auto r = m_session->prefill(tokens, po);
    stats.prefilledTokens = forwardedTokens() - before;
    if (!r) {
        if (r.error().code != ErrorCode::Cancelled) return r.error();
        stats.cancelled = true;
        return stats;
    }
    stats.prefillMs = nowMs() - start;
    return decodeAnswer(std::move(stats), request, start);
}

namespace {

// Where the request's stop strings end an answer, and how much of it can be streamed
// without giving away the start of one.
class StopStringScan {
public:
    explicit StopStringScan(const std::vector<std::string>& stops) {
        for (const std::string& s : stops)
            if (!s.empty()) m_stops.push_back(s);
    }
    // The earliest stop string in `text` that ends past byte `from` (what was streamed is
    // final), or npos.
    std::size_t find(const std::string& text, std::size_t from) const {
        std::size_t best = std::string::npos;
        for (const std::string& s : m_stops) {
            const std::size_t start = from >= s.size() ? from - s.size() + 1 : 0;
            const std::size_t at = text.find(s, start);
            if (at != std::string::npos && at < best) best = at;
        }
        return best;
    }
    // The end of what may be streamed: all of `text` but a tail that begins a stop string.
    std::size_t safeEnd(const std::string& text, std::size_t from) const {
        std::size_t end = text.size();
        for (const std::string& s : m_stops) {
            for (std::size_t n = std::min(s.size() - 1, text.size() - from); n > 0; --n) {
                if (text.compare(text.size() - n, n, s, 0, n) == 0) {
                    end = std::min(end, text.size() - n);
                    break;
                }
            }
        }
        return end;
    }

private:
    std::vector<std::string> m_stops;
};

}  // namespace

Result<GenerateStats> LocalEngine::decodeAnswer(GenerateStats stats, const GenerateRequest& request,
                                                double startMs) {
    Sampler sampler(request.sampling);
    StreamingDetokenizer detok(*m_tokenizer);
    const auto stops = request.ignoreEos ? std::vector<std::int32_t>{} : stopIds();
    GenerateOptions go;
    go.max_tokens = request.maxTokens;
    go.stop_ids = stops;
    go.cancel = request.cancel;
    const double decodeStart = nowMs();
    StopStringScan scan(request.stopStrings);
    std::size_t sent = 0;  // bytes of stats.text given to onText
    // Appends decoded text; false once a stop string has ended the answer.
    auto add = [&](const std::string& piece, bool last) {
        stats.text += piece;
        std::size_t upto = stats.text.size();
        bool go_on = true;
        if (const std::size_t at = scan.find(stats.text, sent); at != std::string::npos) {
            stats.text.resize(at);
            upto = at;
            stats.stopString = true;
            go_on = false;
        } else if (!last) {
            upto = scan.safeEnd(stats.text, sent);
        }
        if (request.onText && upto > sent) request.onText(std::string_view(stats.text).substr(sent, upto - sent));
        sent = std::max(sent, upto);
        return go_on;
    };
    go.on_token = [&](int32_t token, std::span<const float>) {
        if (stats.tokens.empty()) stats.firstTokenMs = nowMs() - startMs;
        stats.tokens.push_back(token);
        bool go_on = true;
        const bool stop = std::find(stops.begin(), stops.end(), token) != stops.end();
        if (!stop && !m_tokenizer->is_special(token)) go_on = add(detok.feed(token), false);
        if (request.onDecode) request.onDecode(static_cast<std::int64_t>(stats.tokens.size()), request.maxTokens);
        return go_on;
    };
    auto g = generate(*m_session, {}, sampler, go);
    if (!stats.stopString) add(detok.flush(), true);
    const double decodeMs = nowMs() - decodeStart;
    if (stats.tokens.size() > 1 && decodeMs > 0)
        stats.tokensPerS = static_cast<double>(stats.tokens.size() - 1) * 1000.0 / decodeMs;
    if (!g) {
        if (g.error().code != ErrorCode::Cancelled) return g.error();
        stats.cancelled = true;
        return stats;
    }
    stats.reason = g->reason;
    return stats;
}

}  // namespace lectern::app
