// Calendar dates: numeric dates, month names with days and years, years, decades, seasons and
// quarters written compactly, holidays.
#include <cstdio>
#include <cstdlib>
#include <string>

#include "timex/readers.h"
#include "timex/rules.h"

namespace newsloom::timex {
namespace {

// Year after "of": "of 1990", "of last year". Returns the end or -1.
int OfYear(Scan& s, int j, DateValue* v, bool* relative) {
  if (!s.W(j, "of")) return -1;
  int y;
  int off;
  if ((y = YearAt(s, j + 1)) > 0) {
    v->year = y;
    return j + 2;
  }
  int end;
  if ((y = SpelledYear(s, j + 1, &end)) > 0) {
    v->year = y;
    return end;
  }
  if (RelativeYear(s, j + 1, &off)) {
    v->year = s.anchor().Shift(Unit::kYear, off).year;
    *relative = true;
    return j + 3;
  }
  return -1;
}

// Whether the number at i reads as a year rather than an amount.
bool IsYearContext(Scan& s, int i) {
  // Numbers that read as amounts rather than years.
  const Tok& prev = s.T(i - 1);
  if (s.P(i - 1, "$") || s.P(i - 1, "#") || s.W(i - 1, "no") || s.W(i - 1, "number")) return false;
  if ((s.P(i - 1, ",") || s.P(i - 1, ".")) && s.T(i - 2).kind == Kind::kNumber &&
      s.Adjacent(i - 1)) {
    return false;
  }
  if (prev.kind == Kind::kNumber) return false;
  const Tok& next = s.T(i + 1);
  if (s.P(i + 1, "%") || s.W(i + 1, "percent") || s.W(i + 1, "per")) return false;
  if ((s.P(i + 1, ",") || s.P(i + 1, ".")) && s.T(i + 2).kind == Kind::kNumber &&
      s.Adjacent(i + 2) && s.Adjacent(i + 1)) {
    return false;
  }
  // "2000 troops", "1500 tons", "1700 Menschen"
  if (Is(next, "counted")) return false;
  return true;
}

}  // namespace

int DirectionBefore(Scan& s, int i) {
  const int p = s.W(i - 1, "the") ? i - 2 : i - 1;  // "hasta el jueves"
  if (s.Any(p, {"by", "through", "until", "till"})) return 1;
  if (s.W(p, "since")) return -1;
  return s.Tense();
}

// "2024-06-19", "2024-06-19T15:57", "6/19/2024", "2024/06/19"
bool NumericDate(Scan& s, int i, Cand* c) {
  const Tok& a = s.T(i);
  const bool dash = s.IsHyphen(i + 1) || s.P(i + 1, "/") || s.P(i + 1, ".");
  if (!dash || !s.Adjacent(i + 1) || s.T(i + 2).kind != Kind::kNumber || !s.Adjacent(i + 2)) {
    return false;
  }
  const std::string_view sep = s.T(i + 1).low;
  if (!(s.P(i + 3, sep) && s.Adjacent(i + 3) && s.T(i + 4).kind == Kind::kNumber &&
        s.Adjacent(i + 4))) {
    return false;
  }
  const Tok& b = s.T(i + 2);
  const Tok& d = s.T(i + 4);
  Date date;
  if (a.digits == 4) {
    date = Date{static_cast<int>(a.num), static_cast<int>(b.num), static_cast<int>(d.num)};
  } else if (sep == "/" && a.digits <= 2 && b.digits <= 2 && (d.digits == 4 || d.digits == 2)) {
    int y = static_cast<int>(d.num);
    if (d.digits == 2) y += y >= 50 ? 1900 : 2000;
    date = Date{y, static_cast<int>(a.num), static_cast<int>(b.num)};
  } else if (sep == "." && a.digits <= 2 && b.digits <= 2 && d.digits == 4) {
    // "19.06.2024": day first, as written in most of Europe.
    date = Date{static_cast<int>(d.num), static_cast<int>(b.num), static_cast<int>(a.num)};
  } else {
    return false;
  }
  if (sep == "." && a.digits == 4) return false;  // "2024.06.19" is rare; "1.5.2" is not a date
  if (!date.Valid() || b.digits > 2 || d.digits > 4) return false;
  DateValue v = DateValue::Of(date);
  int end = i + 5;
  // "T15:57" glued to the date, or "15:57" after it
  if (s.T(end).kind == Kind::kNumber && s.T(end).digits <= 2 && s.T(end).num < 24 &&
      s.P(end + 1, ":") && s.Adjacent(end + 1) && s.T(end + 2).kind == Kind::kNumber &&
      s.T(end + 2).digits == 2 && s.Adjacent(end + 2) && s.T(end + 2).num < 60 && a.digits == 4) {
    v.hour = static_cast<int>(s.T(end).num);
    v.minute = static_cast<int>(s.T(end + 2).num);
    end += 3;
    if (s.P(end, ":") && s.T(end + 1).kind == Kind::kNumber && s.Adjacent(end + 1)) end += 2;
  } else if (s.T(end).kind == Kind::kWord && s.Adjacent(end) && (LowIs(s.T(end), "t")) &&
             s.T(end + 1).kind == Kind::kNumber && s.Adjacent(end + 1) && s.P(end + 2, ":") &&
             s.T(end + 3).kind == Kind::kNumber && s.T(end + 1).num < 24 && s.T(end + 3).num < 60) {
    v.hour = static_cast<int>(s.T(end + 1).num);
    v.minute = static_cast<int>(s.T(end + 3).num);
    end += 4;
    if (s.P(end, ":") && s.T(end + 1).kind == Kind::kNumber && s.Adjacent(end + 1)) end += 2;
  }
  SetDate(c, end, v, false);
  return true;
}

// "June 19, 2024", "June 19-20", "June 12", "April 2019", "September of last year", "May"
bool MonthDate(Scan& s, int i, Cand* c) {
  int j;
  const int month = MonthAt(s, i, &j);
  if (month == 0) return false;
  DateValue v;
  v.month = month;
  bool relative = false;
  int end = j;
  const int day = DayAt(s, j);
  const bool day_ok =
      day > 0 && !(s.T(j).kind == Kind::kNumber && s.T(j).digits > 2) &&
      !(s.P(j + 1, ":") && s.T(j + 2).kind == Kind::kNumber && s.Adjacent(j + 2));  // "May 5:30"
  int y;
  if (day_ok && day <= DaysIn(2024, month)) {
    end = j + 1;
    v.day = day;
    // A range: "June 19-20": the start is the value, the extent covers the range.
    if (s.IsHyphen(end) && DayAt(s, end + 1) > day && s.T(end + 1).kind == Kind::kNumber) end += 2;
    const int e = TrailingYear(s, end, &y, &v.bc);
    if (e > 0) {
      v.year = y;
      end = e;
    } else {
      const int e2 = OfYear(s, end, &v, &relative);
      if (e2 > 0) {
        end = e2;
      } else if (const int dir = DirectionAfter(s, end); dir != kNoDirection) {
        v = s.anchor().MonthDayTowards(month, day, dir);
        relative = true;
        ++end;
      } else {
        v = s.anchor().MonthDay(month, day, DirectionBefore(s, i));
        relative = true;
      }
    }
    SetDate(c, end, v, relative);
    return true;
  }
  int e = TrailingYear(s, j, &y, &v.bc);
  if (e > 0) {
    v.year = y;
    SetDate(c, e, v, false);
    return true;
  }
  e = OfYear(s, j, &v, &relative);
  if (e > 0) {
    SetDate(c, e, v, relative);
    return true;
  }
  int off;
  if (RelativeYear(s, j, &off)) {
    v.year = s.anchor().Shift(Unit::kYear, off).year;
    SetDate(c, j + 2, v, true);
    return true;
  }
  if (const int dir = DirectionAfter(s, end); dir != kNoDirection) {
    SetDate(c, end + 1, s.anchor().MonthDayTowards(month, 0, dir), true);  // "octubre pasado"
    return true;
  }
  v = s.anchor().MonthDay(month, 0, DirectionBefore(s, i));
  SetDate(c, end, v, true);
  return true;
}

// "19 June 2024", "19th of June", "the 19th of June"
int DayMonthAt(const Scan& s, int k, int* day, int* month) {
  *day = DayAt(s, k);
  // A number word before a month: "el uno de agosto".
  if (*day == 0 && s.T(k).kind == Kind::kWord && s.Lex(k) && s.Lex(k)->number >= 1 &&
      s.Lex(k)->number <= 31 && s.W(k + 1, "of")) {
    *day = s.Lex(k)->number;
  }
  if (*day == 0) return -1;
  int j = k + 1;
  if (s.lexicon().ordinal_dot() && s.P(j, ".") && s.Adjacent(j)) ++j;
  if (s.W(j, "of")) ++j;
  int after;
  *month = MonthAt(s, j, &after);
  if (*month == 0 || *day > DaysIn(2024, *month)) return -1;
  return after;
}

// The first day of a range whose month comes after its last day ("vom 8. bis 9. Mai", "del 3 al
// 5 de junio", "du 3 au 5 juin"): the day and that month, and the token after the first day; -1
// when there is none. *last is where the range's last day starts.
int RangeStartAt(const Scan& s, int k, int* day, int* month, int* last) {
  *day = DayAt(s, k);
  if (*day == 0 || s.T(k).kind != Kind::kNumber) return -1;
  int end = k + 1;
  if (s.lexicon().ordinal_dot() && s.P(end, ".") && s.Adjacent(end)) ++end;
  if (!s.Any(end, {"until", "to", "and"}) && !s.IsHyphen(end)) return -1;
  *last = s.W(end + 1, "the") && !s.W(end, "the") ? end + 2 : end + 1;
  int last_day;
  if (DayMonthAt(s, *last, &last_day, month) < 0 || last_day <= *day) return -1;
  if (*day > DaysIn(2024, *month)) return -1;
  return end;
}

bool DayMonth(Scan& s, int i, Cand* c) {
  int k = i;
  if (s.W(k, "the")) ++k;
  int day, month;
  int after = DayMonthAt(s, k, &day, &month);
  int year_at = after;  // where a year after the month would be
  if (after < 0) {
    int last;
    after = RangeStartAt(s, k, &day, &month, &last);
    if (after < 0) return false;
    int last_day, last_month;
    year_at = DayMonthAt(s, last, &last_day, &last_month);
    if (int y; TrailingYear(s, year_at, &y) > 0 || s.W(year_at, "of")) {
      // The year of the range's end is the first day's too.
      DateValue v;
      v.month = month;
      v.day = day;
      bool relative = false;
      if (TrailingYear(s, year_at, &y, &v.bc) > 0) {
        v.year = y;
      } else if (OfYear(s, year_at, &v, &relative) < 0) {
        v = s.anchor().MonthDay(month, day, s.Tense());
        relative = true;
      }
      SetDate(c, after, v, relative);
      return true;
    }
    SetDate(c, after, s.anchor().MonthDay(month, day, s.Tense()), true);
    return true;
  }
  if (k > i && !s.T(k).ordinal && !(s.T(k).lex && s.T(k).lex->ordinal)) return false;
  DateValue v;
  v.month = month;
  v.day = day;
  int y;
  bool relative = false;
  int end = after;
  if (const int e = TrailingYear(s, after, &y, &v.bc); e > 0) {
    v.year = y;
    end = e;
  } else if (const int e2 = OfYear(s, after, &v, &relative); e2 > 0) {
    end = e2;  // "3 de octubre de 2024"
  } else if (const int dir = DirectionAfter(s, after); dir != kNoDirection) {
    v = s.anchor().MonthDayTowards(month, day, dir);  // "le 8 mars dernier"
    relative = true;
    end = after + 1;
  } else {
    v = s.anchor().MonthDay(month, day, s.Tense());
    relative = true;
  }
  SetDate(c, end, v, relative);
  return true;
}

// "2000", "1990s", "the 1990s", "fiscal 1989" is FiscalYear's.
bool Year(Scan& s, int i, Cand* c) {
  if (int end; const int bc = YearBcAt(s, i, &end)) {  // "490 v. Chr."
    DateValue v;
    v.year = bc;
    v.bc = true;
    SetDate(c, end, v, false);
    return true;
  }
  const int y = YearAt(s, i);
  if (y < 0) {
    // "en 97": two digits after "in", with nothing counted after them.
    const Tok& t = s.T(i);
    if (t.kind != Kind::kNumber || t.digits != 2 || t.ordinal || !s.W(i - 1, "in") ||
        !(s.P(i + 1, ",") || s.P(i + 1, ".") || s.P(i + 1, ")") || s.P(i + 1, "(") ||
          i + 1 >= s.size())) {
      return false;
    }
    DateValue v;
    v.year = static_cast<int>(t.num) + (t.num >= 30 ? 1900 : 2000);
    SetDate(c, i + 1, v, false);
    return true;
  }
  // Decades: "1990s"
  if (s.T(i + 1).kind == Kind::kWord && s.Adjacent(i + 1) && s.W(i + 1, "decade-suffix") &&
      y % 10 == 0) {
    DateValue v;
    v.decade = y / 10;
    SetDate(c, s.W(i + 2, "decade-of") ? i + 3 : i + 2, v, false);  // "1920er Jahre"
    return true;
  }
  if (!IsYearContext(s, i)) return false;
  if ((y < 1900 || y > 2100) && !s.anchor().narrative()) {
    // Outside the usual range (but in a history) only after a word that announces a year ("in
    // 1848"), not as a number ("Room 1520", "Flight 1234").
    if (!s.P(i - 1, "-") &&
        !s.Any(i - 1, {"in", "since", "until", "by", "of", "from", "year", "before", "after",
                       "during", "circa", "around", "to", "and", "early", "late", "mid", "the"})) {
      return false;
    }
  }
  DateValue v;
  v.year = y;
  SetDate(c, i + 1, v, false);
  return true;
}

// "'90s", "'99"
bool ApostropheDecade(Scan& s, int i, Cand* c) {
  const Tok& n = s.T(i + 1);
  if (n.kind != Kind::kNumber || n.digits != 2 || !s.Adjacent(i + 1)) return false;
  const int yy = static_cast<int>(n.num);
  const int full = yy + (yy >= 30 ? 1900 : 2000);
  if (s.W(i + 2, "decade-suffix") && s.Adjacent(i + 2) && yy % 10 == 0) {
    DateValue v;
    v.decade = full / 10;
    SetDate(c, i + 3, v, false);
    return true;
  }
  return false;
}

// "Q1 2024", "Q3", "H1 2024", "summer 2023", "the summer of 2023" is DeterminedUnit's.
bool CompactPeriod(Scan& s, int i, Cand* c) {
  const Tok& t = s.T(i);
  if ((LowIs(t, "q") || LowIs(t, "h")) && t.cap && s.T(i + 1).kind == Kind::kNumber &&
      s.Adjacent(i + 1) && s.T(i + 1).digits == 1 && s.T(i + 1).num >= 1 &&
      s.T(i + 1).num <= (LowIs(t, "q") ? 4 : 2)) {
    const int n = static_cast<int>(s.T(i + 1).num);
    int end = i + 2;
    int y;
    DateValue v;
    bool relative = false;
    const int e = TrailingYear(s, end, &y);
    if (e > 0) {
      v.year = y;
      end = e;
    } else if (LowIs(t, "q")) {
      v = s.anchor().Quarter(n, s.Tense());
      relative = true;
    } else {
      v = s.anchor().Shift(Unit::kYear, 0);
      relative = true;
    }
    (LowIs(t, "q") ? v.quarter : v.half) = n;
    SetDate(c, end, v, relative);
    return true;
  }
  if (t.lex && t.lex->season) {
    int y;
    DateValue v;
    const int e = TrailingYear(s, i + 1, &y, &v.bc);
    if (e > 0 && !s.P(i + 1, ",")) {
      v.year = y;
      v.season = t.lex->season;
      SetDate(c, e, v, false);
      return true;
    }
    if (s.W(i - 1, "in")) {  // "en otoño"
      SetDate(c, i + 1, s.anchor().Season(t.lex->season, s.Tense()), true);
      return true;
    }
  }
  return false;
}

// "nineteen ninety-six", "the year two thousand", "the year 2000"
bool WordYear(Scan& s, int i, Cand* c) {
  int j = i;
  if (s.W(j, "the") && s.W(j + 1, "year")) j += 2;
  int end;
  int y = SpelledYear(s, j, &end);
  if (y < 0 && j > i && (y = YearAt(s, j)) > 0) end = j + 1;
  DateValue v;
  if (y < 0 && j > i && (y = YearBcAt(s, j, &end)) > 0) v.bc = true;  // "the year 500 BC"
  if (y <= 0) return false;
  v.year = y;
  SetDate(c, end, v, false);
  return true;
}

bool FiscalYear(Scan& s, int i, Cand* c) {
  if (!s.W(i, "fiscal")) return false;
  int j = i + 1;
  if (s.W(j, "year")) ++j;
  const int y = YearAt(s, j);
  if (y > 0) {
    DateValue v;
    v.year = y;
    SetDate(c, j + 1, v, false);
    return true;
  }
  return false;
}

// Christmas, New Year's Day, Thanksgiving, ...: a holiday of the tables, with "Day" after it.
bool Holiday(Scan& s, int i, Cand* c) {
  const LexEntry* e = s.Lex(i);
  if (e == nullptr || e->holiday_month == 0 || !s.Named(i)) return false;
  const int end = s.W(i + 1, "day") ? i + 2 : i + 1;
  const int month = e->holiday_month;
  int day = e->holiday_day;
  DateValue v = s.anchor().MonthDay(month, day > 0 ? day : 15, s.Tense());
  if (day == 0 && v.year > 0) {
    // The n-th weekday of the month ("the fourth Thursday of November"), or the last one.
    if (e->holiday_nth > 0) {
      const Date first{v.year, month, 1};
      day = 1 + (e->holiday_weekday - first.Weekday() + 7) % 7 + 7 * (e->holiday_nth - 1);
    } else {
      const Date last{v.year, month, DaysIn(v.year, month)};
      day = last.day - (last.Weekday() - e->holiday_weekday + 7) % 7;
    }
  }
  v.day = day;
  if (day == 0) v.month = month;
  SetDate(c, end, v, true);
  return true;
}

bool DayOfMonth(Scan& s, int i, Cand* c) {
  if (!s.W(i, "the") || !s.W(i + 1, "day")) return false;
  const int k = i + 2;
  const Tok& t = s.T(k);
  if (t.kind != Kind::kNumber || t.digits > 2 || t.num < 1 || t.num > 31) return false;
  int day, month;
  if (DayMonthAt(s, k, &day, &month) >= 0) return false;  // "el día 8 de mayo" is DayMonth's
  SetDate(c, k + 1, s.anchor().DayOfMonth(static_cast<int>(t.num), DirectionBefore(s, i)), true);
  return true;
}

bool DecadeNumber(Scan& s, int i, Cand* c) {
  int j = i;
  if (s.W(j, "the")) ++j;
  bool named = false;
  if (s.UnitAt(j) == Unit::kDecade) {  // "la década de los noventa"
    named = true;
    ++j;
    if (s.W(j, "of")) ++j;
    if (s.W(j, "the")) ++j;
  }
  if (s.W(j, "decade-of")) {  // "los años 30", "les années 60"
    named = true;
    ++j;
  }
  if (!named) {
    // "der achtziger Jahre": a decade word before the word for years.
    if (s.Lex(j) == nullptr || s.Lex(j)->decade < 0 || !s.W(j + 1, "decade-of")) return false;
    DateValue v;
    v.decade = 190 + s.Lex(j)->decade;
    SetDate(c, j + 2, v, false);
    return true;
  }
  const Tok& t = s.T(j);
  int decade = -1;
  if (t.kind == Kind::kNumber && !t.ordinal && t.digits == 2 && t.num % 10 == 0) {
    decade = 190 + static_cast<int>(t.num) / 10;
  } else if (t.kind == Kind::kNumber && !t.ordinal && t.digits == 4 && t.num % 10 == 0) {
    decade = static_cast<int>(t.num) / 10;
  } else if (t.kind == Kind::kWord && t.lex && t.lex->number >= 20 && t.lex->number % 10 == 0) {
    decade = 190 + t.lex->number / 10;
  } else if (t.kind == Kind::kWord && t.lex && t.lex->decade >= 0) {
    decade = 190 + t.lex->decade;
  }
  if (decade < 0) return false;
  DateValue v;
  v.decade = decade;
  SetDate(c, j + 1, v, false);
  return true;
}

bool Century(Scan& s, int i, Cand* c) {
  int j = i;
  if (s.W(j, "the")) ++j;
  int n;
  if (s.W(j, "century") && (n = RomanAt(s, j + 1)) > 0) {  // "el siglo XIX"
    j += 2;
  } else if ((n = RomanAt(s, j)) > 0 && s.W(j + 1, "century")) {  // "le XIXe siècle"
    j += 2;
  } else if (s.lexicon().ordinal_dot() && s.T(j).kind == Kind::kNumber && s.T(j).digits <= 2 &&
             s.P(j + 1, ".") && s.Adjacent(j + 1) && s.W(j + 2, "century")) {  // "6. Jahrhundert"
    n = static_cast<int>(s.T(j).num);
    j += 3;
  } else {
    return false;
  }
  if (n < 1) return false;
  if (s.P(j, ".") && s.Adjacent(j) && s.Lex(j - 1) && s.Lex(j - 1)->abbrev) ++j;  // "4. Jh."
  DateValue v;
  v.century = n - 1;
  if (s.W(j, "bc")) {
    v.bc = true;
    ++j;
  }
  SetDate(c, j, v, false);
  return true;
}

}  // namespace newsloom::timex
