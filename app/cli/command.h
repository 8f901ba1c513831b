// How lectern-cli's subcommands plug in: each command file defines a setup function that
// adds its subcommand and options to the root app and returns the function that runs it,
// and registers itself with a static Registrar. main() calls the one that was parsed.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "lectern/engine/result.h"

namespace lectern::cli {

// Exit codes of lectern-cli (documented in `lectern-cli --help` and the README).
enum ExitCode : int {
    kExitOk = 0,
    kExitFailure = 1,        // an unexpected failure
    kExitUsage = 2,          // bad command line
    kExitInput = 3,          // a file is missing, unreadable or malformed
    kExitUnsupported = 4,    // a well-formed input Lectern cannot handle
    kExitResources = 5,      // out of host/device memory or disk space
    kExitNeedsPassword = 6,  // an encrypted document
    kExitCancelled = 130,    // stopped by the user (SIGINT)
};

int exit_code_for(const Error& error);
// Prints "lectern-cli: <command>: <error>" on stderr and returns the matching exit code.
int report(const std::string& command, const Error& error);

using Run = std::function<int()>;
using Setup = Run (*)(CLI::App& root);

struct Registrar {
    Registrar(const char* name, int order, Setup setup);
};

struct Registered {
    const char* name;
    int order;  // position in --help
    Setup setup;
};
std::vector<Registered>& registry();

}  // namespace lectern::cli
