// Days and times of day: weekdays, "today" and its kin, days counted from a date named before,
// clock times.
#include <cstdio>
#include <cstdlib>
#include <string>

#include "timex/readers.h"
#include "timex/rules.h"

namespace newsloom::timex {
namespace {

bool IsMeridiem(const TokenView& s, int j) { return s.W(j, "am") || s.W(j, "pm"); }

// A time of day from i: "15:57", "10:35 a.m.", "noon", "4 o'clock", "18 h 30", "14.00 Uhr", "las
// seis de la mañana". Sets the hour (24 for midnight) and minute and returns the token after
// it, or -1.
int ReadClock(const Scan& s, int i, int* hour, int* minute) {
  const Tok& t = s.T(i);
  *minute = 0;
  int j = i + 1;
  if (t.kind == Kind::kWord) {
    if (Is(t, "noon") || Is(t, "midday")) {
      *hour = 12;
      return j;
    }
    if (Is(t, "midnight")) {
      *hour = 24;
      return j;
    }
    // A number word before "o'clock", "a.m." or an hour: "four o'clock", "la una de la tarde".
    if (t.lex == nullptr || t.lex->number < 0 || t.lex->number > 24) return -1;
    if (!IsMeridiem(s, j) && !s.W(j, "o'clock") && !s.W(j, "hour-word")) return -1;
    *hour = t.lex->number;
  } else {
    if (t.ordinal || t.digits > 2 || t.num > 24) return -1;
    *hour = static_cast<int>(t.num);
  }
  bool has_minutes = false;
  const bool dot = s.P(j, ".") && (IsMeridiem(s, j + 2) || s.lexicon().time_dot());
  if ((s.P(j, ":") || dot) && s.Adjacent(j) && s.T(j + 1).kind == Kind::kNumber &&
      s.T(j + 1).digits == 2 && s.Adjacent(j + 1) && s.T(j + 1).num < 60) {
    *minute = static_cast<int>(s.T(j + 1).num);
    j += 2;
    has_minutes = true;
    if (s.P(j, ":") && s.Adjacent(j) && s.T(j + 1).kind == Kind::kNumber &&
        s.T(j + 1).digits == 2) {
      j += 2;
    }
  } else if (s.W(j, "hour-word") && s.T(j + 1).kind == Kind::kNumber && s.T(j + 1).digits <= 2 &&
             s.T(j + 1).num < 60 && !s.T(j + 1).ordinal) {
    *minute = static_cast<int>(s.T(j + 1).num);  // "14 h 30"
    j += 2;
    has_minutes = true;
  }
  if (IsMeridiem(s, j)) {
    if (*hour > 12 || *hour == 0) return -1;
    const bool pm = s.W(j, "pm");
    if (pm && *hour < 12) *hour += 12;
    if (!pm && *hour == 12) *hour = 0;
    ++j;
    if (s.P(j, ".") && s.Adjacent(j) && (LowIs(s.T(j), ".") && s.T(j - 1).low.back() != '.')) ++j;
  } else if (s.W(j, "o'clock") || s.W(j, "hour-word")) {
    ++j;
  } else if (!has_minutes) {
    return -1;
  } else if (dot && !s.P(j - 2, ":") &&
             (s.P(j, "%") || s.UnitAt(j) != Unit::kNone || s.W(j, "counted"))) {
    return -1;  // "20.50 %": a decimal, not a time
  }
  // "14:30" in a score or a ratio is rare next to time words; accept it.
  if (s.W(j, "local-time")) ++j;
  return j;
}

// Periods named outright: "the near future", "the weeks ahead", "year-end", "the nineties",
// "the 20th century".
bool NamedPeriod(Scan& s, int i, Cand* c) {
  // "the near future", "the short term", "the weeks ahead", "future quarters"
  if (s.W(i, "the") && (s.W(i + 1, "near") || s.W(i + 1, "short") || s.W(i + 1, "long")) &&
      (s.W(i + 2, "future") || s.W(i + 2, "term"))) {
    SetRaw(c, i + 3, "DATE", "FUTURE_REF", true);
    return true;
  }
  if (s.W(i, "the") && s.Lex(i + 1) && s.Lex(i + 1)->plural && s.UnitAt(i + 1) != Unit::kNone &&
      s.W(i + 2, "ahead")) {
    SetRaw(c, i + 3, "DURATION", Duration(-1, s.UnitAt(i + 1)), false);
    return true;
  }
  if (s.W(i, "future") && s.Lex(i + 1) && s.Lex(i + 1)->plural && s.UnitAt(i + 1) != Unit::kNone) {
    SetRaw(c, i + 2, "DATE", "FUTURE_REF", true);
    return true;
  }
  // One word for a year: "Jahresende 1980", "Vorjahr".
  if (s.W(i, "year-end")) {
    DateValue v;
    int y;
    if (const int e = TrailingYear(s, i + 1, &y, &v.bc); e > 0) {
      v.year = y;
      SetDate(c, e, v, false);
    } else {
      SetDate(c, i + 1, s.anchor().Shift(Unit::kYear, 0), true);
    }
    return true;
  }
  if (s.W(i, "previous-year")) {
    SetDate(c, i + 1, s.anchor().Shift(Unit::kYear, -1), true);
    return true;
  }
  // "the full year", "year-end", "year's end"
  if (s.W(i, "the") && s.W(i + 1, "full") && s.W(i + 2, "year")) {
    SetDate(c, i + 3, s.anchor().Shift(Unit::kYear, 0), true);
    return true;
  }
  if (s.W(i, "year") && ((s.IsHyphen(i + 1) && s.W(i + 2, "end")) || s.W(i + 1, "end"))) {
    SetDate(c, s.W(i + 1, "end") ? i + 2 : i + 3, s.anchor().Shift(Unit::kYear, 0), true);
    return true;
  }
  if (s.W(i, "year") && s.P(i + 1, "'") && s.W(i + 2, "s") && s.W(i + 3, "end")) {
    SetDate(c, i + 4, s.anchor().Shift(Unit::kYear, 0), true);
    return true;
  }
  // "the nineties", "the eighties"
  if (s.W(i, "the") && s.T(i + 1).kind == Kind::kWord && s.Lex(i + 1) &&
      s.Lex(i + 1)->decade >= 0) {
    DateValue v;
    v.decade = 190 + s.Lex(i + 1)->decade;
    SetDate(c, i + 2, v, false);
    return true;
  }
  // "the 20th century", "the twentieth century"
  if (s.W(i, "the")) {
    const int n = s.T(i + 1).ordinal ? static_cast<int>(s.T(i + 1).num)
                                     : (s.Lex(i + 1) ? s.Lex(i + 1)->ordinal : 0);
    if (n > 0 && n < 100 && s.W(i + 2, "century")) {
      DateValue v;
      v.century = n - 1;
      SetDate(c, i + 3, v, false);
      return true;
    }
  }
  if (s.T(i).kind == Kind::kNumber && s.T(i).ordinal && s.T(i).num < 100 && s.W(i + 1, "century")) {
    DateValue v;
    v.century = static_cast<int>(s.T(i).num) - 1;
    SetDate(c, i + 2, v, false);
    return true;
  }
  return false;
}

// "today", "yesterday", "tomorrow afternoon", "tonight", "this morning", "last night".
bool DayWord(Scan& s, int i, Cand* c) {
  const LexEntry* e = s.Lex(i);
  if (e == nullptr || s.T(i).kind != Kind::kWord) return false;
  DateValue v;
  if (s.W(i, "tonight")) {
    v = s.anchor().Shift(Unit::kDay, 0);
    v.part = "NI";
    SetDate(c, i + 1, v, true);
    return true;
  }
  if (e->day != LexEntry::kNoDay) {
    if (e->day == 0 && s.anchor().narrative()) {
      SetRaw(c, i + 1, "DATE", "PRESENT_REF", true);  // "heute" in a history
      return true;
    }
    v = s.anchor().Shift(Unit::kDay, e->day);
    v.part = e->part;  // "anoche": last night
    int end = PartAfter(s, i + 1, &v);
    // "hier à 10 h": the day with its time.
    int hour, minute;
    if (const int after = s.W(end, "at") ? ReadClock(s, end + 1, &hour, &minute) : -1; after > 0) {
      v.hour = hour;
      v.minute = minute;
      end = after;
    }
    // "hoy, jueves", "ayer miércoles": the weekday names the same day.
    const int k = s.P(end, ",") ? end + 1 : end;
    if (const LexEntry* wd = s.Lex(k); wd && wd->weekday >= 0 && !wd->plural && s.Named(k)) {
      end = k + 1;
    }
    if (!s.anchor_date()) {
      // Without an anchor the day stays unknown: XXXX-XX-XX, XXXX-XX-XXTNI.
      SetRaw(c, end, v.HasTime() ? "TIME" : "DATE", v.HasTime() ? Format(v) : "XXXX-XX-XX", true);
      return true;
    }
    SetDate(c, end, v, true);
    return true;
  }
  // "this morning", "last night"
  if ((s.W(i, "this") || s.W(i, "last")) && s.Lex(i + 1) && s.Lex(i + 1)->part &&
      !s.Lex(i + 1)->plural) {
    const bool last = s.W(i, "last");
    if (last && !s.W(i + 1, "night")) return false;
    v = s.anchor().Shift(Unit::kDay, last ? -1 : 0);
    v.part = s.Lex(i + 1)->part;
    SetDate(c, i + 2, v, true);
    return true;
  }
  return false;
}

// "now", "currently", "recently", "the future", "the coming months".
bool ReferenceWord(Scan& s, int i, Cand* c) {
  if (const LexEntry* e = s.Lex(i); e && e->ref && s.T(i).kind == Kind::kWord) {
    SetRaw(c, i + 1, "DATE", e->ref, true);
    return true;
  }
  if (s.W(i, "current") && !s.W(i + 1, "account")) {
    SetRaw(c, i + 1, "DATE", "PRESENT_REF", true);
    return true;
  }
  if (s.W(i, "these") && s.UnitAt(i + 1) == Unit::kDay && s.Lex(i + 1)->plural) {
    SetRaw(c, i + 2, "DATE", "PRESENT_REF", true);
    return true;
  }
  if (s.W(i, "present") && s.W(i - 1, "at")) {
    SetRaw(c, i + 1, "DATE", "PRESENT_REF", true);
    return true;
  }
  if (s.W(i, "recent")) {
    const Unit u = s.UnitAt(i + 1);
    if (u != Unit::kNone && s.T(i + 1).lex->plural) {
      // TimeBank reads "recent months" as a vague duration more often than as PAST_REF.
      SetRaw(c, i + 2, "DURATION", Duration(-1, u), false);
      return true;
    }
    if (s.W(i + 1, "times")) {
      SetRaw(c, i + 2, "DATE", "PAST_REF", true);
      return true;
    }
    // Bare "recent" is mostly an adjective of no time ("recent events").
    return false;
  }
  if (s.W(i, "the") && (s.W(i + 1, "future") || s.W(i + 1, "past") || s.W(i + 1, "present"))) {
    if (s.Lex(i + 2) && s.Lex(i + 2)->unit != Unit::kNone) return false;  // "the past year"
    if (s.T(i + 2).kind == Kind::kNumber || (s.Lex(i + 2) && s.Lex(i + 2)->number >= 0))
      return false;
    if (s.W(i + 2, "few") || s.W(i + 2, "several")) return false;
    const char* ref = s.W(i + 1, "future") ? "FUTURE_REF"
                      : s.W(i + 1, "past") ? "PAST_REF"
                                           : "PRESENT_REF";
    SetRaw(c, i + 2, "DATE", ref, true);
    return true;
  }
  if (s.W(i, "coming") || (s.W(i, "the") && s.W(i + 1, "coming"))) {
    const int j = s.W(i, "the") ? i + 2 : i + 1;
    const Unit u = s.UnitAt(j);
    if (u != Unit::kNone && s.T(j).lex->plural) {
      SetRaw(c, j + 1, "DURATION", Duration(-1, u), false);
      return true;
    }
  }
  return false;
}

}  // namespace

// "Tuesday", "on Tuesday", "Wednesday, June 19, 2024", "Friday morning", "Mondays"
bool Weekday(Scan& s, int i, Cand* c) {
  const LexEntry* e = s.Lex(i);
  if (e == nullptr || e->weekday < 0) return false;
  if (!s.Named(i)) return false;
  int j = i + 1;
  if (e->abbrev) {
    if (s.P(j, ".") && s.Adjacent(j)) {
      ++j;
    } else if (!s.P(j, ",")) {
      return false;
    }
  }
  if (e->plural) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "XXXX-WXX-%d", e->weekday + 1);
    SetRaw(c, j, "SET", buf, false);
    return true;
  }
  // An explicit date after the weekday wins.
  int k = s.P(j, ",") ? j + 1 : j;
  Cand date;
  if ((MonthDate(s, k, &date) || DayMonth(s, k, &date)) && date.value.size() >= 10) {
    *c = date;
    return true;
  }
  DateValue v;
  if (const int dir = DirectionAfter(s, j); dir != kNoDirection) {
    v = s.anchor().WeekdayTowards(e->weekday, dir);  // "mardi dernier", "el lunes pasado"
    ++j;
  } else {
    v = s.anchor().Weekday(e->weekday, s.Tense());
  }
  const int end = PartAfter(s, j, &v, s.lexicon().weekday_parts_in_value());
  SetDate(c, end, v, true);
  return true;
}

