// A rule grammar over a hand-written tokenizer: each token is looked up once in the word tables
// (timex_lexicon), then rules try to match at each token and the longest match wins. Relative
// expressions are resolved against the anchor with the tense of the clause (HeidelTime's news
// mode). No regular expressions: they are far too slow for the volumes ingest sees.
#include "text/timex.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "text/timex_lexicon.h"
#include "text/timex_tokens.h"
#include "text/timex_value.h"

namespace newsloom::text {
namespace timex {
namespace {

// ---------------------------------------------------------------------------------------------
// Word lists

bool In(std::string_view w, std::initializer_list<std::string_view> list) {
  return std::find(list.begin(), list.end(), w) != list.end();
}

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

// ---------------------------------------------------------------------------------------------
// The matcher

// Whether a token's lower-cased text is `w`: sizes first, where std::string == const char* would
// measure the literal and compare bytes every time (the matchers do this for every token).
inline bool LowIs(const Tok& t, std::string_view w) { return std::string_view(t.low) == w; }

struct Cand {
  int end = -1;           // one past the last token
  std::string_view type;  // a string literal
  std::string value;
  bool relative = false;
};

class Matcher {
 public:
  Matcher(std::string_view text, const std::vector<Tok>& toks, std::optional<Date> anchor)
      : text_(text), toks_(toks), n_(static_cast<int>(toks.size())), anchor_(anchor) {}

  std::vector<TemporalExpression> Run() {
    std::vector<TemporalExpression> out;
    for (int i = 0; i < n_; ++i) {
      if (toks_[i].kind == Kind::kPunct && !LowIs(toks_[i], "'")) continue;
      Cand c;
      start_ = i;
      tense_known_ = false;
      if (!MatchAt(i, &c) || c.end <= i) continue;
      TemporalExpression e;
      e.span = {toks_[i].begin, toks_[c.end - 1].end};
      e.text.assign(text_.substr(e.span.begin, e.span.end - e.span.begin));
      e.type = std::string(c.type);
      e.value = std::move(c.value);
      e.relative = c.relative;
      e.tense = Tense();
      if (!derived_) NoteQuarter(e.value);
      derived_ = false;
      NoteReference(e.value);
      out.push_back(std::move(e));
      i = c.end - 1;
    }
    return out;
  }

 private:
  // Financial reports compare a quarter with the same quarter a year before: "a year ago" then
  // means that quarter, so the last quarter named in the document is remembered.
  void NoteQuarter(const std::string& value) {
    if (value.size() == 7 && value[4] == '-' && value[5] == 'Q' && value[6] >= '1' &&
        value[6] <= '4' && IsDigit(value[0])) {
      quarter_year_ = std::atoi(value.c_str());
      quarter_ = value[6] - '0';
    }
  }
  // The quarter a year before the last one named, or the year before the anchor's.
  DateValue YearBefore() {
    if (quarter_ > 0) {
      derived_ = true;
      DateValue v;
      v.year = quarter_year_ - 1;
      v.quarter = quarter_;
      return v;
    }
    return Shift(Unit::kYear, -1);
  }

  // The last calendar date the text named, at whatever granularity: "the following year" and
  // "that day" refer to it.
  void NoteReference(const std::string& v) {
    auto digits = [&](size_t from, size_t n) {
      int x = 0;
      for (size_t k = from; k < from + n; ++k) {
        if (k >= v.size() || !IsDigit(v[k])) return -1;
        x = x * 10 + (v[k] - '0');
      }
      return x;
    };
    const int y = digits(0, 4);
    if (y < 0) return;
    DateValue r;
    r.year = y;
    if (v.size() >= 7 && v[4] == '-') {
      r.month = digits(5, 2);
      if (r.month < 1 || r.month > 12) return;
      if (v.size() >= 10 && v[7] == '-') {
        r.day = digits(8, 2);
        if (r.day < 1 || r.day > DaysIn(y, r.month)) r.day = 0;
      }
    } else if (v.size() != 4) {
      return;
    }
    ref_ = r;
  }

  // The unit around the reference date shifted by `offset`; falls back to the anchor.
  DateValue FromReference(Unit unit, long offset) {
    if (!ref_) return Shift(unit, offset);
    const DateValue& r = *ref_;
    DateValue v;
    if (unit == Unit::kYear) {
      v.year = r.year + static_cast<int>(offset);
      return v;
    }
    if (unit == Unit::kMonth && r.month > 0) {
      v.year = r.year;
      v.month = r.month;
      AddMonths(&v.year, &v.month, static_cast<int>(offset));
      return v;
    }
    if (unit == Unit::kQuarter && r.month > 0) {
      v.year = r.year;
      int m = r.month;
      AddMonths(&v.year, &m, static_cast<int>(3 * offset));
      v.quarter = QuarterOf(m);
      return v;
    }
    if (r.day > 0) {
      const Date d{r.year, r.month, r.day};
      if (unit == Unit::kDay) return DateValue::Of(d.AddDays(offset));
      if (unit == Unit::kWeek) {
        const YearWeek yw = IsoWeek(d.AddDays(7 * offset));
        v.year = yw.year;
        v.week = yw.week;
        return v;
      }
    }
    return Shift(unit, offset);
  }

  // --- token access ---
  const Tok& T(int i) const {
    static const Tok kEnd;
    return i >= 0 && i < n_ ? toks_[i] : kEnd;
  }
  bool W(int i, std::string_view w) const {
    return i >= 0 && i < n_ && toks_[i].kind == Kind::kWord && toks_[i].low == w;
  }
  bool P(int i, std::string_view p) const {
    return i >= 0 && i < n_ && toks_[i].kind == Kind::kPunct && toks_[i].low == p;
  }
  bool Adjacent(int i) const { return i >= 0 && i < n_ && !toks_[i].space_before; }
  bool IsHyphen(int i) const {
    return P(i, "-") || P(i, "\xE2\x80\x93") || P(i, "\xE2\x80\x94") || P(i, "\xE2\x80\x90") ||
           P(i, "\xE2\x80\x91");
  }
  const LexEntry* Lex(int i) const { return i >= 0 && i < n_ ? toks_[i].lex : nullptr; }
  Unit UnitAt(int i) const { return Lex(i) ? Lex(i)->unit : Unit::kNone; }

