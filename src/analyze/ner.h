// Named-entity tagger: an averaged perceptron (Collins 2002) over BILOU labels (Ratinov & Roth
// 2009), decoded left to right with a narrow-beam Viterbi, with hashed features: the word and its
// neighbours, shape and casing, affixes, previous labels, gazetteer matches, word clusters, and
// non-local features from the rest of the document (how the same word is cased elsewhere, what it
// was tagged earlier).
//
//   Result<NerTagger> tagger = LoadNerModel("en");   // or NerTagger::Load(path)
//   std::vector<EntityMention> entities = tagger->Tag(body, tokens, sentences);
//
// A loaded tagger's model is immutable; Tag and TagDocument are thread-safe. Each tagger keeps a
// bounded cache of its words' own features (about 7 MB when full), shared by its threads.
#ifndef NEWSLOOM_ANALYZE_NER_H_
#define NEWSLOOM_ANALYZE_NER_H_

#include <cstdint>
#include <deque>
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
class NerWordCache;

// An analysed text's tokens as the taggers read them (see NerTagger::Tag): words grouped by
// sentence, with their byte spans in the text.
struct NerTokens {
  std::vector<std::vector<std::string_view>> words;
  std::vector<std::vector<Span>> spans;
  std::deque<std::string> storage;  // rewritten words; a deque keeps views into it valid
};
NerTokens ReadNerTokens(std::string_view body, const std::vector<Token>& tokens,
                        const std::vector<Span>& sentences);

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
  std::unique_ptr<NerWordCache> cache_;
};

// Where the model of `language` (ISO 639 code, "en" -> ner-en.bin) is looked for, in order:
//   1. $NEWSLOOM_MODEL_DIR, when set; then nowhere else;
//   2. <directory of the running binary>/../share/newsloom (an installed binary);
//   3. <directory of the running binary>/models (a binary shipped beside its models);
//   4. <install prefix>/share/newsloom;
//   5. the source tree's models/ (a binary run from its build tree).
// Empty when `language` is not two or three lower-case letters.
std::vector<std::string> NerModelCandidates(std::string_view language);

// The first candidate that exists. kNotFound naming every path tried when there is none,
// kInvalidArgument for a malformed language code.
Result<std::string> FindNerModel(std::string_view language);

// Finds and loads the model of `language`: FindNerModel's error, or NerTagger::Load's for a file
// that exists but is not a readable model (kCorrupt / kIoError naming it).
Result<NerTagger> LoadNerModel(std::string_view language);

// The tagger of `language` shared by the whole process: loaded by LoadNerModel on first use and
// kept (thread-safe). A failure is kept too: every later call for the language returns it.
Result<const NerTagger*> SharedNerTagger(std::string_view language);

// The source tree's models/ner-<language>.bin: where `newsloom train ner --lang` writes by
// default, and the last place LoadNerModel(language) looks.
std::string DefaultNerModelPath(std::string_view language = "en");

}  // namespace newsloom::analyze

#endif  // NEWSLOOM_ANALYZE_NER_H_
