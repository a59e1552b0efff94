// Store write and read throughput on synthetic analysed articles (about 5 KB of body each).
#include <benchmark/benchmark.h>

#include <filesystem>
#include <random>
#include <string>

#include "newsloom/store.h"

namespace newsloom {
namespace {

namespace fs = std::filesystem;

AnalyzedArticle MakeArticle(int n) {
  std::mt19937 random(static_cast<unsigned>(n));
  static const char* kWords[] = {"the",   "minister", "said",   "on",    "Tuesday", "that",
                                 "talks", "would",    "resume", "after", "storm",   "coast"};
  AnalyzedArticle a;
  a.article.id = "article-" + std::to_string(n);
  a.article.source = "bench#" + std::to_string(n);
  a.article.title = "Headline " + std::to_string(n);
  a.article.published = Date{2024, 6, 19};
  std::string& body = a.article.body;
  for (int w = 0; w < 900; ++w) {
    const uint32_t begin = static_cast<uint32_t>(body.size());
    const std::string word = kWords[random() % std::size(kWords)];
    body += word;
    a.tokens.push_back(Token{Span{begin, static_cast<uint32_t>(body.size())}, word, true, false});
    body += w % 20 == 19 ? ".\n" : " ";
  }
  for (uint32_t s = 0; s + 100 < body.size(); s += 120) a.sentences.push_back(Span{s, s + 100});
  for (uint32_t p = 0; p + 500 < body.size(); p += 600) {
    a.article.paragraphs.push_back(Paragraph{body.substr(p, 500), 0, Span{p, p + 500}});
  }
  for (int d = 0; d < 10; ++d) {
    a.dates.push_back(TemporalExpression{Span{0, 7}, "Tuesday", "DATE", "2024-06-18", true, -1});
    a.entities.push_back(EntityMention{Span{8, 16}, "minister", "PER"});
  }
  a.minhash.assign(128, static_cast<uint32_t>(random()));
  for (int t = 0; t < 200; ++t) a.terms.push_back(Term{"term" + std::to_string(t), 0.1f});
  return a;
}

fs::path FreshDb(const char* name) {
  const fs::path path = fs::temp_directory_path() / name;
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path.string() + suffix);
  return path;
}

void BM_PutArticle(benchmark::State& state) {
  const fs::path path = FreshDb("newsloom_store_bench.db");
  auto store = Store::Open(path.string());
  RawPage page;
  page.content_type = "text/plain";
  std::vector<AnalyzedArticle> articles;
  for (int i = 0; i < 256; ++i) articles.push_back(MakeArticle(i));
  page.bytes = articles[0].article.body;
  int64_t n = 0;
  int64_t bytes = 0;
  for (auto _ : state) {
    AnalyzedArticle& a = articles[static_cast<size_t>(n) % articles.size()];
    a.article.id = "article-" + std::to_string(n++);
    benchmark::DoNotOptimize((*store)->PutArticle(page, a));
    bytes += static_cast<int64_t>(a.article.body.size());
  }
  state.SetBytesProcessed(bytes);
  state.SetItemsProcessed(n);
  store->reset();
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path.string() + suffix);
}
BENCHMARK(BM_PutArticle)->Unit(benchmark::kMicrosecond);

// Batches of 512, as the pipeline writes them.
void BM_PutArticles(benchmark::State& state) {
  const fs::path path = FreshDb("newsloom_store_bench_batch.db");
  auto store = Store::Open(path.string());
  RawPage page;
  page.content_type = "text/plain";
  std::vector<AnalyzedArticle> articles;
  for (int i = 0; i < 512; ++i) articles.push_back(MakeArticle(i));
  page.bytes = articles[0].article.body;
  int64_t n = 0;
  int64_t bytes = 0;
  for (auto _ : state) {
    std::vector<Store::PageAndArticle> items;
    for (AnalyzedArticle& a : articles) {
      a.article.id = "article-" + std::to_string(n++);
      bytes += static_cast<int64_t>(a.article.body.size());
      items.push_back({&page, &a});
    }
    benchmark::DoNotOptimize((*store)->PutArticles(items));
  }
  state.SetBytesProcessed(bytes);
  state.SetItemsProcessed(n);
  store->reset();
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path.string() + suffix);
}
BENCHMARK(BM_PutArticles)->Unit(benchmark::kMillisecond);

void BM_ForEachArticle(benchmark::State& state) {
  const fs::path path = FreshDb("newsloom_store_bench_read.db");
  auto store = Store::Open(path.string());
  RawPage page;
  for (int i = 0; i < 500; ++i) (*store)->PutArticle(page, MakeArticle(i));
  int64_t n = 0;
  for (auto _ : state) {
    (*store)->ForEachArticle(LoadOptions{}, [&](AnalyzedArticle&& a) {
      benchmark::DoNotOptimize(a.tokens.data());
      ++n;
      return Status::Ok();
    });
  }
  state.SetItemsProcessed(n);
  store->reset();
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path.string() + suffix);
}
BENCHMARK(BM_ForEachArticle)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace newsloom
