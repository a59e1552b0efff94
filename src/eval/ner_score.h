// Entity-level scoring of the entity tagger, by conlleval's rules: a predicted chunk counts as
// correct when its span and type match a gold chunk exactly.
#ifndef NEWSLOOM_EVAL_NER_SCORE_H_
#define NEWSLOOM_EVAL_NER_SCORE_H_

#include <iosfwd>
#include <map>
#include <string>
#include <vector>

#include "analyze/ner.h"
#include "analyze/ner_conll.h"

namespace newsloom::eval {

struct ChunkCounts {
  long gold = 0;
  long predicted = 0;
  long correct = 0;
  double Precision() const { return predicted ? 100.0 * correct / predicted : 0; }
  double Recall() const { return gold ? 100.0 * correct / gold : 0; }
  double F1() const {
    double p = Precision(), r = Recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
};

struct NerScore {
  ChunkCounts overall;
  std::map<std::string, ChunkCounts> by_type;
  long tokens = 0;
  long tokens_correct = 0;  // tag accuracy over chunk-normalised IOB1 tags
  void Add(const std::vector<analyze::Chunk>& gold, const std::vector<analyze::Chunk>& predicted);
};

// Tags `docs` and scores the result against their gold tags. With `predictions`, writes
// "token gold predicted" lines (predicted in IOB1), a blank line after each sentence.
struct NerEvaluation {
  NerScore score;
  long documents = 0;
  long sentences = 0;
  double tag_seconds = 0;  // wall time in TagDocument only
  // Process CPU time in TagDocument (the caller's other threads count too).
  double tag_cpu_seconds = 0;
};
NerEvaluation EvaluateNer(const analyze::NerTagger& tagger,
                          const std::vector<analyze::ConllDocument>& docs,
                          std::ostream* predictions = nullptr);

}  // namespace newsloom::eval

#endif  // NEWSLOOM_EVAL_NER_SCORE_H_
