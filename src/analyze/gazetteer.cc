#include "analyze/gazetteer.h"

#include <algorithm>

#include "analyze/ner_io.h"
#include "text/hash.h"

namespace newsloom::analyze {

uint64_t Gazetteer::TokenKey(std::string_view token) { return text::Hash64(token, 0x67617a); }

uint64_t Gazetteer::PhraseKey(const uint64_t* token_keys, int n) {
  uint64_t h = 0x9e3779b97f4a7c15ULL;
  for (int i = 0; i < n; ++i) h = MixHash(h, token_keys[i]);
  return h;
}

void Gazetteer::Add(const std::vector<std::string>& tokens, List list, int count) {
  if (tokens.empty() || static_cast<int>(tokens.size()) > kMaxPhraseTokens) return;
  std::vector<uint64_t> keys;
  std::string phrase;
  for (const std::string& t : tokens) {
    if (t.empty()) return;
    keys.push_back(TokenKey(t));
    if (!phrase.empty()) phrase += ' ';
    phrase += t;
  }
  uint64_t key = PhraseKey(keys.data(), static_cast<int>(keys.size()));
  const uint32_t* found = index_.Get(key);
  uint32_t index = found ? *found : static_cast<uint32_t>(entries_.size());
  if (!found) {
    index_.Set(key, index);
    entries_.push_back({phrase, {}});
    for (size_t len = 1; len < keys.size(); ++len)
      prefixes_.Set(PhraseKey(keys.data(), static_cast<int>(len)), 1);
  }
  uint16_t& c = entries_[index].counts[list];
  c = static_cast<uint16_t>(std::min(65535, c + count));
}

std::array<uint16_t, Gazetteer::kNumLists> Gazetteer::Counts(const uint64_t* token_keys,
                                                             int n) const {
  const uint32_t* found = index_.Get(PhraseKey(token_keys, n));
  return found ? entries_[*found].counts : std::array<uint16_t, kNumLists>{};
}

bool Gazetteer::StartsPhrase(uint64_t token_key) const {
  const uint64_t h = PhraseKey(&token_key, 1);
  return index_.Get(h) || prefixes_.Get(h);
}

void Gazetteer::Match(const std::vector<uint64_t>& token_keys,
                      const std::unordered_map<uint64_t, uint32_t>* excluded,
                      std::vector<uint32_t>* bits, const std::vector<uint8_t>* starts) const {
  const int n = static_cast<int>(token_keys.size());
  bits->assign(n, 0);
  if (index_.size() == 0) return;
  for (int i = 0; i < n; ++i) {
    if (starts && !(*starts)[i]) continue;
    uint64_t h = 0x9e3779b97f4a7c15ULL;
    for (int len = 1; len <= kMaxPhraseTokens && i + len <= n; ++len) {
      h = MixHash(h, token_keys[i + len - 1]);
      if (const uint32_t* found = index_.Get(h)) {
        const Entry& e = entries_[*found];
        uint32_t minus = 0;
        if (excluded) {
          auto ex = excluded->find(h);
          if (ex != excluded->end()) minus = ex->second;
        }
        for (int list = 0; list < kNumLists; ++list) {
          int count = e.counts[list] - ((minus >> list) & 1);
          if (count <= 0) continue;
          for (int k = i; k < i + len; ++k) {
            int part = len == 1 ? 3 : k == i ? 0 : k == i + len - 1 ? 2 : 1;
            (*bits)[k] |= 1u << (list * 4 + part);
          }
        }
      }
      // Most tokens start no phrase: stop where no phrase goes on.
      if (!prefixes_.Get(h)) break;
    }
  }
}

void Gazetteer::Serialize(std::string* out) const {
  std::vector<const Entry*> sorted;
  for (const Entry& e : entries_) sorted.push_back(&e);
  std::sort(sorted.begin(), sorted.end(),
            [](const Entry* a, const Entry* b) { return a->phrase < b->phrase; });
  PutU32(out, static_cast<uint32_t>(sorted.size()));
  for (const Entry* e : sorted) {
    PutString(out, e->phrase);
    for (uint16_t c : e->counts) PutU32(out, c);
  }
}

Status Gazetteer::Deserialize(std::string_view in, size_t* pos) {
  entries_.clear();
  index_.clear();
  prefixes_.clear();
  uint32_t n = 0;
  if (!GetU32(in, pos, &n)) return Status::Corrupt("gazetteer: truncated");
  // An entry takes at least its phrase's length and its counts.
  if (n > (in.size() - *pos) / (4 * (kNumLists + 1)))
    return Status::Corrupt("gazetteer: truncated");
  for (uint32_t i = 0; i < n; ++i) {
    std::string phrase;
    if (!GetString(in, pos, &phrase)) return Status::Corrupt("gazetteer: truncated entry");
    std::vector<std::string> tokens;
    std::string cur;
    for (char c : phrase) {
      if (c == ' ') {
        tokens.push_back(std::move(cur));
        cur.clear();
      } else {
        cur += c;
      }
    }
    tokens.push_back(std::move(cur));
    for (int list = 0; list < kNumLists; ++list) {
      uint32_t c = 0;
      if (!GetU32(in, pos, &c)) return Status::Corrupt("gazetteer: truncated counts");
      if (c > 65535) return Status::Corrupt("gazetteer: bad count");
      if (c) Add(tokens, static_cast<List>(list), static_cast<int>(c));
    }
  }
  return Status::Ok();
}

}  // namespace newsloom::analyze
