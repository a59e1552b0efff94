// Named-entity tagger: an averaged perceptron (Collins 2002) over BILOU labels (Ratinov & Roth
// 2009), decoded left to right with a narrow-beam Viterbi, with hashed features: the word and its
// neighbours, shape and casing, affixes, previous labels, gazetteer matches, word clusters, and
// non-local features from the rest of the document (how the same word is cased elsewhere, what it
// was tagged earlier).
//
//   Result<NerTagger> tagger = NerTagger::Load(DefaultNerModelPath());
//   std::vector<EntityMention> entities = tagger->Tag(body, tokens, sentences);
//
// A loaded tagger is immutable; Tag and TagDocument are thread-safe.
#ifndef NEWSLOOM_ANALYZE_NER_H_
#define NEWSLOOM_ANALYZE_NER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "analyze/ner_conll.h"
#include "newsloom/analyzed_article.h"
#include "newsloom/status.h"

namespace newsloom::analyze {

struct NerModel;
struct NerFeatureGroups;

class NerTagger {
 public:
  NerTagger();
  ~NerTagger();
  NerTagger(NerTagger&&) noexcept;
  NerTagger& operator=(NerTagger&&) noexcept;

  // Reads a model written by Save. kNotFound / kCorrupt name the path.
  static Result<NerTagger> Load(const std::string& path);
  // A tagger of a model built in memory (by the trainer).
  explicit NerTagger(NerModel model);
  Status Save(const std::string& path) const;

  // Labels (see NerLabel) for one document given as sentences of tokens.
  std::vector<std::vector<int>> TagDocument(
      const std::vector<std::vector<std::string_view>>& sentences) const;

  // Entities in an analysed text: `tokens` are byte spans into `body`, `sentences` the sentence
  // spans (tokens are grouped by the sentence that contains their start; with no sentences the
  // text is one sentence). Whitespace-only tokens, tokens outside `body` and tokens that start
  // before the previous token ends (out of order, overlapping) are ignored. A trailing possessive
  // "'s" is tagged as a token of its own (as in the training data) and typographic quotes read as
  // ASCII; mention spans still cover only the source bytes of the entity ("Russia" in "Russia’s").
  // Mentions come in text order with byte spans from the first token's begin to the last token's
  // end.
  std::vector<EntityMention> Tag(std::string_view body, const std::vector<Token>& tokens,
                                 const std::vector<Span>& sentences) const;

  const NerFeatureGroups& groups() const;
  // Non-zero weight rows, gazetteer phrases, clustered words (for reports).
  size_t weight_rows() const;
  size_t gazetteer_size() const;
  size_t cluster_words() const;

 private:
  std::unique_ptr<NerModel> model_;
};

// Where the committed English model lives in the source tree (models/ner-en.bin).
std::string DefaultNerModelPath();

}  // namespace newsloom::analyze

#endif  // NEWSLOOM_ANALYZE_NER_H_
