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
// `-DOCSTART-` lines between documents. Lines with a single column are skipped and counted in
// `*skipped` (may be null). Fails with kNotFound / kIoError naming the path.
Result<std::vector<ConllDocument>> ReadConll(const std::string& path, int* skipped = nullptr);

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
// Index of `type` in kNerTypes, or -1.
int NerTypeIndex(std::string_view type);
// "O", "B-PER", "U-LOC", ...
std::string NerLabelName(int label);

// BILOU labels for chunks (chunks of unknown type are left O).
std::vector<int> BilouFromChunks(const std::vector<Chunk>& chunks, int length);
// Chunks of a BILOU label sequence; an unfinished chunk ends where the labels stop continuing it.
std::vector<Chunk> ChunksFromBilou(const std::vector<int>& labels);

}  // namespace newsloom::analyze

#endif  // NEWSLOOM_ANALYZE_NER_CONLL_H_
