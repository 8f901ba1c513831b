// AppCore: jobs over the store and the engine, and the store queries (see app_core.h).
#include "app_core.h"

#include <algorithm>
#include <cstdio>
#include <thread>
#include <utility>

#include "citations.h"
#include "git_diff.h"
#include "memory_choice.h"
#include "lectern/engine/memory_plan.h"
#include "lectern/engine/model_info.h"
#include "lectern/engine/tokenizer.h"
#include "lectern/ingest/pdf.h"
#include "task_documents.h"

namespace lectern::app {
namespace {


// Reading paths inside a job: pages or files as Phase::Extract, Stop between them.
ingest::ReadControl readControl(JobContext& job) {
    ingest::ReadControl control;
    control.cancel = job.cancelFlag();
    control.progress = [&job](ingest::ReadUnit unit, std::int64_t done, std::int64_t total) {
        job.progress(Phase::Extract, unit == ingest::ReadUnit::Pages ? ProgressUnit::Pages : ProgressUnit::Files,
                     done, total);
    };
    return control;
}

Status appendRead(JobContext& job, const std::vector<std::string>& paths, std::vector<ingest::Document>& into,
                  const ReadOptions& options = {}) {
    if (paths.empty()) return {};
    auto docs = readDocuments(paths, readControl(job), options.passwords, options.ocrLanguage);
    if (!docs) return docs.error();
    for (auto& d : *docs) into.push_back(std::move(d));
    return {};
}


}  // namespace

Error AppCore::noModel() {
    return make_error(ErrorCode::InvalidArgument, "no model is open", "open a GGUF file or Hugging Face folder first");
}

void AppCore::notePdfMessage(const std::string& message) { ingest::note_pdf_message(message); }

namespace {

ModelFootprint footprintOf(const lectern::ModelInfo& info, const std::string& name, std::int64_t nCtx,
                           std::optional<KvType> kvType, std::optional<std::size_t> available) {
    return AppCore::shapeFootprint(info.config, info.weights_bytes, info.parameters, name, nCtx, kvType, available);
}

bool isGguf(const hub::PlannedFile& f) {
    const std::string& n = f.remote.name;
    return n.size() > 5 && n.compare(n.size() - 5, 5, ".gguf") == 0;
}

// A GGUF header holds the whole vocabulary (Llama 3's: about 8 MB with its merges); one of
// more than this is not a model's.
constexpr std::uint64_t kMaxGgufHeader = 64ull << 20;
constexpr std::uint64_t kFirstGgufRead = 256ull << 10;
constexpr std::uint64_t kMaxConfigJson = 1ull << 20;

Result<lectern::ModelInfo> plannedModelInfo(const hub::ModelPuller& puller, const hub::PullPlan& plan,
                                            const std::atomic<bool>* cancel) {
    for (const hub::PlannedFile& f : plan.files) {
        if (!isGguf(f)) continue;
        const std::string context = plan.repo + ": " + f.remote.name;
        // A partial download may hold the header already: read it before asking the Hub.
        std::uint64_t length = std::min({f.partial > 0 ? f.partial : kFirstGgufRead, kMaxGgufHeader, f.remote.size});
        while (true) {
            auto bytes = puller.head(plan, f, length, cancel);
            if (!bytes) return bytes.error();
            std::uint64_t needed = 0;
            auto info = lectern::inspect_gguf_header(reinterpret_cast<const std::uint8_t*>(bytes->data()), bytes->size(),
                                                     f.remote.size, context, &needed);
            if (info || needed == 0) return info;
            if (bytes->size() < length)
                return make_error(ErrorCode::Io, "the Hub sent less of the file than it lists", context);
            if (length >= kMaxGgufHeader)
                return make_error(ErrorCode::Corrupt, "the GGUF header is longer than " +
                                                          std::to_string(kMaxGgufHeader >> 20) + " MiB", context);
            length = std::min({std::max({needed, 4 * length, kFirstGgufRead}), kMaxGgufHeader, f.remote.size});
        }
    }
    std::uint64_t weights = 0;
    const hub::PlannedFile* config = nullptr;
    for (const hub::PlannedFile& f : plan.files) {
        const std::string& n = f.remote.name;
        if (n == "config.json") config = &f;
        if (n.size() > 12 && n.compare(n.size() - 12, 12, ".safetensors") == 0) weights += f.remote.size;
    }
    if (!config) return make_error(ErrorCode::NotFound, "the model has neither a GGUF file nor a config.json", plan.repo);
    if (config->remote.size > kMaxConfigJson)
        return make_error(ErrorCode::Corrupt, "config.json is larger than 1 MiB", plan.repo);
    auto text = puller.head(plan, *config, config->remote.size, cancel);
    if (!text) return text.error();
    return lectern::inspect_hf_config(text.value(), weights, plan.repo + ": config.json");
}

}  // namespace

// What the model needs with the context and KV type asked for (or chosen automatically) on
// the CPU, against `available` (empty: the memory free now), as the local engine plans it.
ModelFootprint AppCore::shapeFootprint(const ModelConfig& c, std::size_t weightBytes, std::int64_t parameters,
                                       const std::string& name, std::int64_t nCtx, std::optional<KvType> kvType,
                                       std::optional<std::size_t> available) {
    ModelFootprint f;
    f.description = name + ": " + std::to_string(c.n_layer) + " layers, d_model " + std::to_string(c.d_model) +
                    (parameters > 0 ? ", " + std::to_string(parameters / 1000000) + "M parameters" : "");
    f.nCtxTrain = c.n_ctx_train;
    f.weightsBytes = weightBytes;
    f.availableBytes = available ? *available : available_host_memory();
    MemoryAsk ask;
    ask.nCtx = nCtx;
    ask.kvType = kvType;
    ask.threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    ask.ctxBeyondTraining = true;  // said apart (nCtxTrain), not refused here
    auto choice = chooseMemory(c, weightBytes, ask, f.availableBytes);
    // What the request alone would take, to show beside a refusal.
    const std::size_t unknown = 0;
    auto asked = choice ? choice : chooseMemory(c, weightBytes, ask, unknown);
    if (asked) {
        f.nCtx = asked->nCtx;
        f.kvType = asked->kvType;
        f.kvBytes = asked->plan.kv;
        f.otherBytes = asked->plan.scratch + asked->plan.reserve;
    }
    if (choice) {
        f.choice = choice->line;
    } else {
        f.fits = false;
        f.advice = choice.error().message;
    }
    return f;
}

Result<ModelFootprint> AppCore::footprint(const std::string& modelPath, std::int64_t nCtx, std::optional<KvType> kvType,
                                          std::optional<std::size_t> available) {
    auto info = lectern::inspect_model(modelPath);
    if (!info) return info.error();
    return footprintOf(*info, std::filesystem::path(modelPath).filename().string(), nCtx, kvType, available);
}

Result<ModelFootprint> AppCore::plannedFootprint(const hub::ModelPuller& puller, const hub::PullPlan& plan,
                                                 std::int64_t nCtx, std::optional<KvType> kvType,
                                                 std::optional<std::size_t> available,
                                                 const std::atomic<bool>* cancel) {
    auto info = plannedModelInfo(puller, plan, cancel);
    if (!info) return info.error();
    const std::string name = plan.files.size() == 1 ? plan.files.front().remote.name : plan.repo;
    return footprintOf(*info, name, nCtx, kvType, available);
}

Status AppCore::admitPull(const hub::ModelPuller& puller, const hub::PullPlan& plan, const PullOptions& options,
                          const std::atomic<bool>* cancel, ModelFootprint* out) {
    auto f = plannedFootprint(puller, plan, options.nCtx, options.kvType, options.available, cancel);
    if (!f) {
        if (!options.checkMemory && f.error().code != ErrorCode::Cancelled) return {};
        return f.error();
    }
    if (out) *out = f.value();
    if (f->fits || !options.checkMemory) return {};
    return make_error(ErrorCode::OutOfMemory,
                      "the model does not fit in this computer's memory at " +
                          (options.nCtx > 0 ? std::to_string(options.nCtx) + " tokens" : "any context") + " (" +
                          f->advice + "); use a smaller quantization or the remote backend",
                      f->description);
}

ModelFootprint AppCore::curatedFootprint(const CuratedModel& model, std::int64_t nCtx, std::optional<KvType> kvType,
                                         std::optional<std::size_t> available) {
    // The shape that sizes the KV cache (K and V, per layer and token: n_kv_head * head_dim
    // elements each); the scratch, sized by d_model and the vocabulary, is left out.
    ModelConfig shape;
    shape.n_layer = model.nLayer;
    shape.n_kv_head = model.nKvHead;
    shape.head_dim = model.headDim;
    shape.n_ctx_train = model.nCtxTrain;
    ModelFootprint f = shapeFootprint(shape, static_cast<std::size_t>(model.sizeBytes), 0, model.name, nCtx, kvType,
                                      available);  // the file is mapped as it is
    f.description = model.name;
    return f;
}

Result<std::unique_ptr<AppCore>> AppCore::open(AppCoreOptions options) {
    std::unique_ptr<AppCore> core(new AppCore());
    auto openStore = [&]() { return options.database.empty() ? Store::openDefault() : Store::open(options.database); };
    auto store = openStore();
    if (!store) return store.error();
    core->m_store = std::make_unique<Store>(std::move(store.value()));
    // The second connection opens after the first has recovered what a dead process left.
    auto queries = openStore();
    if (!queries) return queries.error();
    core->m_queryStore = std::make_unique<Store>(std::move(queries.value()));
    if (options.snapshots) {
        if (options.snapshotDir.empty()) {
            auto cache = KvSnapshotCache::openDefault();
            if (!cache) return cache.error();
            core->m_snapshots.emplace(std::move(cache.value()));
        } else {
            core->m_snapshots.emplace(options.snapshotDir, KvSnapshotCache::kDefaultCapBytes);
        }
    }
    JobListener listener = std::move(options.listener);
    if (!listener) listener = [](const JobEvent&) {};
    core->m_runner = std::make_unique<JobRunner>(std::move(listener));
    return core;
}

AppCore::~AppCore() {
    m_runner.reset();  // cancels, and joins the worker before the engine and store go
}

std::optional<ModelInfo> AppCore::model() const {
    std::lock_guard lock(m_modelMutex);
    return m_model;
}

Result<std::pair<std::unique_ptr<LocalEngine>, ModelInfo>> AppCore::openLocal(const EngineOptions& options,
                                                                              JobContext& job) {
    auto engine = LocalEngine::open(
        options, [&job](std::int64_t d, std::int64_t t) { job.progress(Phase::LoadModel, ProgressUnit::Steps, d, t); },
        job.cancelFlag());
    if (!engine) return engine.error();
    const LocalEngine& e = **engine;
    ModelInfo info{options.modelPath, e.modelId(), e.backendName(), e.nCtx(), e.kvType(), e.activations(),
                   e.contextChoice()};
    return std::pair{std::move(engine.value()), std::move(info)};
}

JobId AppCore::openModel(EngineOptions options) {
    return m_runner->submit([this, options = std::move(options)](JobContext& job) -> Result<std::any> {
        auto opened = openLocal(options, job);
        if (!opened) return opened.error();
        auto& [engine, info] = opened.value();
        m_engine = std::move(engine);
        m_remote.reset();
        {
            std::lock_guard lock(m_modelMutex);
            m_model = info;
        }
        return std::any(std::move(info));
    });
}

JobId AppCore::openRemote(RemoteOptions options) {
    return m_runner->submit([this, options = std::move(options)](JobContext& job) -> Result<std::any> {
        job.progress(Phase::LoadModel, ProgressUnit::Steps, 0, 1);
        auto engine = RemoteEngine::open(options);
        if (!engine) return engine.error();
        ModelInfo info{(*engine)->modelName(), (*engine)->modelId(), "remote", (*engine)->nCtx(), KvType::F16,
                       CpuActivations::Exact, "the server's context"};
        m_remote = std::move(engine.value());
        m_engine.reset();  // the local model's memory goes back
        job.progress(Phase::LoadModel, ProgressUnit::Steps, 1, 1);
        {
            std::lock_guard lock(m_modelMutex);
            m_model = info;
        }
        return std::any(std::move(info));
    });
}

JobId AppCore::readDocuments(std::vector<std::string> paths, ReadOptions options) {
    return m_runner->submit([this, paths = std::move(paths), options = std::move(options)](JobContext& job) -> Result<std::any> {
        DocumentsRead out;
        LECTERN_TRY(appendRead(job, paths, out.documents, options));
        if (TaskEngine* engine = taskEngine()) {
            TokenizerCounter counter(engine->tokenizer());
            for (const auto& d : out.documents) {
                std::size_t n = 0;
                for (const auto& u : d.units) n += counter.count(u.text);
                out.tokens.push_back(n);
            }
        }
        return std::any(std::move(out));
    });
}

JobId AppCore::createSession(std::vector<ingest::Document> documents) {
    return m_runner->submit([this, documents = std::move(documents)](JobContext&) -> Result<std::any> {
        const std::string model = taskEngine() ? taskEngine()->modelName() : std::string();
        auto id = createTaskSession(*m_store, "Ask", model, documents);
        if (!id) return id.error();
        return std::any(*id);
    });
}

JobId AppCore::addDocuments(std::int64_t sessionId, std::vector<ingest::Document> documents) {
    return m_runner->submit([this, sessionId, documents = std::move(documents)](JobContext&) -> Result<std::any> {
        auto messages = m_store->messages().list(sessionId);
        if (!messages) return messages.error();
        if (messages->empty()) {
            auto session = m_store->sessions().get(sessionId);
            if (!session) return session.error();
            std::string title = session->title;
            for (const auto& d : documents) {
                auto id = storeDocument(*m_store, d);
                if (!id) return id.error();
                LECTERN_TRY(m_store->sessions().attachDocument(sessionId, *id));
                title += (title.find(": ") == std::string::npos ? ": " : ", ") + d.metadata.title;
            }
            LECTERN_TRY(m_store->sessions().rename(sessionId, valid_utf8(title)));
            return std::any(sessionId);
        }
        auto all = loadSessionDocuments(*m_store, sessionId);
        if (!all) return all.error();
        all->insert(all->end(), documents.begin(), documents.end());
        const std::string model = taskEngine() ? taskEngine()->modelName() : std::string();
        auto id = createTaskSession(*m_store, "Ask", model, *all);
        if (!id) return id.error();
        return std::any(*id);
    });
}

JobId AppCore::planAsk(std::int64_t sessionId, std::int64_t maxTokens) {
    return m_runner->submit([this, sessionId, maxTokens](JobContext&) -> Result<std::any> {
        if (!taskEngine()) return noModel();
        auto plan = lectern::app::planAsk(*taskEngine(), *m_store, sessionId, "", maxTokens);
        if (!plan) return plan.error();
        return std::any(std::move(plan.value()));
    });
}

JobId AppCore::planSummarize(std::int64_t sessionId) {
    return m_runner->submit([this, sessionId](JobContext&) -> Result<std::any> {
        if (!taskEngine()) return noModel();
        auto docs = loadSessionDocuments(*m_store, sessionId);
        if (!docs) return docs.error();
        SummarizeRequest request;
        request.documents = std::move(docs.value());
        auto plan = lectern::app::planSummarize(*taskEngine(), request);
        if (!plan) return plan.error();
        return std::any(*plan);
    });
}

JobId AppCore::promptView(std::int64_t sessionId, std::int64_t userMessageId, std::int64_t maxTokens) {
    return m_runner->submit([this, sessionId, userMessageId, maxTokens](JobContext&) -> Result<std::any> {
        if (!taskEngine()) return noModel();
        auto view = askPromptView(*taskEngine(), *m_store, sessionId, userMessageId, maxTokens);
        if (!view) return view.error();
        return std::any(std::move(view.value()));
    });
}

namespace {

std::int64_t newestSessionId(Store& store) {
    std::int64_t newest = 0;
    if (auto sessions = store.sessions().list())
        for (const auto& s : *sessions) newest = std::max(newest, s.id);
    return newest;
}

// Runs a task. When a server refused its prompt as longer than its context and named its
// real limit, the engine's context is that limit now: the sessions the refused attempt made
// are removed and the task runs again, packed for the limit, once.
template <class T, class Run>
Result<T> repackedOnce(TaskEngine& engine, Store& store, Run run) {
    const std::int64_t newest = newestSessionId(store);
    Result<T> first = run();
    if (first || !engine.contextShrank()) return first;
    std::vector<std::string> notes{contextShrankNote(engine.nCtx())};
    if (auto sessions = store.sessions().list()) {
        for (const auto& s : *sessions) {
            if (s.id <= newest) continue;
            if (auto removed = store.sessions().remove(s.id); !removed)
                notes.push_back("the refused attempt's session " + std::to_string(s.id) +
                                " was not removed: " + removed.error().to_string());
        }
    }
    Result<T> again = run();
    if (again) again->notes.insert(again->notes.begin(), notes.begin(), notes.end());
    return again;
}

}  // namespace

template <class T, class Body>
JobId AppCore::submitTask(Body body) {
    return m_runner->submit([this, body = std::move(body)](JobContext& job) mutable -> Result<std::any> {
        if (!taskEngine()) return noModel();
        Result<T> r = body(job, jobTaskContext(job));
        if (!r) return r.error();
        return std::any(std::move(r.value()));
    });
}

JobId AppCore::ask(AskRequest request, std::vector<std::string> paths) {
    return submitTask<AskResult>([this, request = std::move(request), paths = std::move(paths)](
                                     JobContext& job, const TaskContext& ctx) mutable -> Result<AskResult> {
        LECTERN_TRY(appendRead(job, paths, request.documents));
        request.snapshots = m_snapshots && m_engine ? &*m_snapshots : nullptr;
        return askScreened(request, ctx, job.cancelFlag());
    });
}

Result<AskResult> AppCore::askScreened(const AskRequest& request, const TaskContext& ctx,
                                       const std::atomic<bool>* cancel) {
    std::optional<GuardVerdict> question;
    if (m_guard && !request.regenerate) {
        auto v = runGuard({{"user", request.question}}, cancel);
        if (!v) return v.error();
        question = *v;
        if (v->kind == GuardVerdict::Kind::Unsafe && !request.answerUnsafe) return refuseQuestion(request, *v);
    }
    auto r = runAsk(*taskEngine(), *m_store, request, ctx);
    if (!r || !m_guard) return r;
    r->questionVerdict = question;
    auto messages = m_store->messages().list(r->sessionId);
    if (!messages) return messages.error();
    const MessageRecord* user = nullptr;
    const MessageRecord* answer = nullptr;
    for (const MessageRecord& m : *messages) {
        if (m.role == "user") user = &m;
        if (m.role == "assistant") answer = &m;
    }
    if (question && user) LECTERN_TRY(m_store->messages().setGuard(user->id, guardVerdictJson(*question)));
    if (!r->stopped && user && answer) {
        auto v = runGuard({{"user", user->text}, {"assistant", r->answer}}, cancel);
        if (!v) return v.error();
        r->answerVerdict = *v;
        LECTERN_TRY(m_store->messages().setGuard(answer->id, guardVerdictJson(*v)));
    }
    return r;
}

Result<AskResult> AppCore::refuseQuestion(const AskRequest& request, const GuardVerdict& verdict) {
    // Kept in the session like any question, with its verdict, and a note where the answer
    // would be: the conversation says what happened.
    std::int64_t session = request.sessionId;
    if (session == 0) {
        auto id = createTaskSession(*m_store, "Ask", taskEngine()->modelName(), request.documents);
        if (!id) return id.error();
        session = *id;
    }
    auto question = m_store->messages().add(makeMessage(session, "user", request.question));
    if (!question) return question.error();
    LECTERN_TRY(m_store->messages().setGuard(*question, guardVerdictJson(verdict)));
    const std::string codes = guardCategoriesText(verdict);
    AskResult refused;
    refused.sessionId = session;
    refused.refused = true;
    refused.questionVerdict = verdict;
    auto note = m_store->messages().add(
        makeMessage(session, "assistant", "Not answered: the guard model found the question unsafe (" + codes + ")."));
    if (!note) return note.error();
    return refused;
}

Result<GuardVerdict> AppCore::runGuard(const std::vector<ChatMessage>& conversation, const std::atomic<bool>* cancel) {
    if (!m_guard) return make_error(ErrorCode::InvalidArgument, "no guard model is open", "open one with --guard");
    auto prompt = guardPrompt(conversation);
    if (!prompt) return prompt.error();
    // The template's text holds its special tokens (and the space before <|begin_of_text|>).
    const std::vector<std::int32_t> ids = m_guard->tokenizer().encode(*prompt, false, true);
    constexpr std::int64_t kVerdictTokens = 16;  // "unsafe\nS1,S2,..." is a few tokens
    if (static_cast<std::int64_t>(ids.size()) + kVerdictTokens > m_guard->nCtx())
        return make_error(ErrorCode::InvalidArgument,
                          "longer than the guard's context (" + std::to_string(ids.size()) + " tokens of " +
                              std::to_string(m_guard->nCtx()) + ")");
    GenerateRequest g;
    g.maxTokens = kVerdictTokens;
    g.cancel = cancel;
    auto out = m_guard->complete(ids, g);
    if (!out) return out.error();
    if (out->cancelled) return make_error(ErrorCode::Cancelled, "screening was cancelled");
    return parseGuardOutput(out->text);
}

JobId AppCore::openGuard(const std::string& modelPath, const std::string& backend, int threads) {
    EngineOptions options;
    options.modelPath = modelPath;
    options.nCtx = 8192;  // a question and an answer, or a page
    options.backend = backend;
    options.threads = threads;
    options.kvType.reset();
    options.activations.reset();
    return m_runner->submit([this, options = std::move(options)](JobContext& job) -> Result<std::any> {
        auto opened = openLocal(options, job);
        if (!opened) return opened.error();
        auto& [engine, info] = opened.value();
        m_guard = std::move(engine);
        m_hasGuard = true;
        return std::any(std::move(info));
    });
}

JobId AppCore::closeGuard() {
    return m_runner->submit([this](JobContext&) -> Result<std::any> {
        m_guard.reset();
        m_hasGuard = false;
        return std::any(true);
    });
}

JobId AppCore::screenDocuments(std::vector<std::string> paths, ReadOptions options) {
    return m_runner->submit([this, paths = std::move(paths), options = std::move(options)](JobContext& job)
                                -> Result<std::any> {
        if (!m_guard) return make_error(ErrorCode::InvalidArgument, "no guard model is open", "open one with --guard");
        std::vector<ingest::Document> documents;
        LECTERN_TRY(appendRead(job, paths, documents, options));
        std::int64_t total = 0, done = 0;
        for (const auto& d : documents) total += static_cast<std::int64_t>(d.units.size());
        DocumentsScreened out;
        for (const auto& d : documents) {
            for (const auto& u : d.units) {
                job.progress(Phase::Prefill, ProgressUnit::Pages, done++, total);
                ScreenedUnit s;
                s.document = d.path;
                s.locator = u.locator;
                s.page = u.page;
                if (u.text.find_first_not_of(" \t\r\n") == std::string::npos) {
                    s.skipped = "no text";
                } else if (auto v = runGuard({{"user", u.text}}, job.cancelFlag())) {
                    s.verdict = *v;
                } else if (v.error().code == ErrorCode::InvalidArgument) {
                    s.skipped = v.error().message;
                } else {
                    return v.error();
                }
                out.units.push_back(std::move(s));
            }
        }
        return std::any(std::move(out));
    });
}

JobId AppCore::screen(std::vector<ChatMessage> conversation) {
    return m_runner->submit([this, conversation = std::move(conversation)](JobContext& job) -> Result<std::any> {
        auto v = runGuard(conversation, job.cancelFlag());
        if (!v) return v.error();
        return std::any(std::move(v.value()));
    });
}

JobId AppCore::summarize(SummarizeRequest request, std::vector<std::string> paths) {
    return submitTask<SummarizeResult>([this, request = std::move(request), paths = std::move(paths)](
                                           JobContext& job, const TaskContext& ctx) mutable -> Result<SummarizeResult> {
        LECTERN_TRY(appendRead(job, paths, request.documents));
        return repackedOnce<SummarizeResult>(*taskEngine(), *m_store,
                                             [&] { return runSummarize(*taskEngine(), *m_store, request, ctx); });
    });
}

JobId AppCore::review(ReviewRequest request, ReviewSource source) {
    return submitTask<ReviewResult>([this, request = std::move(request), source = std::move(source)](
                                        JobContext& job, const TaskContext& ctx) mutable -> Result<ReviewResult> {
        if (!source.diffRepository.empty()) {
            auto diff = readGitDiff(source.diffRepository);
            if (!diff) return diff.error();
            request.documents.push_back(std::move(diff->document));
            request.shown = std::move(diff->shown);
            request.alreadyNumbered = true;
            request.what = "diff";
        }
        LECTERN_TRY(appendRead(job, source.paths, request.documents));
        return repackedOnce<ReviewResult>(*taskEngine(), *m_store,
                                          [&] { return runReview(*taskEngine(), *m_store, request, ctx); });
    });
}

JobId AppCore::translate(TranslateRequest request, std::string path) {
    return submitTask<TranslateResult>([this, request = std::move(request), path = std::move(path)](
                                           JobContext& job, const TaskContext& ctx) mutable -> Result<TranslateResult> {
        if (!path.empty()) {
            std::vector<ingest::Document> docs;
            LECTERN_TRY(appendRead(job, {path}, docs));
            request.document = std::move(docs.front());
        }
        return repackedOnce<TranslateResult>(*taskEngine(), *m_store,
                                             [&] { return runTranslate(*taskEngine(), *m_store, request, ctx); });
    });
}

Result<std::vector<SessionRecord>> AppCore::sessions() {
    std::lock_guard lock(m_queryMutex);
    return m_queryStore->sessions().list();
}

Result<SessionTranscript> AppCore::transcript(std::int64_t sessionId) {
    std::lock_guard lock(m_queryMutex);
    return loadTranscript(*m_queryStore, sessionId);
}

Result<std::vector<SearchHit>> AppCore::search(const std::string& query, const SearchOptions& options) {
    std::lock_guard lock(m_queryMutex);
    return m_queryStore->searchIndex().search(query, options);
}

Status AppCore::deleteSession(std::int64_t sessionId) {
    std::lock_guard lock(m_queryMutex);
    return m_queryStore->sessions().remove(sessionId);
}

Result<std::string> AppCore::exportMarkdown(std::int64_t sessionId) {
    auto t = transcript(sessionId);
    if (!t) return t.error();
    auto documents = sessionDocuments(sessionId);
    if (!documents) return documents.error();
    for (MessageRecord& m : t->messages)
        if (m.role == "assistant") m.text = labelCitations(m.text, *documents);
    return transcriptMarkdown(*t);
}

Result<bool> AppCore::isAskSession(std::int64_t sessionId) {
    std::lock_guard lock(m_queryMutex);
    return lectern::app::isAskSession(*m_queryStore, sessionId);
}

Result<std::vector<ingest::Document>> AppCore::sessionDocuments(std::int64_t sessionId) {
    std::lock_guard lock(m_queryMutex);
    return loadSessionDocuments(*m_queryStore, sessionId);
}

Result<std::string> AppCore::sessionModel(std::int64_t sessionId) {
    std::lock_guard lock(m_queryMutex);
    auto s = m_queryStore->sessions().get(sessionId);
    if (!s) return s.error();
    return s->model;
}

}  // namespace lectern::app
