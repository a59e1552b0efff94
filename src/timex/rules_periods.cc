// Periods named by a determiner or an ordinal: "last week", "this September", "the third quarter",
// "the year-ago period".
#include <cstdio>
#include <cstdlib>
#include <string>

#include "timex/readers.h"
#include "timex/rules.h"

namespace newsloom::timex {
namespace {

// A determiner that places a period: "the", "last", "the past", "this", "this past", "next",
// "the coming", "current".
struct Determiner {
  int end = 0;        // the token after it
  int dir = 0;        // -1 previous, 0 this, +1 next, 2 bare "the" ("the year", "the weekend")
  bool the = false;   // it starts with "the"
  bool same = false;  // "the same": the period of the last date named
};

bool ReadDeterminer(const Scan& s, int i, Determiner* d) {
  int j = i + 1;
  if (s.W(i, "the")) {
    d->the = true;
    if (s.Any(j, {"past", "last", "previous", "preceding", "prior"})) {
      d->dir = -1;
      ++j;
    } else if (s.Any(j, {"next", "coming", "following", "upcoming"})) {
      d->dir = 1;
      ++j;
    } else if (s.Any(j, {"current", "present", "same"})) {
      d->dir = 0;
      d->same = s.W(j, "same");
      ++j;
    } else {
      d->dir = 2;
    }
  } else if (s.Any(i, {"last", "past", "previous"})) {
    d->dir = -1;
  } else if (s.W(i, "this") && (s.W(j, "past") || s.W(j, "last"))) {
    d->dir = -1;  // "this past weekend"
    ++j;
  } else if (s.Any(i, {"this", "current"})) {
    d->dir = 0;
  } else if (s.Any(i, {"next", "coming", "upcoming"})) {
    d->dir = 1;
  } else {
    return false;
  }
  d->end = j;
  return true;
}

// The determiner of i and a calendar unit at j, the expression ending before `end`: "last week",
// "the past year", "the weekend", "el año pasado".
bool DeterminedCalendarUnit(Scan& s, int i, int j, int end, const Determiner& det, Cand* c) {
  const bool the = det.the;
  const int dir = det.dir;
  const bool past_word = s.Any(j - 1, {"past", "last"});
  const Unit u = s.Lex(j)->unit;
  if (u == Unit::kSecond || u == Unit::kMinute || u == Unit::kHour) {
    if (the && dir != 2) {
      SetRaw(c, end, "DURATION", Duration(1, u), false);
      return true;
    }
    return false;
  }
  if (the && dir == -1 && past_word) {
    // "the past year": TimeBank reads it as a duration.
    SetRaw(c, end, "DURATION", Duration(1, u), false);
    return true;
  }
  if (!the && s.W(i, "past") && s.W(j - 1, "past") && j == i + 1) {
    SetRaw(c, end, "DURATION", Duration(1, u), false);
    return true;
  }
  if (dir == 2) {
    if (u == Unit::kDay) return false;
    // "the year-ago results": the compound is QuarterPhrase's.
    if (s.IsHyphen(j + 1) && s.Adjacent(j + 1)) return false;
    // "the week of March 6"
    if (u == Unit::kWeek && s.W(j + 1, "of")) {
      Cand date;
      if ((MonthDate(s, j + 2, &date) || DayMonth(s, j + 2, &date)) && date.value.size() == 10) {
        if (auto d = Date::FromIso(date.value)) {
          const YearWeek yw = IsoWeek(*d);
          DateValue v;
          v.year = yw.year;
          v.week = yw.week;
          SetDate(c, date.end, v, date.relative);
          return true;
        }
      }
    }
    if (u == Unit::kWeekend) {
      const int t = s.Tense();
      const int aw = s.anchor_date() ? s.anchor_date()->Weekday() : 0;
      long off = 0;
      if (s.anchor_date() && aw < 5 && t < 0) off = -1;
      SetDate(c, end, s.anchor().Shift(Unit::kWeekend, off), true);
      return true;
    }
    if (u == Unit::kYear && the && (s.W(i - 1, "for") || s.W(i - 1, "throughout"))) {
      SetRaw(c, end, "DURATION", "P1Y", false);
      return true;
    }
    SetDate(c, end, s.anchor().Shift(u, 0), true);
    return true;
  }
  SetDate(c, end, det.same ? s.anchor().FromReference(u, 0) : s.anchor().Shift(u, dir), true);
  if (!s.anchor_date()) {
    // TimeML keeps the unknown parts: "next week" = XXXX-WXX.
    c->value = u == Unit::kWeek || u == Unit::kWeekend ? "XXXX-WXX"
               : u == Unit::kMonth                     ? "XXXX-XX"
               : u == Unit::kQuarter                   ? "XXXX-QX"
                                                       : "XXXX";
  }
  return true;
}

// The determiner of i and a month name at j: "last September", "this May", "last Oct. 23".
bool DeterminedMonth(Scan& s, int j, const Determiner& det, Cand* c) {
  int after;
  const int month = MonthAt(s, j, &after);
  if (month == 0) return false;
  // "last Oct. 23": the day goes with the month.
  int day = 0;
  if (const int d = DayAt(s, after);
      d > 0 && s.T(after).kind == Kind::kNumber && d <= DaysIn(2024, month)) {
    day = d;
    ++after;
  }
  if (det.the && det.dir != 0) return false;
  SetDate(c, after, s.anchor().MonthDayTowards(month, day, det.dir), true);
  return true;
}

// The determiner of i and a day of a month at j: "el pasado 5 de octubre", "el próximo 25 de
// julio".
bool DeterminedDate(Scan& s, int j, const Determiner& det, Cand* c) {
  int day, month;
  const int after = DayMonthAt(s, j, &day, &month);
  if (after < 0) {
    const Tok& t = s.T(j);
    if (!s.W(j - 1, "day") || t.digits > 2 || t.num < 1 || t.num > 31) return false;
    SetDate(c, j + 1, s.anchor().DayOfMonth(static_cast<int>(t.num), det.dir), true);
    return true;
  }
  int y;
  if (TrailingYear(s, after, &y) > 0 || s.W(after, "of")) return false;  // a year of its own
  SetDate(c, after, s.anchor().MonthDayTowards(month, day, det.dir), true);
  return true;
}

// The determiner of i and a weekday at j: "last Tuesday", "next Friday morning".
bool DeterminedWeekday(Scan& s, int j, const Determiner& det, Cand* c) {
  DateValue v = s.anchor().WeekdayTowards(s.Lex(j)->weekday, det.dir);
  const int end = PartAfter(s, j + 1, &v, false);
  SetDate(c, end, v, true);
  return true;
}

// The determiner of i and a season at j: "last summer", "the fall of 1990", "in the fall".
bool DeterminedSeason(Scan& s, int i, int j, const Determiner& det, Cand* c) {
  const LexEntry* e = s.Lex(j);
  const int dir = det.dir;
  int end = j + 1;
  int y = -1;
  if (s.W(end, "of")) {
    int after;
    if ((y = YearAt(s, end + 1)) > 0) {
      end += 2;
    } else if ((y = SpelledYear(s, end + 1, &after)) > 0) {
      end = after;
    } else if (e->season[0] == 'F') {
      return false;  // "the fall of the wall"
    }
  }
  // "the fall" is a season only where a time is expected: "in the fall".
  if (e->season[0] == 'F' && dir == 2 && y < 0 &&
      !s.Any(i - 1, {"in", "during", "by", "until", "since", "this", "that"})) {
    return false;
  }
  DateValue v;
  v.season = e->season;
  const int mid = SeasonMiddleMonth(e->season);  // places the season against the anchor
  if (y > 0) {
    v.year = y;
  } else if (!s.anchor_date()) {
    v.year = -1;
  } else if (dir == -1) {
    v.year = mid < s.anchor_date()->month ? s.anchor_date()->year : s.anchor_date()->year - 1;
  } else if (dir == 1) {
    v.year = mid > s.anchor_date()->month ? s.anchor_date()->year : s.anchor_date()->year + 1;
  } else {
    v = s.anchor().Season(e->season, dir == 2 ? s.Tense() : 0);
  }
  SetDate(c, end, v, y < 0);
  return true;
}

}  // namespace

// this/last/next/past/the + week, month, year, quarter, weekend, month name, weekday, season
bool DeterminedUnit(Scan& s, int i, Cand* c) {
  Determiner d;
  if (!ReadDeterminer(s, i, &d)) return false;
  int j = d.end;
  if (s.W(j, "fiscal") && s.W(j + 1, "year")) ++j;
  if (d.dir != 2 && s.T(j).kind == Kind::kNumber) return DeterminedDate(s, j, d, c);
  const LexEntry* e = s.Lex(j);
  if (e == nullptr) return false;
  if (e->unit == Unit::kDay && !e->plural && d.dir != 2 && s.T(j + 1).kind == Kind::kNumber) {
    return DeterminedDate(s, j + 1, d, c);  // "el próximo día 9 de julio", "del pasado día 3"
  }
  if (e->unit != Unit::kNone && !e->plural && e->unit != Unit::kQuarter) {
    int end = j + 1;
    if (const int dir = DirectionAfter(s, end); d.dir == 2 && dir != kNoDirection) {
      d.dir = dir;  // "el año pasado", "la semaine prochaine"
      ++end;
    }
    return DeterminedCalendarUnit(s, i, j, end, d, c);
  }
  if ((e->month > 0 || s.W(j, "month-of")) && s.Named(j)) return DeterminedMonth(s, j, d, c);
  if (e->weekday >= 0 && s.Named(j) && !e->plural && !d.the) return DeterminedWeekday(s, j, d, c);
  if (e->season) return DeterminedSeason(s, i, j, d, c);
  return false;
}

namespace {

// An ordinal quarter or half, with the year in front or after it: "the third quarter",
// "third-quarter", "the 1988 second quarter", "this year's third quarter", "the fourth quarter of
// 1990", "the first half of 1989", "first quarters" (a set).
bool OrdinalQuarter(Scan& s, int i, Cand* c) {
  int j = i;
  if (s.W(j, "the")) ++j;
  // The year in front: "the 1988 second quarter", "1989's third quarter", "this year's".
  int prefix_year = -1;
  bool prefix_relative = false;
  if (YearAt(s, j) > 0) {
    prefix_year = YearAt(s, j);
    j += s.P(j + 1, "'") && s.W(j + 2, "s") ? 3 : 1;
  } else if (int off; RelativeYear(s, j, &off) && s.P(j + 2, "'") && s.W(j + 3, "s")) {
    prefix_year = s.anchor().Shift(Unit::kYear, off).year;
    prefix_relative = true;
    j += 4;
  }
  if (prefix_year > 0 && !prefix_relative && s.W(i, "the") &&
      (s.W(j, "period") || s.W(j, "quarter"))) {
    DateValue v;
    v.year = prefix_year;
    if (s.anchor().has_quarter() && s.anchor_date())
      v.quarter = QuarterOf(s.anchor().Shift(Unit::kQuarter, -1).quarter * 3);
    s.anchor().MarkDerived();
    SetDate(c, j + 1, v, false);
    return true;
  }
  if (s.W(j, "fiscal")) ++j;
  const LexEntry* e = s.Lex(j);
  int q = 0;
  if (e && e->ordinal >= 1 && e->ordinal <= 4) q = e->ordinal;
  if (s.T(j).kind == Kind::kNumber && s.T(j).ordinal && s.T(j).num >= 1 && s.T(j).num <= 4)
    q = s.T(j).num;
  if (q > 0) {
    int k = j + 1;
    // "the third-quarter results": the article goes with the noun, not the date.
    if (s.IsHyphen(k) && s.Adjacent(k) && s.W(i, "the") && j == i + 1) return false;
    if (s.IsHyphen(k) && s.Adjacent(k)) ++k;
    if (s.W(k, "fiscal")) ++k;
    if (s.W(k, "quarter") || s.W(k, "quarters")) {
      const bool plural = s.W(k, "quarters");
      int end = k + 1;
      if (plural) {
        SetRaw(c, end, "SET", "XXXX-Q" + std::to_string(q), false);
        return true;
      }
      DateValue v;
      bool relative = true;
      int y;
      if (prefix_year > 0 || prefix_relative) {
        v.year = prefix_year;
        relative = prefix_relative;
      } else if (s.W(end, "of") && (y = YearAt(s, end + 1)) > 0) {
        v.year = y;
        relative = false;
        end += 2;
      } else if (int off; s.W(end, "of") && RelativeYear(s, end + 1, &off)) {
        v = s.anchor().Shift(Unit::kYear, off);
        end += 3;
      } else if ((y = YearAt(s, end)) > 0 && !s.W(i, "the")) {
        v.year = y;
        relative = false;
        end += 1;
      } else {
        v = s.anchor().Quarter(q, s.Tense());
      }
      v.quarter = q;
      SetDate(c, end, v, relative);
      return true;
    }
    if ((s.W(k, "half") || s.W(k, "halves")) && q <= 2) {
      DateValue v = s.anchor().Shift(Unit::kYear, 0);
      int end = k + 1;
      int y;
      if (s.W(end, "of") && (y = YearAt(s, end + 1)) > 0) {
        v.year = y;
        end += 2;
      }
      v.half = q;
      SetDate(c, end, v, true);
      return true;
    }
  }
  return false;
}

// "the first nine months", "the nine months"
bool CountedMonths(Scan& s, int i, Cand* c) {
  if (s.W(i, "the")) {
    int k = i + 1;
    if (s.W(k, "first") || s.W(k, "last") || s.W(k, "past")) ++k;
    long n;
    bool half = false;
    const int after = NumberAt(s, k, &n, false, &half);
    if (after > 0 && n > 1 && s.UnitAt(after) != Unit::kNone && s.T(after).lex->plural &&
        !s.W(after + 1, "ago")) {
      SetRaw(c, after + 1, "DURATION", Duration(n, s.UnitAt(after)), false);
      return true;
    }
  }
  return false;
}

// The quarter under discussion: "the quarter", "the latest quarter", "the year-earlier quarter",
// "year-ago period", "the current quarter".
bool QuarterInDiscussion(Scan& s, int i, Cand* c) {
  int k = i;
  if (s.W(k, "the")) ++k;
  bool year_back = false;
  bool latest = false;
  if ((s.W(k, "year") && s.IsHyphen(k + 1) && (s.W(k + 2, "earlier") || s.W(k + 2, "ago")))) {
    year_back = true;
    k += 3;
    // "the year-ago third quarter"
    const LexEntry* o = s.Lex(k);
    if (o && o->ordinal >= 1 && o->ordinal <= 4 && s.W(k + 1, "quarter")) {
      DateValue v = s.anchor().Shift(Unit::kYear, -1);
      v.quarter = o->ordinal;
      s.anchor().MarkDerived();
      SetDate(c, k + 2, v, true);
      return true;
    }
  } else if (s.W(k, "latest") || s.W(k, "recent") || s.W(k, "previous") ||
             (s.W(k, "most") && s.W(k + 1, "recent"))) {
    latest = true;
    k += s.W(k, "most") ? 2 : 1;
  } else if (s.W(k, "current")) {
    k += 1;
    if (s.W(k, "quarter")) {
      SetDate(c, k + 1, s.anchor().Shift(Unit::kQuarter, 0), true);
      return true;
    }
    return false;
  }
  const bool quarter = s.W(k, "quarter") && !s.W(k + 1, "of") && !s.P(k + 1, "-");
  const bool period = s.W(k, "period") && (year_back || latest);
  if ((quarter && (k > i)) || period) {
    DateValue v = s.anchor().Shift(Unit::kQuarter, -1);
    s.anchor().MarkDerived();
    if (year_back && s.anchor_date()) v.year -= 1;
    SetDate(c, k + 1, v, true);
    return true;
  }
  if (year_back && !s.W(i, "the")) {
    DateValue v = s.anchor().Shift(Unit::kQuarter, -1);
    s.anchor().MarkDerived();
    if (s.anchor_date()) v.year -= 1;
    SetDate(c, i + 3, v, true);
    return true;
  }
  return false;
}

}  // namespace

// "the third quarter", "third-quarter", "the fourth quarter of 1990", "the quarter",
// "the latest quarter", "the year-earlier quarter", "the first nine months"
bool QuarterPhrase(Scan& s, int i, Cand* c) {
  return OrdinalQuarter(s, i, c) || CountedMonths(s, i, c) || QuarterInDiscussion(s, i, c);
}

}  // namespace newsloom::timex
