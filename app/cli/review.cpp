// `lectern-cli review DIR` or `lectern-cli review --diff [REPO]`: a code review of a folder
// (honoring .gitignore) or of a repository's uncommitted changes. Findings are lines
// "path:line: severity: message"; each is checked against the lines the model was shown,
// and --json lists them with "verified" and, when not, why.
#include <memory>
#include <string>

#include "command.h"
#include "git_diff.h"
#include "review_task.h"
#include "task_common.h"
#include "task_documents.h"

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
    auto store = openTaskStore(a.task);
    if (!store) return report("review", store.error());
    app::ReviewRequest request;
    request.maxTokens = a.task.maxTokens;
    if (a.diff) {
        auto diff = app::readGitDiff(a.path);
        if (!diff) return report("review", diff.error());
        request.documents = {std::move(diff->document)};
        request.shown = std::move(diff->shown);
        request.alreadyNumbered = true;
        request.what = "diff";
    } else {
        auto docs = app::readDocuments({a.path});
        if (!docs) return report("review", docs.error());
        request.documents = std::move(docs.value());
    }
    auto engine = openTaskEngine(a.task);
    if (!engine) return report("review", engine.error());
    return runTaskCommand("review", a.task, [&](const app::TaskContext& ctx) -> Result<nlohmann::json> {
        auto r = app::runReview(**engine, *store, request, ctx);
        if (!r) return r.error();
        return nlohmann::json{{"session", r->sessionId}, {"output", r->output}, {"stopped", r->stopped},
                              {"prompts", r->prompts}, {"resumed_prompts", r->resumedPrompts},
                              {"findings", findingsJson(r->findings)}};
    });
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
