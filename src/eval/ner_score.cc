#include "eval/ner_score.h"

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

NerEvaluation EvaluateNer(const NerTagger& tagger, const std::vector<ConllDocument>& docs,
                          std::ostream* predictions) {
  NerEvaluation eval;
  for (const ConllDocument& doc : docs) {
    ++eval.documents;
    std::vector<std::vector<std::string_view>> words = analyze::SentenceWords(doc);
    auto start = std::chrono::steady_clock::now();
    std::clock_t cpu_start = std::clock();
    std::vector<std::vector<int>> labels = tagger.TagDocument(words);
    eval.tag_cpu_seconds += static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;
    eval.tag_seconds +=
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    for (size_t s = 0; s < doc.sentences.size(); ++s) {
      const ConllSentence& sentence = doc.sentences[s];
      std::vector<Chunk> gold = analyze::ChunksFromTags(sentence.tags);
      std::vector<Chunk> predicted = analyze::ChunksFromBilou(labels[s]);
      eval.score.Add(gold, predicted);
      const int n = static_cast<int>(sentence.words.size());
      std::vector<std::string> gold_tags = analyze::Iob1FromChunks(gold, n);
      std::vector<std::string> pred_tags = analyze::Iob1FromChunks(predicted, n);
      for (int i = 0; i < n; ++i) {
        ++eval.score.tokens;
        eval.score.tokens_correct += gold_tags[i] == pred_tags[i];
        if (predictions)
          *predictions << sentence.words[i] << ' ' << sentence.tags[i] << ' ' << pred_tags[i]
                       << '\n';
      }
      if (predictions) *predictions << '\n';
      ++eval.sentences;
    }
  }
  return eval;
}

}  // namespace newsloom::eval
