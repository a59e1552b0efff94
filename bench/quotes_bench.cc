// Quotes and figures over development news articles (ECB+ dev and Timeline17 dev,
// bench/workload.h): FindQuotes and FindFigures together, per article, on one thread. Sentences and
// temporal expressions, which analysis computes before them anyway, are prepared outside the timed
// loop. Items are articles. Fails (exit 1) when the data is absent.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

#include "analyze/figures.h"
#include "newsloom/quotes.h"
#include "text/segment.h"
#include "timex/timex.h"
#include "workload.h"

namespace {

struct Prepared {
  std::string body;
  std::vector<newsloom::Span> sentences;
  std::vector<newsloom::Token> tokens;
  std::vector<newsloom::TemporalExpression> dates;
  std::optional<newsloom::Date> published;
};

constexpr size_t kMaxArticles = 3000;

const std::vector<Prepared>& Articles() {
  static const std::vector<Prepared>* const articles = [] {
    auto loaded = newsloom::bench::LoadDevArticles(NEWSLOOM_SHARED_DIR);
    if (!loaded.ok()) {
      std::fprintf(stderr, "quotes_bench: %s\n", loaded.status().ToString().c_str());
      std::exit(1);
    }
    auto* out = new std::vector<Prepared>;
    for (const auto& a : *loaded) {
      if (out->size() >= kMaxArticles) break;
      Prepared p;
      p.body = a.text;
      p.published = newsloom::Date::FromIso(a.published);
      auto seg = newsloom::text::Segment(p.body);
      if (!seg.ok()) continue;
      p.sentences = std::move(seg->sentences);
      p.tokens = newsloom::text::JoinHyphenated(std::move(seg->tokens));
      p.dates = newsloom::timex::TagTemporalExpressions(p.body, p.published, "en");
      out->push_back(std::move(p));
    }
    return out;
  }();
  return *articles;
}

void BM_QuotesAndFigures(benchmark::State& state) {
  const std::vector<Prepared>& articles = Articles();
  size_t bytes = 0;
  for (const Prepared& a : articles) bytes += a.body.size();
  size_t quotes = 0, figures = 0;
  for (auto _ : state) {
    for (const Prepared& a : articles) {
      auto q = newsloom::analyze::FindQuotes(a.body, a.tokens);
      auto f = newsloom::analyze::FindFigures(a.body, a.tokens, a.sentences, a.dates, a.published);
      quotes += q.size();
      figures += f.size();
      benchmark::DoNotOptimize(q.data());
      benchmark::DoNotOptimize(f.data());
    }
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * articles.size()));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.counters["articles/s"] = benchmark::Counter(
      static_cast<double>(state.iterations() * articles.size()), benchmark::Counter::kIsRate);
  state.counters["quotes_per_article"] =
      static_cast<double>(quotes) / static_cast<double>(state.iterations() * articles.size());
  state.counters["figures_per_article"] =
      static_cast<double>(figures) / static_cast<double>(state.iterations() * articles.size());
}
// Rates are per CPU second of the one benchmark thread: the figure for one core, whatever else
// runs on the machine.
BENCHMARK(BM_QuotesAndFigures)->Unit(benchmark::kMillisecond);

}  // namespace
