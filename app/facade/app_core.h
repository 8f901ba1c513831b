// AppCore: the application core every client stands on (lectern-cli's task commands, the
// window, the HTTP server). It owns the store, the engine and the job runner; the engine
// lives on the runner's one worker thread and is touched only by jobs. Every long operation
// is a job: the call returns its JobId at once, and the listener given at open() receives
// its events (progress with a unit, streamed text, and one final event) on the worker
// thread. A job that finishes carries a typed value (finishedValue<T>): the type each call
// finishes with is named beside it. cancel(id) is Stop: it sets the flag the engine checks
// between layers, so a prefill or an answer stops within one layer; a task stopped that way
// still finishes, with its partial answer saved as stopped (`stopped` in its result).
//
// The store queries (sessions, transcripts, search, delete) are not jobs: they run on the
// caller's thread over a connection of their own, so a window can list and search its
// sessions while a long prefill runs; a transcript exports with session_export.h.
//
// pullModel fetches a model from the Hugging Face Hub into its cache ($HF_HUB_CACHE, shared
// with huggingface_hub) from $HF_ENDPOINT with $HF_TOKEN (hub/model_pull.h); curatedModels
// lists Llama 3 GGUF files a first run can offer, with what each needs in memory.
//
// openModel keeps the old engine until the new one has loaded, so a switch needs the memory
// of both for a moment.
#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "ask_task.h"
#include "job_runner.h"
#include "kv_snapshot_cache.h"
#include "llama_guard.h"
#include "lectern/ingest/document.h"
#include "local_engine.h"
#include "model_discovery.h"
#include "model_pull.h"
#include "remote_engine.h"
#include "review_task.h"
#include "session_export.h"
#include "store.h"
#include "summarize_task.h"
#include "translate_task.h"