// today, now, yesterday, tonight, recently, the future, ...
bool Deictic(Scan& s, int i, Cand* c) {
  return NamedPeriod(s, i, c) || DayWord(s, i, c) || ReferenceWord(s, i, c);
}

// "the following year", "the next day", "the previous month", "that day", "that same year":
// units counted from the last date the text named.
bool Anaphoric(Scan& s, int i, Cand* c) {
  int j = i + 1;
  long offset;
  if (s.W(i, "the") && s.Any(j, {"following", "next", "previous", "preceding", "prior"})) {
    offset = s.Any(j, {"following", "next"}) ? 1 : -1;
    ++j;
    // "the next year" reads as the coming one unless the text is telling a story.
    if (s.W(i + 1, "next") && !(s.W(j, "day") || (s.Lex(j) && s.Lex(j)->part))) return false;
  } else if (s.W(i, "that")) {
    offset = 0;
    if (s.W(j, "same")) ++j;
  } else {
    return false;
  }
  const LexEntry* e = s.Lex(j);
  if (e == nullptr || e->plural) return false;
  Unit u = e->unit;
  const char* part = e->part;
  if (part != nullptr) u = Unit::kDay;
  if (!s.Any(j, {"day", "week", "month", "year", "quarter", "morning", "afternoon", "evening",
                 "night"})) {
    return false;
  }
  DateValue v = s.anchor().FromReference(u, offset);
  if (part != nullptr && v.day > 0) v.part = part;
  if (!s.anchor_date() && !s.anchor().has_reference()) {
    SetRaw(c, j + 1, "DATE", "XXXX", true);
    return true;
  }
  SetDate(c, j + 1, v, true);
  return true;
}

