#include "analyze/ner_word_cache.h"

#include <algorithm>
#include <bit>
#include <mutex>

#include "analyze/ner_io.h"
#include "text/hash.h"

namespace newsloom::analyze {

NerWordCache::NerWordCache(size_t capacity)
    : capacity_(capacity), slots_(std::bit_ceil(2 * capacity + 2), 0) {
  entries_.reserve(capacity);
}

NerWordCache::Key NerWordCache::MakeKey(std::string_view word, uint8_t context) {
  return {word, context, MixHash(text::Hash64(word, 0x63616368), context)};
}

size_t NerWordCache::Probe(const Key& key) const {
  const size_t mask = slots_.size() - 1;
  for (size_t i = key.hash & mask;; i = (i + 1) & mask) {
    const uint32_t slot = slots_[i];
    if (slot == 0) return i;
    const Entry& e = entries_[slot - 1];
    if (e.hash == key.hash && e.context == key.context && e.word == key.word) return i;
  }
}

void NerWordCache::Lookup(const std::vector<Key>& keys, std::vector<CachedWord>* values,
                          std::vector<size_t>* missing) const {
  values->resize(keys.size());
  missing->clear();
  std::shared_lock lock(mu_);
  for (size_t k = 0; k < keys.size(); ++k) {
    const uint32_t slot = slots_[Probe(keys[k])];
    if (slot == 0) {
      missing->push_back(k);
    } else {
      (*values)[k] = entries_[slot - 1].value;
    }
  }
}

void NerWordCache::Insert(const std::vector<Key>& keys, const std::vector<size_t>& which,
                          const std::vector<CachedWord>& values) {
  if (capacity_ == 0) return;
  std::unique_lock lock(mu_);
  for (size_t k : which) {
    const Key& key = keys[k];
    size_t i = Probe(key);
    if (slots_[i] != 0) continue;
    if (entries_.size() == capacity_) {
      entries_.clear();
      std::fill(slots_.begin(), slots_.end(), 0);
      i = Probe(key);
    }
    entries_.push_back({std::string(key.word), key.context, key.hash, values[k]});
    slots_[i] = static_cast<uint32_t>(entries_.size());
  }
}

size_t NerWordCache::size() const {
  std::shared_lock lock(mu_);
  return entries_.size();
}

}  // namespace newsloom::analyze
