// `lectern-cli search QUERY...`: full-text search over every session's messages and every
// document's text. Words must all appear; --raw takes FTS5 syntax (phrases, OR, prefix*).
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "command.h"
#include "json_text.h"
#include "session_export.h"
#include "store.h"

namespace lectern::cli {
namespace {

using namespace lectern::app;

struct Options {
    std::vector<std::string> words;
    std::string db;
    bool json = false;
    bool raw = false;
    int limit = 20;
};

void printHit(const SearchHit& hit) {
    bool isMessage = hit.kind == SearchHit::Kind::Message;
    std::printf("%s %lld (%s) · %s %s\n    %s\n", isMessage ? "session" : "document",
                static_cast<long long>(hit.ownerId), hit.ownerTitle.c_str(),
                isMessage ? "message" : "at", hit.where.c_str(), hit.snippet.c_str());
}

int runSearch(const Options& options) {
    std::string query;
    for (const std::string& word : options.words) query += (query.empty() ? "" : " ") + word;
    auto store = options.db.empty() ? Store::openDefault() : Store::open(options.db);
    if (!store) return report("search", store.error());
    SearchOptions search{options.limit, options.raw, "**", "**"};
    auto hits = store->searchIndex().search(query, search);
    if (!hits) return report("search", hits.error());
    if (options.json) {
        nlohmann::json out = nlohmann::json::array();
        for (const SearchHit& hit : *hits) out.push_back(searchHitJson(hit));
        std::printf("%s\n", app::dumpJson(out, 2).c_str());
    } else {
        for (const SearchHit& hit : *hits) printHit(hit);
        std::fprintf(stderr, "%zu match%s\n", hits->size(), hits->size() == 1 ? "" : "es");
    }
    return kExitOk;
}

Run setup(CLI::App& root) {
    auto options = std::make_shared<Options>();
    CLI::App* search = root.add_subcommand("search", "Search messages and documents");
    search->add_option("QUERY", options->words, "Words to find")->required();
    search->add_option("--db", options->db, "Database file (default: the XDG data folder)");
    search->add_flag("--json", options->json, "Print JSON");
    search->add_flag("--raw", options->raw, "QUERY is FTS5 syntax (\"a phrase\", OR, NEAR, pre*)");
    search->add_option("-n,--limit", options->limit, "Most matches to print")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
    return [options] { return runSearch(*options); };
}

const Registrar registrar("search", 70, setup);

}  // namespace
}  // namespace lectern::cli
