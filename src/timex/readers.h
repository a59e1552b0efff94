// Readers of the small parts that dates and durations are built from: days of the month, years in
// digits or words, month names, counts. Each reads at a token position and says where it stopped.
#ifndef NEWSLOOM_TIMEX_READERS_H_
#define NEWSLOOM_TIMEX_READERS_H_

#include "timex/token_view.h"

namespace newsloom::timex {

// A day of the month at i: "19", "19th", "nineteenth"; 0 when none.
int DayAt(const TokenView& v, int i);

// A four-digit year written out at i, 1000..2999; -1 when none ("'99" is read elsewhere).
int YearAt(const TokenView& v, int i);

// A year in words, as transcripts write it: "nineteen ninety-six", "two thousand", "two thousand
// and one". Returns the year and sets *end, or -1.
int SpelledYear(const TokenView& v, int i, int* end);

// A month name at i with the conditions that keep "may" and "march" verbs out: its number, with
// *end after it (and after the period of "Sept."), or 0. "Month of" before it is taken in ("el
// mes de mayo").
int MonthAt(const TokenView& v, int i, int* end);

// "last year", "this year", "next year" at i: sets the year's offset from the anchor's.
bool RelativeYear(const TokenView& v, int i, int* offset);

// A count at i: digits, number words ("twenty four", "twenty-four"), "a"/"an" (when
// `allow_article`), or a vague amount ("several", "a few") as -1. Returns the token after it, or
// -1. Sets *half when the count carries a half: "2 1/2", "one and a half" before a unit.
int NumberAt(const TokenView& v, int i, long* value, bool allow_article, bool* half);

// A century in Roman numerals at i ("XIX", "XIXe" with the language's ordinal suffix): its
// number, or 0.
int RomanAt(const TokenView& v, int i);

// A year before Christ at i: "490 v. Chr."; its number, with *end after the era, or 0.
int YearBcAt(const TokenView& v, int i, int* end);

// A year after a month or a day at j: ", 2024", " 2024", "nineteen ninety-six", "'99", "479 v.
// Chr." (then *bc is set, when given). Sets *year and returns the end, or -1.
int TrailingYear(const TokenView& v, int j, int* year, bool* bc = nullptr);

}  // namespace newsloom::timex

#endif  // NEWSLOOM_TIMEX_READERS_H_
