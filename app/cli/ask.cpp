// `lectern-cli ask [FILES...] QUESTION [--session ID]`: a question about documents. The
// documents' KV cache is saved as a snapshot in the cache folder, so `ask --session ID`
// later, in a new process, continues after prefilling only the new question. The answer
// streams on stdout; --json prints the answer, citations and token counts (prefilled
// counts are measured at the backend). With --guard MODEL, Llama Guard 3 screens the question
// first (an unsafe one is not answered, unless --answer-unsafe) and the answer after; the
// verdicts are said on stderr, stored with the messages and in --json's "guard".
#include <memory>
#include <string>
#include <vector>

#include "command.h"
#include "task_common.h"

namespace lectern::cli {
namespace {

struct Args {
    TaskOptions task;
    std::vector<std::string> positional;  // files..., question
    std::int64_t session = 0;
    bool noSnapshot = false;
    bool answerUnsafe = false;
};

nlohmann::json verdictJson(const app::GuardVerdict& v) {
    nlohmann::json j{{"verdict", app::guardVerdictName(v.kind)}, {"categories", v.categories}};
    if (v.kind == app::GuardVerdict::Kind::Malformed) j["problem"] = v.problem;
    return j;
}


nlohmann::json resultJson(const app::AskResult& r) {
    nlohmann::json citations = nlohmann::json::array();
    for (const auto& c : r.citations)
        citations.push_back({{"text", c.text}, {"page", c.page}, {"path", c.path}, {"line", c.line}, {"valid", c.valid}});
    return {{"session", r.sessionId},
            {"answer", r.answer},
            {"stopped", r.stopped},
            {"prefix_tokens", r.prefixTokens},
            {"question_tokens", r.questionTokens},
            {"context_source", r.contextSource},
            {"context_prefilled", r.contextPrefilled},
            {"prompt_tokens", r.stats.promptTokens},
            {"question_prefilled", r.stats.prefilledTokens},
            {"first_token_ms", r.stats.firstTokenMs},
            {"completion_tokens", r.stats.tokens.size()},
            {"tokens_per_s", r.stats.tokensPerS},
            {"citations", citations},
            {"notes", r.notes}};
}

// The guard's verdicts in the JSON result, and said on stderr (the answer is on stdout).
void addVerdicts(const app::AskResult& r, bool json, nlohmann::json& j) {
    if (!r.questionVerdict && !r.answerVerdict) return;
    nlohmann::json guard = nlohmann::json::object();
    if (r.questionVerdict) guard["question"] = verdictJson(*r.questionVerdict);
    if (r.answerVerdict) guard["answer"] = verdictJson(*r.answerVerdict);
    j["guard"] = guard;
    j["refused"] = r.refused;
    if (json) return;
    if (r.questionVerdict) std::fprintf(stderr, "guard: question %s\n", app::guardVerdictText(*r.questionVerdict).c_str());
    if (r.answerVerdict) std::fprintf(stderr, "guard: answer %s\n", app::guardVerdictText(*r.answerVerdict).c_str());
    if (r.refused)
        std::printf("Not answered: the guard model found the question unsafe (%s). --answer-unsafe answers it anyway.",
                    app::guardVerdictText(*r.questionVerdict).c_str());
}

int run(Args& a) {
    if (a.positional.empty()) return report("ask", make_error(ErrorCode::InvalidArgument, "no question"));
    app::AskRequest request;
    request.sessionId = a.session;
    request.question = a.positional.back();
    request.maxTokens = a.task.maxTokens;
    request.answerUnsafe = a.answerUnsafe;
    request.sampling = taskSampling(a.task, request.sampling);
    std::vector<std::string> files(a.positional.begin(), a.positional.end() - 1);
    if (a.session == 0 && files.empty())
        return report("ask", make_error(ErrorCode::InvalidArgument, "give documents, or --session ID to continue one"));
    if (a.session != 0 && !files.empty())
        return report("ask", make_error(ErrorCode::InvalidArgument, "--session continues a session over its own documents"));
    a.task.snapshots = !a.noSnapshot;
    TaskJob job;
    job.submit = [&](app::AppCore& core) { return core.ask(request, files); };
    job.inputs = files;
    job.toJson = resultAs<app::AskResult>([&](const app::AskResult& r) {
        auto j = resultJson(r);
        j["sampling"] = samplingJson(request.sampling);
        addVerdicts(r, a.task.json, j);
        return j;
    });
    if (a.session != 0)
        job.model = [&](app::AppCore& core) { return core.sessionModel(a.session); };
    return runTaskCommand("ask", a.task, job);
}

Run setup(CLI::App& root) {
    auto a = std::make_shared<Args>();
    CLI::App* cmd = root.add_subcommand("ask", "Ask a question about documents (multi-turn with --session)");
    cmd->add_option("args", a->positional, "FILES... QUESTION (only QUESTION with --session)")->required();
    cmd->add_option("--session", a->session, "Continue this session (its documents, history and saved prefix)");
    cmd->add_flag("--no-snapshot", a->noSnapshot, "Neither load nor save KV snapshots");
    cmd->add_option("--guard", a->task.guard,
                    "A guard model (Llama Guard 3, GGUF or Hugging Face folder): the question is screened before it is "
                    "answered (refused when unsafe) and the answer after it (its verdict stored with it)");
    cmd->add_flag("--answer-unsafe", a->answerUnsafe, "Answer a question the guard finds unsafe (its verdict is kept)");
    addTaskOptions(cmd, a->task);
    return [a] { return run(*a); };
}

const Registrar registrar("ask", 41, setup);

}  // namespace
}  // namespace lectern::cli
