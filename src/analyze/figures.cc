#include "analyze/figures.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "text/segment.h"
#include "text/stopwords.h"
#include "timex/lexicon.h"

namespace newsloom::analyze {
namespace {

struct Tok {
  uint32_t begin, end;
  std::string lower;
  bool word = false;  // a word or a number, not punctuation
  bool cap = false;
};

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Languages whose numbers write a decimal comma and a thousands dot: "1.000,5".
bool WritesDecimalComma(std::string_view language) {
  static constexpr std::string_view kLanguages[] = {"de", "fr", "es", "it", "nl", "pt", "pl",
                                                    "cs", "da", "sv", "nb", "fi", "ru", "tr"};
  return std::find(std::begin(kLanguages), std::end(kLanguages), language) != std::end(kLanguages);
}

// The tokens as the rules read them: numbers in the English notation the rules read ("1.000,5" as
// "1,000.5"). German capitalises every noun, so there a capital marks no name ("3.000
// Demonstranten" counts demonstrators).
std::vector<Tok> FromTokens(const std::vector<Token>& tokens, std::string_view language) {
  const bool decimal_comma = WritesDecimalComma(language);
  const bool nouns_capitalised = language == "de";
  std::vector<Tok> out;
  out.reserve(tokens.size());
  for (const Token& t : tokens) {
    std::string norm = t.norm;
    if (decimal_comma && !norm.empty() && IsDigit(norm[0])) {
      for (char& c : norm) c = c == '.' ? ',' : c == ',' ? '.' : c;
    }
    out.push_back(Tok{t.span.begin, t.span.end, std::move(norm), t.is_word,
                      t.capitalized && !nouns_capitalised});
  }
  return out;
}

double ScaleWord(std::string_view w) {
  if (w == "thousand") return 1e3;
  if (w == "million" || w == "mln") return 1e6;
  if (w == "billion" || w == "bn") return 1e9;
  if (w == "trillion") return 1e12;
  return 0;
}

// Digits with thousands commas or a decimal point: "7,000", "1.5". Not "1,2" or "2024-06".
bool ParseDigits(std::string_view w, double* value) {
  if (w.empty() || !IsDigit(w[0])) return false;
  std::string plain;
  bool dot = false;
  for (size_t i = 0; i < w.size(); ++i) {
    const char c = w[i];
    if (IsDigit(c)) {
      plain.push_back(c);
    } else if (c == ',' && !dot) {
      // A thousands separator has exactly three digits after it.
      size_t k = i + 1;
      while (k < w.size() && IsDigit(w[k])) ++k;
      if (k - i - 1 != 3) return false;
    } else if (c == '.' && !dot) {
      dot = true;
      plain.push_back('.');
    } else {
      return false;
    }
  }
  *value = std::strtod(plain.c_str(), nullptr);
  return true;
}

// Words that never are the thing counted.
bool IsFunctionWord(std::string_view w) { return text::IsStopword(w, text::StopList::kNotCounted); }

bool IsDeterminer(std::string_view w) {
  return w == "the" || w == "these" || w == "those" || w == "its" || w == "their" || w == "his" ||
         w == "her" || w == "our" || w == "your" || w == "my";
}

bool IsMonth(std::string_view w) {
  static constexpr std::string_view kMonths[] = {
      "january",   "february", "march",    "april",    "may",  "june", "july", "august",
      "september", "october",  "november", "december", "jan",  "feb",  "mar",  "apr",
      "jun",       "jul",      "aug",      "sep",      "sept", "oct",  "nov",  "dec"};
  for (std::string_view m : kMonths)
    if (m == w) return true;
  return false;
}

std::string Singular(std::string w) {
  if (w.size() > 4 && w.compare(w.size() - 3, 3, "ies") == 0)
    return w.substr(0, w.size() - 3) + "y";
  if (w.size() > 4 &&
      (w.compare(w.size() - 4, 4, "ches") == 0 || w.compare(w.size() - 4, 4, "shes") == 0 ||
       w.compare(w.size() - 4, 4, "sses") == 0))
    return w.substr(0, w.size() - 2);
  if (w == "people") return "person";
  if (w == "men") return "man";
  if (w == "women") return "woman";
  if (w == "children") return "child";
  if (w.size() > 3 && w.back() == 's' && w[w.size() - 2] != 's' && w[w.size() - 2] != 'u' &&
      w[w.size() - 2] != 'i')
    w.pop_back();
  return w;
}

bool LooksPlural(const std::string& w) {
  if (w == "people" || w == "children" || w == "men" || w == "women" || w == "police") return true;
  return w.size() > 3 && w.back() == 's' && w[w.size() - 2] != 's' && w[w.size() - 2] != 'u' &&
         w[w.size() - 2] != 'i';
}

// A unit a currency word names.
const char* CurrencyWord(std::string_view w) {
  if (w == "dollars" || w == "dollar" || w == "usd") return "usd";
  if (w == "euros" || w == "euro" || w == "eur") return "eur";
  if (w == "pounds" || w == "gbp") return "gbp";
  if (w == "yuan") return "cny";
  if (w == "yen") return "jpy";
  if (w == "won") return "krw";
  if (w == "rubles" || w == "roubles") return "rub";
  return nullptr;
}
const char* CurrencySign(std::string_view t) {
  if (t == "$") return "usd";
  if (t == "\xE2\x82\xAC") return "eur";  // €
  if (t == "\xC2\xA3") return "gbp";      // £
  if (t == "\xC2\xA5") return "jpy";      // ¥
  return nullptr;
}

bool IsDash(std::string_view t) {
  return t == "-" || t == "\xE2\x80\x93" || t == "\xE2\x80\x94";  // -, en dash, em dash
}

// A number at token i, in digits or words (with a scale word after it). Sets *next to the token
// after it. Hyphenated words ("three-day", "24-hour") are left to the caller.
bool NumberAt(const std::vector<Tok>& t, size_t i, double* value, size_t* next) {
  if (i >= t.size() || !t[i].word) return false;
  double v = -1;
  size_t j = i + 1;
  if (IsDigit(t[i].lower[0])) {
    if (!ParseDigits(t[i].lower, &v)) return false;
  } else {
    // "twenty-five" is one token; "a dozen", "one hundred", "three thousand".
    const std::string& w = t[i].lower;
    const size_t dash = w.find('-');
    if (dash != std::string::npos) {
      const double tens = NumberWordValue(std::string_view(w).substr(0, dash));
      const double ones = NumberWordValue(std::string_view(w).substr(dash + 1));
      if (tens >= 20 && tens <= 90 && ones >= 1 && ones <= 9) v = tens + ones;
    } else {
      v = NumberWordValue(w);
      if (w == "dozen") v = -1;  // only after "a" or a number
    }
    if (v < 0 && w == "a" && j < t.size() && t[j].lower == "dozen") {
      v = 12;
      ++j;
    }
    if (v < 0) return false;
    while (j < t.size() && (t[j].lower == "hundred" || t[j].lower == "dozen")) {
      v *= t[j].lower == "hundred" ? 100 : 12;
      ++j;
    }
  }
  if (j < t.size()) {
    const double scale = ScaleWord(t[j].lower);
    if (scale > 0) {
      v *= scale;
      ++j;
    }
  }
  *value = v;
  *next = j;
  return true;
}

// Qualifiers before a number, longest first.
const char* const kQualifiers[][2] = {
    {"more", "than"},     {"less", "than"},    {"fewer", "than"},
    {"at", "least"},      {"up", "to"},        {"as", "many"},
    {"about", nullptr},   {"around", nullptr}, {"approximately", nullptr},
    {"nearly", nullptr},  {"almost", nullptr}, {"over", nullptr},
    {"roughly", nullptr}, {"some", nullptr},   {"estimated", nullptr},
    {"under", nullptr},   {"just", nullptr},   {"only", nullptr},
    {"exactly", nullptr}};

}  // namespace

// The temporal tagger's English table is the one table of number words.
double NumberWordValue(std::string_view w) {
  static const timex::Lexicon& english = timex::LexiconFor("en");
  const timex::LexEntry* e = english.Find(w);
  if (e == nullptr) return -1;
  if (e->number >= 0) return e->number;
  if (e->Is("dozen")) return 12;
  if (e->Is("hundred")) return 100;
  return -1;
}

// "three-day strike", "24-hour", "3,000-strong": a number, a hyphen and a unit in one word `w`.
// Sets the number's value and the unit; false when `w` is no such word.
bool ReadHyphenMeasure(std::string_view w, double* value, std::string* unit) {
  const size_t dash = w.find('-');
  if (dash == std::string_view::npos || dash == 0 || dash + 1 >= w.size()) return false;
  const std::string_view head = w.substr(0, dash);
  std::string_view tail = w.substr(dash + 1);
  double v = -1;
  if (IsDigit(head[0])) {
    if (!ParseDigits(head, &v)) v = -1;
  } else if (head != "one" || tail.find('-') == std::string_view::npos) {
    v = NumberWordValue(head);
    const double ones = NumberWordValue(tail);
    if (v >= 20 && ones >= 1 && ones <= 9) v = -1;  // "twenty-five" is a number, read elsewhere
  }
  if (tail.find('-') != std::string_view::npos) tail = tail.substr(0, tail.find('-'));
  if (v < 0 || tail.empty() || IsDigit(tail[0]) || NumberWordValue(tail) >= 0 ||
      IsFunctionWord(tail) || ScaleWord(tail) != 0) {
    return false;
  }
  *value = v;
  *unit = std::string(tail);
  return true;
}

// After a number of `value` ending before token `next`: a range's upper end ("5-10", "5 to 10",
// "between 5 and 10") and a percent or currency word. Sets them in `f`; returns the token after.
size_t ReadRangeAndUnit(const std::vector<Tok>& t, size_t next, bool between, double value,
                        Figure* f) {
  const size_t k = next;
  if (k + 1 < t.size() &&
      (IsDash(t[k].lower) || t[k].lower == "to" || (between && t[k].lower == "and"))) {
    double high = 0;
    size_t after = 0;
    size_t h = k + 1;
    if (!t[h].word && CurrencySign(t[h].lower)) ++h;
    if (NumberAt(t, h, &high, &after) && high > value) {
      // "3 to 5 million": the scale of the second number applies to the first.
      if (high >= 1000 * value && after > h + 1 && ScaleWord(t[after - 1].lower) > 0)
        f->value *= ScaleWord(t[after - 1].lower);
      f->value_high = high;
      next = after;
    }
  }
  if (next < t.size()) {
    const std::string& u = t[next].lower;
    if (u == "%" || u == "percent" || u == "pct") {
      f->unit = "percent";
      ++next;
    } else if (u == "per" && next + 1 < t.size() && t[next + 1].lower == "cent") {
      f->unit = "percent";
      next += 2;
    } else if (const char* cur = CurrencyWord(u)) {
      if (f->unit.empty()) f->unit = cur;
      ++next;
    }
  }
  return next;
}

// The figure's sentence, and that sentence's first calendar date as its reference date (else the
// publication date, `published_iso`).
void PlaceInSentence(const std::vector<Span>& sentences,
                     const std::vector<TemporalExpression>& dates, const std::string& published_iso,
                     Figure* f) {
  auto it = std::upper_bound(sentences.begin(), sentences.end(), f->span.begin,
                             [](uint32_t pos, const Span& s) { return pos < s.begin; });
  if (it != sentences.begin() && std::prev(it)->end > f->span.begin) {
    f->sentence = *std::prev(it);
  } else {
    f->sentence = f->span;
  }
  auto d = std::lower_bound(
      dates.begin(), dates.end(), f->sentence.begin,
      [](const TemporalExpression& e, uint32_t pos) { return e.span.begin < pos; });
  for (; d != dates.end() && d->span.begin < f->sentence.end; ++d) {
    if (d->type == "DATE" && !d->value.empty() && IsDigit(d->value[0])) {
      f->reference_date = d->value;
      break;
    }
  }
  if (f->reference_date.empty()) f->reference_date = published_iso;
}

std::vector<Figure> FindFigures(std::string_view body, const std::vector<Token>& tokens,
                                const std::vector<Span>& sentences,
                                const std::vector<TemporalExpression>& dates,
                                const std::optional<Date>& published, std::string_view language) {
  std::vector<Figure> out;
  const std::vector<Tok> t = FromTokens(tokens, language);
  const std::string published_iso = published ? published->ToIso() : std::string();
  size_t date_i = 0;  // dates before the current token are passed

  // Whether [b, e) lies in a date or clock time ("June 19, 2024", "10:30").
  auto in_date = [&](uint32_t b, uint32_t e) {
    while (date_i < dates.size() && dates[date_i].span.end <= b) ++date_i;
    for (size_t d = date_i; d < dates.size() && dates[d].span.begin < e; ++d) {
      if (dates[d].type == "DATE" || dates[d].type == "TIME" || dates[d].type == "SET") return true;
    }
    return false;
  };

  size_t i = 0;
  while (i < t.size()) {
    if (!t[i].word) {
      ++i;
      continue;
    }
    Figure f;
    size_t first = i;  // first token of the figure's span
    size_t next = i;
    double value = 0;
    const std::string& w = t[i].lower;
    std::string hyphen_unit;
    const bool hyphen_measure = ReadHyphenMeasure(w, &value, &hyphen_unit);
    if (hyphen_measure) {
      next = i + 1;
    } else {
      if (w == "one" || w == "a") {
        // "one" and "a" are too often not counts; only "a dozen" and "one hundred/thousand".
        if (!(i + 1 < t.size() && (t[i + 1].lower == "dozen" || t[i + 1].lower == "hundred" ||
                                   ScaleWord(t[i + 1].lower) > 0))) {
          ++i;
          continue;
        }
      }
      if (!NumberAt(t, i, &value, &next)) {
        ++i;
        continue;
      }
    }
    // "the two countries", "their three children": a spelled-out number after a determiner
    // refers back to things already named rather than reporting a count.
    if (!IsDigit(w[0]) && i > 0 && IsDeterminer(t[i - 1].lower)) {
      i = next;
      continue;
    }
    if (in_date(t[i].begin, t[i].end)) {
      i = next;
      continue;
    }
    f.value = f.value_high = value;

    // Currency sign before: "$3 million", "US$ 5".
    if (first > 0 && !t[first - 1].word) {
      if (const char* cur = CurrencySign(t[first - 1].lower)) {
        f.unit = cur;
        --first;
        if (first > 0 && t[first - 1].lower == "us") --first;
      }
    }
    if (!hyphen_measure) {
      const bool between = first > 0 && t[first - 1].lower == "between";
      next = ReadRangeAndUnit(t, next, between, value, &f);
      if (between) --first;
    }
    // Qualifier before.
    for (const auto& q : kQualifiers) {
      if (q[1] == nullptr) {
        if (first >= 1 && t[first - 1].lower == q[0]) {
          f.approx = q[0];
          --first;
          break;
        }
      } else if (first >= 2 && t[first - 2].lower == q[0] && t[first - 1].lower == q[1]) {
        f.approx = std::string(q[0]) + " " + q[1];
        first -= 2;
        break;
      }
    }

    size_t last = next - 1;  // last token of the span
    if (hyphen_measure) {
      f.unit = Singular(hyphen_unit);
      // The thing measured: the next word that is not itself hyphenated ("three-day round-the-clock
      // strike" -> "strike").
      size_t k = next;
      while (k < t.size() && k < next + 3 && t[k].word && t[k].lower.find('-') != std::string::npos)
        ++k;
      if (k < t.size() && t[k].word && !IsFunctionWord(t[k].lower) && !t[k].cap) {
        f.thing = t[k].lower;
        last = k;
      }
    } else if (f.unit.empty()) {
      // The counted noun: the first plural among the next three words, else the next word.
      size_t unit_tok = 0;
      bool found = false;
      for (size_t k = next; k < t.size() && k < next + 3; ++k) {
        if (!t[k].word || IsFunctionWord(t[k].lower) || IsDigit(t[k].lower[0])) break;
        if (LooksPlural(t[k].lower)) {
          unit_tok = k;
          found = true;
          break;
        }
      }
      auto ends = [](const std::string& w, std::string_view suffix) {
        return w.size() > suffix.size() + 2 &&
               w.compare(w.size() - suffix.size(), suffix.size(), suffix) == 0;
      };
      // A single noun after the number; verbs and adverbs ("the two flaunted") are not counted.
      if (!found && next < t.size() && t[next].word && !t[next].cap &&
          !IsFunctionWord(t[next].lower) && !IsDigit(t[next].lower[0]) &&
          !ends(t[next].lower, "ed") && !ends(t[next].lower, "ly") && !ends(t[next].lower, "ing")) {
        unit_tok = next;
        found = true;
      }
      if (!found || IsMonth(t[unit_tok].lower) ||
          t[unit_tok].lower.find('-') != std::string::npos) {
        i = next;
        continue;
      }
      // A bare four-digit number before a noun is more often a year ("2024 elections").
      if (value >= 1800 && value <= 2100 && t[i].lower.size() == 4 && value == f.value_high &&
          f.approx.empty()) {
        i = next;
        continue;
      }
      f.unit = Singular(t[unit_tok].lower);
      last = unit_tok;
    }

    f.span = Span{t[first].begin, t[last].end};
    f.text = std::string(body.substr(f.span.begin, f.span.size()));
    PlaceInSentence(sentences, dates, published_iso, &f);
    out.push_back(std::move(f));
    i = std::max(next, last + 1);
  }
  return out;
}

}  // namespace newsloom::analyze
