// What each word contributes to the entity tagger (its hashes, name-list key and cluster, the rows
// it gives its neighbours' features, and the summed weights of its own features), kept so that a
// word's features are computed once and not at every occurrence. An entry is a function of the
// word, its context and the model only, so the cache never changes a result.
#ifndef NEWSLOOM_ANALYZE_NER_WORD_CACHE_H_
#define NEWSLOOM_ANALYZE_NER_WORD_CACHE_H_

#include <cstdint>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <vector>

#include "analyze/ner_conll.h"

namespace newsloom::analyze {

// What a word is to the features of its own token and of its neighbours (see Featurize).
struct NerWordInfo {
  uint64_t norm_h = 0;            // hash of its norm (NerNorm)
  uint64_t sshape_h = 0;          // hash of its short shape
  uint64_t gaz_key = 0;           // Gazetteer::TokenKey of the word as looked up
  int32_t cluster = -1;           // word-cluster path, -1 for none
  uint8_t casing = 0;             // NerCasing
  bool starts_phrase = false;     // Gazetteer::StartsPhrase(gaz_key)
  uint32_t cluster_rows[3] = {};  // rows of its cluster path prefixes, when it has a cluster
  // Rows of the features of other tokens that read this word: as the word before them, two before,
  // after, two after; beside another occurrence of a capitalised word (before, after); its cluster
  // as the word before and after.
  uint32_t as_prev1 = 0, as_prev2 = 0, as_next1 = 0, as_next2 = 0;
  uint32_t as_agg_prev = 0, as_agg_next = 0;
  uint32_t as_cluster_prev = 0, as_cluster_next = 0;
};

struct CachedWord {
  NerWordInfo info;
  float scores[kNumNerLabels] = {};  // the word's own feature rows summed in order
};

// Bounded and thread-safe: lookups share a lock, insertions take it alone. When full, the cache
// is emptied and fills again with the words that follow.
class NerWordCache {
 public:
  static constexpr size_t kDefaultCapacity = size_t{1} << 15;  // ~7 MB when full
  explicit NerWordCache(size_t capacity = kDefaultCapacity);

  // A word in a context (a small number: where the word stands, see Featurize).
  struct Key {
    std::string_view word;
    uint8_t context = 0;
    uint64_t hash = 0;
  };
  static Key MakeKey(std::string_view word, uint8_t context);

  // Copies the entry of keys[i] into (*values)[i] for every key found and lists the indices of
  // those not found in *missing. `values` is resized to keys.size().
  void Lookup(const std::vector<Key>& keys, std::vector<CachedWord>* values,
              std::vector<size_t>* missing) const;
  // Stores values[i] for keys[i], for each i in `which` (keys already present are left alone).
  void Insert(const std::vector<Key>& keys, const std::vector<size_t>& which,
              const std::vector<CachedWord>& values);

  size_t size() const;

 private:
  struct Entry {
    std::string word;
    uint8_t context;
    uint64_t hash;
    CachedWord value;
  };
  // The slot holding `key` or the empty slot where it would go.
  size_t Probe(const Key& key) const;

  const size_t capacity_;
  mutable std::shared_mutex mu_;
  std::vector<Entry> entries_;
  std::vector<uint32_t> slots_;  // open addressing over entries_: 0 = empty, else index + 1
};

}  // namespace newsloom::analyze

#endif  // NEWSLOOM_ANALYZE_NER_WORD_CACHE_H_
