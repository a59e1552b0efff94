// The entity tagger's features: word-level helpers (normalisation, shapes, casing classes) and the
// label-independent feature rows of a document's tokens.
#ifndef NEWSLOOM_ANALYZE_NER_FEATURES_H_
#define NEWSLOOM_ANALYZE_NER_FEATURES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "analyze/ner_io.h"
#include "analyze/ner_model.h"
#include "analyze/ner_word_cache.h"

namespace newsloom::analyze {

// Lower-cased (ASCII and Latin-1 letters) with every digit replaced by '0': "Q3-2024" -> "q0-0000".
std::string NerNorm(std::string_view word);
// Lower-cased, digits kept.
std::string NerLower(std::string_view word);
// "X" upper, "x" lower, "d" digit, other bytes kept; at most 16 characters: "McDonald's" ->
// "XxXxxxxx'x".
std::string NerShape(std::string_view word);
// The shape with runs collapsed: "XxXx'x".
std::string NerShortShape(std::string_view word);
// First letter upper, the rest lower ("JAPAN" -> "Japan"); other bytes unchanged.
std::string NerTitleCase(std::string_view word);

enum class NerCasing {
  kLower = 0,    // "house"
  kInitCap = 1,  // "House", "McDonald"
  kAllCaps = 2,  // "NATO", "U.S."
  kMixed = 3,    // "iPhone"
  kDigits = 4,   // "1996", "3.5"
  kAlnum = 5,    // "F-16", "2nd"
  kOther = 6,    // punctuation, symbols
};
NerCasing NerCasingOf(std::string_view word);

// Feature template ids; each feature is NerFeatureKey of its template and its values, and its
// weight row is that key & NerModel::mask.
enum NerTemplate : uint64_t {
  kBias = 1,
  kWord,
  kNorm,
  kShape,
  kShortShape,
  kCasing,
  kFlags,
  kPrefix,
  kSuffix = kPrefix + 4,
  kPrev1 = kSuffix + 4,
  kNext1,
  kPrev2,
  kNext2,
  kBigramLeft,
  kBigramRight,
  kShapeTrigram,
  kPrevWordShape,
  kWordNextShape,
  kGaz,
  kGazPrev,
  kGazNext,
  kCluster,
  kClusterPrev = kCluster + 3,
  kClusterNext,
  kDocCasing,
  kAggPrev,
  kAggNext,
  kTag1,
  kTagWord,
  kTagShape,
  kHistType,
  kHistMajority,
};

inline uint64_t NerFeatureKey(uint64_t t, uint64_t a = 0, uint64_t b = 0) {
  return MixHash(MixHash(t * 0x100000001b3ULL, a), b);
}

// Phrase keys of a training document's own entities, with the name lists each one came from
// (Gazetteer::Match leaves them out of the document's lookups).
using GazetteerExclusions = std::unordered_map<uint64_t, uint32_t>;

// What a sentence's tokens contribute before any label is chosen.
struct SentenceFeatures {
  int n = 0;
  // n * kNumNerLabels: each token's own word features (bias, word, shape, affixes) already summed,
  // when they came through a word cache; else empty and those rows are in `rows`.
  std::vector<float> word_scores;
  std::vector<uint32_t> offsets;    // n + 1 offsets into rows
  std::vector<uint32_t> rows;       // static feature rows
  std::vector<uint64_t> norm_hash;  // for label-conjoined features
  std::vector<uint64_t> sshape_hash;
  std::vector<uint64_t> hist_key;  // 0 when the token keeps no label history
};

struct DocFeatures {
  std::vector<SentenceFeatures> sentences;
};

// The label-independent features of a document given as sentences of tokens: the word, its shape
// and affixes, its neighbours, name-list matches, word clusters, and how the same word appears
// elsewhere in the document. `excluded` (may be null) is passed to Gazetteer::Match. With `cache`
// (tagging; the model's weights are final), each word's own features come summed in word_scores;
// without (training), every row is listed.
DocFeatures Featurize(const NerModel& model, const std::vector<std::vector<std::string_view>>& doc,
                      const GazetteerExclusions* excluded, NerWordCache* cache);

}  // namespace newsloom::analyze

#endif  // NEWSLOOM_ANALYZE_NER_FEATURES_H_
