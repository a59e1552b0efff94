#include <cstdio>

#include "commands.h"

namespace newsloom::cli {

void AddExtractCommand(CLI::App& app, Runner& run) {
  auto* cmd = app.add_subcommand("extract", "not available yet");
  cmd->allow_extras();
  cmd->callback([&run] {
    run = [] {
      std::fprintf(stderr, "newsloom: extract is not available yet\n");
      return 2;
    };
  });
}

}  // namespace newsloom::cli
