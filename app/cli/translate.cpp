// `lectern-cli translate FILE --to LANG`: the document translated segment by segment,
// paragraphs and pages kept, with a glossary carried along. Each segment is checkpointed
// in the database: after Ctrl-C or a crash, the same command resumes where it stopped.
#include <memory>
#include <string>

#include "command.h"
#include "task_common.h"

namespace lectern::cli {
namespace {

struct Args {
    TaskOptions task;
    std::string file;
    app::TranslateRequest request;
};

int run(Args& a) {
    a.request.maxOutputTokens = a.task.maxTokens;
    a.request.sampling = taskSampling(a.task, a.request.sampling);
    TaskJob job;
    job.submit = [&](app::AppCore& core) { return core.translate(a.request, a.file); };
    job.inputs = {a.file};
    job.toJson = resultAs<app::TranslateResult>([&](const app::TranslateResult& r) {
        return nlohmann::json{{"session", r.sessionId}, {"run", r.runId}, {"text", r.text},
                              {"segments", r.segments}, {"segment_count", r.segmentCount},
                              {"resumed_from", r.resumedFrom}, {"translated_now", r.translatedNow},
                              {"stopped", r.stopped}, {"glossary", r.glossary}, {"notes", r.notes},
                              {"sampling", samplingJson(a.request.sampling)}};
    });
    return runTaskCommand("translate", a.task, job);
}

Run setup(CLI::App& root) {
    auto a = std::make_shared<Args>();
    CLI::App* cmd = root.add_subcommand("translate", "Translate a document, resuming an unfinished run");
    cmd->add_option("file", a->file, "A PDF, text or Markdown file")->required();
    cmd->add_option("--to", a->request.language, "Target language (e.g. German, de)")->required();
    cmd->add_option("--segment-tokens", a->request.maxSegmentTokens, "Most source tokens per segment")
        ->capture_default_str();
    a->task.maxTokens = 0;  // per segment: 2 x its tokens + 64 unless -n is given
    addTaskOptions(cmd, a->task);
    return [a] { return run(*a); };
}

const Registrar registrar("translate", 43, setup);

}  // namespace
}  // namespace lectern::cli
