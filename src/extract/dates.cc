#include "extract/dates.h"

#include <algorithm>
#include <cstdlib>
#include <set>

#include "text/normalize.h"
#include "timex/timex.h"

namespace newsloom::extract {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// `n` digits of `s` from `from` as a number, -1 when they are not all digits.
int Digits(std::string_view s, size_t from, size_t n) {
  if (s.size() < from + n) return -1;
  int x = 0;
  for (size_t k = from; k < from + n; ++k) {
    if (!IsDigit(s[k])) return -1;
    x = x * 10 + (s[k] - '0');
  }
  return x;
}

bool ValidDay(int y, int m, int d) {
  if (y == 0) y = 2000;  // a leap year: "February 29" without a year is allowed
  return Date{y, m, d}.Valid();
}

// Numeric metadata forms the tagger does not read as prose: "2024/06/19", "19.06.2024",
// "19-06-2024".
std::optional<Date> NumericDate(std::string_view s) {
  for (size_t i = 0; i + 10 <= s.size(); ++i) {
    if (i > 0 && IsDigit(s[i - 1])) continue;
    if (i + 10 < s.size() && IsDigit(s[i + 10])) continue;
    Date d;
    if (s[i + 4] == '/' && s[i + 7] == '/') {
      d = Date{Digits(s, i, 4), Digits(s, i + 5, 2), Digits(s, i + 8, 2)};
    } else if ((s[i + 2] == '.' && s[i + 5] == '.') || (s[i + 2] == '-' && s[i + 5] == '-')) {
      d = Date{Digits(s, i + 6, 4), Digits(s, i + 3, 2), Digits(s, i, 2)};
    } else {
      continue;
    }
    if (d.year >= 1900 && d.Valid()) return d;
  }
  return std::nullopt;
}

// The month a word names, in the languages whose pages carry dates as words in their metadata
// ("28. Dezember 2022", "28 de diciembre de 2022") or as C time strings ("Fri Feb 18 10:27:24
// 2022"); 0 for other words. `word` is lower case.
int MonthOfWord(std::string_view word) {
  static constexpr std::string_view kMonths[12][6] = {
      {"jan", "januar", "janvier", "enero", "gennaio", "janeiro"},
      {"feb", "februar", "f\xc3\xa9vrier", "febrero", "febbraio", "fevereiro"},
      {"mar", "m\xc3\xa4rz", "mars", "marzo", "mar\xc3\xa7o", "maerz"},
      {"apr", "april", "avril", "abril", "aprile", ""},
      {"may", "mai", "mayo", "maggio", "maio", ""},
      {"jun", "juni", "juin", "junio", "giugno", "junho"},
      {"jul", "juli", "juillet", "julio", "luglio", "julho"},
      {"aug", "august", "ao\xc3\xbbt", "agosto", "", ""},
      {"sep", "september", "septembre", "septiembre", "settembre", "setembro"},
      {"oct", "oktober", "octobre", "octubre", "ottobre", "outubro"},
      {"nov", "november", "novembre", "noviembre", "novembro", ""},
      {"dec", "dezember",
       "d\xc3\xa9"
       "cembre",
       "diciembre", "dicembre", "dezembro"},
  };
  for (int m = 0; m < 12; ++m) {
    for (std::string_view name : kMonths[m]) {
      if (!name.empty() && word == name) return m + 1;
    }
  }
  return 0;
}

// A date written with a month name and the day and year as numbers around it, in any order of
// day and month, with a time of day allowed between them.
std::optional<Date> MonthNameDate(std::string_view s) {
  std::vector<std::string> words;
  std::string cur;
  for (char c : s) {
    const bool part = IsDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                      (static_cast<unsigned char>(c) >= 0x80);
    if (part) {
      cur.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    } else if (!cur.empty()) {
      words.push_back(std::move(cur));
      cur.clear();
    }
  }
  if (!cur.empty()) words.push_back(std::move(cur));
  int month = 0, day = 0, year = 0;
  for (size_t i = 0; i < words.size(); ++i) {
    const std::string& w = words[i];
    const bool number = std::all_of(w.begin(), w.end(), IsDigit);
    if (!number) {
      if (month == 0) month = MonthOfWord(w);
      continue;
    }
    const int v = w.size() <= 4 ? std::atoi(w.c_str()) : -1;
    if (w.size() == 4 && v >= 1900 && v <= 2100 && year == 0) {
      year = v;
    } else if (w.size() <= 2 && v >= 1 && v <= 31 && day == 0) {
      // The number right before a time of day ("10:27:24") is its hour, not the day.
      const size_t at = s.find(w);
      if (at != std::string_view::npos && at + w.size() < s.size() && s[at + w.size()] == ':')
        continue;
      day = v;
    }
  }
  Date d{year, month, day};
  if (year > 0 && month > 0 && day > 0 && d.Valid()) return d;
  return std::nullopt;
}

// The weekday a date expression names ("Tuesday, November 5", "mardi 5 novembre"), -1 for none.
int WeekdayNamed(std::string_view expression) {
  static constexpr std::string_view kWeekdays[7][4] = {
      {"monday", "montag", "lundi", "lunes"},
      {"tuesday", "dienstag", "mardi", "martes"},
      {"wednesday", "mittwoch", "mercredi", "mi\xc3\xa9rcoles"},
      {"thursday", "donnerstag", "jeudi", "jueves"},
      {"friday", "freitag", "vendredi", "viernes"},
      {"saturday", "samstag", "samedi",
       "s\xc3\xa1"
       "bado"},
      {"sunday", "sonntag", "dimanche", "domingo"},
  };
  for (const std::string& word : text::Words(expression)) {
    for (int d = 0; d < 7; ++d) {
      for (std::string_view name : kWeekdays[d]) {
        if (word == name) return d;
      }
      // English abbreviations: "Tue., Nov. 5".
      if (word.size() == 3 && kWeekdays[d][0].compare(0, 3, word) == 0) return d;
    }
  }
  return -1;
}

}  // namespace

