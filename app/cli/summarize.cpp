// `lectern-cli summarize FILES... [--language L]`: a summary of documents, in one pass when
// they fit the context, else by map-reduce over chunks (progress per chunk on stderr). After
// Ctrl-C or a crash, the same command continues from the part summaries already made.
#include <memory>
#include <string>
#include <vector>

#include "command.h"
#include "task_common.h"

namespace lectern::cli {
namespace {

struct Args {
    TaskOptions task;
    std::vector<std::string> files;
    app::SummarizeRequest request;
};

int run(Args& a) {
    a.request.maxTokens = a.task.maxTokens;
    a.request.sampling = taskSampling(a.task, a.request.sampling);
    TaskJob job;
    job.submit = [&](app::AppCore& core) { return core.summarize(a.request, a.files); };
    job.inputs = a.files;
    job.toJson = resultAs<app::SummarizeResult>([&](const app::SummarizeResult& r) {
        return nlohmann::json{{"session", r.sessionId}, {"summary", r.summary}, {"stopped", r.stopped},
                              {"map_reduce", r.mapReduce}, {"chunk_tokens", r.chunkTokens},
                              {"part_summaries", r.partSummaries}, {"resumed_parts", r.resumedParts},
                              {"reduce_rounds", r.reduceRounds}, {"prompt_tokens", r.promptTokens},
                              {"notes", r.notes}, {"sampling", samplingJson(a.request.sampling)}};
    });
    return runTaskCommand("summarize", a.task, job);
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
