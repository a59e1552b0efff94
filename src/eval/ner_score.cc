#include "eval/ner_score.h"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <ostream>
#include <set>

namespace newsloom::eval {

using analyze::Chunk;
using analyze::ConllDocument;
using analyze::ConllSentence;
using analyze::NerTagger;

void NerScore::Add(const std::vector<Chunk>& gold, const std::vector<Chunk>& predicted) {
  std::set<Chunk> gold_set(gold.begin(), gold.end());
  for (const Chunk& c : gold) {
    ++overall.gold;
    ++by_type[c.type].gold;
  }
  for (const Chunk& c : predicted) {
    ++overall.predicted;
    ++by_type[c.type].predicted;
    if (gold_set.count(c)) {
      ++overall.correct;
      ++by_type[c.type].correct;
    }
  }
}

namespace {

// One "token gold predicted" line per token, the tags in the gold file's scheme and type names.
void WritePredictions(const ConllSentence& sentence, const std::vector<Chunk>& predicted,
                      const NerOutputStyle& style, std::ostream* out) {
  const int n = static_cast<int>(sentence.words.size());
  std::vector<std::string> tags =
      style.iob2 ? analyze::Iob2FromChunks(predicted, n) : analyze::Iob1FromChunks(predicted, n);
  for (int i = 0; i < n; ++i)
    *out << sentence.words[i] << ' ' << sentence.tags[i] << ' ' << tags[i] << '\n';
  *out << '\n';
}

// Adds the name forms that overlap no predicted entity, keeping text order.
void AddNameForms(const std::vector<Chunk>& forms, std::vector<Chunk>* predicted) {
  for (const Chunk& f : forms) {
    const bool overlaps = std::any_of(predicted->begin(), predicted->end(), [&](const Chunk& c) {
      return c.begin < f.end && f.begin < c.end;
    });
    if (!overlaps) predicted->push_back({f.begin, f.end, analyze::NameFormOf(f.type)});
  }
  std::sort(predicted->begin(), predicted->end());
}

}  // namespace

NerOutputStyle OutputStyleOf(const std::vector<ConllDocument>& docs, bool germeval) {
  NerOutputStyle style;
  style.germeval = germeval;
  for (const ConllDocument& doc : docs) {
    for (const ConllSentence& s : doc.sentences) {
      for (size_t i = 0; i < s.tags.size(); ++i) {
        const bool opens_after_outside = i == 0 || s.tags[i - 1] == "O";
        if (opens_after_outside && s.tags[i].starts_with("B-")) {
          style.iob2 = true;
          return style;
        }
      }
    }
  }
  return style;
}

NerEvaluation EvaluateNer(const NerTagger& tagger, const std::vector<ConllDocument>& docs,
                          std::ostream* predictions, NerOutputStyle style,
                          const analyze::NerTagger* forms) {
  NerEvaluation eval;
  for (const ConllDocument& doc : docs) {
    ++eval.documents;
    std::vector<std::vector<std::string_view>> words = analyze::SentenceWords(doc);
    auto start = std::chrono::steady_clock::now();
    std::clock_t cpu_start = std::clock();
    std::vector<std::vector<int>> labels = tagger.TagDocument(words);
    std::vector<std::vector<int>> form_labels;
    if (forms) form_labels = forms->TagDocument(words);
    eval.tag_cpu_seconds += static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;
    eval.tag_seconds +=
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    for (size_t s = 0; s < doc.sentences.size(); ++s) {
      const ConllSentence& sentence = doc.sentences[s];
      std::vector<Chunk> gold = analyze::ChunksFromTags(sentence.tags);
      std::vector<Chunk> predicted = analyze::ChunksFromBilou(labels[s]);
      for (Chunk& c : predicted) c.type = analyze::CorpusTypeName(c.type, style.germeval);
      if (forms) AddNameForms(analyze::ChunksFromBilou(form_labels[s]), &predicted);
      eval.score.Add(gold, predicted);
      const int n = static_cast<int>(sentence.words.size());
      std::vector<std::string> gold_tags = analyze::Iob1FromChunks(gold, n);
      std::vector<std::string> pred_tags = analyze::Iob1FromChunks(predicted, n);
      for (int i = 0; i < n; ++i) {
        ++eval.score.tokens;
        eval.score.tokens_correct += gold_tags[i] == pred_tags[i];
      }
      if (predictions) WritePredictions(sentence, predicted, style, predictions);
      ++eval.sentences;
    }
  }
  return eval;
}

}  // namespace newsloom::eval
