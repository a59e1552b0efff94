#include "analyze/gazetteer.h"

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

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
  }
  uint16_t& c = entries_[index].counts[list];
  c = static_cast<uint16_t>(std::min(65535, c + count));
}

void Gazetteer::AddName(std::string_view name, List list) {
  std::vector<std::string> tokens;
  std::string cur;
  auto flush = [&] {
    if (!cur.empty()) tokens.push_back(std::move(cur));
    cur.clear();
  };
  for (char c : name) {
    if (c == ' ' || c == '_' || c == '\t') {
      flush();
    } else if (c == ',' || c == '(' || c == ')') {
      flush();
      tokens.emplace_back(1, c);
    } else {
      cur += c;
    }
  }
  flush();
  Add(tokens, list);
}

Status Gazetteer::AddIsoCodes(const std::string& json_dir) {
  struct Source {
    const char* file;
    const char* key;
    List list;
  };
  const Source sources[] = {{"iso_3166-1.json", "3166-1", kCountry},
                            {"iso_3166-2.json", "3166-2", kSubdivision},
                            {"iso_4217.json", "4217", kCurrency}};
  for (const Source& s : sources) {
    std::string path = json_dir + "/" + s.file;
    std::ifstream in(path);
    if (!in) return Status::NotFound("cannot open " + path + " (Debian package iso-codes)");
    nlohmann::json doc = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
    if (doc.is_discarded() || !doc.contains(s.key) || !doc[s.key].is_array()) {
      return Status::Corrupt("unexpected content in " + path);
    }
    for (const auto& item : doc[s.key]) {
      for (const char* field : {"name", "common_name", "official_name"}) {
        if (item.contains(field) && item[field].is_string()) {
          AddName(item[field].get<std::string>(), s.list);
        }
      }
    }
  }
  return Status::Ok();
}

Status Gazetteer::AddZoneTab(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status::NotFound("cannot open " + path + " (Debian package tzdata)");
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream cols(line);
    std::string codes, coords, zone;
    if (!(cols >> codes >> coords >> zone)) continue;
    size_t slash = zone.rfind('/');
    if (slash == std::string::npos) continue;
    AddName(zone.substr(slash + 1), kCity);
  }
  return Status::Ok();
}

void Gazetteer::Match(const std::vector<uint64_t>& token_keys,
                      const std::unordered_map<uint64_t, uint32_t>* excluded,
                      std::vector<uint32_t>* bits) const {
  const int n = static_cast<int>(token_keys.size());
  bits->assign(n, 0);
  if (index_.size() == 0) return;
  for (int i = 0; i < n; ++i) {
    uint64_t h = 0x9e3779b97f4a7c15ULL;
    for (int len = 1; len <= kMaxPhraseTokens && i + len <= n; ++len) {
      h = MixHash(h, token_keys[i + len - 1]);
      const uint32_t* found = index_.Get(h);
      if (!found) continue;
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
  uint32_t n = 0;
  if (!GetU32(in, pos, &n)) return Status::Corrupt("gazetteer: truncated");
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
      if (c) Add(tokens, static_cast<List>(list), static_cast<int>(c));
    }
  }
  return Status::Ok();
}

}  // namespace newsloom::analyze
