// Near-duplicate detection on the synthetic workload (bench/workload.h).
// - BM_NearDuplicateQuality: the copy detector's verified pairs at similarity >= 0.8 against
//   every pair at exact shingle Jaccard >= 0.8 (all pairs, pruned by set sizes), on analysed
//   articles.
// - BM_FingerprintAndDetect: fingerprinting (shingles, MinHash signature, body hash) plus
//   CopyDetector::Add over a stream of up to a million articles generated one batch at a time;
//   tokens come from a whitespace split outside the timing (segmentation is the analyzer's
//   cost). Reports articles/s and the detector's bytes per article.
// Fails when the development data is absent.
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "analyze/analyze.h"
#include "newsloom/dedup.h"
#include "text/hash.h"
#include "workload.h"

namespace newsloom {
namespace {

constexpr double kNearDuplicate = 0.8;

double PeakRssMb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;  // Linux: kilobytes
}

const std::vector<bench::DevArticle>* Dev() {
  static const auto* dev = [] {
    auto loaded = bench::LoadDevArticles(NEWSLOOM_SHARED_DIR);
    return loaded.ok() ? new std::vector<bench::DevArticle>(std::move(*loaded))
                       : new std::vector<bench::DevArticle>();
  }();
  return dev;
}

bool Fail(benchmark::State& state) {
  state.SkipWithError("development data not found under " NEWSLOOM_SHARED_DIR "/data");
  std::fprintf(stderr, "dedup_bench: development data not found under %s/data\n",
               NEWSLOOM_SHARED_DIR);
  return false;
}

void BM_NearDuplicateQuality(benchmark::State& state) {
  if (Dev()->empty()) {
    Fail(state);
    return;
  }
  const int count = static_cast<int>(state.range(0));
  dedup::DedupOptions options;
  options.exact_window = static_cast<int>(state.range(1));
  std::vector<AnalyzedArticle> articles;
  std::vector<std::vector<uint64_t>> shingles;
  for (const bench::SyntheticArticle& s : bench::MakeWorkload(*Dev(), count)) {
    Article a;
    a.id = s.id;
    a.body = s.text;
    a.published = s.published;
    auto analyzed = analyze::Analyze(std::move(a));
    if (!analyzed.ok()) continue;
    shingles.push_back(analyze::ShingleHashes(analyzed->tokens, options.shingle_words));
    articles.push_back(std::move(*analyzed));
  }
  const size_t n = articles.size();
  double truth = 0, predicted = 0, correct = 0;
  for (auto _ : state) {
    std::set<std::pair<uint32_t, uint32_t>> gold;
    std::vector<uint32_t> order(n);
    for (size_t i = 0; i < n; ++i) order[i] = static_cast<uint32_t>(i);
    std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
      return shingles[a].size() != shingles[b].size() ? shingles[a].size() < shingles[b].size()
                                                      : a < b;
    });
    for (size_t x = 0; x < n; ++x) {
      const auto& sa = shingles[order[x]];
      if (sa.empty()) continue;
      for (size_t y = x + 1; y < n; ++y) {
        const auto& sb = shingles[order[y]];
        if (static_cast<double>(sa.size()) < kNearDuplicate * static_cast<double>(sb.size())) break;
        if (analyze::Jaccard(sa, sb) >= kNearDuplicate)
          gold.insert(std::minmax(order[x], order[y]));
      }
    }
    dedup::CopyDetector detector(options);
    for (const AnalyzedArticle& a : articles) detector.Add(a);
    truth = static_cast<double>(gold.size());
    predicted = correct = 0;
    for (const dedup::CopyLink& link : detector.Links()) {
      if (link.similarity < kNearDuplicate) continue;
      ++predicted;
      correct += gold.count({link.first, link.second}) > 0;
    }
  }
  state.counters["articles"] = static_cast<double>(n);
  state.counters["gold_pairs"] = truth;
  state.counters["predicted_pairs"] = predicted;
  state.counters["precision"] = predicted > 0 ? correct / predicted : 0;
  state.counters["recall"] = truth > 0 ? correct / truth : 0;
}
// Articles, exact window (a window smaller than the stream verifies older pairs by sketches).
BENCHMARK(BM_NearDuplicateQuality)
    ->Args({3000, 5000})
    ->Args({3000, 500})
    ->Iterations(1)
    ->Unit(benchmark::kMillisecond);

// Tokens of a whitespace split: words of letters and digits, lower-cased; punctuation at a
// word's ends is dropped.
void WhitespaceTokens(const std::string& body, std::vector<Token>* tokens) {
  tokens->clear();
  size_t i = 0;
  while (i < body.size()) {
    while (i < body.size() && (body[i] == ' ' || body[i] == '\n')) ++i;
    size_t j = i;
    while (j < body.size() && body[j] != ' ' && body[j] != '\n') ++j;
    size_t b = i, e = j;
    while (b < e && std::ispunct(static_cast<unsigned char>(body[b]))) ++b;
    while (e > b && std::ispunct(static_cast<unsigned char>(body[e - 1]))) --e;
    if (e > b) {
      Token t;
      t.span = Span{static_cast<uint32_t>(b), static_cast<uint32_t>(e)};
      t.norm = body.substr(b, e - b);
      for (char& c : t.norm) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      t.is_word = true;
      tokens->push_back(std::move(t));
    }
    i = j;
  }
}

void BM_FingerprintAndDetect(benchmark::State& state) {
  if (Dev()->empty()) {
    Fail(state);
    return;
  }
  const long count = state.range(0);
  size_t bytes = 0;
  long groups = 0;
  for (auto _ : state) {
    state.PauseTiming();
    bench::WorkloadStream stream(*Dev());
    dedup::CopyDetector detector;
    std::vector<AnalyzedArticle> batch(1024);
    state.ResumeTiming();
    for (long start = 0; start < count; start += static_cast<long>(batch.size())) {
      state.PauseTiming();
      const size_t size = static_cast<size_t>(std::min<long>(batch.size(), count - start));
      for (size_t i = 0; i < size; ++i) {
        bench::SyntheticArticle s = stream.Next();
        AnalyzedArticle& a = batch[i];
        a.article.id = std::move(s.id);
        a.article.body = std::move(s.text);
        a.article.published = s.published;
        WhitespaceTokens(a.article.body, &a.tokens);
      }
      state.ResumeTiming();
      for (size_t i = 0; i < size; ++i) {
        AnalyzedArticle& a = batch[i];
        std::string normalized;
        for (const Token& t : a.tokens) {
          if (!normalized.empty()) normalized += ' ';
          normalized += t.norm;
        }
        a.body_hash = text::Hash64(normalized);
        const std::vector<uint64_t> shingles = analyze::ShingleHashes(a.tokens, 5);
        a.minhash = analyze::MinHashSignature(shingles, 128);
        detector.Add(a, shingles);
      }
    }
    state.PauseTiming();
    bytes = detector.ApproximateBytes();
    groups = static_cast<long>(detector.Groups().size());
    state.ResumeTiming();
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) * count);
  state.counters["index_bytes_per_article"] =
      static_cast<double>(bytes) / static_cast<double>(std::max<long>(1, count));
  state.counters["copy_groups"] = static_cast<double>(groups);
  state.counters["peak_rss_mb"] = PeakRssMb();
}
BENCHMARK(BM_FingerprintAndDetect)
    ->Arg(100000)
    ->Arg(1000000)
    ->Iterations(1)
    ->MeasureProcessCPUTime()
    ->Unit(benchmark::kSecond);

}  // namespace
}  // namespace newsloom
