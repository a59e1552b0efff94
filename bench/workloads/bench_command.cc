#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "commands.h"
#include "workloads/ingest_workload.h"
#include "workloads/search_bench.h"
#include "workloads/synthetic_store.h"

namespace newsloom::cli {

namespace {

// Seeds from the development data: ECB+ dev articles and the Timeline17 dev folders.
int RunServeStore(bench::SyntheticStoreOptions store_options,
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
  auto report = bench::BuildSyntheticStore(store_options);
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

struct SearchBenchFlags {
  std::string queries_from;  // SQLite store to pick the queries from; default: --db
  bool list = false;         // print the queries, one a line, and time nothing
};

// The 50 queries of bench::PickBenchmarkQueries, each timed as a single request; JSON out.
int RunSearchBench(const std::string& db, const SearchBenchFlags& flags, int runs) {
  if (db.empty()) {
    std::fprintf(stderr, "newsloom bench search: --db is required\n");
    return 2;
  }
  auto queries = bench::PickBenchmarkQueries(flags.queries_from.empty() ? db : flags.queries_from);
  if (!queries.ok()) {
    std::fprintf(stderr, "newsloom bench search: %s\n", queries.status().ToString().c_str());
    return 1;
  }
  if (flags.list) {
    for (const bench::BenchmarkQuery& q : *queries) std::printf("%s\n", q.text.c_str());
    return 0;
  }
  auto timings = bench::TimeQueries(db, *queries, runs);
  if (!timings.ok()) {
    std::fprintf(stderr, "newsloom bench search: %s\n", timings.status().ToString().c_str());
    return 1;
  }
  nlohmann::json out = {{"db", db}, {"runs", runs}, {"queries", nlohmann::json::array()}};
  std::map<std::string, std::vector<double>> by_kind;
  for (const bench::QueryTiming& t : *timings) {
    out["queries"].push_back({{"kind", t.query.kind},
                              {"query", t.query.text},
                              {"hits", t.hits},
                              {"median_ms", t.median_ms},
                              {"median_cpu_ms", t.median_cpu_ms}});
    by_kind[t.query.kind].push_back(t.median_ms);
    by_kind["all"].push_back(t.median_ms);
  }
  for (auto& [kind, ms] : by_kind) {
    std::sort(ms.begin(), ms.end());
    out["summary"][kind] = {{"median_ms", ms[ms.size() / 2]}, {"worst_ms", ms.back()}};
  }
  std::printf("%s\n", out.dump(2).c_str());
  return 0;
}

}  // namespace

void AddBenchCommand(CLI::App& app, Runner& run) {
  auto* cmd = app.add_subcommand("bench", "Run a named end-to-end workload; prints JSON");
  static std::string workload;
  static bench::IngestBenchOptions options{.data_dir = "../shared/data", .work_dir = ""};
  cmd->add_option("workload", workload, "Workload name")
      ->required()
      ->check(CLI::IsMember({"ingest", "incremental", "serve-store", "search"}));
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
  static bench::SyntheticStoreOptions store_options;
  cmd->add_option("--db", store_options.db,
                  "serve-store: the store to build or reuse; search: the store to search");
  cmd->add_option("--articles", store_options.articles, "serve-store: articles at least")
      ->capture_default_str();
  // search: times the benchmark queries (--runs each, median) on one connection.
  static SearchBenchFlags search_flags;
  cmd->add_option("--queries-from", search_flags.queries_from,
                  "search: the SQLite store whose words give the queries (default: --db)");
  cmd->add_flag("--list", search_flags.list, "search: print the queries only");
  cmd->callback([&run] {
    run = [] {
      if (workload == "serve-store") return RunServeStore(store_options, options);
      if (workload == "search") return RunSearchBench(store_options.db, search_flags, options.runs);
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