std::vector<DateMention> FindDateMentions(std::string_view text, std::string_view language) {
  std::vector<DateMention> out;
  for (const TemporalExpression& e : timex::TagTemporalExpressions(text, std::nullopt, language)) {
    if (e.type != "DATE" && e.type != "TIME") continue;
    const std::string& v = e.value;
    DateMention m;
    m.begin = e.span.begin;
    m.end = e.span.end;
    m.tense = e.tense > 0 ? +1 : -1;
    if (v.size() == 10 && v.compare(0, 6, "XXXX-W") == 0 && v[8] == '-') {  // XXXX-WXX-2
      const int d = Digits(v, 9, 1);
      if (d < 1 || d > 7) continue;
      m.weekday = d - 1;
    } else if (v.size() >= 7 && v[4] == '-' && v[5] != 'W' && v[5] != 'Q' && v[5] != 'H') {
      m.year = v.compare(0, 4, "XXXX") == 0 ? 0 : Digits(v, 0, 4);
      m.month = Digits(v, 5, 2);
      m.day = v.size() >= 10 && v[7] == '-' ? Digits(v, 8, 2) : 0;
      if (m.year < 0 || m.month < 1 || m.month > 12 || m.day < 0) continue;
      if (m.day > 0 && !ValidDay(m.year, m.month, m.day)) continue;
      // "Tuesday, November 5": the weekday tells the year of a date written without one.
      if (m.year == 0 && m.day > 0) m.weekday = WeekdayNamed(e.text);
    } else {
      continue;
    }
    out.push_back(m);
  }
  return out;
}

std::optional<Date> ParseDate(std::string_view s) {
  if (auto iso = Date::FromIso(text::Trim(s))) return iso;
  if (auto numeric = NumericDate(s)) return numeric;
  for (const DateMention& m : FindDateMentions(s)) {
    Date d{m.year, m.month, m.day};
    if (m.year > 0 && m.day > 0 && d.Valid()) return d;
  }
  return MonthNameDate(s);
}

std::optional<Date> DateLine(std::string_view line, int max_other_words, int line_words) {
  // Words of the line minus those of the date are at most the words left around it (cutting a
  // string never joins words), so a line longer than both limits together cannot qualify; most
  // lines of a page are such lines, and tagging them is the cost of this function.
  if (line_words < 0) line_words = static_cast<int>(text::Words(line).size());
  if (line_words > max_other_words + kMaxDateLineWords) return std::nullopt;
  std::vector<DateMention> mentions = FindDateMentions(line);
  for (const DateMention& m : mentions) {
    if (m.year == 0 || m.day == 0) continue;
    if (static_cast<int>(text::Words(line.substr(m.begin, m.end - m.begin)).size()) >
        kMaxDateLineWords) {
      continue;
    }
    const std::string rest =
        std::string(line.substr(0, m.begin)) + " " + std::string(line.substr(m.end));
    if (static_cast<int>(text::Words(rest).size()) <= max_other_words) {
      Date d{m.year, m.month, m.day};
      if (d.Valid()) return d;
    }
  }
  return std::nullopt;
}

constexpr size_t kDatelineBytes = 160;

PublicationEstimate EstimatePublication(const std::vector<DateMention>& mentions,
                                        std::optional<Date> masthead, std::optional<Date> anchor) {
  PublicationEstimate est;
  // The year that yearless dates take: the masthead's or the anchor's, else the latest explicit
  // year.
  const std::optional<Date> near = masthead ? masthead : anchor;
  int anchor_year = near ? near->year : 0;
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
    // The clause tense says nothing here: a dateline's clause is the story's first sentence.
    if (m.year > 0 && m.day > 0 && d.Valid()) {
      dateline = d;
      break;
    }
  }
  std::set<int> past_weekdays;
  for (const DateMention& m : mentions) {
    if (m.weekday >= 0 && m.tense < 0) past_weekdays.insert(m.weekday);
    if (m.month == 0 && m.weekday >= 0) continue;
    if (m.day == 0) continue;
    Date d{m.year, m.month, m.day};
    if (m.year == 0 && m.weekday >= 0) {
      // A weekday written with the date fixes the year: the nearest one that fits, not after
      // the year the other evidence gives.
      if (anchor_year == 0) continue;
      d.year = 0;
      for (int y : {anchor_year, anchor_year + 1, anchor_year - 1, anchor_year - 2, anchor_year - 3,
                    anchor_year - 4, anchor_year - 5, anchor_year - 6}) {
        const Date c{y, m.month, m.day};
        if (c.Valid() && c.Weekday() == m.weekday) {
          d = c;
          break;
        }
      }
      if (d.year == 0) continue;
    } else if (m.year == 0) {
      if (anchor_year == 0) continue;
      // The year that puts the date nearest the masthead (a December story read in January).
      d.year = anchor_year;
      if (near) {
        long best = -1;
        for (int y = anchor_year - 1; y <= anchor_year + 1; ++y) {
          Date c{y, m.month, m.day};
          if (!c.Valid()) continue;
          const long dist = std::labs(c.DaysSinceEpoch() - near->DaysSinceEpoch());
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
  } else if (latest && (past_weekdays.empty() || past_weekdays.count(latest->Weekday()))) {
    // When the text's weekdays ("on Monday") all differ from the latest date's, that date is
    // background ("the record loss of Sept. 3"), not the day of writing.
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
