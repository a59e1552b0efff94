#include "timex/tense.h"

namespace newsloom::timex {
namespace {

// A suffix of the table's list ending `w`, with at least two letters before it ("-ed" of
// "signed").
bool EndsWithAny(std::string_view w, const std::vector<std::string>& suffixes) {
  for (const std::string& x : suffixes) {
    if (w.size() >= x.size() + 2 && w.compare(w.size() - x.size(), x.size(), x) == 0) return true;
  }
  return false;
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
        (prev.low.size() == 1 || (prev.lex && prev.lex->abbrev && prev.lex->month > 0) ||
         Is(prev, "abbreviation"))) {
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
  const Lexicon& lexicon = v.lexicon();
  // "will", "would", "shall", "'ll"; "going to", "plans to"; "as soon as Tuesday".
  if (Is(t, "future-verb") || (Is(t, "ll") && v.P(k - 1, "'"))) return 1;
  if (Is(t, "intends") && v.W(k + 1, "to")) return 1;
  if (Is(t, "soon") && v.W(k - 1, "as")) return 1;
  if (EndsWithAny(t.low, lexicon.future_suffixes())) return 1;
  const bool past_form = Is(t, "past-tense") ||
                         (EndsWithAny(t.low, lexicon.past_suffixes()) && !Is(t, "not-past-tense"));
  if (!past_form) return 0;
  // A participle after a present form of "be" is a present passive: "is scheduled".
  int p = k - 1;
  while (p >= 0 && v.W(p, "aside-of-verb")) --p;
  if (v.W(p, "is")) return 0;
  // After a determiner the participle is an adjective: "an unspecified date".
  if (v.W(p, "adjective-before")) return 0;
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
