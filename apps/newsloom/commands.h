// Each subcommand of the newsloom CLI lives in its own cmd_<name>.cc and registers itself here.
// A command parses its flags into a plain struct and calls the library; it returns the exit code.
#ifndef NEWSLOOM_APPS_COMMANDS_H_
#define NEWSLOOM_APPS_COMMANDS_H_

#include <CLI/CLI.hpp>
#include <cstdio>
#include <functional>
#include <nlohmann/json.hpp>

namespace newsloom::cli {

// `j` on stdout and a newline: indented by `indent` (-1: one line); invalid UTF-8 replaced.
inline void PrintJson(const nlohmann::json& j, int indent = 2) {
  std::printf("%s\n", j.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
}

// The command to run after parsing; set by the subcommand's callback.
using Runner = std::function<int()>;

void AddIngestCommand(CLI::App& app, Runner& run);
void AddExtractCommand(CLI::App& app, Runner& run);
void AddStoriesCommands(CLI::App& app, Runner& run);  // stories, story
void AddSearchCommand(CLI::App& app, Runner& run);
void AddEvalCommand(CLI::App& app, Runner& run);
// Benchmark workloads stay out of the library: bench/workloads/bench_command.cc.
void AddBenchCommand(CLI::App& app, Runner& run);
void AddTrainCommand(CLI::App& app, Runner& run);
void AddDedupCommand(CLI::App& app, Runner& run);
void AddEntitiesCommand(CLI::App& app, Runner& run);
void AddQuotesCommand(CLI::App& app, Runner& run);
void AddServeCommand(CLI::App& app, Runner& run);
void AddQueueCommands(CLI::App& app, Runner& run);  // worker, cluster, status
void AddWatchCommand(CLI::App& app, Runner& run);
void AddSourcesCommand(CLI::App& app, Runner& run);

}  // namespace newsloom::cli

#endif  // NEWSLOOM_APPS_COMMANDS_H_
