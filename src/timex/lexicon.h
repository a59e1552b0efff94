// The word tables of the temporal-expression tagger: month and weekday names, number words,
// calendar units, parts of the day, seasons. One lookup per word token.
#ifndef NEWSLOOM_TIMEX_LEXICON_H_
#define NEWSLOOM_TIMEX_LEXICON_H_

#include <cstdint>
#include <string_view>

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

// What a (lower-cased) word can mean. Fields that do not apply are 0 / -1 / kNone.
struct LexEntry {
  int8_t month = 0;     // 1..12: "june", "jun", "sept"
  int8_t weekday = -1;  // 0 = Monday ... 6 = Sunday
  int8_t number = -1;   // cardinal number word: "one" .. "ninety"; "a"/"an" are not here
  int8_t ordinal = 0;   // ordinal word: "first" .. "thirty-first" parts, "1st" is read from digits
  Unit unit = Unit::kNone;
  bool plural = false;           // "years", "days"
  bool month_abbrev = false;     // "jan", "sept": may be followed by a period
  const char* part = nullptr;    // part of the day: "MO", "AF", "EV", "NI"
  const char* season = nullptr;  // "SP", "SU", "FA", "WI"
  bool timezone = false;         // "edt", "gmt", "utc"
};

// The entry of `lower` (ASCII lower case), or nullptr when the word is none of the above.
const LexEntry* LookUp(std::string_view lower);

}  // namespace newsloom::timex

#endif  // NEWSLOOM_TIMEX_LEXICON_H_