namespace lectern::app {

struct AppCoreOptions {
    std::filesystem::path database;  // empty: the default (paths.h)
    bool snapshots = true;           // keep KV snapshots of asked documents in the cache folder
    std::filesystem::path snapshotDir;  // empty: the default cache folder
    JobListener listener;            // every job's events, called on the worker thread
};

// What openModel finishes with.
struct ModelInfo {
    std::string path;
    std::string modelId;     // the identity KV snapshots are keyed by
    std::string backend;     // "cpu", "cuda"
    std::int64_t nCtx = 0;
    KvType kvType = KvType::F32;
    CpuActivations activations = CpuActivations::Exact;
    std::string choice;  // one line: the backend, context and KV type chosen, and why
};

// What readDocuments finishes with: the documents, and each one's token count with the open
// model's tokenizer (empty when no model is open).
struct DocumentsRead {
    std::vector<ingest::Document> documents;
    std::vector<std::size_t> tokens;
};

// Reading documents: an encrypted PDF opens with its password (path -> password); without
// one, the job fails with ErrorCode::NeedsPassword and its path as the error's context.
struct ReadOptions {
    std::map<std::string, std::string> passwords;
    // Tesseract's languages for pages without a text layer ("deu+eng"); empty: per page, from
    // the script of its text or of what Tesseract sees.
    std::string ocrLanguage;
};

// A unit of a document as the guard model judged it (screenDocuments).
struct ScreenedUnit {
    std::string document;  // its path
    std::string locator;   // "page 12", "src/db.cpp"
    int page = 0;
    std::optional<GuardVerdict> verdict;  // empty: skipped
    std::string skipped;                  // why it was not screened
};
struct DocumentsScreened {
    std::vector<ScreenedUnit> units;
};

// What storage() reports.
struct StorageUsage {
    std::string databasePath;
    std::uint64_t databaseBytes = 0;  // the file and its -wal and -shm files
    std::string snapshotDirectory;    // empty when snapshots are off
    std::uint64_t snapshotBytes = 0;
    std::int64_t snapshotFiles = 0;
};

// A prompt template as promptTemplate() returns it.
struct PromptTemplateText {
    std::string text;
    std::string shipped;  // the built-in text
    bool edited = false;  // text is the user's copy
};

// What a model needs before it is loaded, against what the machine has free.
struct ModelFootprint {
    std::string description;     // "Llama 3.1 8B, Q4_K, 32 layers" or the file name
    std::int64_t nCtxTrain = 0;  // the context the model was trained for
    std::int64_t nCtx = 0;       // the context asked for, or chosen when automatic
    KvType kvType = KvType::F16; // the KV cache's element type, asked for or chosen
    std::size_t weightsBytes = 0;
    std::size_t kvBytes = 0;     // the KV cache at nCtx in kvType
    std::size_t otherBytes = 0;  // scratch for one prefill chunk, and a reserve
    std::size_t availableBytes = 0;  // memory free now (MemAvailable); 0 when unknown
    bool fits = true;
    std::string choice;          // when it fits: "context 128K, q8_0 KV cache: …" (what and why)
    std::string advice;          // when it does not fit: the planner's message, saying what to change
    std::size_t totalBytes() const { return weightsBytes + kvBytes + otherBytes; }
};

// A model found on this computer (hub::discoverModels) and, when Lectern can run it, what it
// needs on the CPU with the automatic context and KV cache (the picker's choice) against the
// memory free now.
struct FoundModel {
    hub::DiscoveredModel model;
    std::optional<ModelFootprint> footprint;  // empty for an unsupported model
};

// What pullModel takes: a repository, the files (empty: its model's files; a repository
// with several GGUF files needs one named) and a revision.
using PullRequest = hub::PullRequest;

// How pullModel checks, before the first byte, that the model fits in memory (its header,
// read from the Hub, at this context and KV cache element type).
struct PullOptions {
    std::int64_t nCtx = 8192;                  // 0: the trained context, lowered to what fits
    std::optional<KvType> kvType = KvType::F16;  // empty: f16, or q8_0 when f16 does not fit
    bool checkMemory = true;  // false: download even a model too large for this computer
    std::optional<std::size_t> available;  // memory to compare with; empty: free now
};

// What pullModel finishes with: what to load (the GGUF file, else the snapshot folder).
struct ModelPulled {
    std::string path;
    std::string repo;
    std::string commit;
    std::uint64_t downloadedBytes = 0;  // transferred by this pull
    std::uint64_t cachedBytes = 0;      // already in the cache
};

// A GGUF file of the Llama 3 family worth offering on a first run. The sizes are the files'
// sizes on the Hub, rounded: approximate, and only used to say what fits before a download.
struct CuratedModel {
    std::string name;   // "Llama 3.1 8B Instruct, Q4_K_M"
    std::string repo;
    std::string file;
    std::uint64_t sizeBytes = 0;
    // The shape that sizes the KV cache (per token: 2 * nLayer * nKvHead * headDim elements).
    std::int64_t nLayer = 0;
    std::int64_t nKvHead = 0;
    std::int64_t headDim = 0;
    std::int64_t nCtxTrain = 0;
};

// A plain completion, for clients that bring their own prompt (lectern-cli serve): a chat
// rendered with the model's template with the assistant's turn opened, or a raw prompt as
// text (the tokenizer's BOS rule applied, special-token text parsed) or as token ids.
struct CompletionRequest {
    std::vector<ChatMessage> messages;    // a chat, when not empty; else:
    std::string prompt;                   // text, when promptIds is empty
    bool addBos = true;                   // a text prompt starts with BOS (where the vocabulary has one)
    std::vector<std::int32_t> promptIds;  // token ids, as given
    std::int64_t maxTokens = 0;           // 0: up to the context's end
    SamplerOptions sampling;
    std::vector<std::string> stop;        // the answer ends before the first of these
    bool ignoreEos = false;               // go on past the end of the model's turn
};

// Why a completion ended: Stop at the end of the model's turn or a stop string; Length at
// maxTokens or a full context (contextFull says which).
enum class FinishReason { Stop, Length };

struct CompletionResult {
    std::string text;
    FinishReason finish = FinishReason::Stop;
    bool contextFull = false;
    std::int64_t promptTokens = 0;
    std::int64_t cachedTokens = 0;      // prompt tokens kept from the session's KV cache, not run
    std::int64_t completionTokens = 0;  // generated, the end-of-turn token not counted
    double prefillMs = 0;
    double firstTokenMs = 0;
};

// The task calls take the task's request and, optionally, paths to read inside the job
// first (progress: Phase::Extract in pages or files); what is read is appended to the
// request's documents. Review may instead read a git repository's uncommitted changes.
struct ReviewSource {
    std::vector<std::string> paths;  // folders or files of code
    std::string diffRepository;      // non-empty: review this repository's uncommitted diff
};

class AppCore {
public:
    // Opens the store (and the snapshot folder). Errors: those of Store::open and
    // KvSnapshotCache::open.
    static Result<std::unique_ptr<AppCore>> open(AppCoreOptions options);
    // Cancels every job and waits for the running one to return.
    ~AppCore();
    AppCore(const AppCore&) = delete;
    AppCore& operator=(const AppCore&) = delete;

