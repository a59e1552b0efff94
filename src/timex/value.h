// TimeML values: calendar arithmetic and the DATE/TIME value the grammar builds, formatted as
// TIMEX3 value strings ("2024-06-19", "2024-W25", "1989-Q3", "199", "P3Y").
#ifndef NEWSLOOM_TIMEX_VALUE_H_
#define NEWSLOOM_TIMEX_VALUE_H_

#include <string>

#include "newsloom/date.h"
#include "timex/lexicon.h"

namespace newsloom::timex {

// Days in month m (1..12) of year y.
int DaysIn(int y, int m);

// Moves (*y, *m) by n months, either way.
void AddMonths(int* y, int* m, int n);

struct YearWeek {
  int year;
  int week;
};

// The ISO 8601 week of d (weeks start on Monday; week 1 holds the year's first Thursday).
YearWeek IsoWeek(const Date& d);

inline int QuarterOf(int month) { return (month - 1) / 3 + 1; }

// The middle month of a season ("SP", "SU", "FA", "WI"), which places it against an anchor.
inline int SeasonMiddleMonth(const char* season) {
  return season[0] == 'S' ? (season[1] == 'P' ? 4 : 7) : (season[0] == 'F' ? 10 : 1);
}

// A TimeML DATE/TIME value under construction; unknown year is -1 ("XXXX").
struct DateValue {
  int year = -1;
  int month = 0;
  int day = 0;
  int week = 0;
  bool weekend = false;
  int quarter = 0;
  int half = 0;
  const char* season = nullptr;
  int weekday = -1;  // alone, without a date: "XXXX-WXX-2"
  int decade = -1;   // "199"
  int century = -1;  // "19"
  const char* part = nullptr;
  int hour = -1;
  int minute = -1;
  bool utc = false;  // the time is in UTC: "T13:30Z"
  bool bc = false;   // the year, decade or century is before Christ: "BC0490", "BC05"

  static DateValue Of(const Date& d) {
    DateValue v;
    v.year = d.year;
    v.month = d.month;
    v.day = d.day;
    return v;
  }
  bool HasTime() const { return part != nullptr || hour >= 0; }
};

// The TIMEX3 value of v ("BC" before a year, decade or century before Christ): the century or
// decade when set; else the year ("XXXX" when unknown)
// with the first of week, weekday alone, quarter, half, season or month (and day) that is set;
// then the time of day ("T15:57", "TMO") when there is one.
std::string Format(const DateValue& v);

// A TIMEX3 duration: n units ("P3Y", "PT2H", "P10Y" for a decade); n < 0 is vague ("PXY").
std::string Duration(long n, Unit unit);

// `duration` (of n units `unit`) and half a unit more, in the next smaller unit: P2Y6M, PT5H30M,
// P3DT12H; unchanged for units without a smaller one.
std::string WithHalf(const std::string& duration, Unit unit);

// n1 units u1 and n2 smaller units u2 as one duration: P2Y3M, PT2H30M, P1DT12H.
std::string CompoundDuration(long n1, Unit u1, long n2, Unit u2);

}  // namespace newsloom::timex

#endif  // NEWSLOOM_TIMEX_VALUE_H_
