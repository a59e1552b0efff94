#include "analyze/word_clusters.h"

#include "analyze/ner_io.h"
#include "text/hash.h"

namespace newsloom::analyze {
namespace {

uint64_t WordKey(std::string_view w) { return text::Hash64(w, 0x636c7573); }

}  // namespace

void WordClusters::Add(const std::string& word, int path) {
  words_.emplace_back(word, path);
  codes_.Set(WordKey(word), static_cast<uint32_t>(path));
}

int WordClusters::Lookup(std::string_view word) const {
  const uint32_t* path = codes_.Get(WordKey(word));
  return path ? static_cast<int>(*path) : -1;
}

void WordClusters::Serialize(std::string* out) const {
  PutU32(out, static_cast<uint32_t>(words_.size()));
  for (const auto& [word, path] : words_) {
    PutString(out, word);
    PutU32(out, static_cast<uint32_t>(path));
  }
}

Status WordClusters::Deserialize(std::string_view in, size_t* pos) {
  words_.clear();
  codes_.clear();
  uint32_t n = 0;
  if (!GetU32(in, pos, &n)) return Status::Corrupt("word clusters: truncated");
  // An entry takes at least 8 bytes: a count the input cannot hold is damage, not a reason to
  // allocate for it.
  if (n > (in.size() - *pos) / 8) return Status::Corrupt("word clusters: truncated");
  words_.reserve(n);
  for (uint32_t i = 0; i < n; ++i) {
    std::string word;
    uint32_t path = 0;
    if (!GetString(in, pos, &word) || !GetU32(in, pos, &path)) {
      return Status::Corrupt("word clusters: truncated entry");
    }
    Add(word, static_cast<int>(path));
  }
  return Status::Ok();
}

}  // namespace newsloom::analyze