    // -> ModelInfo. Replaces the open model when it succeeds (the old one stays when not).
    JobId openModel(EngineOptions options);
    // -> ModelInfo (backend "remote", path "<model> at <url>"): a model on an OpenAI-compatible
    // server, for every task (Ask sends the whole conversation, for the server's prefix cache). It
    // replaces the open model, local or remote, when it succeeds. Errors: those of
    // RemoteEngine::open.
    JobId openRemote(RemoteOptions options);
    // -> ModelInfo: a guard model (Llama Guard 3, llama_guard.h) beside the open model, on the
    // same worker (one job at a time), planned against the memory left: an 8192-token context
    // (a question and an answer, or a page), the KV cache and activations chosen for it.
    // Errors: those of LocalEngine::open.
    JobId openGuard(const std::string& modelPath, const std::string& backend = "auto", int threads = 0);
    // Whether a guard model is open; closing it frees its memory.
    bool hasGuard() const { return m_hasGuard.load(); }
    JobId closeGuard();
    // -> GuardVerdict: the guard's assessment of the conversation's last turn (greedy, at most
    // 16 tokens). Errors: InvalidArgument without a guard model, or from guardPrompt.
    JobId screen(std::vector<ChatMessage> conversation);
    // -> DocumentsScreened: each page (or file, or section) of the documents at `paths` screened
    // as a user's message. A unit without text, or longer than the guard's context, is skipped
    // with the reason. Errors: InvalidArgument without a guard model; those of reading.
    JobId screenDocuments(std::vector<std::string> paths, ReadOptions options = {});

    // -> DocumentsRead.
    JobId readDocuments(std::vector<std::string> paths, ReadOptions options = {});
    // -> std::int64_t, the id of a new Ask session holding `documents` (stored in the job).
    JobId createSession(std::vector<ingest::Document> documents);
    // -> std::int64_t: `documents` join session `sessionId` when nothing has been asked in it
    // yet (the same id comes back); otherwise a new Ask session holds its documents and these.
    JobId addDocuments(std::int64_t sessionId, std::vector<ingest::Document> documents);
    // -> AskPlan: what an Ask in the session would put in the context, counted exactly with
    // the open model's tokenizer (the budget meter); no model open is an error.
    JobId planAsk(std::int64_t sessionId, std::int64_t maxTokens = 512);
    // -> SummarizePlan: one pass, or map-reduce over how many chunks, for the session's documents.
    JobId planSummarize(std::int64_t sessionId);
    // -> PromptView: what the model saw for a question of the session (its user message).
    JobId promptView(std::int64_t sessionId, std::int64_t userMessageId, std::int64_t maxTokens = 512);
    // -> AskResult. Errors: those of runAsk (Corrupt: the question is not UTF-8); no model open.
    JobId ask(AskRequest request, std::vector<std::string> paths = {});
    // -> SummarizeResult.
    JobId summarize(SummarizeRequest request, std::vector<std::string> paths = {});
    // -> ReviewResult.
    JobId review(ReviewRequest request, ReviewSource source = {});
    // -> TranslateResult. With `path`, the document is read from it.
    JobId translate(TranslateRequest request, std::string path = {});

    // -> std::vector<std::int32_t>: the prompt of `request` as the model will read it (the
    // chat rendered, the text encoded, the ids checked). Errors: InvalidArgument (no prompt,
    // an id outside the vocabulary, a message role the template lacks); no model open.
    JobId renderPrompt(CompletionRequest request);
    // -> std::string: the ids decoded (special tokens as their text). Errors: InvalidArgument
    // for an id outside the vocabulary; no model open.
    JobId detokenize(std::vector<std::int32_t> ids);
    // -> CompletionResult, the text streamed as JobTokens; Phase::Prefill progress first
    // (0 of the prompt's tokens) once the prompt is known to fit. The session's KV cache
    // keeps the longest common prefix with the previous prompt. Errors: those of
    // renderPrompt; InvalidArgument when prompt + maxTokens exceed the context (the message
    // gives the counts); Cancelled keeps the partial text.
    JobId complete(CompletionRequest request);

