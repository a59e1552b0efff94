#include "timex/tense.h"

namespace newsloom::timex {
namespace {

// Past-tense forms that do not end in -ed.
bool IsIrregularPast(std::string_view w) {
  return In(w,
            {"was",      "were",   "had",   "did",    "said",    "told",   "made",     "took",
             "went",     "came",   "gave",  "saw",    "got",     "held",   "left",     "began",
             "sold",     "bought", "met",   "found",  "thought", "knew",   "became",   "brought",
             "fell",     "rose",   "won",   "lost",   "paid",    "sent",   "spent",    "kept",
             "led",      "wrote",  "spoke", "ran",    "stood",   "broke",  "chose",    "drove",
             "flew",     "grew",   "hit",   "struck", "fought",  "caught", "taught",   "felt",
             "heard",    "meant",  "built", "set",    "shot",    "split",  "cut",      "put",
             "quit",     "hurt",   "ago",   "sought", "swore",   "threw",  "withdrew", "underwent",
             "overtook", "froze",  "woke",  "signed", "agreed"});
}

bool IsFalseEd(std::string_view w) {
  return In(
      w, {"need",      "feed",       "speed",    "seed",       "bed",       "red",      "indeed",
          "hundred",   "shed",       "breed",    "proceed",    "succeed",   "exceed",   "steed",
          "weed",      "deed",       "greed",    "embed",      "united",    "limited",  "based",
          "concerned", "interested", "related",  "expected",   "scheduled", "planned",  "supposed",
          "required",  "prepared",   "pleased",  "determined", "committed", "designed", "intended",
          "used",      "advanced",   "detailed", "reported",   "so-called", "alleged",  "armed",
          "wanted"});
}

// Whether token k ends the clause.
bool IsBoundary(const TokenView& v, int k) {
  const Tok& t = v.T(k);
  if (t.break_before) return true;
  if (t.kind != Kind::kPunct) return false;
  if (LowIs(t, ".")) {
    // "Mr. Kim", "Sept. 30", "J. Smith": a period after an abbreviation goes on.
    const Tok& prev = v.T(k - 1);
    if (prev.kind == Kind::kWord && !t.space_before &&
        (prev.low.size() == 1 || (prev.lex && prev.lex->month_abbrev) ||
         In(prev.low, {"mr",  "mrs",  "ms",  "dr",   "st",  "gen", "sen", "rep",   "gov", "lt",
                       "col", "jr",   "sr",  "prof", "no",  "vs",  "inc", "corp",  "co",  "ltd",
                       "sgt", "capt", "adm", "maj",  "rev", "mt",  "ft",  "messrs"}))) {
      return false;
    }
    return true;
  }
  return LowIs(t, "!") || LowIs(t, "?") || LowIs(t, ";");
}

// +1 future, -1 past, 0 no cue.
int CueAt(const TokenView& v, int k) {
  const Tok& t = v.T(k);
  if (t.kind != Kind::kWord) return 0;
  const std::string_view w = t.low;
  if (w == "will" || w == "shall" || (w == "ll" && v.P(k - 1, "'"))) return 1;
  if (v.W(k + 1, "to") &&
      In(w, {"going", "expected", "expects", "expect", "plans", "plan", "planning", "scheduled",
             "set", "intends", "intend", "aims", "hopes", "wants"})) {
    return 1;
  }
  if (w == "would") return 1;
  if (w == "tomorrow") return 1;
  if (w == "soon" && v.W(k - 1, "as")) return 1;  // "as soon as Tuesday"
  const bool past_form = IsIrregularPast(w) ||
                         (w.size() >= 4 && w.compare(w.size() - 2, 2, "ed") == 0 && !IsFalseEd(w));
  if (!past_form) return 0;
  // A participle after a present form of "be" is a present passive: "is scheduled".
  int p = k - 1;
  while (p >= 0 && v.T(p).kind == Kind::kWord &&
         In(v.T(p).low, {"not", "also", "already", "being", "now", "still", "t"}))
    --p;
  if (p >= 0 && v.T(p).kind == Kind::kWord && In(v.T(p).low, {"is", "are", "am", "be", "s"})) {
    return 0;
  }
  // After a determiner the participle is an adjective: "an unspecified date".
  if (p >= 0 && v.T(p).kind == Kind::kWord &&
      In(v.T(p).low, {"a", "an", "the", "its", "his", "her", "their", "this", "that", "newly", "so",
                      "recently", "previously", "already"})) {
    return 0;
  }
  return -1;
}

}  // namespace

int ClauseTense(const TokenView& v, int at) {
  const int n = v.size();
  int lo = at, hi = at;
  while (lo > 0 && at - lo < 60 && !IsBoundary(v, lo)) --lo;
  while (hi + 1 < n && hi - at < 60 && !IsBoundary(v, hi + 1)) ++hi;
  int tense = 0;
  int best_dist = 1 << 30;
  for (int k = lo; k <= hi; ++k) {
    const int t = CueAt(v, k);
    if (t == 0) continue;
    const int dist = k < at ? (at - k) : (k - at) * 2 + 1;
    if (dist < best_dist) {
      best_dist = dist;
      tense = t;
    }
  }
  return tense;
}

}  // namespace newsloom::timex
