#include <cstdio>

#include "commands.h"

namespace newsloom::cli {

void AddStoriesCommands(CLI::App& app, Runner& run) {
  for (const char* name : {"stories", "story"}) {
    auto* cmd = app.add_subcommand(name, "not available yet");
    cmd->allow_extras();
    cmd->callback([&run] {
      run = [] {
        std::fprintf(stderr, "newsloom: not available yet\n");
        return 2;
      };
    });
  }
}

}  // namespace newsloom::cli
