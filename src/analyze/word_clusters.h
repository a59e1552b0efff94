// Word clusters learned from unlabelled text, a cheap stand-in for Brown clusters: each frequent
// word gets a vector of its left and right neighbours among the most frequent words
// (PPMI-weighted), and hierarchical k-means over those vectors gives every word a path of three
// cluster choices. Tagger features use the path's prefixes, as Brown-cluster features use bit
// prefixes.
#ifndef NEWSLOOM_ANALYZE_WORD_CLUSTERS_H_
#define NEWSLOOM_ANALYZE_WORD_CLUSTERS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "analyze/ner_io.h"
#include "newsloom/status.h"

namespace newsloom::analyze {

struct WordClusterOptions {
  int min_count = 3;        // words seen fewer times get no cluster
  int max_words = 40000;    // most frequent words clustered
  int context_words = 256;  // most frequent (lower-cased) words used as left and right contexts
  int branching[3] = {16, 8, 8};  // clusters per level: 16, then 8 inside each, then 8
  int iterations = 10;            // k-means iterations per split
};

// Splits running text into tokens roughly as CoNLL-2003 does: whitespace, then quotes and brackets
// and sentence punctuation apart, "'s" apart; keeps "U.S."-style abbreviations whole.
void TokenizeForClusters(std::string_view text, std::vector<std::string_view>* tokens);

class WordClusters {
 public:
  static constexpr int kLevels = 3;

  // Learns clusters from `texts` (each one document of running text). Deterministic.
  static WordClusters Learn(const std::vector<std::string>& texts,
                            const WordClusterOptions& options);

  // Cluster path of `word` (case-sensitive), or -1 when the word has none. The path packs the three
  // levels as (c0 << 16) | (c1 << 8) | c2.
  int Lookup(std::string_view word) const;
  // The path cut to its first `levels` choices (1..kLevels), to hash as a feature.
  static int Prefix(int path, int levels) {
    return levels >= 3 ? path : levels == 2 ? (path & ~0xff) | 0xff : path | 0xffff;
  }

  size_t size() const { return codes_.size(); }

  void Serialize(std::string* out) const;
  Status Deserialize(std::string_view in, size_t* pos);

 private:
  void Insert(const std::string& word, int path);
  std::vector<std::pair<std::string, int>> words_;  // sorted by word
  FlatHashMap codes_;                               // word hash -> path
};

}  // namespace newsloom::analyze

#endif  // NEWSLOOM_ANALYZE_WORD_CLUSTERS_H_
