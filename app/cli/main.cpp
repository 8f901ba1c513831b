// lectern-cli: Lectern without a window. Subcommands live one per file in this folder.
#include <algorithm>
#include <cstdio>
#include <exception>
#include <utility>

#include "command.h"

namespace lectern::cli {

std::vector<Registered>& registry() {
    static std::vector<Registered> commands;
    return commands;
}

Registrar::Registrar(const char* name, int order, Setup setup) {
    registry().push_back({name, order, setup});
}

int exit_code_for(const Error& error) {
    switch (error.code) {
    case ErrorCode::InvalidArgument: return kExitUsage;
    case ErrorCode::Io:
    case ErrorCode::NotFound:
    case ErrorCode::Corrupt: return kExitInput;
    case ErrorCode::UnsupportedModel:
    case ErrorCode::Unsupported: return kExitUnsupported;
    case ErrorCode::OutOfMemory:
    case ErrorCode::OutOfDeviceMemory:
    case ErrorCode::DiskFull: return kExitResources;
    case ErrorCode::NeedsPassword: return kExitNeedsPassword;
    case ErrorCode::Cancelled: return kExitCancelled;
    default: return kExitFailure;
    }
}

int report(const std::string& command, const Error& error) {
    std::fprintf(stderr, "lectern-cli %s: %s\n", command.c_str(), error.to_string().c_str());
    return exit_code_for(error);
}

}  // namespace lectern::cli

int main(int argc, char** argv) {
    using namespace lectern::cli;
    CLI::App app{"Lectern: read whole documents with a local Llama 3.", "lectern-cli"};
    app.require_subcommand(1);
    app.footer(
        "Exit codes: 0 success, 1 failure, 2 bad usage, 3 missing or malformed input,\n"
        "4 unsupported input, 5 out of memory or disk, 6 document needs a password,\n"
        "130 cancelled.");

    auto commands = registry();
    std::stable_sort(commands.begin(), commands.end(),
                     [](const Registered& a, const Registered& b) { return a.order < b.order; });
    std::vector<std::pair<CLI::App*, Run>> runs;
    for (const Registered& c : commands) {
        Run run = c.setup(app);
        runs.emplace_back(app.get_subcommand(c.name), std::move(run));
    }
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        int code = app.exit(e);
        return code == 0 ? kExitOk : kExitUsage;
    }
    for (auto& [sub, run] : runs) {
        if (!sub->parsed()) continue;
        // Commands return errors as Results; anything that escapes them is still reported,
        // never left to terminate() with an open database.
        try {
            return run();
        } catch (const std::exception& e) {
            std::fprintf(stderr, "lectern-cli %s: internal error: %s\n", sub->get_name().c_str(), e.what());
        } catch (...) {
            std::fprintf(stderr, "lectern-cli %s: internal error (an exception that is not a std::exception)\n",
                         sub->get_name().c_str());
        }
        return kExitFailure;
    }
    return kExitUsage;
}
