// Word clusters for the entity tagger, a cheap stand-in for Brown clusters learned from unlabelled
// text by the trainer (train/word_cluster_learner.h): every clustered word has a path of three
// cluster choices, and tagger features use the path's prefixes, as Brown-cluster features use bit
// prefixes.
#ifndef NEWSLOOM_ANALYZE_WORD_CLUSTERS_H_
#define NEWSLOOM_ANALYZE_WORD_CLUSTERS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "analyze/ner_io.h"
#include "newsloom/status.h"

namespace newsloom::analyze {

class WordClusters {
 public:
  static constexpr int kLevels = 3;

  // Gives `word` the cluster `path`; words are added in sorted order, each once.
  void Add(const std::string& word, int path);

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
  std::vector<std::pair<std::string, int>> words_;  // sorted by word
  FlatHashMap codes_;                               // word hash -> path
};

}  // namespace newsloom::analyze

#endif  // NEWSLOOM_ANALYZE_WORD_CLUSTERS_H_
