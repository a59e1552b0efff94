// The "ingest" benchmark workload: at least N plain-text pages made by repeating and perturbing
// the development articles (paragraphs shuffled, dropped and edited, site boilerplate lines added,
// dates varied), ingested into a fresh SQLite store; pages per second and peak memory. And the
// "incremental" workload: the same pages in many small batches, the time of each.
#ifndef NEWSLOOM_BENCH_WORKLOADS_INGEST_WORKLOAD_H_
#define NEWSLOOM_BENCH_WORKLOADS_INGEST_WORKLOAD_H_

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

#include "newsloom/status.h"

namespace newsloom::bench {

struct IngestBenchOptions {
  std::string data_dir;  // the shared data folder: clustering/ecbplus-dev.jsonl, timeline/t17-dev
  int pages = 10000;     // pages to generate
  int threads = 1;       // extraction and analysis workers
  int runs = 3;          // ingests into fresh stores; the median is reported
  uint64_t seed = 1;     // the generated pages depend only on it and the data
  std::string work_dir;  // where pages and stores go; empty: a fresh temporary folder, removed
};

// Writes `pages` pages under `dir` (site-N/page-M.txt) from the development articles.
// kNotFound, naming the path, when the data is absent. Returns the bytes written.
Result<uint64_t> GenerateBenchPages(const std::string& data_dir, int pages, uint64_t seed,
                                    const std::string& dir);

// Runs the workload. JSON: {workload, pages, threads, runs, seconds: [..] (wall clock per run),
// pages_per_second (median wall clock), cpu_seconds: [..], pages_per_cpu_second (median; the figure
// that does not depend on other load on the machine), phase_seconds: [{read, extract, analyze,
// store, stories, briefs}] per run, mb_per_second, input_bytes, articles_stored, stories,
// peak_rss_mb}.
Result<nlohmann::json> RunIngestBench(const IngestBenchOptions& options);

// The "incremental" workload: the same pages ingested into one store in `batches` consecutive
// batches, each restoring the saved story state and committing the stories it changed.
struct IncrementalBenchOptions {
  IngestBenchOptions ingest;  // pages, threads, seed, data and work folders (runs unused)
  int batches = 100;
};

// JSON: {workload, pages, batches, threads, seconds: [..] and cpu_seconds: [..] per batch,
// story_seconds: [..] (restoring the state, adding, committing), of which brief_seconds: [..]
// (building the changed stories' briefs) and story_write_seconds: [..] (saving the state and
// writing it with the stories), stories_written: [..],
// batch_10_cpu_seconds, batch_100_cpu_seconds, batch_10_story_seconds, batch_100_story_seconds
// (null when there are fewer batches), stories, peak_rss_mb}.
Result<nlohmann::json> RunIncrementalBench(const IncrementalBenchOptions& options);

}  // namespace newsloom::bench

#endif  // NEWSLOOM_BENCH_WORKLOADS_INGEST_WORKLOAD_H_
