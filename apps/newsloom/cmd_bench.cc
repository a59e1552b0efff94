#include <cstdio>
#include <filesystem>
#include <string>

#include "commands.h"
#include "pipeline/ingest_bench.h"
#include "server/synthetic_store.h"

namespace newsloom::cli {

namespace {

// Seeds from the development data: ECB+ dev articles and the Timeline17 dev folders.
int RunServeStore(server::SyntheticStoreOptions store_options,
                  const bench::IngestBenchOptions& options) {
  if (store_options.db.empty()) {
    std::fprintf(stderr, "newsloom bench serve-store: --db is required\n");
    return 2;
  }
  store_options.seed_inputs = {options.data_dir + "/clustering/ecbplus-dev.jsonl",
                               options.data_dir + "/timeline/t17-dev"};
  store_options.threads = options.threads;
  for (const std::string& input : store_options.seed_inputs) {
    if (!std::filesystem::exists(input)) {
      std::fprintf(stderr, "newsloom bench serve-store: no development data at %s\n",
                   input.c_str());
      return 1;
    }
  }
  auto report = server::BuildSyntheticStore(store_options);
  if (!report.ok()) {
    std::fprintf(stderr, "newsloom bench serve-store: %s\n", report.status().ToString().c_str());
    return 1;
  }
  std::printf(
      "{\"db\": \"%s\", \"seed_articles\": %lld, \"articles\": %lld, \"stories\": %lld, "
      "\"reused\": %s, \"seconds\": %.1f}\n",
      store_options.db.c_str(), static_cast<long long>(report->seed_articles),
      static_cast<long long>(report->articles), static_cast<long long>(report->stories),
      report->reused ? "true" : "false", report->seconds);
  return 0;
}

}  // namespace

void AddBenchCommand(CLI::App& app, Runner& run) {
  auto* cmd = app.add_subcommand("bench", "Run a named end-to-end workload; prints JSON");
  static std::string workload;
  static bench::IngestBenchOptions options{.data_dir = "../shared/data"};
  cmd->add_option("workload", workload, "Workload name")
      ->required()
      ->check(CLI::IsMember({"ingest", "incremental", "serve-store"}));
  cmd->add_option("--pages", options.pages, "Pages to generate")->capture_default_str();
  cmd->add_option("--threads", options.threads, "Extraction and analysis workers")
      ->capture_default_str();
  cmd->add_option("--runs", options.runs, "Runs; the median is reported")->capture_default_str();
  cmd->add_option("--data", options.data_dir, "Shared data folder")->capture_default_str();
  cmd->add_option("--seed", options.seed, "Seed of the generated pages")->capture_default_str();
  cmd->add_option("--work-dir", options.work_dir, "Keep pages and stores here (default: temp)");
  static int batches = 100;
  cmd->add_option("--batches", batches, "incremental: batches the pages are ingested in")
      ->capture_default_str();
  // serve-store: the large store that scripts/load_test serves.
  static server::SyntheticStoreOptions store_options;
  cmd->add_option("--db", store_options.db, "serve-store: the store to build or reuse");
  cmd->add_option("--articles", store_options.articles, "serve-store: articles at least")
      ->capture_default_str();
  cmd->callback([&run] {
    run = [] {
      if (workload == "serve-store") return RunServeStore(store_options, options);
      auto result = workload == "incremental"
                        ? bench::RunIncrementalBench({.ingest = options, .batches = batches})
                        : bench::RunIngestBench(options);
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