// "15:57", "10:35 a.m.", "6 a.m. EDT", "noon", "midnight", "4 o'clock", optionally followed by
// the day: "4 a.m. Thursday".
bool ClockTime(Scan& s, int i, Cand* c) {
  int hour, minute;
  int j = ReadClock(s, i, &hour, &minute);
  if (j < 0) return false;
  bool utc = false;
  if (s.Lex(j) && s.Lex(j)->timezone) {
    utc = s.W(j, "utc");
    ++j;
  }

  // The day is the one being told about ("ayer ... a las 11.45 horas"), else the anchor's.
  DateValue v =
      s.anchor().has_reference() || s.anchor_date() ? s.anchor().DayInView() : DateValue();
  bool relative = true;
  // The day after the time: "4 a.m. Thursday", "6 p.m. yesterday", "5 p.m. EST, Nov. 6",
  // "10:35 a.m. (0735 GMT) Friday".
  int k = j;
  bool joined = true;  // the day joins the extent
  if (s.P(k, "(")) {
    int close = k + 1;
    while (close < s.size() && close < k + 8 && !s.P(close, ")")) ++close;
    if (s.P(close, ")")) k = close + 1;
    joined = false;
  }
  if (s.P(k, ",")) ++k;
  if (s.W(k, "on")) {
    ++k;
    joined = false;
  }
  Cand day;
  if (Weekday(s, k, &day) || MonthDate(s, k, &day) || Deictic(s, k, &day)) {
    if (day.value.size() >= 10 && day.value[4] == '-' && day.value[7] == '-') {
      if (auto d = Date::FromIso(day.value)) {
        v = DateValue::Of(*d);
        relative = day.relative;
        if (joined) j = day.end;
      }
    }
  }
  v.hour = hour;
  v.minute = minute;
  v.utc = utc;
  if (!s.anchor_date() && v.day == 0) {
    std::string value = "XXXX-XX-XX";
    char buf[16];
    std::snprintf(buf, sizeof buf, "T%02d:%02d%s", hour, minute, utc ? "Z" : "");
    SetRaw(c, j, "TIME", value + buf, relative);
    return true;
  }
  SetDate(c, j, v, relative);
  return true;
}

bool PartOfDay(Scan& s, int i, Cand* c) {
  if (!s.lexicon().parts_of_day_with_article()) return false;
  int k;  // the part of the day
  if (s.Lex(i) && s.Lex(i)->part && s.W(i, "the")) {
    k = i;  // one word with its article: "la mañana"
  } else if (s.W(i, "the") && s.Lex(i + 1) && s.Lex(i + 1)->part) {
    k = i + 1;
  } else {
    return false;
  }
  if (s.Lex(k)->plural || s.Lex(k)->unit != Unit::kNone) return false;
  DateValue v = s.anchor().DayInView();
  int end = k + 1;
  // "la mañana del miércoles", "la noche del viernes pasado": of the day named after it.
  if (s.W(end, "of")) {
    const int d = s.W(end, "the") ? end + 1 : s.W(end + 1, "the") ? end + 2 : end + 1;
    Cand day;
    if ((Weekday(s, d, &day) || Deictic(s, d, &day)) && day.value.size() == 10) {
      if (const auto date = Date::FromIso(day.value)) {
        v = DateValue::Of(*date);
        end = day.end;
      }
    }
  }
  v.part = s.Lex(k)->part;
  SetDate(c, end, v, true);
  return true;
}

}  // namespace newsloom::timex
