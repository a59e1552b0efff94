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

// How predictions are written: the gold file's tag scheme (IOB1 for CoNLL-2003, IOB2 for
// CoNLL-2002 and GermEval) and its type names (GermEval's OTH for MISC).
struct NerOutputStyle {
  bool iob2 = false;
  bool germeval = false;
};
// IOB2 when some gold chunk opens with B- where IOB1 would write I- (after O or at a sentence
// start).
NerOutputStyle OutputStyleOf(const std::vector<analyze::ConllDocument>& docs, bool germeval);

// Tags `docs` and scores the result against their gold tags. With `predictions`, writes
// "token gold predicted" lines in `style`, a blank line after each sentence. With `forms` (a
// tagger of GermEval's name forms, see NameFormsAsEntityTypes), its chunks that overlap no entity
// are added as the forms they stand for.
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
                          std::ostream* predictions = nullptr, NerOutputStyle style = {},
                          const analyze::NerTagger* forms = nullptr);

}  // namespace newsloom::eval

#endif  // NEWSLOOM_EVAL_NER_SCORE_H_
