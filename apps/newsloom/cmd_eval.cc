#include <cstdio>
#include <map>
#include <string>

#include "commands.h"
#include "newsloom/eval.h"

namespace newsloom::cli {
namespace {

using EvalTask = Result<nlohmann::json> (*)(const eval::EvalOptions&);

const std::map<std::string, EvalTask>& Tasks() {
  static const std::map<std::string, EvalTask> tasks = {
      {"seeds", eval::RunSeedsEval},
      {"ner", eval::RunNerEval},
      {"clustering", eval::RunClusteringEval},
      {"extraction", eval::RunExtractionEval},
      {"extraction-text", eval::RunExtractionTextEval},
      {"pubdate", eval::RunPubdateEval},
      {"timex", eval::RunTimexEval},
      {"timeline", eval::RunTimelineEval},
      {"quotes", eval::RunQuotesEval},
  };
  return tasks;
}

}  // namespace

void AddEvalCommand(CLI::App& app, Runner& run) {
  auto* cmd = app.add_subcommand("eval", "Score a stage against a development set; prints JSON");
  static std::string task;
  static eval::EvalOptions options;
  std::vector<std::string> names;
  for (const auto& [name, fn] : Tasks()) names.push_back(name);
  cmd->add_option("task", task, "What to evaluate")->required()->check(CLI::IsMember(names));
  cmd->add_option("--data", options.data, "Development set (folder or file)")->required();
  cmd->add_option("--output", options.output, "Write predictions here (tasks that support it)");
  cmd->add_option("--lang", options.lang,
                  "Language of the set, ISO 639-1 (timex: else detected; ner: the model, else en)");
  cmd->callback([&run] {
    run = [] {
      Result<nlohmann::json> result = Tasks().at(task)(options);
      if (!result.ok()) {
        std::fprintf(stderr, "newsloom eval %s: %s\n", task.c_str(),
                     result.status().ToString().c_str());
        return 1;
      }
      PrintJson(*result);
      return 0;
    };
  });
}

}  // namespace newsloom::cli
