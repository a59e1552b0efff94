// The word tables of the temporal-expression tagger, one per language, read from the data files of
// languages/ (embedded at build time): month and weekday names, number words, calendar units,
// parts of the day, seasons, holidays, and the function words the rules name by concept.
#ifndef NEWSLOOM_TIMEX_LEXICON_H_
#define NEWSLOOM_TIMEX_LEXICON_H_

#include <array>
#include <cstdint>
#include <deque>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "newsloom/status.h"

namespace newsloom::timex {

enum class Unit : uint8_t {
  kNone,
  kSecond,
  kMinute,
  kHour,
  kDay,
  kWeek,
  kWeekend,
  kMonth,
  kQuarter,
  kYear,
  kDecade,
  kCentury,
};

// A concept the rules name words by ("the", "last", "ago"): English words by convention, the same
// for every language, so German "letzten" and French "dernier" are both "last". A name in the
// code is hashed when the program is compiled, so that comparing concepts costs one integer
// comparison.
class Concept {
 public:
  consteval Concept(const char* name)  // NOLINT: implicit, rules write W(i, "the")
      : hash_(Hash(name)) {}
  static Concept Named(std::string_view name) { return Concept(Hash(name), 0); }

  uint64_t hash() const { return hash_; }
  bool operator==(const Concept& other) const = default;

  // FNV-1a, 64 bits: no two of the few hundred names collide.
  static constexpr uint64_t Hash(std::string_view name) {
    uint64_t h = 14695981039346656037ull;
    for (char c : name) {
      h ^= static_cast<unsigned char>(c);
      h *= 1099511628211ull;
    }
    return h;
  }

 private:
  constexpr Concept(uint64_t hash, int) : hash_(hash) {}
  uint64_t hash_;
};

// What a (lower-cased) word means to the grammar. Fields that do not apply are 0 / -1 / kNone /
// nullptr.
struct LexEntry {
  static constexpr int kMaxConcepts = 6;
  static constexpr int8_t kNoDay = -128;

  int8_t month = 0;     // 1..12: "june", "jun", "sept"
  int8_t weekday = -1;  // 0 = Monday ... 6 = Sunday
  int8_t number = -1;   // cardinal number word: "one" .. "ninety"
  int8_t ordinal = 0;   // ordinal word: "first" .. "twentieth"; "1st" is read from digits
  Unit unit = Unit::kNone;
  bool plural = false;           // "years", "days", "mondays"
  bool same_plural = false;      // the plural is written the same: French "mois"
  bool abbrev = false;           // "jan", "sept", "tues": wants a period (or a day) after it
  const char* part = nullptr;    // part of the day: "MO", "AF", "EV", "NI", "MI", "DT"
  const char* season = nullptr;  // "SP", "SU", "FA", "WI"
  bool timezone = false;         // "edt", "gmt", "utc"
  int8_t day = kNoDay;           // days from the anchor: "today" 0, "yesterday" -1
  const char* ref = nullptr;     // "PRESENT_REF", "PAST_REF", "FUTURE_REF": "now", "recently"
  const char* set = nullptr;     // the period of a set adverb: "daily" P1D
  int8_t decade = -1;            // a decade in words, of the 1900s: "nineties" 9
  // A holiday: its month and day, or its month and the n-th (n < 0: from the end) weekday.
  int8_t holiday_month = 0;
  int8_t holiday_day = 0;
  int8_t holiday_weekday = -1;
  int8_t holiday_nth = 0;
  // The concepts the rules name this word by.
  std::array<Concept, kMaxConcepts> concepts{Concept::Named(""), Concept::Named(""),
                                             Concept::Named(""), Concept::Named(""),
                                             Concept::Named(""), Concept::Named("")};
  uint8_t concept_count = 0;

  bool Is(Concept c) const {
    for (int k = 0; k < concept_count; ++k) {
      if (concepts[k] == c) return true;
    }
    return false;
  }
};

// The tables of one language. An empty Lexicon knows no words: only the rules that need none
// (ISO and numeric dates, years, clock times) apply.
class Lexicon {
 public:
  Lexicon() = default;
  Lexicon(Lexicon&&) = default;
  Lexicon& operator=(Lexicon&&) = default;
  Lexicon(const Lexicon&) = delete;  // entries point into strings_
  Lexicon& operator=(const Lexicon&) = delete;

