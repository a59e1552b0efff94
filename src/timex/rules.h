// The rule families of the grammar. Each rule tries to read one kind of expression starting at a
// token and, when it can, fills a candidate: where the expression ends, its type and its value.
// The grammar (timex.cc) tries them all at each token and keeps the longest candidate.
#ifndef NEWSLOOM_TIMEX_RULES_H_
#define NEWSLOOM_TIMEX_RULES_H_

#include <string>
#include <string_view>
#include <vector>

#include "timex/anchor.h"
#include "timex/token_view.h"
#include "timex/value.h"

namespace newsloom::timex {

struct Cand {
  int end = -1;           // one past the last token
  std::string_view type;  // a string literal
  std::string value;
  bool relative = false;
};

inline void SetDate(Cand* c, int end, const DateValue& v, bool relative) {
  c->end = end;
  c->type = v.HasTime() ? "TIME" : "DATE";
  c->value = Format(v);
  c->relative = relative;
}

inline void SetRaw(Cand* c, int end, const char* type, std::string value, bool relative) {
  c->end = end;
  c->type = type;
  c->value = std::move(value);
  c->relative = relative;
}

// Part of the day after a date: "Friday morning", "yesterday afternoon". The extent takes it (the
// end is returned); the value only when `keep`: TimeBank/AQUAINT mostly give a weekday's part of
// the day the plain date ("Friday night" = 1998-10-23).
inline int PartAfter(const TokenView& s, int j, DateValue* v, bool keep = true) {
  const LexEntry* e = s.Lex(j);
  if (e && e->part && !e->plural) {
    if (keep) v->part = e->part;
    return j + 1;
  }
  return j;
}

// A direction written after what it places ("mardi dernier", "el año pasado", "el año en
// curso"): -1, +1, or 0 for the word at j; kNoDirection when there is none.
inline constexpr int kNoDirection = 9;
inline int DirectionAfter(const TokenView& s, int j) {
  if (s.W(j, "last-after")) return -1;
  if (s.W(j, "next-after")) return 1;
  if (s.W(j, "this-after")) return 0;
  return kNoDirection;
}

// One pass of the grammar over a text: its tokens, the anchor that resolves relative expressions,
// and the tense of the clause around the token where the current match starts.
class Scan : public TokenView {
 public:
  Scan(const std::vector<Tok>& toks, const Lexicon& lexicon, Anchor& anchor)
      : TokenView(toks, lexicon), anchor_(anchor) {}

  Anchor& anchor() { return anchor_; }
  const std::optional<Date>& anchor_date() const { return anchor_.date(); }

  // Starts matching at token i: the tense is looked up again, when first asked.
  void StartAt(int i) {
    start_ = i;
    tense_known_ = false;
  }
  int Tense();

 private:
  Anchor& anchor_;
  int start_ = 0;
  bool tense_known_ = false;
  int tense_ = 0;
};

// The direction a preposition gives a date without a year, else the clause tense: "by
// February", "until June 12" lie ahead; "since March" has begun.
int DirectionBefore(Scan& s, int i);

// The grammar: modifiers kept inside the extent ("early 1991", "the end of the year", "nearly
// two years") around MatchCore, which tries every rule at i. Both keep the longest candidate in
// *best and say whether there is one.
bool MatchAt(Scan& s, int i, Cand* best);
bool MatchCore(Scan& s, int i, Cand* best);

// Calendar dates (rules_calendar.cc).
// A day and a month from k ("19 June", "19th of June", "3. Oktober", "3 de octubre"): sets them
// and returns the token after the month, or -1.
int DayMonthAt(const Scan& s, int k, int* day, int* month);
bool NumericDate(Scan& s, int i, Cand* c);       // "2024-06-19", "6/19/2024", "19.06.2024"
bool MonthDate(Scan& s, int i, Cand* c);         // "June 19, 2024", "June 19-20", "April 2019"
bool DayMonth(Scan& s, int i, Cand* c);          // "19 June 2024", "the 19th of June"
bool Year(Scan& s, int i, Cand* c);              // "2000", "1990s"
bool ApostropheDecade(Scan& s, int i, Cand* c);  // "'90s"
bool CompactPeriod(Scan& s, int i, Cand* c);     // "Q1 2024", "H1", "summer 2023"
bool WordYear(Scan& s, int i, Cand* c);          // "nineteen ninety-six", "the year 2000"
bool FiscalYear(Scan& s, int i, Cand* c);        // "fiscal 1989"
bool Holiday(Scan& s, int i, Cand* c);           // "Christmas", "Thanksgiving"
bool DayOfMonth(Scan& s, int i, Cand* c);        // "el día 8": a day of the month under way
bool DecadeNumber(Scan& s, int i, Cand* c);      // "los años 30", "der achtziger Jahre"
bool Century(Scan& s, int i, Cand* c);           // "el siglo XIX", "le XIXe siècle"

// Days and times of day (rules_days.cc).
bool Weekday(Scan& s, int i, Cand* c);    // "Tuesday", "Friday morning", "Mondays"
bool Deictic(Scan& s, int i, Cand* c);    // "today", "now", "recently", "the future"
bool Anaphoric(Scan& s, int i, Cand* c);  // "the following year", "that day"
bool ClockTime(Scan& s, int i, Cand* c);  // "15:57", "10:35 a.m. EDT", "noon"
bool PartOfDay(Scan& s, int i, Cand* c);  // "la tarde", "la mañana del miércoles"

// Periods named by a determiner (rules_periods.cc).
bool DeterminedUnit(Scan& s, int i, Cand* c);  // "last week", "this September", "next Friday"
bool QuarterPhrase(Scan& s, int i, Cand* c);   // "the third quarter", "the year-ago period"

// Durations and sets (rules_durations.cc).
bool CountUnit(Scan& s, int i, Cand* c);             // "three years", "five years ago", "a year"
bool BarePlural(Scan& s, int i, Cand* c);            // "for years"
bool SetPhrase(Scan& s, int i, Cand* c);             // "every week", "each Thursday", "daily"
bool CountedFromAnchor(Scan& s, int i, Cand* c);     // "hace dos años", "vor drei Jahren"
bool CompoundWordDuration(Scan& s, int i, Cand* c);  // "achtjährigen": P8Y

}  // namespace newsloom::timex

#endif  // NEWSLOOM_TIMEX_RULES_H_
