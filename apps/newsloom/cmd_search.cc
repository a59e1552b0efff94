#include <cstdio>

#include "commands.h"

namespace newsloom::cli {

void AddSearchCommand(CLI::App& app, Runner& run) {
  auto* cmd = app.add_subcommand("search", "not available yet");
  cmd->allow_extras();
  cmd->callback([&run] {
    run = [] {
      std::fprintf(stderr, "newsloom: search is not available yet\n");
      return 2;
    };
  });
}

}  // namespace newsloom::cli
