// `lectern-cli screen FILES... --guard MODEL [--json]`: each page of the documents (each file of
// a folder, each section of an office document) screened by a guard model (Llama Guard 3) as a
// user's message. Prints the pages found unsafe or whose verdict could not be read, and a
// summary per document ("report.pdf: 2 of 12 pages flagged"); --json prints every unit's
// verdict. A page longer than the guard's context is skipped and said.
#include <map>
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
};

nlohmann::json unitJson(const app::ScreenedUnit& u) {
    nlohmann::json j{{"document", u.document}, {"locator", u.locator}, {"page", u.page}};
    if (u.verdict) {
        j["verdict"] = app::guardVerdictName(u.verdict->kind);
        j["categories"] = u.verdict->categories;
        if (u.verdict->kind == app::GuardVerdict::Kind::Malformed) j["problem"] = u.verdict->problem;
    } else {
        j["skipped"] = u.skipped;
    }
    return j;
}

// The flagged units and a line per document, on stdout.
void printSummary(const app::DocumentsScreened& s) {
    std::map<std::string, std::pair<int, int>> counts;  // document -> (flagged, units)
    std::vector<std::string> order;
    for (const auto& u : s.units) {
        if (!counts.count(u.document)) order.push_back(u.document);
        auto& c = counts[u.document];
        ++c.second;
        if (!u.verdict) {
            std::printf("%s, %s: skipped (%s)\n", u.document.c_str(), u.locator.c_str(), u.skipped.c_str());
            continue;
        }
        if (u.verdict->kind == app::GuardVerdict::Kind::Safe) continue;
        ++c.first;
        std::printf("%s, %s: %s\n", u.document.c_str(), u.locator.c_str(),
                    u.verdict->kind == app::GuardVerdict::Kind::Unsafe
                        ? app::guardVerdictText(*u.verdict).c_str()
                        : ("verdict not readable (" + u.verdict->problem + ")").c_str());
    }
    for (const auto& d : order)
        std::printf("%s: %d of %d flagged\n", d.c_str(), counts[d].first, counts[d].second);
}

int run(Args& a) {
    if (a.task.guard.empty())
        return report("screen", make_error(ErrorCode::InvalidArgument, "give the guard model: --guard MODEL"));
    TaskJob job;
    job.needsModel = false;
    job.inputs = a.files;
    job.submit = [&](app::AppCore& core) { return core.screenDocuments(a.files); };
    job.toJson = resultAs<app::DocumentsScreened>([&](const app::DocumentsScreened& s) {
        nlohmann::json units = nlohmann::json::array();
        for (const auto& u : s.units) units.push_back(unitJson(u));
        if (!a.task.json) printSummary(s);
        return nlohmann::json{{"units", units}};
    });
    return runTaskCommand("screen", a.task, job);
}

Run setup(CLI::App& root) {
    auto a = std::make_shared<Args>();
    CLI::App* cmd = root.add_subcommand("screen", "Screen each page of documents with a guard model (Llama Guard 3)");
    cmd->add_option("files", a->files, "PDFs, text or office files, folders of code")->required();
    cmd->add_option("--guard", a->task.guard, "The guard model: a Llama Guard 3 GGUF file or Hugging Face folder")
        ->required();
    cmd->add_option("--backend", a->task.backend, "Compute backend: cpu, cuda or auto (the GPU where there is one)");
    cmd->add_option("--threads", a->task.threads, "CPU threads (0: all)");
    cmd->add_flag("--json", a->task.json, "Print every unit's verdict as JSON");
    cmd->add_flag("-q,--quiet", a->task.quiet, "No progress on stderr");
    return [a] { return run(*a); };
}

const Registrar registrar("screen", 46, setup);

}  // namespace
}  // namespace lectern::cli