    // -> ModelPulled. Progress: Phase::Download in bytes over the files still to fetch.
    // Errors: those of hub::ModelPuller::pull (NeedsPassword for a gated repository, DiskFull,
    // Io when the Hub cannot be reached, NotFound, Corrupt); Cancelled keeps the partial file
    // (blobs/<etag>.incomplete), so the next pull continues it.
    // OutOfMemory before any byte when the model's header says it does not fit (PullOptions).
    JobId pullModel(PullRequest request, PullOptions options = {});

    void cancel(JobId id) { m_runner->cancel(id); }
    void cancelAll() { m_runner->cancelAll(); }
    void waitIdle() { m_runner->waitIdle(); }

    // The open model (any thread), or nothing.
    std::optional<ModelInfo> model() const;

    // Store queries, on the caller's thread.
    Result<std::vector<SessionRecord>> sessions();
    Result<SessionTranscript> transcript(std::int64_t sessionId);
    Result<std::vector<SearchHit>> search(const std::string& query, const SearchOptions& options = {});
    Status deleteSession(std::int64_t sessionId);
    // The session as Markdown for a reader outside Lectern (the window's export): the
    // transcript, each answer's citations naming their document ("report.pdf p. 12").
    Result<std::string> exportMarkdown(std::int64_t sessionId);
    // The model a session was made with ("" when it did not record one).
    Result<std::string> sessionModel(std::int64_t sessionId);
    // Whether the session is Ask's (answers can be given again, their prompts shown).
    Result<bool> isAskSession(std::int64_t sessionId);
    // The session's documents as stored (every unit's text, locators, pages).
    Result<std::vector<ingest::Document>> sessionDocuments(std::int64_t sessionId);

    // Settings (the store's settings table): the window's preferences, kept across restarts.
    // On the caller's thread. Keys are "section/name"; values are text.
    Result<std::optional<std::string>> setting(const std::string& key);
    Status setSetting(const std::string& key, const std::string& value);
    Status removeSetting(const std::string& key);
    Result<std::map<std::string, std::string>> settings();

    // What Lectern keeps on disk: the database (with its write-ahead log) and the saved KV
    // prefixes, with their folders and sizes now. On the caller's thread.
    StorageUsage storage();
    // -> int, the number of saved KV prefixes removed. A job, so no task is reading one meanwhile.
    JobId clearKvSnapshots();

    // The tasks' prompt templates (resources/prompts/*.txt), their text as used now (the
    // user's copy in the config folder, when there is one) and whether it is the user's.
    static std::vector<std::string> promptNames();
    static Result<PromptTemplateText> promptTemplate(const std::string& name);
    // Writes the user's copy (a temporary file, fsynced and renamed into place); NotFound for
    // a name that is not a template, Io/DiskFull when it cannot be written.
    static Status savePromptTemplate(const std::string& name, const std::string& text);
    // Removes the user's copy: the shipped text is used again.
    static Status resetPromptTemplate(const std::string& name);

    // A message of Poppler's that reached a client's own handler (the window's viewer): handed
    // back to the reader of the PDF on the calling thread, if any, so its pages' verdicts count it.
    static void notePdfMessage(const std::string& message);

    // Reads the model's header (no weights are read) and plans it on the CPU as the local
    // engine will (memory_choice.h): at `nCtx` (0: the trained context, lowered to what fits)
    // in `kvType` (empty: f16, or q8_0 when f16 does not fit), against the memory free now (or
    // `available` bytes, when given). Errors: those of inspect_model.
    static Result<ModelFootprint> footprint(const std::string& modelPath, std::int64_t nCtx,
                                            std::optional<KvType> kvType,
                                            std::optional<std::size_t> available = {});

