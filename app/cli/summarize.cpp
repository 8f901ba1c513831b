// `lectern-cli summarize FILES... [--language L]`: a summary of documents, in one pass when
// they fit the context, else by map-reduce over chunks (progress per chunk on stderr). After
// Ctrl-C or a crash, the same command continues from the part summaries already made.
#include <memory>
#include <string>
#include <vector>

#include "command.h"
#include "summarize_task.h"
#include "task_common.h"
#include "task_documents.h"

namespace lectern::cli {
namespace {

struct Args {
    TaskOptions task;
    std::vector<std::string> files;
    app::SummarizeRequest request;
};

int run(Args& a) {
    auto store = openTaskStore(a.task);
    if (!store) return report("summarize", store.error());
    auto docs = app::readDocuments(a.files);
    if (!docs) return report("summarize", docs.error());
    a.request.documents = std::move(docs.value());
    a.request.maxTokens = a.task.maxTokens;
    auto engine = openTaskEngine(a.task);
    if (!engine) return report("summarize", engine.error());
    return runTaskCommand("summarize", a.task, [&](const app::TaskContext& ctx) -> Result<nlohmann::json> {
        auto r = app::runSummarize(**engine, *store, a.request, ctx);
        if (!r) return r.error();
        return nlohmann::json{{"session", r->sessionId}, {"summary", r->summary}, {"stopped", r->stopped},
                              {"map_reduce", r->mapReduce}, {"chunk_tokens", r->chunkTokens},
                              {"part_summaries", r->partSummaries}, {"resumed_parts", r->resumedParts},
                              {"reduce_rounds", r->reduceRounds},
                              {"prompt_tokens", r->promptTokens}};
    });
}

Run setup(CLI::App& root) {
    auto a = std::make_shared<Args>();
    CLI::App* cmd = root.add_subcommand("summarize", "Summarize documents (map-reduce when they do not fit)");
    cmd->add_option("files", a->files, "PDF, text or Markdown files, or folders of code")->required();
    cmd->add_option("--language", a->request.language, "Language of the summary")->capture_default_str();
    cmd->add_option("--part-tokens", a->request.partTokens, "Most tokens of each part's summary")
        ->capture_default_str();
    addTaskOptions(cmd, a->task);
    return [a] { return run(*a); };
}

const Registrar registrar("summarize", 40, setup);

}  // namespace
}  // namespace lectern::cli
