// Durations ("three years", "the past five months", "for years") and sets ("every week",
// "daily"), and the dates counted from the anchor by a duration ("five years ago").
#include <cstdio>
#include <cstdlib>
#include <string>

#include "timex/readers.h"
#include "timex/rules.h"

namespace newsloom::timex {
namespace {

// Half a unit: "half an hour", "a half hour", "half a year"; h is the token of "half".
bool HalfUnit(Scan& s, int i, int h, Cand* c) {
  int u_at = h + 1;
  if (h == i && s.W(u_at, "a")) ++u_at;
  if (s.IsHyphen(u_at) && s.Adjacent(u_at)) ++u_at;
  const Unit u = s.UnitAt(u_at);
  const char* value = u == Unit::kYear     ? "P6M"
                      : u == Unit::kMonth  ? "P15D"
                      : u == Unit::kDay    ? "PT12H"
                      : u == Unit::kHour   ? "PT30M"
                      : u == Unit::kMinute ? "PT30S"
                                           : nullptr;
  const bool article = h > i || u_at > h + 1;  // "a half hour" or "half an hour"
  if (value != nullptr && article && !s.T(u_at).lex->plural) {
    SetRaw(c, u_at + 1, "DURATION", value, false);
    return true;
  }
  return false;
}

// n units (n < 0: some) before or after the anchor, the words after the unit starting at `end`:
// "five years ago", "two days later", "a year earlier" (the quarter under discussion, a year
// before), "three weeks from now".
bool UnitsFromAnchor(Scan& s, int end, long n, Unit u, Cand* c) {
  const int sign = s.W(end, "ago") || s.W(end, "earlier") ? -1 : 1;
  const int stop = s.W(end, "from") ? end + 2 : end + 1;
  if (n < 0) {
    SetRaw(c, stop, "DATE", sign < 0 ? "PAST_REF" : "FUTURE_REF", true);
    return true;
  }
  DateValue v;
  if (u == Unit::kWeekend) return false;
  if (u == Unit::kHour || u == Unit::kMinute || u == Unit::kSecond) {
    v = s.anchor().Shift(Unit::kDay, 0);
  } else if (u == Unit::kQuarter) {
    v = s.anchor().Shift(Unit::kQuarter, sign * n);
  } else if (u == Unit::kDecade) {
    v = s.anchor().Shift(Unit::kYear, sign * 10 * n);
  } else if (u == Unit::kCentury) {
    v = s.anchor().Shift(Unit::kYear, sign * 100 * n);
  } else if (u == Unit::kYear && n == 1 && sign < 0) {
    v = s.anchor().YearBefore();
  } else {
    v = s.anchor().Shift(u, sign * n);
  }
  if (!s.anchor_date()) {
    SetRaw(c, stop, "DATE", sign < 0 ? "PAST_REF" : "FUTURE_REF", true);
    return true;
  }
  SetDate(c, stop, v, true);
  return true;
}

}  // namespace

// "three years", "two-year", "the past three years", "five years ago", "a year earlier"
bool CountUnit(Scan& s, int i, Cand* c) {
  const int h = s.W(i, "a") && s.W(i + 1, "half") ? i + 1 : i;
  if (s.W(h, "half")) return HalfUnit(s, i, h, c);
  int k = i;
  bool the = false;
  bool span_back = false;  // "the past/last N units": a duration
  if (s.W(k, "the")) {
    the = true;
    ++k;
  }
  if (s.Any(k, {"past", "last", "next", "previous", "coming", "first", "final", "remaining",
                "following", "latest"})) {
    span_back = true;
    ++k;
  } else if (the) {
    return false;
  }
  long n;
  bool half = false;
  const int after = NumberAt(s, k, &n, !span_back, &half);
  if (after < 0) return false;
  int u_at = after;
  const bool hyphen = s.IsHyphen(after) && s.Adjacent(after) && s.Adjacent(after + 1);
  if (hyphen) u_at = after + 1;
  // "trading days", "business days", "calendar years": adjectives the extent keeps.
  if (!hyphen &&
      s.Any(u_at, {"trading", "business", "working", "calendar", "fiscal", "more", "full",
                   "straight", "consecutive", "long"}) &&
      s.UnitAt(u_at + 1) != Unit::kNone) {
    ++u_at;
  }
  const Unit u = s.UnitAt(u_at);
  if (u == Unit::kNone || s.T(u_at).kind != Kind::kWord) return false;
  if (s.W(u_at, "second") && s.T(k).kind != Kind::kNumber && !(s.Lex(k) && s.Lex(k)->number >= 0)) {
    return false;
  }
  const bool plural = s.T(u_at).lex->plural;
  if (s.T(k).kind == Kind::kNumber && s.T(k).digits >= 4 && !plural) return false;
  if (s.W(u_at, "second") && (s.W(u_at + 1, "quarter") || s.W(u_at + 1, "half"))) return false;
  // "a" only for one unit: "a year", "a year ago"
  if ((s.W(k, "a")) && plural && n == 1) return false;
  int end = u_at + 1;
  // Ages are not durations in TimeML: "a 6-year-old", "52 years old".
  if (s.W(end, "old") || (s.IsHyphen(end) && s.W(end + 1, "old"))) return false;
  const bool article = s.W(k, "a");
  if (!span_back && !hyphen) {
    if (s.W(end, "ago") || s.W(end, "earlier") || s.W(end, "later") ||
        (s.W(end, "from") && s.W(end + 1, "now")) || s.W(end, "hence")) {
      return UnitsFromAnchor(s, end, n, u, c);
    }
    if (article) {
      // Bare "a year": a duration after for/in/than/within; "twice a year" is a set, and so is
      // a rate: "$1 billion a year", "interviews a day".
      const bool amount = s.T(i - 1).kind == Kind::kNumber || s.P(i - 1, "%") ||
                          s.Any(i - 1, {"million", "billion", "thousand", "hundred", "percent",
                                        "dollars", "cents", "miles"});
      if (s.Any(i - 1, {"once", "twice", "times", "thrice"}) || amount) {
        if (u == Unit::kQuarter) return false;
        SetRaw(c, end, "SET", Duration(1, u), false);
        return true;
      }
      if (!s.Any(i - 1, {"for",    "in",    "than",   "within", "over",       "about",  "nearly",
                         "almost", "after", "before", "least",  "only",       "just",   "half",
                         "of",     "to",    "took",   "take",   "takes",      "lasted", "last",
                         "spent",  "spend", "barely", "as",     "additional", "another"})) {
        return false;
      }
    }
  }
  bool half_after = false;
  if (!hyphen && s.W(end, "and") && s.W(end + 1, "a") && s.W(end + 2, "half")) {
    half_after = true;  // "a year and a half"
    end += 3;
  }
  if (n == 1 && plural && !article && !half) return false;
  if (n < 0 && !plural && !hyphen) return false;
  if (half_after) half = true;
  std::string value = Duration(n, u);
  if (half && n >= 0) {
    // Half a unit in the next smaller one: P2Y6M, PT5H30M, P3DT12H.
    if (u == Unit::kYear) value += "6M";
    if (u == Unit::kMonth) value += "15D";
    if (u == Unit::kDay) value += "T12H";
    if (u == Unit::kHour) value += "30M";
    if (u == Unit::kMinute) value += "30S";
  }
  SetRaw(c, end, "DURATION", value, false);
  return true;
}

// "for years", "within hours": a vague duration.
bool BarePlural(Scan& s, int i, Cand* c) {
  const LexEntry* e = s.Lex(i);
  if (e == nullptr || e->unit == Unit::kNone || !e->plural || e->unit == Unit::kSecond ||
      e->unit == Unit::kQuarter || e->unit == Unit::kWeekend) {
    return false;
  }
  if (!s.Any(i - 1, {"for", "within", "over", "in"}) || s.W(i + 1, "of")) return false;
  if (s.W(i - 1, "in") && !(s.P(i + 1, ".") || s.P(i + 1, ","))) return false;
  SetRaw(c, i + 1, "DURATION", Duration(-1, e->unit), false);
  return true;
}

// "every week", "each Thursday", "daily", "annually"
bool SetPhrase(Scan& s, int i, Cand* c) {
  if (const LexEntry* adverb = s.Lex(i); adverb && adverb->set && s.T(i).kind == Kind::kWord) {
    SetRaw(c, i + 1, "SET", adverb->set, false);
    return true;
  }
  if (s.Any(i, {"every", "each", "per"})) {
    int j = i + 1;
    bool other = false;
    if (s.W(j, "other")) {
      other = true;
      ++j;
    }
    long n = 1;
    bool half = false;
    int k = NumberAt(s, j, &n, false, &half);
    if (k > 0 && n > 1 && s.UnitAt(k) != Unit::kNone && s.T(k).lex->plural) {
      SetRaw(c, k + 1, "SET", Duration(n, s.UnitAt(k)), false);
      return true;
    }
    const LexEntry* e = s.Lex(j);
    if (e == nullptr) return false;
    if (e->unit != Unit::kNone && !e->plural && !s.W(j, "second")) {
      SetRaw(c, j + 1, "SET", Duration(other ? 2 : 1, e->unit), false);
      return true;
    }
    if (s.W(i, "per")) return false;
    char buf[24];
    if (e->weekday >= 0 && s.Named(j)) {
      std::snprintf(buf, sizeof buf, "XXXX-WXX-%d", e->weekday + 1);
      int end = j + 1;
      std::string value = buf;
      if (s.Lex(end) && s.Lex(end)->part) {
        value += "T";
        value += s.Lex(end)->part;
        ++end;
      }
      SetRaw(c, end, "SET", value, false);
      return true;
    }
    if (e->month > 0 && s.Named(j)) {
      std::snprintf(buf, sizeof buf, "XXXX-%02d", e->month);
      SetRaw(c, j + 1, "SET", buf, false);
      return true;
    }
    if (e->part) {
      SetRaw(c, j + 1, "SET", std::string("XXXX-XX-XXT") + e->part, false);
      return true;
    }
    if (e->season) {
      SetRaw(c, j + 1, "SET", std::string("XXXX-") + e->season, false);
      return true;
    }
  }
  return false;
}

}  // namespace newsloom::timex
