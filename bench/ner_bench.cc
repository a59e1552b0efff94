// Entity tagging speed: the English model (as LoadNerModel finds it) over CoNLL-2003 eng.testa,
// and the Spanish, Dutch and German models over their development files, tokens per second on one
// core. Needs ../shared/data and the models; fails with a message when either is absent.
#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdio>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "analyze/ner.h"

namespace {

using newsloom::analyze::ConllDocument;
using newsloom::analyze::NerTagger;

struct Fixture {
  std::vector<std::vector<std::vector<std::string_view>>> docs;
  std::vector<ConllDocument> storage;
  long tokens = 0;
  std::string error;
};

const Fixture& Data() {
  static Fixture* f = [] {
    auto* f = new Fixture;
    const std::string path = std::string(NEWSLOOM_SHARED_DIR) + "/data/ner/conll2003/eng.testa";
    auto docs = newsloom::analyze::ReadConll(path);
    if (!docs.ok()) {
      f->error = "CoNLL-2003 development data absent: " + docs.status().ToString();
      return f;
    }
    f->storage = std::move(*docs);
    for (const ConllDocument& d : f->storage) {
      auto& doc = f->docs.emplace_back();
      for (const auto& s : d.sentences) {
        doc.emplace_back(s.words.begin(), s.words.end());
        f->tokens += static_cast<long>(s.words.size());
      }
    }
    return f;
  }();
  return *f;
}

const NerTagger* Tagger(std::string* error) {
  static newsloom::Result<NerTagger>* tagger =
      new newsloom::Result<NerTagger>(newsloom::analyze::LoadNerModel("en"));
  if (!tagger->ok()) {
    *error = "entity model absent: " + tagger->status().ToString();
    return nullptr;
  }
  return &tagger->value();
}

void BM_NerTagTesta(benchmark::State& state) {
  const Fixture& data = Data();
  std::string error = data.error;
  const NerTagger* tagger = error.empty() ? Tagger(&error) : nullptr;
  if (!tagger) {
    state.SkipWithError(error.c_str());
    return;
  }
  for (auto _ : state) {
    for (const auto& doc : data.docs) benchmark::DoNotOptimize(tagger->TagDocument(doc));
  }
  state.SetItemsProcessed(state.iterations() * data.tokens);
  state.counters["tokens"] = static_cast<double>(data.tokens);
}
BENCHMARK(BM_NerTagTesta)->Unit(benchmark::kMillisecond);

// The same with a fresh tagger for each pass (loading it is not timed): the word cache starts
// empty, as on a first pass over unseen text.
void BM_NerTagTestaFirstPass(benchmark::State& state) {
  const Fixture& data = Data();
  if (!data.error.empty()) {
    state.SkipWithError(data.error.c_str());
    return;
  }
  for (auto _ : state) {
    state.PauseTiming();
    auto tagger =
        std::make_unique<newsloom::Result<NerTagger>>(newsloom::analyze::LoadNerModel("en"));
    if (!tagger->ok()) {
      state.SkipWithError(tagger->status().ToString().c_str());
      return;
    }
    state.ResumeTiming();
    for (const auto& doc : data.docs) benchmark::DoNotOptimize((*tagger)->TagDocument(doc));
    state.PauseTiming();
    tagger.reset();
    state.ResumeTiming();
  }
  state.SetItemsProcessed(state.iterations() * data.tokens);
  state.counters["tokens"] = static_cast<double>(data.tokens);
}
BENCHMARK(BM_NerTagTestaFirstPass)->Unit(benchmark::kMillisecond);

void BM_NerLoadModel(benchmark::State& state) {
  for (auto _ : state) {
    auto tagger = newsloom::analyze::LoadNerModel("en");
    if (!tagger.ok()) {
      state.SkipWithError(tagger.status().ToString().c_str());
      return;
    }
    benchmark::DoNotOptimize(tagger);
  }
}
BENCHMARK(BM_NerLoadModel)->Unit(benchmark::kMillisecond);

// A language's model over its development file, with a warm word cache (as BM_NerTagTesta).
struct LanguageSet {
  std::vector<ConllDocument> storage;
  std::vector<std::vector<std::vector<std::string_view>>> docs;
  long tokens = 0;
  newsloom::Result<NerTagger> tagger = newsloom::Status::NotFound("not loaded");
  std::string error;
};

const LanguageSet& LoadLanguageSet(const std::string& language, const std::string& file) {
  static auto* sets = new std::map<std::string, LanguageSet>();
  auto [it, added] = sets->try_emplace(language);
  LanguageSet& set = it->second;
  if (!added) return set;
  auto docs =
      newsloom::analyze::ReadNerData(std::string(NEWSLOOM_SHARED_DIR) + "/data/ner/" + file);
  if (!docs.ok()) {
    set.error = "development data absent: " + docs.status().ToString();
    return set;
  }
  set.storage = std::move(*docs);
  for (const ConllDocument& d : set.storage) {
    set.docs.push_back(newsloom::analyze::SentenceWords(d));
    for (const auto& s : d.sentences) set.tokens += static_cast<long>(s.words.size());
  }
  set.tagger = newsloom::analyze::LoadNerModel(language);
  if (!set.tagger.ok()) set.error = "entity model absent: " + set.tagger.status().ToString();
  return set;
}

void BM_NerTagLanguage(benchmark::State& state, const std::string& language,
                       const std::string& file) {
  const LanguageSet& set = LoadLanguageSet(language, file);
  if (!set.error.empty()) {
    state.SkipWithError(set.error.c_str());
    return;
  }
  for (auto _ : state) {
    for (const auto& doc : set.docs) benchmark::DoNotOptimize(set.tagger->TagDocument(doc));
  }
  state.SetItemsProcessed(state.iterations() * set.tokens);
  state.counters["tokens"] = static_cast<double>(set.tokens);
}
BENCHMARK_CAPTURE(BM_NerTagLanguage, es, "es", "conll2002/esp.testa")
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_NerTagLanguage, nl, "nl", "conll2002/ned.testa")
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_NerTagLanguage, de, "de", "germeval2014/NER-de-dev.tsv")
    ->Unit(benchmark::kMillisecond);

}  // namespace