  // --- tense of the clause around the current match ---
  int Tense() {
    if (tense_known_) return tense_;
    tense_known_ = true;
    tense_ = 0;
    auto boundary = [&](int k) {
      const Tok& t = toks_[k];
      if (t.break_before) return true;
      if (t.kind != Kind::kPunct) return false;
      if (LowIs(t, ".")) {
        // "Mr. Kim", "Sept. 30", "J. Smith": a period after an abbreviation goes on.
        const Tok& prev = T(k - 1);
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
    };
    int lo = start_, hi = start_;
    while (lo > 0 && start_ - lo < 60 && !boundary(lo)) --lo;
    while (hi + 1 < n_ && hi - start_ < 60 && !boundary(hi + 1)) ++hi;
    int best_dist = 1 << 30;
    for (int k = lo; k <= hi; ++k) {
      const int t = CueAt(k);
      if (t == 0) continue;
      const int dist = k < start_ ? (start_ - k)
                                  : (k - start_) * 2 + 1;  // the governing verb mostly comes first
      if (dist < best_dist) {
        best_dist = dist;
        tense_ = t;
      }
    }
    return tense_;
  }

  // +1 future, -1 past, 0 no cue.
  int CueAt(int k) const {
    const Tok& t = toks_[k];
    if (t.kind != Kind::kWord) return 0;
    const std::string_view w = t.low;
    if (w == "will" || w == "shall" || (w == "ll" && P(k - 1, "'"))) return 1;
    if (W(k + 1, "to") &&
        In(w, {"going", "expected", "expects", "expect", "plans", "plan", "planning", "scheduled",
               "set", "intends", "intend", "aims", "hopes", "wants"})) {
      return 1;
    }
    if (w == "would") return 1;
    if (w == "tomorrow") return 1;
    if (w == "soon" && W(k - 1, "as")) return 1;  // "as soon as Tuesday"
    const bool past_form =
        IsIrregularPast(w) ||
        (w.size() >= 4 && w.compare(w.size() - 2, 2, "ed") == 0 && !IsFalseEd(w));
    if (!past_form) return 0;
    // A participle after a present form of "be" is a present passive: "is scheduled".
    int p = k - 1;
    while (p >= 0 && toks_[p].kind == Kind::kWord &&
           In(toks_[p].low, {"not", "also", "already", "being", "now", "still", "t"}))
      --p;
    if (p >= 0 && toks_[p].kind == Kind::kWord &&
        In(toks_[p].low, {"is", "are", "am", "be", "s"})) {
      return 0;
    }
    // After a determiner the participle is an adjective: "an unspecified date".
    if (p >= 0 && toks_[p].kind == Kind::kWord &&
        In(toks_[p].low, {"a", "an", "the", "its", "his", "her", "their", "this", "that", "newly",
                          "so", "recently", "previously", "already"})) {
      return 0;
    }
    return -1;
  }

  // --- resolution against the anchor ---
  // Weekday 0..6 nearest the anchor in the direction of the tense; same day counts for both.
  DateValue ResolveWeekday(int wd, int dir) {
    DateValue v;
    if (!anchor_) {
      v.weekday = wd;
      return v;
    }
    const int aw = anchor_->Weekday();
    const int back = (aw - wd + 7) % 7;   // days back to the last such day (0 = today)
    const int ahead = (wd - aw + 7) % 7;  // days ahead to the next one
    long offset;
    if (dir < 0) {
      offset = -back;
    } else if (dir > 0) {
      offset = ahead;
    } else {
      // No tense cue: news mostly reports what happened, so the past wins unless the coming
      // day is much nearer (measured on TimeBank/AQUAINT).
      offset = back <= ahead + 3 ? -back : ahead;
    }
    return DateValue::Of(anchor_->AddDays(offset));
  }

  // Month (and day) without a year: the occurrence nearest the anchor, excluding those on the
  // wrong side of it when the tense says which side.
  DateValue ResolveMonthDay(int month, int day, int dir) {
    DateValue v;
    v.month = month;
    v.day = day;
    if (!anchor_) return v;
    int best_year = anchor_->year;
    long best_cost = 1L << 40;
    for (int y = anchor_->year - 1; y <= anchor_->year + 1; ++y) {
      long diff;  // signed distance from the anchor, in days (or months when no day)
      if (day > 0) {
        const Date d{y, month, std::min(day, DaysIn(y, month))};
        diff = d.DaysSinceEpoch() - anchor_->DaysSinceEpoch();
      } else {
        diff = 30L * ((y * 12 + month) - (anchor_->year * 12 + anchor_->month));
      }
      long cost = std::labs(diff);
      // The tense is a hint, not a rule: clause tense is often about another event ("said it
      // will ..."), so the wrong side only costs a few months.
      const long penalty = day > 0 ? 100 : 200;
      if (dir < 0 && diff > 0) cost += penalty;
      if (dir > 0 && diff < 0) cost += penalty;
      // Without a tense cue, news mostly reports what happened: a slight lean to the past.
      if (dir == 0 && diff > 0) cost += 60;
      if (cost < best_cost) {
        best_cost = cost;
        best_year = y;
      }
    }
    v.year = best_year;
    return v;
  }

  DateValue ResolveSeason(const char* season, int dir) {
    DateValue v;
    v.season = season;
    if (!anchor_) return v;
    const int mid = season[0] == 'S' ? (season[1] == 'P' ? 4 : 7) : (season[0] == 'F' ? 10 : 1);
    v.year = ResolveMonthDay(mid, 0, dir).year;
    return v;
  }

  DateValue ResolveQuarter(int q, int dir) {
    DateValue v;
    v.quarter = q;
    if (!anchor_) return v;
    const int aq = QuarterOf(anchor_->month);
    v.year = anchor_->year;
    if (q > aq && dir < 0) v.year -= 1;
    return v;
  }

  // The unit containing anchor + offset units.
  DateValue Shift(Unit unit, long offset) {
    DateValue v;
    if (!anchor_) return v;  // "XXXX"
    const Date& a = *anchor_;
    switch (unit) {
      case Unit::kDay:
        return DateValue::Of(a.AddDays(offset));
      case Unit::kWeek:
      case Unit::kWeekend: {
        const YearWeek yw = IsoWeek(a.AddDays(7 * offset));
        v.year = yw.year;
        v.week = yw.week;
        v.weekend = unit == Unit::kWeekend;
        return v;
      }
      case Unit::kMonth: {
        int y = a.year, m = a.month;
        AddMonths(&y, &m, static_cast<int>(offset));
        v.year = y;
        v.month = m;
        return v;
      }
      case Unit::kQuarter: {
        int y = a.year, m = a.month;
        AddMonths(&y, &m, static_cast<int>(3 * offset));
        v.year = y;
        v.quarter = QuarterOf(m);
        return v;
      }
      case Unit::kDecade:
        v.decade = (a.year + static_cast<int>(10 * offset)) / 10;
        return v;
      case Unit::kCentury:
        v.century = (a.year + static_cast<int>(100 * offset)) / 100;
        return v;
      case Unit::kHour:
      case Unit::kMinute:
      case Unit::kSecond:
        return DateValue::Of(a);
      default:
        v.year = a.year + static_cast<int>(offset);
        return v;
    }
  }

  void SetDate(Cand* c, int end, const DateValue& v, bool relative) {
    c->end = end;
    c->type = v.HasTime() ? "TIME" : "DATE";
    c->value = Format(v);
    c->relative = relative;
  }
  void SetRaw(Cand* c, int end, const char* type, std::string value, bool relative) {
    c->end = end;
    c->type = type;
    c->value = std::move(value);
    c->relative = relative;
  }

  // --- small parsers ---
  // A day of the month: "19", "19th", "nineteenth" (ordinal words up to 31 are rare; 1..20, 30).
  int DayAt(int i) const {
    const Tok& t = T(i);
    if (t.kind == Kind::kNumber && t.digits <= 2 && t.num >= 1 && t.num <= 31) return t.num;
    if (t.lex && t.lex->ordinal > 0) return t.lex->ordinal;
    return 0;
  }
  // A four-digit year written out, 1000..2999 ("'99" is read separately).
  int YearAt(int i) const {
    const Tok& t = T(i);
    if (t.kind == Kind::kNumber && t.digits == 4 && !t.ordinal && t.num >= 1000 && t.num <= 2999) {
      return t.num;
    }
    return -1;
  }

  // A year in words, as transcripts write it: "nineteen ninety-six", "two thousand", "two
  // thousand and one". Returns the year and sets *end, or -1.
  int SpelledYear(int i, int* end) const {
    if (W(i, "nineteen") || W(i, "eighteen")) {
      long n;
      const int after = NumberAt(i + 1, &n, false);
      if (after > 0 && n >= 10 && n <= 99 && T(i + 1).kind == Kind::kWord) {
        *end = after;
        return (W(i, "nineteen") ? 1900 : 1800) + static_cast<int>(n);
      }
      return -1;
    }
    if (W(i, "two") && W(i + 1, "thousand") && UnitAt(i + 2) == Unit::kNone) {
      int j = i + 2;
      long n = 0;
      const int k = W(j, "and") ? j + 1 : j;
      const int after = NumberAt(k, &n, false);
      if (after > 0 && n >= 1 && n <= 99 && T(k).kind == Kind::kWord) {
        j = after;
      } else {
        n = 0;
      }
      *end = j;
      return 2000 + static_cast<int>(n);
    }
    return -1;
  }

  // Month name at i, with the conditions that keep "may" and "march" verbs out.
  int MonthAt(int i, int* end) const {
    const LexEntry* e = Lex(i);
    if (e == nullptr || e->month == 0 || T(i).kind != Kind::kWord) return 0;
    int j = i + 1;
    if (e->month_abbrev) {
      if (!T(i).cap) return 0;
      if (P(j, ".") && Adjacent(j)) {
        ++j;
      } else if (!(T(j).kind == Kind::kNumber)) {
        return 0;
      }
    } else if (LowIs(T(i), "may") || LowIs(T(i), "march")) {
      if (!T(i).cap) return 0;
      const bool date_next = T(j).kind == Kind::kNumber;
      const std::string_view prev = T(i - 1).low;
      const bool date_prev = In(
          prev, {"in",      "early", "late", "mid",     "last", "next", "this",   "since", "until",
                 "of",      "by",    "from", "through", "to",   "-",    "before", "after", "during",
                 "between", "and",   "end",  "on",      "till", "each", "every"});
      if (!date_next && !date_prev) return 0;
    }
    // Lower-case full month names are rare in edited text but occur in crawls; accepted.
    *end = j;
    return e->month;
  }

  // "last year", "this year", "next year" at i: the year's offset, or nothing.
  bool RelativeYear(int i, int* offset) const {
    if (!W(i + 1, "year")) return false;
    if (W(i, "last") || W(i, "previous")) {
      *offset = -1;
    } else if (W(i, "this") || W(i, "current")) {
      *offset = 0;
    } else if (W(i, "next") || W(i, "coming")) {
      *offset = 1;
    } else {
      return false;
    }
    return true;
  }

  // A count: digits, number words ("twenty four", "twenty-four"), "a"/"an" (when allow_article),
  // or a vague amount ("several", "a few") as -1. Returns the token after it, or -1.
  int NumberAt(int i, long* value, bool allow_article) const {
    const Tok& t = T(i);
    if (t.kind == Kind::kNumber && !t.ordinal && t.num >= 0) {
      // "1,000" is rare for time units; "1.5" years is read as a vague amount.
      if (P(i + 1, ".") && Adjacent(i + 1) && T(i + 2).kind == Kind::kNumber && Adjacent(i + 2)) {
        *value = -1;
        return i + 3;
      }
      *value = t.num;
      // "2 1/2 years"
      if (T(i + 1).kind == Kind::kNumber && T(i + 1).num == 1 && P(i + 2, "/") && Adjacent(i + 2) &&
          T(i + 3).kind == Kind::kNumber && T(i + 3).num == 2 && Adjacent(i + 3)) {
        half_ = true;
        return i + 4;
      }
      return i + 1;
    }
    if (t.kind != Kind::kWord) return -1;
    if (t.lex && t.lex->number >= 0) {
      long v = t.lex->number;
      int j = i + 1;
      if (v >= 20 && v % 10 == 0) {
        int k = j;
        if (IsHyphen(k) && Adjacent(k)) ++k;
        const LexEntry* e = Lex(k);
        if (e && e->number > 0 && e->number < 10) {
          v += e->number;
          j = k + 1;
        }
      }
      if (W(j, "hundred")) {
        v *= 100;
        ++j;
      }
      if (W(j, "and") && W(j + 1, "a") && W(j + 2, "half") && UnitAt(j + 3) != Unit::kNone) {
        half_ = true;  // "one and a half years"
        j += 3;
      }
      *value = v;
      return j;
    }
    if (LowIs(t, "hundred") || LowIs(t, "dozen")) {
      *value = LowIs(t, "hundred") ? 100 : 12;
      return i + 1;
    }
    if ((LowIs(t, "a") || LowIs(t, "an")) && allow_article) {
      if (W(i + 1, "few") || W(i + 1, "couple")) {
        *value = W(i + 1, "couple") ? 2 : -1;
        return W(i + 2, "of") ? i + 3 : i + 2;
      }
      if (W(i + 1, "hundred") || W(i + 1, "dozen")) {
        *value = W(i + 1, "hundred") ? 100 : 12;
        return i + 2;
      }
      *value = 1;
      return i + 1;
    }
    if (In(t.low, {"several", "few", "many", "some", "couple"})) {
      *value = LowIs(t, "couple") ? 2 : -1;
      return W(i + 1, "of") ? i + 2 : i + 1;
    }
    return -1;
  }

  // --- rules ---
  bool MatchAt(int i, Cand* best) {
    Cand c;
    // Modifiers kept inside the extent, as TimeML does: "early 1991", "late May", "mid-1990s".
    const std::string_view w = T(i).low;
    if (T(i).kind == Kind::kWord) {
      if (In(w, {"early", "late", "mid", "earlier", "later"})) {
        int j = i + 1;
        if (IsHyphen(j) && Adjacent(j)) ++j;
        if (W(j, "in") && W(j + 1, "the") &&
            (W(j + 2, "year") || W(j + 2, "week") || W(j + 2, "month") || W(j + 2, "day"))) {
          const Unit u = UnitAt(j + 2);
          SetDate(best, j + 3, Shift(u, 0), true);
          return true;
        }
        // TimeBank leaves "earlier"/"later" out before a day or a week ("earlier Friday",
        // "earlier this week") and keeps them before a month or a year ("earlier this year").
        const bool day_or_week = (Lex(j) && Lex(j)->weekday >= 0) ||
                                 In(T(j).low, {"today", "yesterday", "tomorrow", "tonight"}) ||
                                 (W(j, "this") && (W(j + 1, "week") || W(j + 1, "weekend")));
        Cand inner;
        if (!((w == "earlier" || w == "later") && day_or_week) && MatchCore(j, &inner) &&
            inner.type != "DURATION" && inner.type != "SET" &&
            inner.value.find("_REF") == std::string::npos) {
          *best = inner;
          return true;
        }
      }
      if (W(i, "the") &&
          In(T(i + 1).low,
             {"end", "beginning", "start", "middle", "turn", "rest", "remainder", "close"}) &&
          W(i + 2, "of")) {
        const int j = i + 3;
        if (W(j, "the") &&
            (UnitAt(j + 1) == Unit::kYear || UnitAt(j + 1) == Unit::kMonth ||
             UnitAt(j + 1) == Unit::kWeek || UnitAt(j + 1) == Unit::kDecade ||
             UnitAt(j + 1) == Unit::kCentury || UnitAt(j + 1) == Unit::kQuarter) &&
            !T(j + 1).lex->plural) {
          SetDate(best, j + 2, Shift(UnitAt(j + 1), 0), true);
          return true;
        }
        Cand inner;
        if (MatchCore(j, &inner) && inner.type != "DURATION" && inner.type != "SET") {
          *best = inner;
          return true;
        }
      }
      // "the first half of 1990", "the second half"
      if ((W(i, "the") || W(i, "first") || W(i, "second"))) {
        int j = W(i, "the") ? i + 1 : i;
        if ((W(j, "first") || W(j, "second")) && W(j + 1, "half")) {
          DateValue v = Shift(Unit::kYear, 0);
          int end = j + 2;
          const int half = W(j, "first") ? 1 : 2;
          if (W(end, "of")) {
            Cand inner;
            if (MatchCore(end + 1, &inner) && inner.type == "DATE" && inner.value.size() == 4) {
              v.year = std::atoi(inner.value.c_str());
              end = inner.end;
            } else {
              int off;
              if (RelativeYear(end + 1, &off)) {
                v = Shift(Unit::kYear, off);
                end = end + 3;
              }
            }
          }
          v.half = half;
          SetDate(best, end, v, true);
          return true;
        }
      }
      // TimeBank keeps "nearly", "more than", "at least" inside the extent but mostly leaves
      // "about" and "almost" out.
      if (In(w, {"around", "approximately", "nearly", "roughly", "some", "over"}) ||
          ((w == "more" || w == "less" || w == "fewer") && W(i + 1, "than")) ||
          (w == "at" && (W(i + 1, "least") || W(i + 1, "most"))) || (w == "up" && W(i + 1, "to"))) {
        const int j =
            (w == "more" || w == "less" || w == "fewer" || w == "at" || w == "up") ? i + 2 : i + 1;
        Cand inner;
        if (MatchCore(j, &inner) &&
            (inner.type == "DURATION" || inner.type == "TIME" || W(inner.end - 1, "ago")) &&
            w != "some" && w != "over") {
          *best = inner;
          return true;
        }
        if (w == "some" || w == "over") return false;
      }
    }
    return MatchCore(i, best);
  }

  bool MatchCore(int i, Cand* best) {
    Cand c;
    auto consider = [&](bool ok) {
      if (ok && c.end > best->end) *best = std::move(c);
      // Reset field by field: the strings keep their buffers for the next matcher.
      c.end = -1;
      c.type = {};
      c.value.clear();
      c.relative = false;
    };
    const Tok& t = T(i);
    if (t.kind == Kind::kNumber) {
      consider(NumericDate(i, &c));
      consider(Deictic(i, &c));
      consider(DayMonth(i, &c));
      consider(Year(i, &c));
      consider(ClockTime(i, &c));
      consider(CountUnit(i, &c));
      consider(QuarterPhrase(i, &c));
    } else if (t.kind == Kind::kWord) {
      consider(Anaphoric(i, &c));
      consider(MonthDate(i, &c));
      consider(Weekday(i, &c));
      consider(Deictic(i, &c));
      consider(DeterminedUnit(i, &c));
      consider(QuarterPhrase(i, &c));
      consider(CountUnit(i, &c));
      consider(SetPhrase(i, &c));
      consider(DayMonth(i, &c));
      consider(Holiday(i, &c));
      consider(ClockTime(i, &c));
      consider(FiscalYear(i, &c));
      consider(WordYear(i, &c));
      consider(BarePlural(i, &c));
      consider(CompactPeriod(i, &c));
    } else if (P(i, "'")) {
      consider(ApostropheDecade(i, &c));
    }
    return best->end > i;
  }

  // "2024-06-19", "2024-06-19T15:57", "6/19/2024", "2024/06/19"
  bool NumericDate(int i, Cand* c) {
    const Tok& a = T(i);
    const bool dash = IsHyphen(i + 1) || P(i + 1, "/") || P(i + 1, ".");
    if (!dash || !Adjacent(i + 1) || T(i + 2).kind != Kind::kNumber || !Adjacent(i + 2)) {
      return false;
    }
    const std::string_view sep = T(i + 1).low;
    if (!(P(i + 3, sep) && Adjacent(i + 3) && T(i + 4).kind == Kind::kNumber && Adjacent(i + 4))) {
      return false;
    }
    const Tok& b = T(i + 2);
    const Tok& d = T(i + 4);
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
    if (T(end).kind == Kind::kNumber && T(end).digits <= 2 && T(end).num < 24 && P(end + 1, ":") &&
        Adjacent(end + 1) && T(end + 2).kind == Kind::kNumber && T(end + 2).digits == 2 &&
        Adjacent(end + 2) && T(end + 2).num < 60 && a.digits == 4) {
      v.hour = static_cast<int>(T(end).num);
      v.minute = static_cast<int>(T(end + 2).num);
      end += 3;
      if (P(end, ":") && T(end + 1).kind == Kind::kNumber && Adjacent(end + 1)) end += 2;
    } else if (T(end).kind == Kind::kWord && Adjacent(end) && (LowIs(T(end), "t")) &&
               T(end + 1).kind == Kind::kNumber && Adjacent(end + 1) && P(end + 2, ":") &&
               T(end + 3).kind == Kind::kNumber && T(end + 1).num < 24 && T(end + 3).num < 60) {
      v.hour = static_cast<int>(T(end + 1).num);
      v.minute = static_cast<int>(T(end + 3).num);
      end += 4;
      if (P(end, ":") && T(end + 1).kind == Kind::kNumber && Adjacent(end + 1)) end += 2;
    }
    SetDate(c, end, v, false);
    return true;
  }

  // A year after a month or day: ", 2024" or " 2024". Returns the end or -1.
  int TrailingYear(int j, int* year) const {
    if (P(j, ",") && YearAt(j + 1) > 0) {
      *year = YearAt(j + 1);
      return j + 2;
    }
    if (YearAt(j) > 0) {
      *year = YearAt(j);
      return j + 1;
    }
    int end;
    const int k = P(j, ",") ? j + 1 : j;
    if (const int y = SpelledYear(k, &end); y > 0) {
      *year = y;
      return end;
    }
    if (P(j, "'") && T(j + 1).kind == Kind::kNumber && T(j + 1).digits == 2 && Adjacent(j + 1)) {
      const int y = static_cast<int>(T(j + 1).num);
      *year = y + (y >= 30 ? 1900 : 2000);
      return j + 2;
    }
    return -1;
  }

  // Year after "of": "of 1990", "of last year". Returns the end or -1.
  int OfYear(int j, DateValue* v, bool* relative) {
    if (!W(j, "of")) return -1;
    int y;
    int off;
    if ((y = YearAt(j + 1)) > 0) {
      v->year = y;
      return j + 2;
    }
    int end;
    if ((y = SpelledYear(j + 1, &end)) > 0) {
      v->year = y;
      return end;
    }
    if (RelativeYear(j + 1, &off)) {
      v->year = anchor_ ? anchor_->year + off : -1;
      *relative = true;
      return j + 3;
    }
    return -1;
  }

  // The direction a preposition gives a date without a year, else the clause tense: "by
  // February", "until June 12" lie ahead; "since March" has begun.
  int DirectionBefore(int i) {
    if (In(T(i - 1).low, {"by", "through", "until", "till"})) return 1;
    if (W(i - 1, "since")) return -1;
    return Tense();
  }

  // "June 19, 2024", "June 19-20", "June 12", "April 2019", "September of last year", "May"
  bool MonthDate(int i, Cand* c) {
    int j;
    const int month = MonthAt(i, &j);
    if (month == 0) return false;
    DateValue v;
    v.month = month;
    bool relative = false;
    int end = j;
    const int day = DayAt(j);
    const bool day_ok =
        day > 0 && !(T(j).kind == Kind::kNumber && T(j).digits > 2) &&
        !(P(j + 1, ":") && T(j + 2).kind == Kind::kNumber && Adjacent(j + 2));  // "May 5:30"
    int y;
    if (day_ok && day <= DaysIn(2024, month)) {
      end = j + 1;
      v.day = day;
      // A range: "June 19-20": the start is the value, the extent covers the range.
      if (IsHyphen(end) && DayAt(end + 1) > day && T(end + 1).kind == Kind::kNumber) end += 2;
      const int e = TrailingYear(end, &y);
      if (e > 0) {
        v.year = y;
        end = e;
      } else {
        const int e2 = OfYear(end, &v, &relative);
        if (e2 > 0) {
          end = e2;
        } else {
          v = ResolveMonthDay(month, day, DirectionBefore(i));
          relative = true;
        }
      }
      SetDate(c, end, v, relative);
      return true;
    }
    int e = TrailingYear(j, &y);
    if (e > 0) {
      v.year = y;
      SetDate(c, e, v, false);
      return true;
    }
    e = OfYear(j, &v, &relative);
    if (e > 0) {
      SetDate(c, e, v, relative);
      return true;
    }
    int off;
    if (RelativeYear(j, &off)) {
      v.year = anchor_ ? anchor_->year + off : -1;
      SetDate(c, j + 2, v, true);
      return true;
    }
    v = ResolveMonthDay(month, 0, DirectionBefore(i));
    SetDate(c, end, v, true);
    return true;
  }

  // "19 June 2024", "19th of June", "the 19th of June"
  bool DayMonth(int i, Cand* c) {
    int k = i;
    if (W(k, "the")) ++k;
    const int day = DayAt(k);
    if (day == 0) return false;
    int j = k + 1;
    if (W(j, "of")) ++j;
    int after;
    const int month = MonthAt(j, &after);
    if (month == 0 || day > DaysIn(2024, month)) return false;
    if (k > i && !T(k).ordinal && !(T(k).lex && T(k).lex->ordinal)) return false;
    DateValue v;
    int y;
    const int e = TrailingYear(after, &y);
    bool relative = false;
    int end = after;
    if (e > 0) {
      v.month = month;
      v.day = day;
      v.year = y;
      end = e;
    } else {
      v = ResolveMonthDay(month, day, Tense());
      relative = true;
    }
    SetDate(c, end, v, relative);
    return true;
  }

  bool IsYearContext(int i) const {
    // Numbers that read as amounts rather than years.
    const Tok& prev = T(i - 1);
    if (P(i - 1, "$") || P(i - 1, "#") || W(i - 1, "no") || W(i - 1, "number")) return false;
    if ((P(i - 1, ",") || P(i - 1, ".")) && T(i - 2).kind == Kind::kNumber && Adjacent(i - 1)) {
      return false;
    }
    if (prev.kind == Kind::kNumber) return false;
    const Tok& next = T(i + 1);
    if (P(i + 1, "%") || W(i + 1, "percent") || W(i + 1, "per")) return false;
    if ((P(i + 1, ",") || P(i + 1, ".")) && T(i + 2).kind == Kind::kNumber && Adjacent(i + 2) &&
        Adjacent(i + 1)) {
      return false;
    }
    if (next.kind == Kind::kWord && !next.cap && next.lex == nullptr &&
        In(next.low,
           {"people",     "shares",     "troops",     "workers",   "miles",     "tons",
            "jobs",       "cars",       "units",      "votes",     "members",   "soldiers",
            "dollars",    "points",     "barrels",    "acres",     "employees", "students",
            "deaths",     "homes",      "feet",       "meters",    "pounds",    "metres",
            "kilometers", "kilometres", "yards",      "refugees",  "prisoners", "cases",
            "children",   "women",      "men",        "hours",     "rooms",     "delegates",
            "seats",      "copies",     "households", "customers", "stores",    "ships",
            "planes",     "aircraft",   "tanks",      "rounds",    "lives",     "patients",
            "pages",      "words"})) {
      return false;
    }
    return true;
  }

  // "2000", "1990s", "the 1990s", "fiscal 1989" is FiscalYear's.
  bool Year(int i, Cand* c) {
    const int y = YearAt(i);
    if (y < 0) return false;
    // Decades: "1990s"
    if (T(i + 1).kind == Kind::kWord && Adjacent(i + 1) && LowIs(T(i + 1), "s") && y % 10 == 0) {
      DateValue v;
      v.decade = y / 10;
      SetDate(c, i + 2, v, false);
      return true;
    }
    if (!IsYearContext(i)) return false;
    if (y < 1900 || y > 2100) {
      // Outside the usual range only after a word that announces a year ("in 1848"), not as a
      // number ("Room 1520", "Flight 1234").
      if (!In(T(i - 1).low,
              {"in", "since", "until", "by", "of", "from", "year", "before", "after", "during",
               "circa", "around", "to", "and", "-", "early", "late", "mid", "the"})) {
        return false;
      }
    }
    DateValue v;
    v.year = y;
    SetDate(c, i + 1, v, false);
    return true;
  }

  // "'90s", "'99"
  bool ApostropheDecade(int i, Cand* c) {
    const Tok& n = T(i + 1);
    if (n.kind != Kind::kNumber || n.digits != 2 || !Adjacent(i + 1)) return false;
    const int yy = static_cast<int>(n.num);
    const int full = yy + (yy >= 30 ? 1900 : 2000);
    if (T(i + 2).kind == Kind::kWord && LowIs(T(i + 2), "s") && Adjacent(i + 2) && yy % 10 == 0) {
      DateValue v;
      v.decade = full / 10;
      SetDate(c, i + 3, v, false);
      return true;
    }
    return false;
  }

  // "Q1 2024", "Q3", "H1 2024", "summer 2023", "the summer of 2023" is DeterminedUnit's.
  bool CompactPeriod(int i, Cand* c) {
    const Tok& t = T(i);
    if ((LowIs(t, "q") || LowIs(t, "h")) && t.cap && T(i + 1).kind == Kind::kNumber &&
        Adjacent(i + 1) && T(i + 1).digits == 1 && T(i + 1).num >= 1 &&
        T(i + 1).num <= (LowIs(t, "q") ? 4 : 2)) {
      const int n = static_cast<int>(T(i + 1).num);
      int end = i + 2;
      int y;
      DateValue v;
      bool relative = false;
      const int e = TrailingYear(end, &y);
      if (e > 0) {
        v.year = y;
        end = e;
      } else if (LowIs(t, "q")) {
        v = ResolveQuarter(n, Tense());
        relative = true;
      } else {
        v = Shift(Unit::kYear, 0);
        relative = true;
      }
      (LowIs(t, "q") ? v.quarter : v.half) = n;
      SetDate(c, end, v, relative);
      return true;
    }
    if (t.lex && t.lex->season) {
      int y;
      const int e = TrailingYear(i + 1, &y);
      if (e > 0 && !P(i + 1, ",")) {
        DateValue v;
        v.year = y;
        v.season = t.lex->season;
        SetDate(c, e, v, false);
        return true;
      }
    }
    return false;
  }

  // "for years", "within hours": a vague duration.
  bool BarePlural(int i, Cand* c) {
    const LexEntry* e = Lex(i);
    if (e == nullptr || e->unit == Unit::kNone || !e->plural || e->unit == Unit::kSecond ||
        e->unit == Unit::kQuarter || e->unit == Unit::kWeekend) {
      return false;
    }
    if (!In(T(i - 1).low, {"for", "within", "over", "in"}) || W(i + 1, "of")) return false;
    if (W(i - 1, "in") && !(W(i + 1, ".") || P(i + 1, ".") || P(i + 1, ","))) return false;
    SetRaw(c, i + 1, "DURATION", Duration(-1, e->unit), false);
    return true;
  }

  // "nineteen ninety-six", "the year two thousand", "the year 2000"
  bool WordYear(int i, Cand* c) {
    int j = i;
    if (W(j, "the") && W(j + 1, "year")) j += 2;
    int end;
    int y = SpelledYear(j, &end);
    if (y < 0 && j > i && (y = YearAt(j)) > 0) end = j + 1;
    if (y < 0) return false;
    DateValue v;
    v.year = y;
    SetDate(c, end, v, false);
    return true;
  }

  bool FiscalYear(int i, Cand* c) {
    if (!W(i, "fiscal")) return false;
    int j = i + 1;
    if (W(j, "year")) ++j;
    const int y = YearAt(j);
    if (y > 0) {
      DateValue v;
      v.year = y;
      SetDate(c, j + 1, v, false);
      return true;
    }
    return false;
  }

  // Part of the day after a date: "Friday morning", "yesterday afternoon". The extent takes it;
  // the value only when `keep`: TimeBank/AQUAINT mostly give a weekday's part of the day the
  // plain date ("Friday night" = 1998-10-23).
  int PartAfter(int j, DateValue* v, bool keep = true) const {
    const LexEntry* e = Lex(j);
    if (e && e->part && !e->plural) {
      if (keep) v->part = e->part;
      return j + 1;
    }
    return j;
  }

  // "Tuesday", "on Tuesday", "Wednesday, June 19, 2024", "Friday morning", "Mondays"
  bool Weekday(int i, Cand* c) {
    const LexEntry* e = Lex(i);
    if (e == nullptr || e->weekday < 0 || !T(i).cap) return false;
    const std::string_view w = T(i).low;
    const bool abbrev = w.size() <= 5 && w != "friday" && w != "monday" && w != "sunday";
    int j = i + 1;
    if (abbrev) {
      if (P(j, ".") && Adjacent(j)) {
        ++j;
      } else if (!P(j, ",")) {
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
    int k = P(j, ",") ? j + 1 : j;
    Cand date;
    if ((MonthDate(k, &date) || DayMonth(k, &date)) && date.value.size() >= 10) {
      *c = date;
      return true;
    }
    DateValue v = ResolveWeekday(e->weekday, Tense());
    const int end = PartAfter(j, &v, false);
    SetDate(c, end, v, true);
    return true;
  }

  // today, now, yesterday, tonight, recently, the future, ...
  bool Deictic(int i, Cand* c) {
    const std::string_view w = T(i).low;
    // "the near future", "the short term", "the weeks ahead", "future quarters"
    if (w == "the" && (W(i + 1, "near") || W(i + 1, "short") || W(i + 1, "long")) &&
        (W(i + 2, "future") || W(i + 2, "term"))) {
      SetRaw(c, i + 3, "DATE", "FUTURE_REF", true);
      return true;
    }
    if (w == "the" && Lex(i + 1) && Lex(i + 1)->plural && UnitAt(i + 1) != Unit::kNone &&
        W(i + 2, "ahead")) {
      SetRaw(c, i + 3, "DURATION", Duration(-1, UnitAt(i + 1)), false);
      return true;
    }
    if (w == "future" && Lex(i + 1) && Lex(i + 1)->plural && UnitAt(i + 1) != Unit::kNone) {
      SetRaw(c, i + 2, "DATE", "FUTURE_REF", true);
      return true;
    }
    // "the full year", "year-end", "year's end"
    if (w == "the" && W(i + 1, "full") && W(i + 2, "year")) {
      SetDate(c, i + 3, Shift(Unit::kYear, 0), true);
      return true;
    }
    if (w == "year" && ((IsHyphen(i + 1) && W(i + 2, "end")) || W(i + 1, "end"))) {
      SetDate(c, W(i + 1, "end") ? i + 2 : i + 3, Shift(Unit::kYear, 0), true);
      return true;
    }
    if (w == "year" && P(i + 1, "'") && W(i + 2, "s") && W(i + 3, "end")) {
      SetDate(c, i + 4, Shift(Unit::kYear, 0), true);
      return true;
    }
    // "the nineties", "the eighties"
    if (w == "the" && T(i + 1).kind == Kind::kWord) {
      static constexpr std::pair<std::string_view, int> kDecades[] = {
          {"twenties", 192}, {"thirties", 193},  {"forties", 194},  {"fifties", 195},
          {"sixties", 196},  {"seventies", 197}, {"eighties", 198}, {"nineties", 199}};
      for (const auto& [name, decade] : kDecades) {
        if (T(i + 1).low == name) {
          DateValue v;
          v.decade = decade;
          SetDate(c, i + 2, v, false);
          return true;
        }
      }
    }
    // "the 20th century", "the twentieth century"
    if (w == "the") {
      const int n = T(i + 1).ordinal ? static_cast<int>(T(i + 1).num)
                                     : (Lex(i + 1) ? Lex(i + 1)->ordinal : 0);
      if (n > 0 && n < 100 && W(i + 2, "century")) {
        DateValue v;
        v.century = n - 1;
        SetDate(c, i + 3, v, false);
        return true;
      }
    }
    if (T(i).kind == Kind::kNumber && T(i).ordinal && T(i).num < 100 && W(i + 1, "century")) {
      DateValue v;
      v.century = static_cast<int>(T(i).num) - 1;
      SetDate(c, i + 2, v, false);
      return true;
    }
    DateValue v;
    long day_offset = 0;
    bool day_word = true;
    if (w == "today") {
      day_offset = 0;
    } else if (w == "yesterday") {
      day_offset = -1;
    } else if (w == "tomorrow") {
      day_offset = 1;
    } else if (w == "tonight") {
      v = Shift(Unit::kDay, 0);
      v.part = "NI";
      SetDate(c, i + 1, v, true);
      return true;
    } else {
      day_word = false;
    }
    if (day_word) {
      v = Shift(Unit::kDay, day_offset);
      const int end = PartAfter(i + 1, &v);
      if (!anchor_) {
        SetRaw(c, end, v.part ? "TIME" : "DATE",
               std::string("XXXX-XX-XX") + (v.part ? std::string("T") + v.part : ""), true);
        return true;
      }
      SetDate(c, end, v, true);
      return true;
    }
    // "this morning", "last night"
    if ((w == "this" || w == "last") && Lex(i + 1) && Lex(i + 1)->part && !Lex(i + 1)->plural) {
      const bool last = w == "last";
      if (last && !LowIs(T(i + 1), "night")) return false;
      v = Shift(Unit::kDay, last ? -1 : 0);
      v.part = Lex(i + 1)->part;
      SetDate(c, i + 2, v, true);
      return true;
    }
    if (w == "now" || w == "currently" || w == "presently" || w == "nowadays") {
      SetRaw(c, i + 1, "DATE", "PRESENT_REF", true);
      return true;
    }
    if (w == "current" && !W(i + 1, "account") && !W(i + 1, "accounts")) {
      SetRaw(c, i + 1, "DATE", "PRESENT_REF", true);
      return true;
    }
    if (w == "these" && W(i + 1, "days")) {
      SetRaw(c, i + 2, "DATE", "PRESENT_REF", true);
      return true;
    }
    if (w == "present" && W(i - 1, "at")) {
      SetRaw(c, i + 1, "DATE", "PRESENT_REF", true);
      return true;
    }
    if (w == "recently" || w == "lately") {
      SetRaw(c, i + 1, "DATE", "PAST_REF", true);
      return true;
    }
    if (w == "recent") {
      const Unit u = UnitAt(i + 1);
      if (u != Unit::kNone && T(i + 1).lex->plural) {
        // TimeBank reads "recent months" as a vague duration more often than as PAST_REF.
        SetRaw(c, i + 2, "DURATION", Duration(-1, u), false);
        return true;
      }
      if (W(i + 1, "times")) {
        SetRaw(c, i + 2, "DATE", "PAST_REF", true);
        return true;
      }
      // Bare "recent" is mostly an adjective of no time ("recent events").
      return false;
    }
    if (w == "the" && (W(i + 1, "future") || W(i + 1, "past") || W(i + 1, "present"))) {
      if (Lex(i + 2) && Lex(i + 2)->unit != Unit::kNone) return false;  // "the past year"
      if (T(i + 2).kind == Kind::kNumber || (Lex(i + 2) && Lex(i + 2)->number >= 0)) return false;
      if (W(i + 2, "few") || W(i + 2, "several")) return false;
      const char* ref = W(i + 1, "future") ? "FUTURE_REF"
                        : W(i + 1, "past") ? "PAST_REF"
                                           : "PRESENT_REF";
      SetRaw(c, i + 2, "DATE", ref, true);
      return true;
    }
    if ((w == "coming" || (w == "the" && W(i + 1, "coming")))) {
      const int j = w == "the" ? i + 2 : i + 1;
      const Unit u = UnitAt(j);
      if (u != Unit::kNone && T(j).lex->plural) {
        SetRaw(c, j + 1, "DURATION", Duration(-1, u), false);
        return true;
      }
    }
    return false;
  }

  // "the following year", "the next day", "the previous month", "that day", "that same year":
  // units counted from the last date the text named.
  bool Anaphoric(int i, Cand* c) {
    int j = i + 1;
    long offset;
    if (W(i, "the") && In(T(j).low, {"following", "next", "previous", "preceding", "prior"})) {
      offset = In(T(j).low, {"following", "next"}) ? 1 : -1;
      ++j;
      // "the next year" reads as the coming one unless the text is telling a story.
      if (W(i + 1, "next") && !(W(j, "day") || (Lex(j) && Lex(j)->part))) return false;
    } else if (W(i, "that")) {
      offset = 0;
      if (W(j, "same")) ++j;
    } else {
      return false;
    }
    const LexEntry* e = Lex(j);
    if (e == nullptr || e->plural) return false;
    Unit u = e->unit;
    const char* part = e->part;
    if (part != nullptr) u = Unit::kDay;
    if (!In(T(j).low, {"day", "week", "month", "year", "quarter", "morning", "afternoon", "evening",
                       "night"})) {
      return false;
    }
    DateValue v = FromReference(u, offset);
    if (part != nullptr && v.day > 0) v.part = part;
    if (!anchor_ && !ref_) {
      SetRaw(c, j + 1, "DATE", "XXXX", true);
      return true;
    }
    SetDate(c, j + 1, v, true);
    return true;
  }

  // this/last/next/past/the + week, month, year, quarter, weekend, month name, weekday, season
  bool DeterminedUnit(int i, Cand* c) {
    const std::string_view w = T(i).low;
    int j = i + 1;
    int dir;  // -1 previous, 0 this, +1 next
    bool the = false;
    if (w == "the") {
      the = true;
      const std::string_view d = T(j).low;
      if (In(d, {"past", "last", "previous", "preceding", "prior"})) {
        dir = -1;
        ++j;
      } else if (In(d, {"next", "coming", "following", "upcoming"})) {
        dir = 1;
        ++j;
      } else if (In(d, {"current", "present", "same"})) {
        dir = 0;
        ++j;
      } else {
        dir = 2;  // bare "the": "the year", "the weekend"
      }
    } else if (In(w, {"last", "past", "previous"})) {
      dir = -1;
    } else if (w == "this" && (W(j, "past") || W(j, "last"))) {
      dir = -1;  // "this past weekend"
      ++j;
    } else if (In(w, {"this", "current"})) {
      dir = 0;
    } else if (In(w, {"next", "coming", "upcoming"})) {
      dir = 1;
    } else {
      return false;
    }
    if (W(j, "fiscal") && W(j + 1, "year")) ++j;
    const LexEntry* e = Lex(j);
    if (e == nullptr) return false;
    const bool past_word = In(T(j - 1).low, {"past", "last"});
    if (e->unit != Unit::kNone && !e->plural && e->unit != Unit::kQuarter) {
      const Unit u = e->unit;
      if (u == Unit::kSecond || u == Unit::kMinute || u == Unit::kHour) {
        if (the && dir != 2) {
          SetRaw(c, j + 1, "DURATION", Duration(1, u), false);
          return true;
        }
        return false;
      }
      if (the && dir == -1 && past_word) {
        // "the past year": TimeBank reads it as a duration.
        SetRaw(c, j + 1, "DURATION", Duration(1, u), false);
        return true;
      }
      if (!the && w == "past" && LowIs(T(j - 1), "past") && j == i + 1) {
        SetRaw(c, j + 1, "DURATION", Duration(1, u), false);
        return true;
      }
      if (dir == 2) {
        if (u == Unit::kDay) return false;
        // "the year-ago results": the compound is QuarterPhrase's.
        if (IsHyphen(j + 1) && Adjacent(j + 1)) return false;
        // "the week of March 6"
        if (u == Unit::kWeek && W(j + 1, "of")) {
          Cand date;
          if ((MonthDate(j + 2, &date) || DayMonth(j + 2, &date)) && date.value.size() == 10) {
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
          const int t = Tense();
          const int aw = anchor_ ? anchor_->Weekday() : 0;
          long off = 0;
          if (anchor_ && aw < 5 && t < 0) off = -1;
          SetDate(c, j + 1, Shift(Unit::kWeekend, off), true);
          return true;
        }
        if (u == Unit::kYear && the && (W(i - 1, "for") || W(i - 1, "throughout"))) {
          SetRaw(c, j + 1, "DURATION", "P1Y", false);
          return true;
        }
        SetDate(c, j + 1, Shift(u, 0), true);
        return true;
      }
      SetDate(c, j + 1, Shift(u, dir), true);
      if (!anchor_) {
        // TimeML keeps the unknown parts: "next week" = XXXX-WXX.
        c->value = u == Unit::kWeek || u == Unit::kWeekend ? "XXXX-WXX"
                   : u == Unit::kMonth                     ? "XXXX-XX"
                   : u == Unit::kQuarter                   ? "XXXX-QX"
                                                           : "XXXX";
      }
      return true;
    }
    if (e->month > 0 && T(j).cap) {
      int after;
      if (MonthAt(j, &after) == 0) return false;
      DateValue v;
      v.month = e->month;
      // "last Oct. 23": the day goes with the month.
      if (const int day = DayAt(after);
          day > 0 && T(after).kind == Kind::kNumber && day <= DaysIn(2024, e->month)) {
        v.day = day;
        ++after;
      }
      if (anchor_) {
        const int a = anchor_->month * 100 + anchor_->day;
        const int m = e->month * 100 + (v.day > 0 ? v.day : 0);
        if (dir == -1) {
          v.year = m < a ? anchor_->year : anchor_->year - 1;
        } else if (dir == 1) {
          v.year = m > a ? anchor_->year : anchor_->year + 1;
        } else {
          v.year = anchor_->year;
        }
        if (v.day == 0 && dir == -1)
          v.year = e->month < anchor_->month ? anchor_->year : anchor_->year - 1;
      }
      if (the && dir != 0) return false;
      SetDate(c, after, v, true);
      return true;
    }
    if (e->weekday >= 0 && T(j).cap && !e->plural && !the) {
      DateValue v;
      if (anchor_) {
        const int aw = anchor_->Weekday();
        long off;
        if (dir == -1) {
          off = -((aw - e->weekday + 7) % 7);
          if (off == 0) off = -7;
        } else if (dir == 1) {
          off = (e->weekday - aw + 7) % 7;
          if (off == 0) off = 7;
        } else {
          off = e->weekday - aw;
        }
        v = DateValue::Of(anchor_->AddDays(off));
      } else {
        v.weekday = e->weekday;
      }
      const int end = PartAfter(j + 1, &v, false);
      SetDate(c, end, v, true);
      return true;
    }
    if (e->season) {
      int end = j + 1;
      int y = -1;
      if (W(end, "of")) {
        int after;
        if ((y = YearAt(end + 1)) > 0) {
          end += 2;
        } else if ((y = SpelledYear(end + 1, &after)) > 0) {
          end = after;
        } else if (e->season[0] == 'F') {
          return false;  // "the fall of the wall"
        }
      }
      // "the fall" is a season only where a time is expected: "in the fall".
      if (e->season[0] == 'F' && dir == 2 && y < 0 &&
          !In(T(i - 1).low, {"in", "during", "by", "until", "since", "this", "that"})) {
        return false;
      }
      DateValue v;
      v.season = e->season;
      // The middle month of the season, to place it against the anchor.
      const int mid =
          e->season[0] == 'S' ? (e->season[1] == 'P' ? 4 : 7) : (e->season[0] == 'F' ? 10 : 1);
      if (y > 0) {
        v.year = y;
      } else if (!anchor_) {
        v.year = -1;
      } else if (dir == -1) {
        v.year = mid < anchor_->month ? anchor_->year : anchor_->year - 1;
      } else if (dir == 1) {
        v.year = mid > anchor_->month ? anchor_->year : anchor_->year + 1;
      } else {
        v = ResolveSeason(e->season, dir == 2 ? Tense() : 0);
      }
      SetDate(c, end, v, y < 0);
      return true;
    }
    return false;
  }

  // "the third quarter", "third-quarter", "the fourth quarter of 1990", "the quarter",
  // "the latest quarter", "the year-earlier quarter", "the first nine months"
  bool QuarterPhrase(int i, Cand* c) {
    int j = i;
    if (W(j, "the")) ++j;
    // The year in front: "the 1988 second quarter", "1989's third quarter", "this year's".
    int prefix_year = -1;
    bool prefix_relative = false;
    if (YearAt(j) > 0) {
      prefix_year = YearAt(j);
      j += P(j + 1, "'") && W(j + 2, "s") ? 3 : 1;
    } else if (int off; RelativeYear(j, &off) && P(j + 2, "'") && W(j + 3, "s")) {
      prefix_year = anchor_ ? anchor_->year + off : -1;
      prefix_relative = true;
      j += 4;
    }
    if (prefix_year > 0 && !prefix_relative && W(i, "the") && (W(j, "period") || W(j, "quarter"))) {
      DateValue v;
      v.year = prefix_year;
      if (quarter_ > 0 && anchor_) v.quarter = QuarterOf(Shift(Unit::kQuarter, -1).quarter * 3);
      derived_ = true;
      SetDate(c, j + 1, v, false);
      return true;
    }
    if (W(j, "fiscal")) ++j;
    const LexEntry* e = Lex(j);
    int q = 0;
    if (e && e->ordinal >= 1 && e->ordinal <= 4) q = e->ordinal;
    if (T(j).kind == Kind::kNumber && T(j).ordinal && T(j).num >= 1 && T(j).num <= 4) q = T(j).num;
    if (q > 0) {
      int k = j + 1;
      // "the third-quarter results": the article goes with the noun, not the date.
      if (IsHyphen(k) && Adjacent(k) && W(i, "the") && j == i + 1) return false;
      if (IsHyphen(k) && Adjacent(k)) ++k;
      if (W(k, "fiscal")) ++k;
      if (W(k, "quarter") || W(k, "quarters")) {
        const bool plural = W(k, "quarters");
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
        } else if (W(end, "of") && (y = YearAt(end + 1)) > 0) {
          v.year = y;
          relative = false;
          end += 2;
        } else if (int off; W(end, "of") && RelativeYear(end + 1, &off)) {
          v = Shift(Unit::kYear, off);
          end += 3;
        } else if ((y = YearAt(end)) > 0 && !W(i, "the")) {
          v.year = y;
          relative = false;
          end += 1;
        } else {
          v = ResolveQuarter(q, Tense());
        }
        v.quarter = q;
        SetDate(c, end, v, relative);
        return true;
      }
      if ((W(k, "half") || W(k, "halves")) && q <= 2) {
        DateValue v = Shift(Unit::kYear, 0);
        int end = k + 1;
        int y;
        if (W(end, "of") && (y = YearAt(end + 1)) > 0) {
          v.year = y;
          end += 2;
        }
        v.half = q;
        SetDate(c, end, v, true);
        return true;
      }
    }
    // "the first nine months", "the nine months"
    if (W(i, "the")) {
      int k = i + 1;
      if (W(k, "first") || W(k, "last") || W(k, "past")) ++k;
      long n;
      const int after = NumberAt(k, &n, false);
      if (after > 0 && n > 1 && UnitAt(after) != Unit::kNone && T(after).lex->plural &&
          !W(after + 1, "ago")) {
        SetRaw(c, after + 1, "DURATION", Duration(n, UnitAt(after)), false);
        return true;
      }
    }
    // "the quarter", "the latest quarter", "the year-earlier quarter", "year-ago period"
    {
      int k = i;
      if (W(k, "the")) ++k;
      bool year_back = false;
      bool latest = false;
      if ((W(k, "year") && IsHyphen(k + 1) && (W(k + 2, "earlier") || W(k + 2, "ago")))) {
        year_back = true;
        k += 3;
        // "the year-ago third quarter"
        const LexEntry* o = Lex(k);
        if (o && o->ordinal >= 1 && o->ordinal <= 4 && W(k + 1, "quarter")) {
          DateValue v = Shift(Unit::kYear, -1);
          v.quarter = o->ordinal;
          derived_ = true;
          SetDate(c, k + 2, v, true);
          return true;
        }
      } else if (W(k, "latest") || W(k, "recent") || W(k, "previous") ||
                 (W(k, "most") && W(k + 1, "recent"))) {
        latest = true;
        k += W(k, "most") ? 2 : 1;
      } else if (W(k, "current")) {
        k += 1;
        if (W(k, "quarter")) {
          SetDate(c, k + 1, Shift(Unit::kQuarter, 0), true);
          return true;
        }
        return false;
      }
      const bool quarter = W(k, "quarter") && !W(k + 1, "of") && !P(k + 1, "-");
      const bool period = W(k, "period") && (year_back || latest);
      if ((quarter && (k > i)) || period) {
        DateValue v = Shift(Unit::kQuarter, -1);
        derived_ = true;
        if (year_back && anchor_) v.year -= 1;
        SetDate(c, k + 1, v, true);
        return true;
      }
      if (year_back && !W(i, "the")) {
        DateValue v = Shift(Unit::kQuarter, -1);
        derived_ = true;
        if (anchor_) v.year -= 1;
        SetDate(c, i + 3, v, true);
        return true;
      }
    }
    return false;
  }

  // "three years", "two-year", "the past three years", "five years ago", "a year earlier"
  bool CountUnit(int i, Cand* c) {
    // "half an hour", "a half hour", "half a year"
    {
      int h = W(i, "a") && W(i + 1, "half") ? i + 1 : i;
      if (W(h, "half")) {
        int u_at = h + 1;
        if (h == i && (W(u_at, "a") || W(u_at, "an"))) ++u_at;
        if (IsHyphen(u_at) && Adjacent(u_at)) ++u_at;
        const Unit u = UnitAt(u_at);
        const char* value = u == Unit::kYear     ? "P6M"
                            : u == Unit::kMonth  ? "P15D"
                            : u == Unit::kDay    ? "PT12H"
                            : u == Unit::kHour   ? "PT30M"
                            : u == Unit::kMinute ? "PT30S"
                                                 : nullptr;
        const bool article = h > i || u_at > h + 1;  // "a half hour" or "half an hour"
        if (value != nullptr && article && !T(u_at).lex->plural) {
          SetRaw(c, u_at + 1, "DURATION", value, false);
          return true;
        }
        return false;
      }
    }
    int k = i;
    bool the = false;
    bool span_back = false;  // "the past/last N units": a duration
    if (W(k, "the")) {
      the = true;
      ++k;
    }
    if (In(T(k).low, {"past", "last", "next", "previous", "coming", "first", "final", "remaining",
                      "following", "latest"}) &&
        T(k).kind == Kind::kWord) {
      span_back = true;
      ++k;
    } else if (the) {
      return false;
    }
    long n;
    half_ = false;
    const int after = NumberAt(k, &n, !span_back);
    if (after < 0) return false;
    bool half = half_;
    int u_at = after;
    const bool hyphen = IsHyphen(after) && Adjacent(after) && Adjacent(after + 1);
    if (hyphen) u_at = after + 1;
    // "trading days", "business days", "calendar years": adjectives the extent keeps.
    if (!hyphen &&
        In(T(u_at).low, {"trading", "business", "working", "calendar", "fiscal", "more", "full",
                         "straight", "consecutive", "long"}) &&
        UnitAt(u_at + 1) != Unit::kNone) {
      ++u_at;
    }
    const Unit u = UnitAt(u_at);
    if (u == Unit::kNone || T(u_at).kind != Kind::kWord) return false;
    if (W(u_at, "second") && T(k).kind != Kind::kNumber && !(Lex(k) && Lex(k)->number >= 0)) {
      return false;
    }
    const bool plural = T(u_at).lex->plural;
    if (T(k).kind == Kind::kNumber && T(k).digits >= 4 && !plural) return false;
    if (W(u_at, "second") && (W(u_at + 1, "quarter") || W(u_at + 1, "half"))) return false;
    // "a" only for one unit: "a year", "a year ago"
    if ((W(k, "a") || W(k, "an")) && plural && n == 1) return false;
    int end = u_at + 1;
    // Ages are not durations in TimeML: "a 6-year-old", "52 years old".
    if (W(end, "old") || (IsHyphen(end) && W(end + 1, "old"))) return false;
    const bool article = W(k, "a") || W(k, "an");
    if (!span_back && !hyphen) {
      if (W(end, "ago") || W(end, "earlier") || W(end, "later") ||
          (W(end, "from") && W(end + 1, "now")) || W(end, "hence")) {
        const int sign = W(end, "ago") || W(end, "earlier") ? -1 : 1;
        const int stop = W(end, "from") ? end + 2 : end + 1;
        if (n < 0) {
          SetRaw(c, stop, "DATE", sign < 0 ? "PAST_REF" : "FUTURE_REF", true);
          return true;
        }
        DateValue v;
        if (u == Unit::kWeekend) return false;
        if (u == Unit::kHour || u == Unit::kMinute || u == Unit::kSecond) {
          v = Shift(Unit::kDay, 0);
        } else if (u == Unit::kQuarter) {
          v = Shift(Unit::kQuarter, sign * n);
        } else if (u == Unit::kDecade) {
          v = Shift(Unit::kYear, sign * 10 * n);
        } else if (u == Unit::kCentury) {
          v = Shift(Unit::kYear, sign * 100 * n);
        } else if (u == Unit::kYear && n == 1 && sign < 0) {
          v = YearBefore();
        } else {
          v = Shift(u, sign * n);
        }
        if (!anchor_) {
          SetRaw(c, stop, "DATE", sign < 0 ? "PAST_REF" : "FUTURE_REF", true);
          return true;
        }
        SetDate(c, stop, v, true);
        return true;
      }
      if (article) {
        // Bare "a year": a duration after for/in/than/within; "twice a year" is a set.
        const std::string_view prev = T(i - 1).low;
        // A rate: "twice a year", "$1 billion a year", "interviews a day".
        const bool amount = T(i - 1).kind == Kind::kNumber ||
                            In(prev, {"million", "billion", "thousand", "hundred", "percent", "%",
                                      "dollars", "cents", "miles"});
        if (In(prev, {"once", "twice", "times", "thrice"}) || amount) {
          if (u == Unit::kQuarter) return false;
          SetRaw(c, end, "SET", Duration(1, u), false);
          return true;
        }
        if (!In(prev, {"for",    "in",    "than",   "within", "over",       "about",   "nearly",
                       "almost", "after", "before", "least",  "only",       "just",    "half",
                       "of",     "to",    "took",   "take",   "takes",      "lasted",  "last",
                       "spent",  "spend", "barely", "as",     "additional", "another", "nearly"})) {
          return false;
        }
      }
    }
    bool half_after = false;
    if (!hyphen && W(end, "and") && W(end + 1, "a") && W(end + 2, "half")) {
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

  // "every week", "each Thursday", "daily", "annually"
  bool SetPhrase(int i, Cand* c) {
    const std::string_view w = T(i).low;
    struct Adverb {
      const char* word;
      const char* value;
    };
    static constexpr Adverb kAdverbs[] = {
        {"daily", "P1D"},    {"weekly", "P1W"},       {"monthly", "P1M"},
        {"yearly", "P1Y"},   {"hourly", "PT1H"},      {"nightly", "P1D"},
        {"biweekly", "P2W"}, {"semiannually", "P6M"}, {"annual", nullptr},
    };
    for (const Adverb& a : kAdverbs) {
      if (w == a.word && a.value != nullptr) {
        SetRaw(c, i + 1, "SET", a.value, false);
        return true;
      }
    }
    if (w == "every" || w == "each" || w == "per") {
      int j = i + 1;
      bool other = false;
      if (W(j, "other")) {
        other = true;
        ++j;
      }
      long n = 1;
      int k = NumberAt(j, &n, false);
      if (k > 0 && n > 1 && UnitAt(k) != Unit::kNone && T(k).lex->plural) {
        SetRaw(c, k + 1, "SET", Duration(n, UnitAt(k)), false);
        return true;
      }
      const LexEntry* e = Lex(j);
      if (e == nullptr) return false;
      if (e->unit != Unit::kNone && !e->plural && !W(j, "second")) {
        SetRaw(c, j + 1, "SET", Duration(other ? 2 : 1, e->unit), false);
        return true;
      }
      if (w == "per") return false;
      char buf[24];
      if (e->weekday >= 0 && T(j).cap) {
        std::snprintf(buf, sizeof buf, "XXXX-WXX-%d", e->weekday + 1);
        int end = j + 1;
        std::string value = buf;
        if (Lex(end) && Lex(end)->part) {
          value += "T";
          value += Lex(end)->part;
          ++end;
        }
        SetRaw(c, end, "SET", value, false);
        return true;
      }
      if (e->month > 0 && T(j).cap) {
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

  // "15:57", "10:35 a.m.", "6 a.m. EDT", "noon", "midnight", "4 o'clock", optionally followed by
  // the day: "4 a.m. Thursday".
  bool ClockTime(int i, Cand* c) {
    int hour = -1, minute = 0;
    int j;
    const Tok& t = T(i);
    if (t.kind == Kind::kWord) {
      if (LowIs(t, "noon") || LowIs(t, "midday")) {
        hour = 12;
      } else if (LowIs(t, "midnight")) {
        hour = 24;
      } else {
        return false;
      }
      j = i + 1;
    } else {
      if (t.ordinal || t.digits > 2 || t.num > 24) return false;
      hour = static_cast<int>(t.num);
      j = i + 1;
      bool has_minutes = false;
      if ((P(j, ":") || (P(j, ".") && IsMeridiem(j + 2))) && Adjacent(j) &&
          T(j + 1).kind == Kind::kNumber && T(j + 1).digits == 2 && Adjacent(j + 1) &&
          T(j + 1).num < 60) {
        minute = static_cast<int>(T(j + 1).num);
        j += 2;
        has_minutes = true;
        if (P(j, ":") && Adjacent(j) && T(j + 1).kind == Kind::kNumber && T(j + 1).digits == 2) {
          j += 2;
        }
      }
      if (IsMeridiem(j)) {
        if (hour > 12 || hour == 0) return false;
        const bool pm = T(j).low[0] == 'p';
        if (pm && hour < 12) hour += 12;
        if (!pm && hour == 12) hour = 0;
        ++j;
        if (P(j, ".") && Adjacent(j) && (LowIs(T(j), ".") && T(j - 1).low.back() != '.')) ++j;
      } else if (W(j, "o'clock")) {
        ++j;
      } else if (!has_minutes) {
        return false;
      } else if (hour > 24) {
        return false;
      }
      // "14:30" in a score or a ratio is rare next to time words; accept it.
    }
    if (Lex(j) && Lex(j)->timezone) ++j;
    DateValue v = anchor_ ? DateValue::Of(*anchor_) : DateValue();
    bool relative = true;
    // The day after the time: "4 a.m. Thursday", "6 p.m. yesterday", "5 p.m. EST, Nov. 6",
    // "10:35 a.m. (0735 GMT) Friday".
    int k = j;
    bool joined = true;  // the day joins the extent
    if (P(k, "(")) {
      int close = k + 1;
      while (close < n_ && close < k + 8 && !P(close, ")")) ++close;
      if (P(close, ")")) k = close + 1;
      joined = false;
    }
    if (P(k, ",")) ++k;
    if (W(k, "on")) {
      ++k;
      joined = false;
    }
    Cand day;
    if (Weekday(k, &day) || MonthDate(k, &day) || Deictic(k, &day)) {
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
    if (!anchor_ && v.day == 0) {
      std::string value = "XXXX-XX-XX";
      char buf[16];
      std::snprintf(buf, sizeof buf, "T%02d:%02d", hour, minute);
      SetRaw(c, j, "TIME", value + buf, relative);
      return true;
    }
    SetDate(c, j, v, relative);
    return true;
  }

  bool IsMeridiem(int j) const {
    const Tok& t = T(j);
    if (t.kind != Kind::kWord) return false;
    return LowIs(t, "a.m.") || LowIs(t, "p.m.") || LowIs(t, "am") || LowIs(t, "pm") ||
           LowIs(t, "a.m") || LowIs(t, "p.m");
  }

  // Christmas, New Year's Day, Thanksgiving, ...
  bool Holiday(int i, Cand* c) {
    if (!T(i).cap) return false;
    const std::string_view w = T(i).low;
    int month = 0, day = 0, end = i + 1;
    if (w == "christmas") {
      month = 12;
      day = 25;
      if (W(end, "eve")) {
        day = 24;
        ++end;
      } else if (W(end, "day")) {
        ++end;
      }
    } else if (w == "new" && W(i + 1, "year") && P(i + 2, "'") && W(i + 3, "s")) {
      end = i + 4;
      month = 1;
      day = 1;
      if (W(end, "eve")) {
        month = 12;
        day = 31;
        ++end;
      } else if (W(end, "day")) {
        ++end;
      }
    } else if (w == "halloween") {
      month = 10;
      day = 31;
    } else if (w == "thanksgiving" || (w == "independence" && W(i + 1, "day")) ||
               (w == "labor" && W(i + 1, "day")) || (w == "memorial" && W(i + 1, "day"))) {
      if (w != "thanksgiving") ++end;
      if (W(end, "day")) ++end;
      month = w == "thanksgiving" ? 11 : w == "independence" ? 7 : w == "labor" ? 9 : 5;
      day = w == "independence" ? 4 : 0;
    } else {
      return false;
    }
    DateValue v = ResolveMonthDay(month, day > 0 ? day : 15, Tense());
    if (day == 0 && v.year > 0) {
      // Thanksgiving: fourth Thursday of November; Labor Day: first Monday of September;
      // Memorial Day: last Monday of May.
      if (month == 11) {
        Date d{v.year, 11, 1};
        day = 1 + (3 - d.Weekday() + 7) % 7 + 21;
      } else if (month == 9) {
        Date d{v.year, 9, 1};
        day = 1 + (0 - d.Weekday() + 7) % 7;
      } else {
        Date d{v.year, 5, 31};
        day = 31 - d.Weekday();
      }
    }
    v.day = day;
    if (day == 0) v.month = month;
    SetDate(c, end, v, true);
    return true;
  }

  std::string_view text_;
  const std::vector<Tok>& toks_;
  const int n_;
  const std::optional<Date> anchor_;
  int start_ = 0;
  mutable bool half_ = false;  // the last NumberAt read "N 1/2"
  bool derived_ = false;       // the match's value was computed from the quarter under discussion
  int quarter_year_ = 0;
  int quarter_ = 0;
  std::optional<DateValue> ref_;
  bool tense_known_ = false;
  int tense_ = 0;
};

}  // namespace
}  // namespace timex

std::vector<TemporalExpression> TagTemporalExpressions(std::string_view text,
                                                       std::optional<Date> anchor) {
  if (text.size() > (1u << 31)) return {};  // spans are 32-bit
  const std::vector<timex::Tok> toks = timex::Tokenize(text);
  timex::Matcher matcher(text, toks, anchor);
  return matcher.Run();
}

}  // namespace newsloom::text
