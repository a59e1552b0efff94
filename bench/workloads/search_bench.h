// The search benchmark: a fixed list of queries chosen by a rule from a SQLite store's own words
// (so that it does not depend on who picks them), each timed as a single request on one
// connection. `newsloom bench search` prints it; scripts/load_test asks the server the same list.
#ifndef NEWSLOOM_SERVER_SEARCH_BENCH_H_
#define NEWSLOOM_SERVER_SEARCH_BENCH_H_

#include <cstdint>
#include <string>
#include <vector>

#include "newsloom/status.h"

namespace newsloom::bench {

struct BenchmarkQuery {
  std::string kind;  // "common", "rare" or "words"
  std::string text;
};

// 50 queries from the full-text vocabulary of the SQLite store at `path`. Words are terms of at
// least three ASCII letters that are not function words (text::IsStopword).
//   common: the 20 words in the most articles;
//   rare:   20 words spread evenly over the rarest tenth of the words (fewest articles first);
//   words:  10 of several words: the 1st+2nd, 3rd+4th, ... 9th+10th most common words, and the
//           first three words of 5 story titles spread evenly over the story list (from each
//           fifth of the list on, the first title giving three words and a new query).
// Deterministic: the same store gives the same list. kInvalidArgument when the store has too few
// words or stories to fill it.
Result<std::vector<BenchmarkQuery>> PickBenchmarkQueries(const std::string& path);

struct QueryTiming {
  BenchmarkQuery query;
  int hits = 0;
  double median_ms = 0;      // wall time, median of the runs
  double median_cpu_ms = 0;  // CPU time of the calling thread, median of the runs
};

// Runs every query `runs` times on one connection to `target` (any Store::Open target), in list
// order, 20 results each as the server asks.
Result<std::vector<QueryTiming>> TimeQueries(const std::string& target,
                                             const std::vector<BenchmarkQuery>& queries, int runs);

}  // namespace newsloom::bench

#endif  // NEWSLOOM_SERVER_SEARCH_BENCH_H_
