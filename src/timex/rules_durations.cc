// Durations ("three years", "the past five months", "for years") and sets ("every week",
// "daily"), and the dates counted from the anchor by a duration ("five years ago").
#include <cstdio>
#include <cstdlib>
#include <string>

#include "timex/readers.h"
#include "timex/rules.h"

namespace newsloom::timex {
namespace {

// An age where the language's corpus annotates none: after "aged" ("âgé de 54 ans"), after a
// noun and "of" ("un jeune de 15 ans"), or between commas after a name ("Elvis Weiss, 20 ans,").
bool IsAge(const Scan& s, int i, int end) {
  if (!s.lexicon().ages_are_not_durations()) return false;
  if (s.W(i - 1, "aged")) return true;
  if (s.P(i - 1, ",") && (s.P(end, ",") || s.P(end, ".") || s.P(end, ")"))) return true;
  return s.W(i - 1, "of") && s.T(i - 2).kind == Kind::kWord && s.T(i - 2).lex == nullptr;
}

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

// n units (n < 0: some) before (sign -1) or after the anchor, the expression ending before
// `stop`: "five years ago", "two days later", "a year earlier" (the quarter under discussion, a
// year before), "three weeks from now".
bool UnitsFromAnchor(Scan& s, int stop, int sign, long n, Unit u, Cand* c) {
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
  if (s.Any(k, {"the", "these"})) {
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
  int after = NumberAt(s, k, &n, !span_back, &half);
  if (after < 0) {
    // "los últimos meses", "ces derniers jours": some units.
    if (!the || !s.Any(k - 1, {"past", "last", "next", "previous", "coming", "following"}) ||
        s.UnitAt(k) == Unit::kNone || !s.Lex(k)->plural) {
      return false;
    }
    n = -1;
    after = k;
  }
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
  if (u == Unit::kYear && plural && IsAge(s, i, end)) return false;
  const bool article = s.W(k, "a");
  if (!span_back && !hyphen) {
    if (s.W(end, "ago") || s.W(end, "earlier") || s.W(end, "later") ||
        (s.W(end, "from") && s.W(end + 1, "now")) || s.W(end, "hence")) {
      const int sign = s.W(end, "ago") || s.W(end, "earlier") ? -1 : 1;
      return UnitsFromAnchor(s, s.W(end, "from") ? end + 2 : end + 1, sign, n, u, c);
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
  } else if (!hyphen && s.W(end, "and") && s.W(end + 1, "half")) {
    half_after = true;  // "dos semanas y media"
    end += 2;
  }
  if (n == 1 && plural && !article && !half) return false;
  if (n < 0 && !plural && !hyphen && !s.Lex(u_at)->same_plural) return false;
  if (half_after) half = true;
  std::string value = Duration(n, u);
  if (half && n >= 0) {
    value = WithHalf(value, u);
  } else if (long n2; n > 0 && !hyphen && s.W(end, "and")) {
    // "two years and three months": one duration.
    bool half2 = false;
    const int after2 = NumberAt(s, end + 1, &n2, false, &half2);
    const Unit u2 = after2 > 0 ? s.UnitAt(after2) : Unit::kNone;
    if (n2 > 0 && !half2 && u2 != Unit::kNone && u2 < u && u2 != Unit::kWeekend &&
        u != Unit::kWeekend && !s.W(after2 + 1, "old")) {
      value = CompoundDuration(n, u, n2, u2);
      end = after2 + 1;
    }
  }
  SetRaw(c, end, "DURATION", value, false);
  return true;
}

// n units before the anchor with the word for "ago" in front ("hace dos años", "vor drei
// Jahren", "il y a deux jours"), or after it with "in" ("dentro de dos semanas", "dans trois
// jours"). An approximation between stays inside: "hace más de 30 años". Some units before are a
// vague duration: "hace unos días".
bool CountedFromAnchor(Scan& s, int i, Cand* c) {
  int sign;
  if (s.W(i, "ago-before")) {
    sign = -1;
  } else if (s.W(i, "in-time") || s.W(i, "after-time")) {
    sign = 1;
  } else {
    return false;
  }
  int k = i + 1;
  long n;
  bool half = false;
  int after = NumberAt(s, k, &n, true, &half);
  while (after < 0 && k < i + 3 && s.Any(k, {"nearly", "around", "just", "only"})) {
    ++k;
    after = NumberAt(s, k, &n, true, &half);
  }
  if (after < 0) return false;
  const Unit u = s.UnitAt(after);
  if (u == Unit::kNone || u == Unit::kWeekend) return false;
  if (n < 0 && sign < 0) {
    SetRaw(c, after + 1, "DURATION", Duration(-1, u), false);
    return true;
  }
  if (s.W(i, "after-time")) {
    // "nach drei Tagen": counted from the last date named, not from the anchor.
    if (n < 0) return false;
    SetDate(c, after + 1, s.anchor().FromReference(u, n), true);
    return true;
  }
  return UnitsFromAnchor(s, after + 1, sign, n, u, c);
}

bool CompoundWordDuration(Scan& s, int i, Cand* c) {
  const Tok& t = s.T(i);
  if (t.kind != Kind::kWord) return false;
  for (const auto& [suffix, unit] : s.lexicon().duration_compounds()) {
    const size_t at = t.low.find(suffix);
    // The number first, the unit adjective after it with an ending of at most two letters.
    if (at == std::string::npos || at == 0 || t.low.size() - (at + suffix.size()) > 2) continue;
    const LexEntry* number = s.lexicon().Find(std::string_view(t.low).substr(0, at));
    if (number == nullptr || number->number < 1) continue;
    SetRaw(c, i + 1, "DURATION", Duration(number->number, unit), false);
    return true;
  }
  return false;
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
