// `lectern-cli translate FILE --to LANG`: the document translated segment by segment,
// paragraphs and pages kept, with a glossary carried along. Each segment is checkpointed
// in the database: after Ctrl-C or a crash, the same command resumes where it stopped.
#include <memory>
#include <string>

#include "command.h"
#include "task_common.h"
#include "task_documents.h"
#include "translate_task.h"

namespace lectern::cli {
namespace {

struct Args {
    TaskOptions task;
    std::string file;
    app::TranslateRequest request;
};

int run(Args& a) {
    auto store = openTaskStore(a.task);
    if (!store) return report("translate", store.error());
    auto docs = app::readDocuments({a.file});
    if (!docs) return report("translate", docs.error());
    a.request.document = std::move(docs->front());
    a.request.maxOutputTokens = a.task.maxTokens;
    auto engine = openTaskEngine(a.task);
    if (!engine) return report("translate", engine.error());
    return runTaskCommand("translate", a.task, [&](const app::TaskContext& ctx) -> Result<nlohmann::json> {
        auto r = app::runTranslate(**engine, *store, a.request, ctx);
        if (!r) return r.error();
        return nlohmann::json{{"session", r->sessionId}, {"run", r->runId}, {"text", r->text},
                              {"segments", r->segments}, {"segment_count", r->segmentCount},
                              {"resumed_from", r->resumedFrom}, {"translated_now", r->translatedNow},
                              {"stopped", r->stopped}, {"glossary", r->glossary}};
    });
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