  // Reads a table in the format of languages/README.md. Fails with kCorrupt naming the line
  // when a line cannot be read.
  static Result<Lexicon> Parse(std::string_view text);

  // The entry of `lower` (lower case, as the tokenizer writes it), or nullptr.
  const LexEntry* Find(std::string_view lower) const;

  // Entries of several tokens ("il y a", "v. Chr."): the lower-cased pieces of each, longest
  // first, by their first piece; nullptr when none starts with `first`.
  struct Phrase {
    std::vector<std::string> pieces;
    std::string text;  // the pieces joined by spaces: the key of its entry
  };
  const std::vector<Phrase>* PhrasesStartingWith(std::string_view first) const;

  // Both at once, for the tokenizer: one lookup per word.
  struct Word {
    LexEntry entry;
    bool known = false;           // entry holds a meaning
    std::vector<Phrase> phrases;  // phrases starting with the word, longest first
  };
  const Word* Lookup(std::string_view lower) const;

  // Word forms of the language (the @ lines of a table).
  bool names_in_lower_case() const { return names_in_lower_case_; }  // "juin", "mardi"
  bool ordinal_dot() const { return ordinal_dot_; }                  // "3. Oktober"
  bool time_dot() const { return time_dot_; }                        // "20.00 Uhr"
  // The part of the day after a weekday goes into the value: "mardi soir" is ...-18TEV, where
  // TimeBank gives English "Friday night" the plain date.
  bool weekday_parts_in_value() const { return weekday_parts_in_value_; }
  // A part of the day with its article names a time: "la tarde", "la nuit", "am Abend".
  bool parts_of_day_with_article() const { return parts_of_day_with_article_; }
  // Ages are no durations: "un jeune de 15 ans", "Elvis Weiss, 20 ans,".
  bool ages_are_not_durations() const { return ages_are_not_durations_; }
  // Unit adjectives that make one word with a number: "jährig" of "achtjährigen".
  const std::vector<std::pair<std::string, Unit>>& duration_compounds() const {
    return duration_compounds_;
  }
  const std::vector<std::string>& ordinal_suffixes() const { return ordinal_suffixes_; }  // "th"
  const std::vector<std::string>& elisions() const { return elisions_; }  // "l" of "l'année"
  const std::vector<std::string>& past_suffixes() const { return past_suffixes_; }      // "ed"
  const std::vector<std::string>& future_suffixes() const { return future_suffixes_; }  // "rá"
  bool empty() const { return words_.empty(); }

 private:
  Status ReadDirective(std::string_view line);
  Status ReadEntry(std::string_view line, std::map<std::string, std::vector<Phrase>>* phrases);
  LexEntry* Add(const std::string& form);
  Status AddConcept(std::string_view name, LexEntry* e);
  // Applies the tags of a line to the entries of its words (forms[k] is entries[k]'s word).
  Status ReadTags(std::string_view tags, const std::vector<std::string>& forms,
                  const std::vector<LexEntry*>& entries);

  // Looked up by string_view without a copy.
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  std::unordered_map<std::string, Word, Hash, std::equal_to<>> words_;
  std::deque<std::string> strings_;  // set values the entries point into
  bool names_in_lower_case_ = false;
  bool ordinal_dot_ = false;
  bool time_dot_ = false;
  bool weekday_parts_in_value_ = false;
  bool parts_of_day_with_article_ = false;
  bool ages_are_not_durations_ = false;
  std::vector<std::string> ordinal_suffixes_;
  std::vector<std::string> elisions_;
  std::vector<std::string> past_suffixes_;
  std::vector<std::string> future_suffixes_;
  std::vector<std::pair<std::string, Unit>> duration_compounds_;
};

// The tables of a language by its ISO 639-1 code ("en", "de"); an empty Lexicon for a language
// without tables. Thread-safe; the tables live as long as the process.
const Lexicon& LexiconFor(std::string_view language);

// The ISO 639-1 codes that have tables, sorted.
std::vector<std::string> LanguagesWithTables();

}  // namespace newsloom::timex

#endif  // NEWSLOOM_TIMEX_LEXICON_H_
