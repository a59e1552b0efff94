// Name lists for the entity tagger: phrases (token sequences) with the lists they belong to. Lists
// come from the training data (one per entity type, with document counts so that training can leave
// the current document out) and from name lists Debian ships (iso-codes, tzdata); the trainer
// builds them (train/gazetteer_builder.h), the tagger looks phrases up.
#ifndef NEWSLOOM_ANALYZE_GAZETTEER_H_
#define NEWSLOOM_ANALYZE_GAZETTEER_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "analyze/ner_io.h"
#include "newsloom/status.h"

namespace newsloom::analyze {

class Gazetteer {
 public:
  // The lists. kTrain* hold entity strings seen in training data, by type (order of kNerTypes).
  enum List : int {
    kTrainPer = 0,
    kTrainOrg,
    kTrainLoc,
    kTrainMisc,
    kCountry,
    kSubdivision,
    kCity,
    kCurrency,
    kNumLists
  };
  static constexpr int kMaxPhraseTokens = 6;

  // Hash of one token as the gazetteer keys it; callers hash each token once and pass the hashes.
  static uint64_t TokenKey(std::string_view token);
  // Key of a phrase from its token keys.
  static uint64_t PhraseKey(const uint64_t* token_keys, int n);

  // Adds `count` occurrences (documents) of `tokens` to `list`. Phrases longer than
  // kMaxPhraseTokens or empty, or with an empty token, are ignored.
  void Add(const std::vector<std::string>& tokens, List list, int count = 1);

  // Per-token match bits for a sentence: bit (list * 4 + part) is set when a phrase of `list`
  // covers the token, part 0 = first of several, 1 = inside, 2 = last, 3 = the phrase is one token.
  // `excluded` (may be null) maps phrase keys to a bitmask of lists whose count is lowered by one:
  // training uses it to leave the current document's own entities out. `starts` (may be null)
  // says for each token whether a phrase may begin there (StartsPhrase of its key): tokens where
  // none can are not looked up from.
  void Match(const std::vector<uint64_t>& token_keys,
             const std::unordered_map<uint64_t, uint32_t>* excluded, std::vector<uint32_t>* bits,
             const std::vector<uint8_t>* starts = nullptr) const;
  // The counts of the phrase of these token keys, by list (all zero for a phrase not listed).
  std::array<uint16_t, kNumLists> Counts(const uint64_t* token_keys, int n) const;
  // Whether some phrase begins with the token of this key.
  bool StartsPhrase(uint64_t token_key) const;

  size_t size() const { return entries_.size(); }

  // Binary form (sorted, so equal gazetteers give equal bytes).
  void Serialize(std::string* out) const;
  // Reads what Serialize wrote, starting at *pos; advances *pos. kCorrupt on truncated input.
  Status Deserialize(std::string_view in, size_t* pos);

 private:
  struct Entry {
    std::string phrase;  // tokens joined by ' '
    std::array<uint16_t, kNumLists> counts{};
  };
  std::vector<Entry> entries_;
  FlatHashMap index_;     // phrase key -> entries_ index
  FlatHashMap prefixes_;  // keys of the phrases' shorter beginnings ("New York" of "New York City")
};

}  // namespace newsloom::analyze

#endif  // NEWSLOOM_ANALYZE_GAZETTEER_H_
