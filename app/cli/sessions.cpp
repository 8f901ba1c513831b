// `lectern-cli sessions list|show ID|export ID|delete ID`: the sessions kept in the store.
// --db PATH picks the database (default: $LECTERN_DATA_DIR or the XDG data folder);
// --json prints machine-readable output.
#include <cstdio>
#include <fstream>
#include <memory>
#include <string>

#include "command.h"
#include "json_text.h"
#include "session_export.h"
#include "store.h"

namespace lectern::cli {
namespace {

using namespace lectern::app;

struct Options {
    std::string db;
    bool json = false;
    std::int64_t id = 0;
    std::string format = "md";
    std::string output;
};

Result<Store> openStore(const Options& options) {
    return options.db.empty() ? Store::openDefault() : Store::open(options.db);
}

void printJson(const nlohmann::json& value) { std::printf("%s\n", app::dumpJson(value, 2).c_str()); }

int listSessions(const Options& options) {
    auto store = openStore(options);
    if (!store) return report("sessions list", store.error());
    auto sessions = store->sessions().list();
    if (!sessions) return report("sessions list", sessions.error());
    nlohmann::json out = nlohmann::json::array();
    for (const SessionRecord& session : *sessions) {
        auto messages = store->messages().list(session.id);
        if (!messages) return report("sessions list", messages.error());
        if (options.json) {
            nlohmann::json item = sessionJson(session);
            item["messages"] = messages->size();
            out.push_back(std::move(item));
        } else {
            std::printf("%6lld  %s  %4zu msgs  %s%s%s\n", static_cast<long long>(session.id),
                        formatTimestamp(session.updated).c_str(), messages->size(),
                        session.title.empty() ? "(untitled)" : session.title.c_str(),
                        session.model.empty() ? "" : "  · ", session.model.c_str());
        }
    }
    if (options.json) printJson(out);
    if (!options.json && sessions->empty()) std::fprintf(stderr, "no sessions\n");
    return kExitOk;
}

int showSession(const Options& options, const char* command, bool asExport) {
    auto store = openStore(options);
    if (!store) return report(command, store.error());
    auto transcript = loadTranscript(*store, options.id);
    if (!transcript) return report(command, transcript.error());
    bool json = asExport ? options.format == "json" : options.json;
    std::string text =
        json ? app::dumpJson(transcriptJson(*transcript), 2) + "\n" : transcriptMarkdown(*transcript);
    if (options.output.empty()) {
        std::fwrite(text.data(), 1, text.size(), stdout);
        return kExitOk;
    }
    std::ofstream out(options.output, std::ios::binary);
    out << text;
    out.close();
    if (!out) {
        return report(command,
                      make_error(ErrorCode::Io, "cannot write the export", options.output));
    }
    std::fprintf(stderr, "wrote %s\n", options.output.c_str());
    return kExitOk;
}

int deleteSession(const Options& options) {
    auto store = openStore(options);
    if (!store) return report("sessions delete", store.error());
    Status status = store->sessions().remove(options.id);
    if (!status) return report("sessions delete", status.error());
    if (options.json) {
        printJson({{"deleted", options.id}});
    } else {
        std::printf("deleted session %lld\n", static_cast<long long>(options.id));
    }
    return kExitOk;
}

Run setup(CLI::App& root) {
    auto options = std::make_shared<Options>();
    CLI::App* sessions = root.add_subcommand("sessions", "List, show, export or delete sessions");
    sessions->require_subcommand(1);
    sessions->add_option("--db", options->db, "Database file (default: the XDG data folder)");
    sessions->add_flag("--json", options->json, "Print JSON");

    CLI::App* list = sessions->add_subcommand("list", "Sessions, most recent first");
    CLI::App* show = sessions->add_subcommand("show", "A session's documents and messages");
    show->add_option("ID", options->id, "Session id")->required();
    CLI::App* exportCmd = sessions->add_subcommand("export", "Write a session as Markdown or JSON");
    exportCmd->add_option("ID", options->id, "Session id")->required();
    exportCmd->add_option("--format", options->format, "md or json")
        ->check(CLI::IsMember({"md", "json"}))
        ->capture_default_str();
    exportCmd->add_option("-o,--output", options->output, "Write to this file instead of stdout");
    CLI::App* remove = sessions->add_subcommand("delete", "Delete a session and its messages");
    remove->add_option("ID", options->id, "Session id")->required();
    // --db and --json may also follow the action: `sessions show 3 --json`.
    for (CLI::App* action : {list, show, exportCmd, remove}) action->fallthrough();

    return [options, list, show, exportCmd, remove]() -> int {
        if (list->parsed()) return listSessions(*options);
        if (show->parsed()) return showSession(*options, "sessions show", false);
        if (exportCmd->parsed()) return showSession(*options, "sessions export", true);
        if (remove->parsed()) return deleteSession(*options);
        return kExitUsage;
    };
}

const Registrar registrar("sessions", 60, setup);

}  // namespace
}  // namespace lectern::cli
