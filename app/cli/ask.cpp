// `lectern-cli ask [FILES...] QUESTION [--session ID]`: a question about documents. The
// documents' KV cache is saved as a snapshot in the cache folder, so `ask --session ID`
// later, in a new process, continues after prefilling only the new question. The answer
// streams on stdout; --json prints the answer, citations and token counts (prefilled
// counts are measured at the backend).
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
};

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

int run(Args& a) {
    if (a.positional.empty()) return report("ask", make_error(ErrorCode::InvalidArgument, "no question"));
    app::AskRequest request;
    request.sessionId = a.session;
    request.question = a.positional.back();
    request.maxTokens = a.task.maxTokens;
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
    addTaskOptions(cmd, a->task);
    return [a] { return run(*a); };
}

const Registrar registrar("ask", 41, setup);

}  // namespace
}  // namespace lectern::cli
