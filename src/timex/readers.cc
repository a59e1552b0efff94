#include "timex/readers.h"

#include <algorithm>

namespace newsloom::timex {

int DayAt(const TokenView& v, int i) {
  // Ordinal words up to 31 are rare; the word table has 1..20 and 30.
  const Tok& t = v.T(i);
  if (t.kind == Kind::kNumber && t.digits <= 2 && t.num >= 1 && t.num <= 31) return t.num;
  if (t.lex && t.lex->ordinal > 0) return t.lex->ordinal;
  return 0;
}

int YearAt(const TokenView& v, int i) {
  const Tok& t = v.T(i);
  if (t.kind == Kind::kNumber && t.digits == 4 && !t.ordinal && t.num >= 1000 && t.num <= 2999) {
    return t.num;
  }
  return -1;
}

int SpelledYear(const TokenView& v, int i, int* end) {
  bool half = false;
  const LexEntry* e = v.Lex(i);
  if (e == nullptr || v.T(i).kind != Kind::kWord) return -1;
  if (e->number == 19 || e->number == 18) {
    long n;
    const int after = NumberAt(v, i + 1, &n, false, &half);
    if (after > 0 && n >= 10 && n <= 99 && v.T(i + 1).kind == Kind::kWord) {
      *end = after;
      return e->number * 100 + static_cast<int>(n);
    }
    return -1;
  }
  if (e->number == 2 && v.W(i + 1, "thousand") && v.UnitAt(i + 2) == Unit::kNone) {
    int j = i + 2;
    long n = 0;
    const int k = v.W(j, "and") ? j + 1 : j;
    const int after = NumberAt(v, k, &n, false, &half);
    if (after > 0 && n >= 1 && n <= 99 && v.T(k).kind == Kind::kWord) {
      j = after;
    } else {
      n = 0;
    }
    *end = j;
    return 2000 + static_cast<int>(n);
  }
  return -1;
}

int MonthAt(const TokenView& v, int i, int* end) {
  if (v.W(i, "month-of")) ++i;  // "el mes de mayo", "le mois de mai"
  const LexEntry* e = v.Lex(i);
  if (e == nullptr || e->month == 0 || v.T(i).kind != Kind::kWord) return 0;
  int j = i + 1;
  if (e->abbrev) {
    if (!v.Named(i)) return 0;
    if (v.P(j, ".") && v.Adjacent(j)) {
      ++j;
    } else if (!(v.T(j).kind == Kind::kNumber)) {
      return 0;
    }
  } else if (v.W(i, "month-or-verb")) {
    // "may", "march": a month only with a capital and a day after it or a date word before it.
    if (!v.T(i).cap) return 0;
    const bool date_next = v.T(j).kind == Kind::kNumber;
    const bool date_prev =
        v.P(i - 1, "-") ||
        v.Any(i - 1, {"in",     "early",   "late", "mid",  "last",    "next", "this",   "since",
                      "until",  "of",      "by",   "from", "through", "to",   "before", "after",
                      "during", "between", "and",  "end",  "on",      "till", "each",   "every"});
    if (!date_next && !date_prev) return 0;
  }
  // Lower-case full month names are rare in edited text but occur in crawls; accepted.
  *end = j;
  return e->month;
}

bool RelativeYear(const TokenView& v, int i, int* offset) {
  if (!v.W(i + 1, "year")) return false;
  if (v.W(i, "last") || v.W(i, "previous")) {
    *offset = -1;
  } else if (v.W(i, "this") || v.W(i, "current")) {
    *offset = 0;
  } else if (v.W(i, "next") || v.W(i, "coming")) {
    *offset = 1;
  } else {
    return false;
  }
  return true;
}

int NumberAt(const TokenView& v, int i, long* value, bool allow_article, bool* half) {
  const Tok& t = v.T(i);
  if (t.kind == Kind::kNumber && !t.ordinal && t.num >= 0) {
    // "1,000" is rare for time units; "1.5" years is read as a vague amount.
    if (v.P(i + 1, ".") && v.Adjacent(i + 1) && v.T(i + 2).kind == Kind::kNumber &&
        v.Adjacent(i + 2)) {
      *value = -1;
      return i + 3;
    }
    *value = t.num;
    // "2 1/2 years"
    if (v.T(i + 1).kind == Kind::kNumber && v.T(i + 1).num == 1 && v.P(i + 2, "/") &&
        v.Adjacent(i + 2) && v.T(i + 3).kind == Kind::kNumber && v.T(i + 3).num == 2 &&
        v.Adjacent(i + 3)) {
      *half = true;
      return i + 4;
    }
    return i + 1;
  }
  if (t.kind != Kind::kWord) return -1;
  if (t.lex && t.lex->number >= 0) {
    long n = t.lex->number;
    int j = i + 1;
    if (n >= 20 && n % 10 == 0) {
      int k = j;
      if (v.IsHyphen(k) && v.Adjacent(k)) ++k;
      const LexEntry* e = v.Lex(k);
      if (e && e->number > 0 && e->number < 10) {
        n += e->number;
        j = k + 1;
      }
    }
    if (v.W(j, "hundred")) {
      n *= 100;
      ++j;
    }
    if (v.W(j, "and") && v.W(j + 1, "a") && v.W(j + 2, "half") && v.UnitAt(j + 3) != Unit::kNone) {
      *half = true;  // "one and a half years"
      j += 3;
    }
    *value = n;
    return j;
  }
  if (Is(t, "hundred") || Is(t, "dozen")) {
    *value = Is(t, "hundred") ? 100 : 12;
    return i + 1;
  }
  if (Is(t, "a") && allow_article) {
    if (v.W(i + 1, "few") || v.W(i + 1, "couple")) {
      *value = v.W(i + 1, "couple") ? 2 : -1;
      return v.W(i + 2, "of") ? i + 3 : i + 2;
    }
    if (v.W(i + 1, "hundred") || v.W(i + 1, "dozen")) {
      *value = v.W(i + 1, "hundred") ? 100 : 12;
      return i + 2;
    }
    *value = 1;
    return i + 1;
  }
  if (v.Any(i, {"several", "few", "many", "some", "couple"})) {
    *value = Is(t, "couple") ? 2 : -1;
    return v.W(i + 1, "of") ? i + 2 : i + 1;
  }
  return -1;
}

int RomanAt(const TokenView& v, int i) {
  const Tok& t = v.T(i);
  if (t.kind != Kind::kWord || !t.cap || t.low.empty()) return 0;
  std::string_view w = t.low;
  for (const std::string& suffix : v.lexicon().ordinal_suffixes()) {
    if (w.size() > suffix.size() &&
        w.compare(w.size() - suffix.size(), suffix.size(), suffix) == 0) {
      w.remove_suffix(suffix.size());
      break;
    }
  }
  int value = 0, last = 0;
  for (auto it = w.rbegin(); it != w.rend(); ++it) {
    const int d = *it == 'i' ? 1 : *it == 'v' ? 5 : *it == 'x' ? 10 : *it == 'l' ? 50 : 0;
    if (d == 0) return 0;
    value += d < last ? -d : d;
    last = std::max(last, d);
  }
  return value >= 1 && value <= 39 ? value : 0;
}

int YearBcAt(const TokenView& v, int i, int* end) {
  const Tok& t = v.T(i);
  if (t.kind != Kind::kNumber || t.ordinal || t.digits > 4 || t.num < 1 || !v.W(i + 1, "bc")) {
    return 0;
  }
  *end = i + 2;
  return static_cast<int>(t.num);
}

int TrailingYear(const TokenView& v, int j, int* year, bool* bc) {
  if (int end; bc != nullptr && (*year = YearBcAt(v, j, &end)) > 0) {
    *bc = true;
    return end;
  }
  if (v.P(j, ",") && YearAt(v, j + 1) > 0) {
    *year = YearAt(v, j + 1);
    return j + 2;
  }
  if (YearAt(v, j) > 0) {
    *year = YearAt(v, j);
    return j + 1;
  }
  int end;
  const int k = v.P(j, ",") ? j + 1 : j;
  if (const int y = SpelledYear(v, k, &end); y > 0) {
    *year = y;
    return end;
  }
  if (v.P(j, "'") && v.T(j + 1).kind == Kind::kNumber && v.T(j + 1).digits == 2 &&
      v.Adjacent(j + 1)) {
    const int y = static_cast<int>(v.T(j + 1).num);
    *year = y + (y >= 30 ? 1900 : 2000);
    return j + 2;
  }
  return -1;
}

}  // namespace newsloom::timex
