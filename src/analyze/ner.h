// Named-entity tagger: a greedy left-to-right averaged perceptron (Collins 2002) over BILOU labels
// (Ratinov & Roth 2009), with hashed features: the word and its neighbours, shape and casing,
// affixes, previous labels, gazetteer matches, word clusters, and non-local features from the rest
// of the document (how the same word is cased elsewhere, what it was tagged earlier).
//
//   Result<NerTagger> tagger = NerTagger::Load(DefaultNerModelPath());
//   std::vector<EntityMention> entities = tagger->Tag(body, tokens, sentences);
//
// A loaded tagger is immutable; Tag and TagDocument are thread-safe.
#ifndef NEWSLOOM_ANALYZE_NER_H_
#define NEWSLOOM_ANALYZE_NER_H_

#include <cstdint>
#include <functional>
#include <iosfwd>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "analyze/ner_conll.h"
#include "newsloom/analyzed_article.h"
#include "newsloom/status.h"

namespace newsloom::analyze {

// Feature groups that can be switched off (for ablation). Word identity and bias are always on.
struct NerFeatureGroups {
  bool shape = true;      // word shape, casing class, sentence position, digit/hyphen flags
  bool affix = true;      // prefixes and suffixes up to 4 characters
  bool context = true;    // neighbouring words (+-2) and word bigrams
  bool tags = true;       // previous one and two labels
  bool gazetteer = true;  // name-list matches
  bool clusters = true;   // word-cluster path prefixes
  bool nonlocal = true;   // casing elsewhere in the document, earlier labels of the same word
  uint32_t Bits() const;
  static NerFeatureGroups FromBits(uint32_t bits);
};

// Parses a comma-separated list of group names to switch off ("gazetteer,clusters"); "" = none.
Result<NerFeatureGroups> ParseDisabledNerGroups(std::string_view names);

struct NerTrainOptions {
  int epochs = 10;
  uint64_t seed = 1;   // document order in each epoch
  int hash_bits = 20;  // 2^hash_bits weight rows of kNumNerLabels weights each
  NerFeatureGroups groups;
  // Unlabelled text for word clusters: .jsonl files (the "text" field of each line), other files
  // as plain text, folders searched recursively. The training words are always added.
  std::vector<std::string> unlabelled;
  std::string iso_codes_dir = "/usr/share/iso-codes/json";    // empty: no iso-codes lists
  std::string zone_tab = "/usr/share/zoneinfo/zone1970.tab";  // empty: no tzdata cities
  // Called after each epoch with the epoch (1-based) and the label accuracy on the training data.
  std::function<void(int epoch, double accuracy)> progress;
};

class NerTagger {
 public:
  NerTagger();
  ~NerTagger();
  NerTagger(NerTagger&&) noexcept;
  NerTagger& operator=(NerTagger&&) noexcept;

  // Reads a model written by Save. kNotFound / kCorrupt name the path.
  static Result<NerTagger> Load(const std::string& path);
  // Trains on documents of gold-tagged sentences (any tag scheme ChunksFromTags reads).
  // Deterministic for given documents and options. Fails when unlabelled inputs cannot be read.
  static Result<NerTagger> Train(const std::vector<ConllDocument>& docs,
                                 const NerTrainOptions& options);
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

  struct Model;  // defined in ner.cc

 private:
  std::unique_ptr<Model> model_;
};

// Tags `docs` and scores the result against their gold tags (conlleval rules). With `predictions`,
// writes "token gold predicted" lines (predicted in IOB1), a blank line after each sentence.
struct NerEvaluation {
  NerScore score;
  long documents = 0;
  long sentences = 0;
  double tag_seconds = 0;  // wall time in TagDocument only
  // Process CPU time in TagDocument (the caller's other threads count too).
  double tag_cpu_seconds = 0;
};
NerEvaluation EvaluateNer(const NerTagger& tagger, const std::vector<ConllDocument>& docs,
                          std::ostream* predictions = nullptr);

// Where the committed English model lives in the source tree (models/ner-en.bin).
std::string DefaultNerModelPath();

}  // namespace newsloom::analyze

#endif  // NEWSLOOM_ANALYZE_NER_H_
