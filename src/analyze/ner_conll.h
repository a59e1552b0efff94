// CoNLL-2003 style NER data: reading the column format, the conlleval chunk rules and the BILOU
// encoding the tagger uses. Scoring is in eval/ner_score.h.
#ifndef NEWSLOOM_ANALYZE_NER_CONLL_H_
#define NEWSLOOM_ANALYZE_NER_CONLL_H_

#include <string>
#include <string_view>
#include <vector>

#include "newsloom/status.h"

namespace newsloom::analyze {

struct ConllSentence {
  std::vector<std::string> words;
  std::vector<std::string> tags;  // as in the file (IOB1 for CoNLL-2003): "O", "I-PER", "B-LOC"
};

struct ConllDocument {
  std::vector<ConllSentence> sentences;
};

// Reads whitespace-separated columns (first = token, last = tag), blank lines between sentences and
// `-DOCSTART-` lines between documents. Text is UTF-8; a line that is not valid UTF-8 is read as
// Latin-1 (the encoding CoNLL-2002 was first published in). Lines with a single column are skipped
// and counted in
// `*skipped` (may be null). Fails with kNotFound / kIoError naming the path.
Result<std::vector<ConllDocument>> ReadConll(const std::string& path, int* skipped = nullptr);

// GermEval 2014 TSV: a "#\tURL\t[date]" line before each sentence, then "index token outer inner"
// lines, a blank line after it. Tags are the outer column (nested entities are the inner level),
// as in the file (OTH is the tagger's MISC: see NerTypeIndex). Each sentence is a document of
// its own (the sentences come from different pages). Bad lines are counted in `*skipped`.
Result<std::vector<ConllDocument>> ReadGermEval(const std::string& path, int* skipped = nullptr);

// Whether the file's first line starts with '#' and holds a tab, as GermEval files do.
bool IsGermEvalFile(const std::string& path);

// ReadGermEval for a GermEval file, ReadConll otherwise. A
// file without document marks (CoNLL-2002 Spanish) is cut into documents of
// kSentencesPerUnmarkedDocument sentences (a few consecutive news articles), so that the tagger's
// document-level features see a bounded context in training and evaluation alike: on esp.testa,
// 60 did better than 20, 120, 250 or the whole file as one document.
Result<std::vector<ConllDocument>> ReadNerData(const std::string& path, int* skipped = nullptr);
inline constexpr size_t kSentencesPerUnmarkedDocument = 60;

// The type a corpus names `type` (the tagger's): GermEval writes MISC as OTH.
std::string CorpusTypeName(std::string_view type, bool germeval);

// GermEval also marks names inside other words: derived forms ("deutschen", LOCderiv) and parts
// ("EU-Kommission", ORGpart), which the entity types do not cover. A second tagger learns the
// four most frequent of these forms, each in the place of one entity type (kNerTypes order).
inline constexpr const char* kNameFormTypes[] = {"LOCderiv", "ORGpart", "LOCpart", "PERpart"};
// Whether any tag of the documents is one of kNameFormTypes.
bool HasNameForms(const std::vector<ConllDocument>& docs);
// The documents with only their name-form chunks, each typed by the entity type standing for it.
std::vector<ConllDocument> NameFormsAsEntityTypes(const std::vector<ConllDocument>& docs);
// The form an entity type of the forms tagger stands for ("PER" -> "LOCderiv").
std::string NameFormOf(std::string_view entity_type);

// The document's sentences as views of their words, as NerTagger::TagDocument takes them.
std::vector<std::vector<std::string_view>> SentenceWords(const ConllDocument& doc);

// An entity chunk: tokens [begin, end) of a sentence.
struct Chunk {
  int begin = 0;
  int end = 0;
  std::string type;
  auto operator<=>(const Chunk&) const = default;
};

// Chunks of a tag sequence by conlleval's start-of-chunk / end-of-chunk rules, which accept IOB1,
// IOB2, IOE and BILOU ("U-" and "L-" read as "S-" and "E-").
std::vector<Chunk> ChunksFromTags(const std::vector<std::string>& tags);

// IOB1 tags (B- only where a chunk directly follows one of the same type), as CoNLL-2003 writes.
std::vector<std::string> Iob1FromChunks(const std::vector<Chunk>& chunks, int length);

// The tagger's labels: 0 = O, then for each type t (index into kNerTypes) B, I, L, U.
inline constexpr const char* kNerTypes[] = {"PER", "ORG", "LOC", "MISC"};
inline constexpr int kNumNerTypes = 4;
inline constexpr int kNumNerLabels = 1 + 4 * kNumNerTypes;
enum class BilouPart { kB = 0, kI = 1, kL = 2, kU = 3 };
inline int NerLabel(int type, BilouPart part) { return 1 + 4 * type + static_cast<int>(part); }
inline int NerLabelType(int label) { return label == 0 ? -1 : (label - 1) / 4; }
inline BilouPart NerLabelPart(int label) { return static_cast<BilouPart>((label - 1) % 4); }
// Index of `type` in kNerTypes (GermEval's OTH is MISC), or -1.
int NerTypeIndex(std::string_view type);
// "O", "B-PER", "U-LOC", ...
std::string NerLabelName(int label);

// IOB2 tags (B- at every chunk start), as CoNLL-2002 and GermEval write.
std::vector<std::string> Iob2FromChunks(const std::vector<Chunk>& chunks, int length);

// BILOU labels for chunks (chunks of unknown type are left O).
std::vector<int> BilouFromChunks(const std::vector<Chunk>& chunks, int length);
// Chunks of a BILOU label sequence; an unfinished chunk ends where the labels stop continuing it.
std::vector<Chunk> ChunksFromBilou(const std::vector<int>& labels);

}  // namespace newsloom::analyze

#endif  // NEWSLOOM_ANALYZE_NER_CONLL_H_
