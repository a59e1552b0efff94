#include "analyze/ner.h"

#include <algorithm>
#include <cstdlib>
#include <deque>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>

#include "analyze/model_files.h"
#include "analyze/ner_decoder.h"
#include "analyze/ner_features.h"
#include "analyze/ner_io.h"
#include "analyze/ner_model.h"
#include "analyze/ner_word_cache.h"

namespace newsloom::analyze {
namespace {

// `word` with typographic quotes and apostrophes (U+2018/2019/201C/201D) replaced by ASCII ones;
// a rewritten copy is kept in `storage`.
std::string_view AsciiQuotes(std::string_view word, std::deque<std::string>* storage) {
  if (word.find("\xE2\x80") == std::string_view::npos) return word;
  std::string out;
  for (size_t i = 0; i < word.size(); ++i) {
    if (i + 2 < word.size() && word.compare(i, 2, "\xE2\x80") == 0) {
      unsigned char c = word[i + 2];
      if (c == 0x98 || c == 0x99 || c == 0x9c || c == 0x9d) {
        out += c <= 0x99 ? '\'' : '"';
        i += 2;
        continue;
      }
    }
    out += word[i];
  }
  storage->push_back(std::move(out));
  return storage->back();
}

}  // namespace

NerTagger::NerTagger() = default;
NerTagger::~NerTagger() = default;
NerTagger::NerTagger(NerTagger&&) noexcept = default;
NerTagger& NerTagger::operator=(NerTagger&&) noexcept = default;

NerTagger::NerTagger(NerModel model)
    : model_(std::make_unique<NerModel>(std::move(model))),
      cache_(std::make_unique<NerWordCache>()) {}

const NerFeatureGroups& NerTagger::groups() const { return model_->groups; }
size_t NerTagger::weight_rows() const { return model_->nonzero_rows; }
size_t NerTagger::gazetteer_size() const { return model_->gazetteer.size(); }
size_t NerTagger::cluster_words() const { return model_->clusters.size(); }

Status NerTagger::Save(const std::string& path) const {
  return WriteFileBytes(path, SerializeNerModel(*model_));
}

Result<NerTagger> NerTagger::Load(const std::string& path) {
  std::string bytes;
  NEWSLOOM_RETURN_IF_ERROR(ReadFileBytes(path, &bytes));
  Result<NerModel> model = ParseNerModel(bytes, path);
  if (!model.ok()) return model.status();
  return NerTagger(std::move(model).value());
}

std::vector<std::vector<int>> NerTagger::TagDocument(
    const std::vector<std::vector<std::string_view>>& sentences) const {
  const NerModel& m = *model_;
  DocFeatures doc = Featurize(m, sentences, nullptr, cache_.get());
  return DecodeDocument(m, doc);
}

NerTokens ReadNerTokens(std::string_view body, const std::vector<Token>& tokens,
                        const std::vector<Span>& sentences) {
  // Group tokens by sentence: inside sentence k -> group 2k+1, between sentences -> even groups.
  NerTokens out;
  std::vector<std::vector<std::string_view>>& words = out.words;
  std::vector<std::vector<Span>>& spans = out.spans;
  size_t k = 0;
  long group = -1;
  uint32_t last_end = 0;
  for (const Token& t : tokens) {
    // Tokens out of order or overlapping the previous one are skipped, so spans stay well formed.
    if (t.span.begin >= t.span.end || t.span.end > body.size() || t.span.begin < last_end) continue;
    std::string_view w = body.substr(t.span.begin, t.span.size());
    if (std::all_of(w.begin(), w.end(),
                    [](char c) { return std::isspace(static_cast<unsigned char>(c)); }))
      continue;
    while (k < sentences.size() && sentences[k].end <= t.span.begin) ++k;
    long g = k < sentences.size() && sentences[k].begin <= t.span.begin
                 ? 2 * static_cast<long>(k) + 1
                 : 2 * static_cast<long>(k);
    if (g != group || words.empty()) {
      words.emplace_back();
      spans.emplace_back();
      group = g;
    }
    // The model learned from Reuters text: ASCII quotes, and the possessive "'s" as its own token.
    // Word breakers keep "Russia's" whole and news sites use typographic quotes.
    uint32_t suffix = 0;
    for (std::string_view poss : {"'s", "'S", "\xE2\x80\x99s", "\xE2\x80\x99S"}) {
      if (w.size() > poss.size() && w.ends_with(poss)) suffix = static_cast<uint32_t>(poss.size());
    }
    Span stem{t.span.begin, t.span.end - suffix};
    words.back().push_back(AsciiQuotes(body.substr(stem.begin, stem.size()), &out.storage));
    spans.back().push_back(stem);
    if (suffix) {
      words.back().push_back("'s");
      spans.back().push_back({stem.end, t.span.end});
    }
    last_end = t.span.end;
  }
  return out;
}

std::vector<EntityMention> NerTagger::Tag(std::string_view body, const std::vector<Token>& tokens,
                                          const std::vector<Span>& sentences) const {
  const NerTokens input = ReadNerTokens(body, tokens, sentences);
  const std::vector<std::vector<Span>>& spans = input.spans;
  std::vector<std::vector<int>> labels = TagDocument(input.words);
  std::vector<EntityMention> out;
  for (size_t s = 0; s < labels.size(); ++s) {
    for (const Chunk& c : ChunksFromBilou(labels[s])) {
      EntityMention e;
      e.span = {spans[s][c.begin].begin, spans[s][c.end - 1].end};
      e.text = std::string(body.substr(e.span.begin, e.span.size()));
      e.type = c.type;
      out.push_back(std::move(e));
    }
  }
  return out;
}

std::vector<std::string> NerModelCandidates(std::string_view language) {
  if (!IsLanguageCode(language)) return {};
  return ModelCandidates("ner-" + std::string(language) + ".bin");
}

Result<std::string> FindNerModel(std::string_view language) {
  if (!IsLanguageCode(language)) {
    return Status::InvalidArgument("bad language code '" + std::string(language) +
                                   "' for an entity model");
  }
  return FindModelFile("ner-" + std::string(language) + ".bin",
                       "entity model for language '" + std::string(language) + "'");
}

Result<NerTagger> LoadNerModel(std::string_view language) {
  Result<std::string> path = FindNerModel(language);
  if (!path.ok()) return path.status();
  return NerTagger::Load(*path);
}

Result<const NerTagger*> SharedNerTagger(std::string_view language) {
  static std::mutex mu;
  static auto* taggers = new std::map<std::string, Result<NerTagger>, std::less<>>();
  std::lock_guard<std::mutex> lock(mu);
  auto it = taggers->find(language);
  if (it == taggers->end()) it = taggers->emplace(language, LoadNerModel(language)).first;
  if (!it->second.ok()) return it->second.status();
  return &it->second.value();
}

std::string DefaultNerModelPath(std::string_view language) {
  return (std::filesystem::path(NEWSLOOM_SOURCE_MODEL_DIR) /
          ("ner-" + std::string(language) + ".bin"))
      .string();
}

}  // namespace newsloom::analyze