    // What a planned pull's model would need at `nCtx`, from its header before the download:
    // its GGUF file's first bytes (a Range request, grown as the header asks, at most 64 MiB;
    // or the cached bytes), else its config.json and the size of its safetensors shards.
    // Errors: those of hub::ModelPuller::head; Corrupt and UnsupportedModel from the header.
    static Result<ModelFootprint> plannedFootprint(const hub::ModelPuller& puller, const hub::PullPlan& plan,
                                                   std::int64_t nCtx, std::optional<KvType> kvType,
                                                   std::optional<std::size_t> available = {},
                                                   const std::atomic<bool>* cancel = nullptr);
    // The check pullModel makes before the first byte (lectern-cli's too): OutOfMemory ("does
    // not fit ...: use a smaller quantization or the remote backend") when the model is too
    // large, or the header's error; with checkMemory off, only Cancelled stops it. `out`
    // receives the footprint when the header was read.
    static Status admitPull(const hub::ModelPuller& puller, const hub::PullPlan& plan, const PullOptions& options,
                            const std::atomic<bool>* cancel = nullptr, ModelFootprint* out = nullptr);

    // The models already on this computer: the Hugging Face cache, Ollama, LM Studio, GPT4All
    // (where their programs keep them, hub::DiscoveryRoots::fromEnvironment) and `folders`,
    // each with its footprint (unsupported ones with the reason). Reads headers only.
    static std::vector<FoundModel> findModels(const std::vector<std::string>& folders,
                                              std::optional<std::size_t> available = {});

    // The OCR languages Lectern offers (Tesseract's codes: eng, deu, fra, spa, rus, chi_sim,
    // ara) and whether each one's language data is installed.
    static std::vector<std::pair<std::string, bool>> ocrLanguages();

    // Llama 3 GGUF files for a first run, smallest last.
    static const std::vector<CuratedModel>& curatedModels();
    // What a curated model would need at `nCtx` (weights: its file size; KV: from its shape)
    // against the memory free now (or `available`). An estimate before any byte is fetched;
    // footprint() reads the real header once the file is here.
    // What a model of this shape and weight size would need (as footprint() from its header).
    static ModelFootprint shapeFootprint(const ModelConfig& config, std::size_t weightBytes, std::int64_t parameters,
                                         const std::string& name, std::int64_t nCtx, std::optional<KvType> kvType,
                                         std::optional<std::size_t> available = {});
    static ModelFootprint curatedFootprint(const CuratedModel& model, std::int64_t nCtx, std::optional<KvType> kvType,
                                           std::optional<std::size_t> available = {});

private:
    AppCore() = default;
    // What a job that needs an open model fails with when there is none.
    static Error noModel();
    // Runs `body` as a job that needs the open model.
    template <class T, class Body>
    JobId submitTask(Body body);

    // Used by jobs only, on the worker thread.
    std::unique_ptr<Store> m_store;
    std::unique_ptr<LocalEngine> m_engine;
    std::unique_ptr<RemoteEngine> m_remote;  // the one open instead of m_engine, if any
    std::unique_ptr<LocalEngine> m_guard;    // the guard model, when one is open
    std::atomic<bool> m_hasGuard{false};
    // On the worker: the guard's verdict on the conversation's last turn.
    Result<GuardVerdict> runGuard(const std::vector<ChatMessage>& conversation, const std::atomic<bool>* cancel);
    // runAsk between the guard's screening of the question and of the answer (verdicts stored).
    Result<AskResult> askScreened(const AskRequest& request, const TaskContext& ctx, const std::atomic<bool>* cancel);
    // An unsafe question not answered: stored with its verdict (in a new session over the
    // request's documents when it has none) and a note in the answer's place.
    Result<AskResult> refuseQuestion(const AskRequest& request, const GuardVerdict& verdict);
    // On the worker: opens a local engine with the job's progress, and what the window and
    // lectern-cli show of it (openModel, openGuard).
    static Result<std::pair<std::unique_ptr<LocalEngine>, ModelInfo>> openLocal(const EngineOptions& options,
                                                                                JobContext& job);
    // The engine the tasks run on: the remote one when open, else the local one (or null).
    TaskEngine* taskEngine() { return m_remote ? static_cast<TaskEngine*>(m_remote.get()) : m_engine.get(); }
    std::optional<KvSnapshotCache> m_snapshots;
    // Used by the store queries, on the callers' threads.
    std::mutex m_queryMutex;
    std::unique_ptr<Store> m_queryStore;
    mutable std::mutex m_modelMutex;
    std::optional<ModelInfo> m_model;
    // Last: destroyed first, so no job outlives what it uses.
    std::unique_ptr<JobRunner> m_runner;
};

}  // namespace lectern::app
