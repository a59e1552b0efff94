// Streaming story clustering on a long synthetic stream: the development articles (analysed
// once), re-issued with new ids, publication days advancing through the stream and a share of
// their terms dropped, so that each pass over the development set adds new stories. Items are
// made in batches, so the stream takes no memory of its own. Reports articles/s, the peak
// resident memory and the peak bytes of the clusterer's active window (stories that can still
// take articles or threads, and the indexes). Fails when the data is absent.
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "analyze/analyze.h"
#include "cluster/story_clusterer.h"
#include "workload.h"

namespace newsloom {
namespace {

double PeakRssMb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;  // Linux: kilobytes
}

const std::vector<AnalyzedArticle>* Pool() {
  static std::vector<AnalyzedArticle>* pool = [] {
    auto* out = new std::vector<AnalyzedArticle>;
    auto dev = bench::LoadDevArticles(NEWSLOOM_SHARED_DIR);
    if (!dev.ok()) return out;
    int i = 0;
    for (const bench::DevArticle& d : *dev) {
      Article a;
      a.id = "d" + std::to_string(i++);
      a.body = d.text;
      auto analyzed = analyze::Analyze(std::move(a));
      if (analyzed.ok()) out->push_back(std::move(*analyzed));
    }
    return out;
  }();
  return pool;
}

// Stream item `i`: pool article i % pool size, published on day i / per_day from 2020-01-01,
// with a fifth of its terms dropped at random (fixed seed) and each pass's terms suffixed so
// that passes are distinct events.
AnalyzedArticle StreamItem(const std::vector<AnalyzedArticle>& pool, long i, long per_day,
                           std::mt19937_64& rng) {
  const AnalyzedArticle& base = pool[static_cast<size_t>(i) % pool.size()];
  const long pass = i / static_cast<long>(pool.size());
  AnalyzedArticle a;
  a.article.id = "x" + std::to_string(i);
  a.article.published = Date::FromDays(Date::FromIso("2020-01-01")->DaysSinceEpoch() + i / per_day);
  a.terms.reserve(base.terms.size());
  for (const Term& t : base.terms) {
    if (rng() % 5 == 0) continue;
    Term copy = t;
    if (pass > 0) copy.term += "~" + std::to_string(pass % 50);
    a.terms.push_back(std::move(copy));
  }
  std::sort(a.terms.begin(), a.terms.end(),
            [](const Term& x, const Term& y) { return x.term < y.term; });
  return a;
}

void BM_ClusterStream(benchmark::State& state) {
  const std::vector<AnalyzedArticle>* pool = Pool();
  if (pool->empty()) {
    state.SkipWithError("development data not found under " NEWSLOOM_SHARED_DIR "/data");
    std::fprintf(stderr, "cluster_bench: development data not found under %s/data\n",
                 NEWSLOOM_SHARED_DIR);
    return;
  }
  const long count = state.range(0);
  const long per_day = state.range(1);
  const double rss_before = PeakRssMb();
  size_t peak_active = 0, active_stories = 0;
  for (auto _ : state) {
    state.PauseTiming();
    std::mt19937_64 rng(7);
    cluster::StoryClusterer clusterer;
    state.ResumeTiming();
    // Items are made in batches outside the timing.
    std::vector<AnalyzedArticle> batch;
    for (long start = 0; start < count; start += 2048) {
      state.PauseTiming();
      batch.clear();
      for (long i = start; i < std::min(count, start + 2048); ++i) {
        batch.push_back(StreamItem(*pool, i, per_day, rng));
      }
      state.ResumeTiming();
      for (const AnalyzedArticle& a : batch) benchmark::DoNotOptimize(clusterer.Add(a));
    }
    peak_active = clusterer.PeakActiveBytes();
    active_stories = clusterer.ActiveStories();
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) * count);
  state.counters["peak_rss_mb"] = PeakRssMb();
  state.counters["peak_rss_growth_mb"] = PeakRssMb() - rss_before;
  state.counters["peak_active_window_mb"] = static_cast<double>(peak_active) / (1 << 20);
  state.counters["active_stories_at_end"] = static_cast<double>(active_stories);
}
// Articles, articles per day. Run one size per process (--benchmark_filter) for its own peak
// resident memory.
BENCHMARK(BM_ClusterStream)
    ->Args({20000, 2000})
    ->Args({100000, 2000})
    ->Args({500000, 2000})
    ->Args({1000000, 2000})
    ->Iterations(1)
    ->Unit(benchmark::kSecond);

}  // namespace
}  // namespace newsloom
