// A large store for load tests of the server, made from a few thousand real development articles:
// they go through the pipeline once, then perturbed clones of the analysed articles (new ids,
// shifted dates, paragraphs rotated with every span moved along) and of their stories are written
// straight to the store, without analysing again.
#ifndef NEWSLOOM_BENCH_WORKLOADS_SYNTHETIC_STORE_H_
#define NEWSLOOM_BENCH_WORKLOADS_SYNTHETIC_STORE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "newsloom/status.h"

namespace newsloom::bench {

struct SyntheticStoreOptions {
  std::string db;                        // the store to build (a SQLite file)
  std::vector<std::string> seed_inputs;  // pages ingested through the pipeline first
  int64_t articles = 100000;             // at least this many articles in the end
  int threads = 0;                       // ingest workers; 0: one per core
};

struct SyntheticStoreReport {
  int64_t seed_articles = 0;
  int64_t articles = 0;
  int64_t stories = 0;
  bool reused = false;  // the store already held enough articles: nothing was written
  double seconds = 0;
};

// Builds (or, when `db` already holds enough articles, reuses) the store. Deterministic: the same
// inputs give the same store. kInvalidArgument when the seed inputs give no article.
Result<SyntheticStoreReport> BuildSyntheticStore(const SyntheticStoreOptions& options);

}  // namespace newsloom::bench

#endif  // NEWSLOOM_BENCH_WORKLOADS_SYNTHETIC_STORE_H_
