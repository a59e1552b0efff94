// The temporal-expression tagger over real sentences: the TEXT parts of the development TimeML
// sets, cut into sentences, each tagged with its document's creation time as anchor, in the
// set's language (BM_TagSentences: TempEval-3 English news; BM_TagSentencesIn/fr, es, de: the
// French and Spanish TimeBanks, WikiWarsDE). Items are sentences. Fails (exit 1) when the data
// is absent.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "eval/timex_tml.h"
#include "text/segment.h"
#include "timex/timex.h"

namespace {

struct Sentence {
  std::string text;
  std::optional<newsloom::Date> anchor;
};

std::vector<Sentence> LoadSentences(const std::string& set) {
  std::vector<Sentence> out;
  const std::filesystem::path root =
      std::filesystem::path(NEWSLOOM_SHARED_DIR) / "data/timex" / set;
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  for (auto it = std::filesystem::recursive_directory_iterator(root, ec);
       !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
    if (it->path().extension() == ".tml") files.push_back(it->path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& path : files) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream buf;
    buf << in.rdbuf();
    auto doc = newsloom::eval::ParseTimeml(buf.str());
    if (!doc.ok()) continue;
    const auto segmented = newsloom::text::Segment(doc->text);
    if (!segmented.ok()) continue;
    for (const newsloom::Span& s : segmented->sentences) {
      out.push_back({doc->text.substr(s.begin, s.size()), doc->dct});
    }
  }
  if (out.empty()) {
    std::fprintf(stderr, "timex_bench: no TimeML data under %s\n", root.c_str());
    std::exit(1);
  }
  return out;
}

const std::vector<Sentence>& Sentences(const std::string& set) {
  static auto* const loaded = new std::map<std::string, std::vector<Sentence>>;
  auto it = loaded->find(set);
  if (it == loaded->end()) it = loaded->emplace(set, LoadSentences(set)).first;
  return it->second;
}

void Tag(benchmark::State& state, const std::string& set, const char* language) {
  const std::vector<Sentence>& sentences = Sentences(set);
  size_t bytes = 0;
  for (const Sentence& s : sentences) bytes += s.text.size();
  size_t found = 0;
  for (auto _ : state) {
    for (const Sentence& s : sentences) {
      auto tags = newsloom::timex::TagTemporalExpressions(s.text, s.anchor, language);
      found += tags.size();
      benchmark::DoNotOptimize(tags);
    }
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * sentences.size()));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.counters["expressions_per_pass"] =
      static_cast<double>(found) / static_cast<double>(std::max<int64_t>(state.iterations(), 1));
}

void BM_TagSentences(benchmark::State& state) { Tag(state, "te3-train", "en"); }
BENCHMARK(BM_TagSentences)->Unit(benchmark::kMillisecond);

void BM_TagSentencesIn(benchmark::State& state, const char* set, const char* language) {
  Tag(state, set, language);
}
BENCHMARK_CAPTURE(BM_TagSentencesIn, fr, "ftib-dev", "fr")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_TagSentencesIn, es, "es-timebank-train", "es")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_TagSentencesIn, de, "wikiwars-de-dev", "de")->Unit(benchmark::kMillisecond);

}  // namespace
