#include "extract/dates.h"

#include <algorithm>
#include <cstdlib>
#include <set>

#include "text/normalize.h"
#include "text/timex.h"

namespace newsloom::extract {
namespace {

struct Token {
  size_t begin = 0;
  size_t end = 0;
  enum Kind { kWord, kNumber, kPunct } kind = kPunct;
  std::string text;  // lower-case for words; digits only for numbers
};

bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

std::vector<Token> Tokenize(std::string_view s) {
  std::vector<Token> tokens;
  size_t i = 0;
  while (i < s.size()) {
    const char c = s[i];
    const auto u = static_cast<unsigned char>(c);
    if (IsDigit(c)) {
      size_t j = i;
      while (j < s.size() && IsDigit(s[j])) ++j;
      Token t{i, j, Token::kNumber, std::string(s.substr(i, j - i))};
      // Ordinal suffixes belong to the number: "19th".
      if (j + 1 < s.size()) {
        std::string suffix = text::NormalizeForCompare(s.substr(j, 2));
        if ((suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th") &&
            (j + 2 == s.size() || !IsAsciiLetter(s[j + 2]))) {
          j += 2;
          t.end = j;
        }
      }
      const bool iso_time = j + 1 < s.size() && s[j] == 'T' && IsDigit(s[j + 1]);  // "13T10:00"
      if (j < s.size() && IsAsciiLetter(s[j]) && !iso_time) {  // "5pm", "3D": not a date part
        while (j < s.size() && (IsAsciiLetter(s[j]) || IsDigit(s[j]))) ++j;
        t.kind = Token::kWord;
        t.end = j;
        t.text = text::NormalizeForCompare(s.substr(i, j - i));
      }
      tokens.push_back(std::move(t));
      i = j;
    } else if (IsAsciiLetter(c) || u >= 0x80) {
      size_t j = i;
      while (j < s.size() &&
             (IsAsciiLetter(s[j]) || static_cast<unsigned char>(s[j]) >= 0x80 || s[j] == '\'')) {
        ++j;
      }
      // A typographic space or dash is punctuation, not part of a word.
      std::string word = text::NormalizeForCompare(s.substr(i, j - i));
      if (word.empty() || word == "-" || word == "'" || word == "\"") {
        tokens.push_back({i, j, Token::kPunct, word.empty() ? " " : word});
      } else {
        tokens.push_back({i, j, Token::kWord, word});
      }
      i = j;
    } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      ++i;
    } else {
      tokens.push_back({i, i + 1, Token::kPunct, std::string(1, c)});
      ++i;
    }
  }
  return tokens;
}

int MonthOf(std::string_view w) {
  struct Name {
    std::string_view name;
    int month;
  };
  static constexpr Name kNames[] = {
      {"january", 1},
      {"jan", 1},
      {"february", 2},
      {"feb", 2},
      {"march", 3},
      {"april", 4},
      {"apr", 4},
      {"may", 5},
      {"june", 6},
      {"jun", 6},
      {"july", 7},
      {"jul", 7},
      {"august", 8},
      {"aug", 8},
      {"september", 9},
      {"sept", 9},
      {"sep", 9},
      {"october", 10},
      {"oct", 10},
      {"november", 11},
      {"nov", 11},
      {"december", 12},
      {"dec", 12},
      // German
      {"januar", 1},
      {"jänner", 1},
      {"februar", 2},
      {"märz", 3},
      {"mai", 5},
      {"juni", 6},
      {"juli", 7},
      {"oktober", 10},
      {"dezember", 12},
      // French
      {"janvier", 1},
      {"février", 2},
      {"mars", 3},
      {"avril", 4},
      {"juin", 6},
      {"juillet", 7},
      {"août", 8},
      {"septembre", 9},
      {"octobre", 10},
      {"novembre", 11},
      {"décembre", 12},
  };
  for (const Name& n : kNames) {
    if (n.name == w) return n.month;
  }
  return 0;
}

int WeekdayOf(std::string_view w) {
  static constexpr std::string_view kNames[7][3] = {
      {"monday", "montag", "lundi"},         {"tuesday", "dienstag", "mardi"},
      {"wednesday", "mittwoch", "mercredi"}, {"thursday", "donnerstag", "jeudi"},
      {"friday", "freitag", "vendredi"},     {"saturday", "samstag", "samedi"},
      {"sunday", "sonntag", "dimanche"},
  };
  for (int d = 0; d < 7; ++d) {
    for (std::string_view n : kNames[d]) {
      if (n == w) return d;
    }
  }
  return -1;
}

int ToInt(const std::string& digits) {
  if (digits.empty() || digits.size() > 6) return -1;
  return std::atoi(digits.c_str());
}

bool IsYear(const Token& t) {
  if (t.kind != Token::kNumber || t.text.size() != 4) return false;
  const int y = ToInt(t.text);
  return y >= 1800 && y <= 2200;
}

bool IsDay(const Token& t, int* day) {
  if (t.kind != Token::kNumber) return false;
  std::string digits;
  for (char c : t.text) {
    if (IsDigit(c)) digits.push_back(c);
  }
  if (digits.empty() || digits.size() > 2) return false;
  *day = ToInt(digits);
  return *day >= 1 && *day <= 31;
}

bool IsPunct(const std::vector<Token>& t, size_t i, char c) {
  return i < t.size() && t[i].kind == Token::kPunct && t[i].text.size() == 1 && t[i].text[0] == c;
}

// Adjacent in the source: no space between tokens i and i+1.
bool Glued(const std::vector<Token>& t, size_t i) {
  return i + 1 < t.size() && t[i].end == t[i + 1].begin;
}

bool ValidDay(int y, int m, int d) {
  if (y == 0) y = 2000;  // a leap year: "February 29" without a year is allowed
  return Date{y, m, d}.Valid();
}

// Future-tense cues in the words just before a date ("will visit Vietnam on June 19").
int TenseBefore(std::string_view text, size_t begin) {
  size_t start = begin > 80 ? begin - 80 : 0;
  // Stop at the previous sentence end or line break.
  for (size_t i = begin; i > start; --i) {
    const char c = text[i - 1];
    if (c == '\n' ||
        ((c == '.' || c == '!' || c == '?') && i < text.size() && text[i] == ' ' && i >= 3 &&
         text[i - 3] != '.' && !(text[i - 2] >= 'A' && text[i - 2] <= 'Z'))) {
      start = i;
      break;
    }
  }
  static const std::set<std::string, std::less<>> kFuture = {
      "will", "shall", "'ll",    "would",    "upcoming", "next", "until",
      "till", "wird",  "werden", "tomorrow", "coming",   "ahead"};
  // These speak of the future only with an infinitive: "plans to visit", not "announced plans".
  static const std::set<std::string, std::less<>> kFutureBeforeTo = {
      "expected", "scheduled", "due", "plans", "planned", "planning", "slated", "set", "going"};
  std::vector<std::string> words = text::Words(text.substr(start, begin - start));
  size_t from = words.size() > 8 ? words.size() - 8 : 0;
  for (size_t i = from; i < words.size(); ++i) {
    std::string w = words[i];
    if (w.size() > 3 && w.substr(w.size() - 3) == "'ll") w = "'ll";
    if (kFuture.count(w)) return +1;
    if (kFutureBeforeTo.count(w) && i + 1 < words.size() && words[i + 1] == "to") return +1;
  }
  return -1;
}

}  // namespace

std::vector<DateMention> FindDateMentions(std::string_view text) {
  std::vector<Token> t = Tokenize(text);
  std::vector<DateMention> out;
  size_t i = 0;
  while (i < t.size()) {
    DateMention m;
    size_t j = i;
    // Optional weekday in front: "Wednesday, June 19, 2024".
    int weekday = t[j].kind == Token::kWord ? WeekdayOf(t[j].text) : -1;
    if (weekday >= 0) {
      ++j;
      if (IsPunct(t, j, ',')) ++j;
    }
    bool matched = false;
    int day = 0;
    // ISO 2024-06-19 and 2024/06/19.
    if (j + 4 < t.size() && IsYear(t[j]) && (IsPunct(t, j + 1, '-') || IsPunct(t, j + 1, '/')) &&
        t[j + 2].kind == Token::kNumber && t[j + 2].text.size() <= 2 &&
        t[j + 3].text == t[j + 1].text && t[j + 4].kind == Token::kNumber &&
        t[j + 4].text.size() <= 2 && Glued(t, j) && Glued(t, j + 1) && Glued(t, j + 2) &&
        Glued(t, j + 3)) {
      m.year = ToInt(t[j].text);
      m.month = ToInt(t[j + 2].text);
      m.day = ToInt(t[j + 4].text);
      if (m.month >= 1 && m.month <= 12 && ValidDay(m.year, m.month, m.day)) {
        matched = true;
        j += 5;
      }
    }
    // European 19.06.2024.
    if (!matched && j + 4 < t.size() && IsDay(t[j], &day) && IsPunct(t, j + 1, '.') &&
        t[j + 2].kind == Token::kNumber && t[j + 2].text.size() <= 2 && IsPunct(t, j + 3, '.') &&
        IsYear(t[j + 4]) && Glued(t, j) && Glued(t, j + 1) && Glued(t, j + 2) && Glued(t, j + 3)) {
      const int month = ToInt(t[j + 2].text);
      if (month >= 1 && month <= 12 && ValidDay(ToInt(t[j + 4].text), month, day)) {
        m.year = ToInt(t[j + 4].text);
        m.month = month;
        m.day = day;
        matched = true;
        j += 5;
      }
    }
    // Month Day[-Day2][,] [Year] and Month Year.
    if (!matched && j < t.size() && t[j].kind == Token::kWord && MonthOf(t[j].text) > 0) {
      const int month = MonthOf(t[j].text);
      const bool capitalized = IsAsciiLetter(text[t[j].begin]) ? (text[t[j].begin] <= 'Z') : true;
      size_t k = j + 1;
      if (IsPunct(t, k, '.')) ++k;
      if (capitalized && k < t.size() && IsDay(t[k], &day) && ValidDay(0, month, day)) {
        m.month = month;
        m.day = day;
        ++k;
        // A range "June 19-20" refers to its first day.
        if (IsPunct(t, k, '-') && k + 1 < t.size() && t[k + 1].kind == Token::kNumber &&
            t[k + 1].text.size() <= 2) {
          k += 2;
        }
        size_t y = k;
        if (IsPunct(t, y, ',')) ++y;
        if (y < t.size() && IsYear(t[y])) {
          m.year = ToInt(t[y].text);
          k = y + 1;
        }
        if (ValidDay(m.year, month, day)) {
          matched = true;
          j = k;
        }
      } else if (capitalized && k < t.size() && IsYear(t[k]) &&
                 !(k + 1 < t.size() && t[k + 1].kind == Token::kNumber)) {
        m.month = month;
        m.year = ToInt(t[k].text);
        matched = true;
        j = k + 1;
      }
    }
    // Day[.] [of] Month [Year].
    if (!matched && j < t.size() && IsDay(t[j], &day)) {
      size_t k = j + 1;
      if (IsPunct(t, k, '.')) ++k;
      if (k < t.size() && t[k].kind == Token::kWord && t[k].text == "of") ++k;
      // "5 may" is a month only when capitalised ("5 May"), not in "the 5 may".
      if (k < t.size() && t[k].kind == Token::kWord && MonthOf(t[k].text) > 0 &&
          (t[k].text != "may" || text[t[k].begin] == 'M') && ValidDay(0, MonthOf(t[k].text), day)) {
        m.month = MonthOf(t[k].text);
        m.day = day;
        ++k;
        if (IsPunct(t, k, '.')) ++k;
        size_t y = k;
        if (IsPunct(t, y, ',')) ++y;
        if (y < t.size() && IsYear(t[y])) {
          m.year = ToInt(t[y].text);
          k = y + 1;
        }
        if (ValidDay(m.year, m.month, m.day)) {
          matched = true;
          j = k;
        }
      }
    }
    if (matched) {
      m.begin = t[i].begin;
      m.end = t[j - 1].end;
      m.weekday = weekday;
      m.tense = TenseBefore(text, m.begin);
      out.push_back(m);
      i = j;
      continue;
    }
    if (weekday >= 0 && IsAsciiLetter(text[t[i].begin]) && text[t[i].begin] <= 'Z') {
      m.begin = t[i].begin;
      m.end = t[i].end;
      m.weekday = weekday;
      m.tense = TenseBefore(text, m.begin);
      out.push_back(m);
    }
    ++i;
  }
  return out;
}

std::vector<DateMention> DateMentionsFromTimex(std::string_view text) {
  std::vector<DateMention> out;
  for (const TemporalExpression& e : text::TagTemporalExpressions(text, std::nullopt)) {
    if (e.type != "DATE") continue;
    const std::string& v = e.value;
    DateMention m;
    m.begin = e.span.begin;
    m.end = e.span.end;
    m.tense = e.tense > 0 ? +1 : -1;
    auto num = [&](size_t from, size_t n) {
      if (v.size() < from + n) return -1;
      int x = 0;
      for (size_t k = from; k < from + n; ++k) {
        if (!IsDigit(v[k])) return -1;
        x = x * 10 + (v[k] - '0');
      }
      return x;
    };
    if (v.size() == 10 && v.compare(0, 5, "XXXX-") == 0 && v[5] == 'W') {  // XXXX-WXX-2
      const int d = num(9, 1);
      if (d < 1 || d > 7) continue;
      m.weekday = d - 1;
    } else if (v.size() >= 7 && v[4] == '-') {
      m.year = v.compare(0, 4, "XXXX") == 0 ? 0 : num(0, 4);
      m.month = num(5, 2);
      m.day = v.size() >= 10 && v[7] == '-' ? num(8, 2) : 0;
      if (m.year < 0 || m.month < 1 || m.month > 12 || m.day < 0) continue;
      if (m.day > 0 && !ValidDay(m.year, m.month, m.day)) continue;
    } else {
      continue;
    }
    out.push_back(m);
  }
  return out;
}

std::optional<Date> ParseDate(std::string_view s) {
  if (auto iso = Date::FromIso(text::Trim(s))) return iso;
  for (const DateMention& m : FindDateMentions(s)) {
    Date d{m.year, m.month, m.day};
    if (m.year > 0 && m.day > 0 && d.Valid()) return d;
  }
  return std::nullopt;
}

std::optional<Date> DateLine(std::string_view line, int max_other_words) {
  std::vector<DateMention> mentions = FindDateMentions(line);
  for (const DateMention& m : mentions) {
    if (m.year == 0 || m.day == 0) continue;
    const std::string rest =
        std::string(line.substr(0, m.begin)) + " " + std::string(line.substr(m.end));
    if (static_cast<int>(text::Words(rest).size()) <= max_other_words) {
      Date d{m.year, m.month, m.day};
      if (d.Valid()) return d;
    }
  }
  return std::nullopt;
}

std::optional<Date> DateInUrl(std::string_view url) {
  // Four digits of a plausible year, then month and day separated by '/' or '-'.
  for (size_t i = 0; i + 10 <= url.size(); ++i) {
    if (i > 0 && IsDigit(url[i - 1])) continue;
    auto digits = [&](size_t from, size_t n) {
      int v = 0;
      for (size_t k = from; k < from + n; ++k) {
        if (k >= url.size() || !IsDigit(url[k])) return -1;
        v = v * 10 + (url[k] - '0');
      }
      return v;
    };
    const int y = digits(i, 4);
    if (y < 1990 || y > 2100) continue;
    const char sep = url[i + 4];
    if (sep != '/' && sep != '-') continue;
    const int m = digits(i + 5, 2);
    if (m < 1 || m > 12 || i + 7 >= url.size() || url[i + 7] != sep) continue;
    const int d = digits(i + 8, 2);
    if (d < 0 || (i + 10 < url.size() && IsDigit(url[i + 10]))) continue;
    Date date{y, m, d};
    if (date.Valid()) return date;
  }
  return std::nullopt;
}

constexpr size_t kDatelineBytes = 160;

PublicationEstimate EstimatePublication(const std::vector<DateMention>& mentions,
                                        std::optional<Date> masthead) {
  PublicationEstimate est;
  // The year that yearless dates take: the masthead's, else the latest explicit year.
  int anchor_year = masthead ? masthead->year : 0;
  if (anchor_year == 0) {
    for (const DateMention& m : mentions) {
      if (m.year > 0 && m.day > 0) anchor_year = std::max(anchor_year, m.year);
    }
  }
  std::vector<Date> past;
  std::vector<Date> future;
  // A full date at the very top of the text is a dateline ("Saturday, 25 April 2009 ...",
  // "WASHINGTON, June 19, 2024 -"): the day of writing.
  std::optional<Date> dateline;
  for (const DateMention& m : mentions) {
    if (m.begin >= kDatelineBytes) break;
    Date d{m.year, m.month, m.day};
    if (m.year > 0 && m.day > 0 && m.tense < 0 && d.Valid()) {
      dateline = d;
      break;
    }
  }
  std::set<int> past_weekdays;
  for (const DateMention& m : mentions) {
    if (m.month == 0 && m.weekday >= 0) {
      if (m.tense < 0) past_weekdays.insert(m.weekday);
      continue;
    }
    if (m.day == 0) continue;
    Date d{m.year, m.month, m.day};
    if (m.year == 0) {
      if (anchor_year == 0) continue;
      // The year that puts the date nearest the masthead (a December story read in January).
      d.year = anchor_year;
      if (masthead) {
        long best = -1;
        for (int y = anchor_year - 1; y <= anchor_year + 1; ++y) {
          Date c{y, m.month, m.day};
          if (!c.Valid()) continue;
          const long dist = std::labs(c.DaysSinceEpoch() - masthead->DaysSinceEpoch());
          if (best < 0 || dist < best) {
            best = dist;
            d = c;
          }
        }
      }
    }
    if (!d.Valid()) continue;
    (m.tense > 0 ? future : past).push_back(d);
  }
  std::optional<Date> upper;  // written before the first future date it announces
  if (!future.empty()) upper = std::min_element(future.begin(), future.end())->AddDays(-1);
  std::optional<Date> latest;
  for (const Date& d : past) {
    if (upper && d > *upper) continue;
    if (!latest || d > *latest) latest = d;
  }
  // Confidences follow what each kind of evidence achieved on dated news articles
  // (`newsloom eval pubdate`): the latest past date alone is right about two times in three,
  // which is not enough to be called confident.
  if (dateline) {
    est.published = *dateline;
    est.confidence = 0.8;
    est.basis = "dateline";
  } else if (latest) {
    est.published = *latest;
    est.confidence = 0.45;
    est.basis = "latest-past-date";
    if (past_weekdays.count(latest->Weekday())) {
      est.confidence = 0.55;
      est.basis += "+weekday";
    }
  } else if (upper && !past_weekdays.empty()) {
    // "announced on Tuesday" and "will visit on June 19-20": the last such weekday before.
    for (int back = 0; back < 7; ++back) {
      Date d = upper->AddDays(-back);
      if (past_weekdays.count(d.Weekday())) {
        est.published = d;
        est.confidence = 0.4;
        est.basis = "weekday-before-future-date";
        break;
      }
    }
  }
  if (masthead) {
    if (est.published) {
      const long diff = masthead->DaysSinceEpoch() - est.published->DaysSinceEpoch();
      if (diff >= 0 && diff <= 1) {
        est.published = *masthead;
        est.confidence = std::min(0.9, est.confidence + 0.15);
        est.basis += "+masthead";
      }
      // A masthead later than everything the text implies is the template's "today".
    }
    // A masthead alone, without support from the text, is no evidence of the publication date.
  }
  return est;
}

}  // namespace newsloom::extract
