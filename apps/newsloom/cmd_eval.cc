#include <cstdio>

#include "commands.h"

namespace newsloom::cli {

void AddEvalCommand(CLI::App& app, Runner& run) {
  auto* cmd = app.add_subcommand("eval", "not available yet");
  cmd->allow_extras();
  cmd->callback([&run] {
    run = [] {
      std::fprintf(stderr, "newsloom: eval is not available yet\n");
      return 2;
    };
  });
}

}  // namespace newsloom::cli
