// Near-duplicate detection on the synthetic workload (bench/workload.h): quality of MinHash LSH
// candidates and of signature-estimated similarity against exact shingle Jaccard at 0.8, and
// the throughput of fingerprinting plus the copy detector. Fails when the data is absent.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "analyze/analyze.h"
#include "dedup/copy_detector.h"
#include "text/hash.h"
#include "workload.h"

namespace newsloom {
namespace {

constexpr double kNearDuplicate = 0.8;

struct Prepared {
  std::vector<AnalyzedArticle> articles;
  std::vector<std::vector<uint64_t>> shingles;
};

// Analysed synthetic articles, built once per process.
const Prepared* Prepare(int count) {
  static std::map<int, Prepared> cache;
  auto it = cache.find(count);
  if (it != cache.end()) return &it->second;
  auto dev = bench::LoadDevArticles(NEWSLOOM_SHARED_DIR);
  if (!dev.ok()) return nullptr;
  Prepared p;
  for (const bench::SyntheticArticle& s : bench::MakeWorkload(*dev, count)) {
    Article a;
    a.id = s.id;
    a.body = s.text;
    auto analyzed = analyze::Analyze(std::move(a));
    if (!analyzed.ok()) continue;
    p.shingles.push_back(analyze::ShingleHashes(analyzed->tokens, 5));
    p.articles.push_back(std::move(*analyzed));
  }
  return &cache.emplace(count, std::move(p)).first->second;
}

bool Fail(benchmark::State& state) {
  state.SkipWithError("development data not found under " NEWSLOOM_SHARED_DIR "/data");
  std::fprintf(stderr, "dedup_bench: development data not found under %s/data\n",
               NEWSLOOM_SHARED_DIR);
  return false;
}

// LSH band keys as the copy detector computes them: `bands` bands of rows over the signature.
std::vector<uint64_t> BandKeys(const std::vector<uint32_t>& sig, int bands) {
  std::vector<uint64_t> keys;
  const size_t rows = sig.size() / static_cast<size_t>(bands);
  for (int b = 0; b < bands; ++b) {
    keys.push_back(text::Hash64(
        std::string_view(reinterpret_cast<const char*>(&sig[b * rows]), rows * sizeof(uint32_t)),
        static_cast<uint64_t>(b)));
  }
  return keys;
}

// Pairs at exact Jaccard >= 0.8 (all pairs, pruned by set sizes) against LSH candidate pairs
// verified by the 128-value signature estimate.
void BM_NearDuplicateQuality(benchmark::State& state) {
  const Prepared* p = Prepare(static_cast<int>(state.range(0)));
  if (p == nullptr) {
    Fail(state);
    return;
  }
  const int bands = static_cast<int>(state.range(1));
  const size_t n = p->articles.size();
  double truth = 0, candidate_hits = 0, predicted = 0, correct = 0;
  for (auto _ : state) {
    std::set<std::pair<int, int>> gold;
    std::vector<int> order(n);
    for (size_t i = 0; i < n; ++i) order[i] = static_cast<int>(i);
    std::sort(order.begin(), order.end(),
              [&](int a, int b) { return p->shingles[a].size() < p->shingles[b].size(); });
    for (size_t x = 0; x < n; ++x) {
      const auto& sa = p->shingles[order[x]];
      for (size_t y = x + 1; y < n; ++y) {
        const auto& sb = p->shingles[order[y]];
        if (static_cast<double>(sa.size()) < kNearDuplicate * static_cast<double>(sb.size())) break;
        if (analyze::Jaccard(sa, sb) >= kNearDuplicate) {
          gold.insert(std::minmax(order[x], order[y]));
        }
      }
    }
    std::unordered_map<uint64_t, std::vector<int>> buckets;
    std::set<std::pair<int, int>> candidates;
    for (size_t i = 0; i < n; ++i) {
      for (uint64_t key : BandKeys(p->articles[i].minhash, bands)) {
        auto& list = buckets[key];
        for (int j : list) candidates.insert({j, static_cast<int>(i)});
        list.push_back(static_cast<int>(i));
      }
    }
    truth = static_cast<double>(gold.size());
    candidate_hits = predicted = correct = 0;
    for (const auto& [a, b] : candidates) {
      const bool is_gold = gold.count({a, b}) > 0;
      candidate_hits += is_gold;
      if (analyze::EstimateJaccard(p->articles[a].minhash, p->articles[b].minhash) >=
          kNearDuplicate) {
        ++predicted;
        correct += is_gold;
      }
    }
  }
  state.counters["articles"] = static_cast<double>(n);
  state.counters["gold_pairs"] = truth;
  state.counters["candidate_recall"] = truth > 0 ? candidate_hits / truth : 0;
  state.counters["estimate_precision"] = predicted > 0 ? correct / predicted : 0;
  state.counters["estimate_recall"] = truth > 0 ? correct / truth : 0;
}
BENCHMARK(BM_NearDuplicateQuality)
    ->Args({3000, 32})
    ->Args({3000, 16})
    ->Iterations(1)
    ->Unit(benchmark::kMillisecond);

// Fingerprints (shingles and MinHash signature from the tokens) plus CopyDetector::Add.
void BM_FingerprintAndDetect(benchmark::State& state) {
  const Prepared* p = Prepare(static_cast<int>(state.range(0)));
  if (p == nullptr) {
    Fail(state);
    return;
  }
  size_t bytes = 0;
  for (auto _ : state) {
    dedup::CopyDetector detector;
    for (const AnalyzedArticle& a : p->articles) {
      auto shingles = analyze::ShingleHashes(a.tokens, 5);
      auto signature = analyze::MinHashSignature(shingles, 128);
      benchmark::DoNotOptimize(signature.data());
      detector.Add(a);
    }
    bytes = detector.ApproximateBytes();
    benchmark::DoNotOptimize(detector.Groups());
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(p->articles.size()));
  state.counters["index_bytes_per_article"] =
      static_cast<double>(bytes) / static_cast<double>(std::max<size_t>(1, p->articles.size()));
}
BENCHMARK(BM_FingerprintAndDetect)->Arg(3000)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace newsloom
