// `lectern-cli version`: the version and which backends this build has.
#include <cstdio>

#include "command.h"

namespace lectern::cli {
namespace {

Run setup(CLI::App& root) {
    root.add_subcommand("version", "Print Lectern's version and build configuration");
    return [] {
        std::printf("lectern %s\n", LECTERN_VERSION);
        std::printf("backends: cpu%s\n", LECTERN_HAVE_CUDA_BUILD ? ", cuda" : "");
        return 0;
    };
}

const Registrar registrar("version", 1000, setup);

}  // namespace
}  // namespace lectern::cli
