#include "timex/lexicon.h"

#include <string>
#include <unordered_map>

namespace newsloom::timex {
namespace {

using Table = std::unordered_map<std::string_view, LexEntry>;

Table BuildTable() {
  Table t;
  static constexpr const char* kMonths[][3] = {
      {"january", "jan", nullptr}, {"february", "feb", nullptr}, {"march", "mar", nullptr},
      {"april", "apr", nullptr},   {"may", nullptr, nullptr},    {"june", "jun", nullptr},
      {"july", "jul", nullptr},    {"august", "aug", nullptr},   {"september", "sep", "sept"},
      {"october", "oct", nullptr}, {"november", "nov", nullptr}, {"december", "dec", nullptr},
  };
  for (int m = 0; m < 12; ++m) {
    for (int k = 0; k < 3; ++k) {
      if (kMonths[m][k] == nullptr) continue;
      LexEntry& e = t[kMonths[m][k]];
      e.month = static_cast<int8_t>(m + 1);
      e.month_abbrev = k > 0;
    }
  }
  static constexpr const char* kWeekdays[][3] = {
      {"monday", "mon", "mondays"},       {"tuesday", "tues", "tuesdays"},
      {"wednesday", "wed", "wednesdays"}, {"thursday", "thurs", "thursdays"},
      {"friday", "fri", "fridays"},       {"saturday", "sat", "saturdays"},
      {"sunday", "sun", "sundays"},
  };
  for (int d = 0; d < 7; ++d) {
    for (int k = 0; k < 3; ++k) {
      LexEntry& e = t[kWeekdays[d][k]];
      e.weekday = static_cast<int8_t>(d);
      e.plural = k == 2;
    }
  }
  static constexpr const char* kNumbers[] = {
      "zero",     "one",     "two",     "three",     "four",     "five",    "six",
      "seven",    "eight",   "nine",    "ten",       "eleven",   "twelve",  "thirteen",
      "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
  for (int n = 0; n < 20; ++n) t[kNumbers[n]].number = static_cast<int8_t>(n);
  static constexpr const char* kTens[] = {"twenty", "thirty",  "forty",  "fifty",
                                          "sixty",  "seventy", "eighty", "ninety"};
  for (int n = 0; n < 8; ++n) t[kTens[n]].number = static_cast<int8_t>(20 + 10 * n);
  static constexpr const char* kOrdinals[] = {
      "",           "first",      "second",     "third",     "fourth",    "fifth",
      "sixth",      "seventh",    "eighth",     "ninth",     "tenth",     "eleventh",
      "twelfth",    "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
      "eighteenth", "nineteenth", "twentieth"};
  for (int n = 1; n <= 20; ++n) t[kOrdinals[n]].ordinal = static_cast<int8_t>(n);
  t["thirtieth"].ordinal = 30;
  struct UnitRow {
    const char* singular;
    const char* plural;
    Unit unit;
  };
  static constexpr UnitRow kUnits[] = {
      {"second", "seconds", Unit::kSecond},     {"minute", "minutes", Unit::kMinute},
      {"hour", "hours", Unit::kHour},           {"day", "days", Unit::kDay},
      {"week", "weeks", Unit::kWeek},           {"weekend", "weekends", Unit::kWeekend},
      {"month", "months", Unit::kMonth},        {"quarter", "quarters", Unit::kQuarter},
      {"year", "years", Unit::kYear},           {"decade", "decades", Unit::kDecade},
      {"century", "centuries", Unit::kCentury}, {"yr", "yrs", Unit::kYear},
      {"min", "mins", Unit::kMinute},           {"hr", "hrs", Unit::kHour},
  };
  for (const UnitRow& row : kUnits) {
    // "second" is also an ordinal; keep both readings.
    t[row.singular].unit = row.unit;
    LexEntry& p = t[row.plural];
    p.unit = row.unit;
    p.plural = true;
  }
  static constexpr const char* kParts[][2] = {
      {"morning", "MO"},  {"afternoon", "AF"}, {"evening", "EV"}, {"night", "NI"},
      {"mornings", "MO"}, {"evenings", "EV"},  {"nights", "NI"},  {"midday", "MI"},
  };
  for (const auto& row : kParts) t[row[0]].part = row[1];
  static constexpr const char* kSeasons[][2] = {
      {"spring", "SP"}, {"summer", "SU"},     {"fall", "FA"},       {"autumn", "FA"},
      {"winter", "WI"}, {"springtime", "SP"}, {"summertime", "SU"}, {"wintertime", "WI"},
  };
  for (const auto& row : kSeasons) t[row[0]].season = row[1];
  static constexpr const char* kZones[] = {
      "edt", "est", "cdt", "cst", "mdt", "mst", "pdt",  "pst",  "gmt", "utc", "bst", "cet",  "cest",
      "et",  "pt",  "msk", "kst", "jst", "ist", "aest", "aedt", "hkt", "sgt", "eet", "eest", "wib"};
  for (const char* z : kZones) t[z].timezone = true;
  return t;
}

}  // namespace

const LexEntry* LookUp(std::string_view lower) {
  static const Table* const kTable = new Table(BuildTable());
  auto it = kTable->find(lower);
  return it == kTable->end() ? nullptr : &it->second;
}

}  // namespace newsloom::timex
