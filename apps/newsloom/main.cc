// The newsloom command line: parses flags and hands over to the library. Only this binary exits.
#include <CLI/CLI.hpp>
#include <cstdio>

#include "commands.h"

int main(int argc, char** argv) {
  CLI::App app{"newsloom: raw news pages in, stories out"};
  app.require_subcommand(1);
  newsloom::cli::Runner run;
  newsloom::cli::AddIngestCommand(app, run);
  newsloom::cli::AddExtractCommand(app, run);
  newsloom::cli::AddStoriesCommands(app, run);
  newsloom::cli::AddSearchCommand(app, run);
  newsloom::cli::AddEvalCommand(app, run);
  newsloom::cli::AddBenchCommand(app, run);
  newsloom::cli::AddTrainCommand(app, run);
  newsloom::cli::AddDedupCommand(app, run);
  newsloom::cli::AddEntitiesCommand(app, run);
  newsloom::cli::AddQuotesCommand(app, run);
  newsloom::cli::AddServeCommand(app, run);
  newsloom::cli::AddQueueCommands(app, run);
  newsloom::cli::AddWatchCommand(app, run);
  newsloom::cli::AddSourcesCommand(app, run);
  CLI11_PARSE(app, argc, argv);
  return run ? run() : 2;
}
