// `lectern-cli review DIR` or `lectern-cli review --diff [REPO]`: a code review of a folder
// (honoring .gitignore) or of a repository's uncommitted changes. Findings are lines
// "path:line: severity: message"; each is checked against the lines the model was shown,
// and --json lists them with "verified" and, when not, why.
#include <memory>
#include <string>

#include "command.h"
#include "task_common.h"

namespace lectern::cli {
namespace {

struct Args {
    TaskOptions task;
    std::string path = ".";
    bool diff = false;
};

nlohmann::json findingsJson(const std::vector<app::Finding>& findings) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& f : findings)
        out.push_back({{"path", f.path}, {"line", f.line}, {"severity", f.severity}, {"message", f.message},
                       {"verified", f.verified}, {"problem", f.problem}});
    return out;
}

int run(Args& a) {
    app::ReviewRequest request;
    request.maxTokens = a.task.maxTokens;
    request.sampling = taskSampling(a.task, request.sampling);
    app::ReviewSource source;
    if (a.diff)
        source.diffRepository = a.path;
    else
        source.paths = {a.path};
    TaskJob job;
    job.submit = [&](app::AppCore& core) { return core.review(request, source); };
    job.inputs = {a.path};
    job.toJson = resultAs<app::ReviewResult>([&](const app::ReviewResult& r) {
        return nlohmann::json{{"session", r.sessionId}, {"output", r.output}, {"stopped", r.stopped},
                              {"prompts", r.prompts}, {"resumed_prompts", r.resumedPrompts},
                              {"findings", findingsJson(r.findings)}, {"notes", r.notes},
                              {"sampling", samplingJson(request.sampling)}};
    });
    return runTaskCommand("review", a.task, job);
}

Run setup(CLI::App& root) {
    auto a = std::make_shared<Args>();
    CLI::App* cmd = root.add_subcommand("review", "Review a folder of code, or a git repository's changes (--diff)");
    cmd->add_option("path", a->path, "A folder of code, or with --diff a git repository")->capture_default_str();
    cmd->add_flag("--diff", a->diff, "Review the uncommitted changes against HEAD (libgit2)");
    a->task.maxTokens = 1024;
    addTaskOptions(cmd, a->task);
    return [a] { return run(*a); };
}

const Registrar registrar("review", 42, setup);

}  // namespace
}  // namespace lectern::cli
