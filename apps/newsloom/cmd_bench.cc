#include <cstdio>

#include "commands.h"

namespace newsloom::cli {

void AddBenchCommand(CLI::App& app, Runner& run) {
  auto* cmd = app.add_subcommand("bench", "not available yet");
  cmd->allow_extras();
  cmd->callback([&run] {
    run = [] {
      std::fprintf(stderr, "newsloom: bench is not available yet\n");
      return 2;
    };
  });
}

}  // namespace newsloom::cli
