#include <cstdio>
#include <string>

#include "commands.h"
#include "pipeline/ingest_bench.h"

namespace newsloom::cli {

void AddBenchCommand(CLI::App& app, Runner& run) {
  auto* cmd = app.add_subcommand("bench", "Run a named end-to-end workload; prints JSON");
  static std::string workload;
  static bench::IngestBenchOptions options{.data_dir = "../shared/data"};
  cmd->add_option("workload", workload, "Workload name")
      ->required()
      ->check(CLI::IsMember({"ingest"}));
  cmd->add_option("--pages", options.pages, "Pages to generate")->capture_default_str();
  cmd->add_option("--threads", options.threads, "Extraction and analysis workers")
      ->capture_default_str();
  cmd->add_option("--runs", options.runs, "Runs; the median is reported")->capture_default_str();
  cmd->add_option("--data", options.data_dir, "Shared data folder")->capture_default_str();
  cmd->add_option("--seed", options.seed, "Seed of the generated pages")->capture_default_str();
  cmd->add_option("--work-dir", options.work_dir, "Keep pages and stores here (default: temp)");
  cmd->callback([&run] {
    run = [] {
      auto result = bench::RunIngestBench(options);
      if (!result.ok()) {
        std::fprintf(stderr, "newsloom bench %s: %s\n", workload.c_str(),
                     result.status().ToString().c_str());
        return 1;
      }
      std::printf("%s\n", result->dump(2).c_str());
      return 0;
    };
  });
}

}  // namespace newsloom::cli
