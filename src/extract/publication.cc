#include "extract/publication.h"

#include <cstdlib>
#include <string>

#include "extract/dates.h"
#include "text/normalize.h"

namespace newsloom::extract {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// `n` digits of `s` at `at` as a number; -1 unless they are all digits.
int Digits(std::string_view s, size_t at, size_t n) {
  if (at + n > s.size()) return -1;
  int v = 0;
  for (size_t k = at; k < at + n; ++k) {
    if (!IsDigit(s[k])) return -1;
    v = v * 10 + (s[k] - '0');
  }
  return v;
}

bool PlausibleYear(int y) { return y >= 1990 && y <= 2100; }

// The month of a three-letter English abbreviation or full name in a URL ("jul", "july").
int UrlMonth(std::string_view word) {
  static constexpr std::string_view kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                                 "jul", "aug", "sep", "oct", "nov", "dec"};
  if (word.size() < 3) return 0;
  std::string lower;
  for (char c : word) lower.push_back(static_cast<char>(c | 0x20));
  for (int m = 0; m < 12; ++m) {
    if (lower.compare(0, 3, kMonths[m]) == 0 && (lower.size() == 3 || lower.size() <= 9)) {
      return m + 1;
    }
  }
  return 0;
}

// The path of a URL: after the host, before the query or fragment.
std::string_view UrlPath(std::string_view url) {
  size_t start = url.find("://");
  start = start == std::string_view::npos ? 0 : url.find('/', start + 3);
  if (start == std::string_view::npos) return {};
  const size_t end = url.find_first_of("?#", start);
  return url.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
}

// A crawl's own date line at the top of the text: "date 2024-06-18" or "date: 2024-06-18",
// alone or glued to the first paragraph; "date 2024-06" gives the month alone.
std::optional<UrlDate> CrawlDateLine(std::string_view text) {
  int lines = 0;
  size_t pos = 0;
  while (pos < text.size() && lines < 6) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    const std::string_view line = text::Trim(text.substr(pos, eol - pos));
    pos = eol + 1;
    if (line.empty()) continue;
    ++lines;
    if (line.size() < 12 || (line[4] != ' ' && line[4] != ':')) continue;
    if (text::NormalizeForCompare(line.substr(0, 4)) != "date") continue;
    std::string_view rest = text::Trim(line.substr(5));
    if (!rest.empty() && rest.front() == ':') rest = text::Trim(rest.substr(1));
    if (rest.size() > 10 && IsDigit(rest[10])) continue;
    if (auto d = Date::FromIso(rest.substr(0, 10))) return UrlDate{*d, true};
    const bool month_alone = rest.size() >= 7 && rest[4] == '-' &&
                             (rest.size() == 7 || !IsDigit(rest[7]) && rest[7] != '-');
    if (!month_alone) continue;
    const Date month{Digits(rest, 0, 4), Digits(rest, 5, 2), 1};
    if (PlausibleYear(month.year) && month.Valid()) return UrlDate{month, false};
  }
  return std::nullopt;
}

long Days(const Date& d) { return d.DaysSinceEpoch(); }

// Text estimates below this are guesses (EstimatePublication's confidences).
constexpr double kMinTextConfidence = 0.0;

// A date is impossible when it lies after the crawl (a day of time zones allowed).
bool AfterCrawl(const Date& d, const std::optional<Date>& crawled) {
  return crawled && Days(d) > Days(*crawled) + 1;
}

// The date the text's own dates give, with the year of yearless dates taken from the other
// evidence; nullopt when they say nothing, or contradict the URL's month or the crawl.
PublicationEstimate EstimateFromText(const DateSignals& s, std::string_view text,
                                     std::string_view language) {
  std::optional<Date> anchor;
  if (s.url) {
    anchor = s.url->date.AddDays(s.url->has_day ? 0 : 14);
  } else if (s.crawl_month) {
    anchor = s.crawl_month->AddDays(14);
  } else if (s.crawled) {
    anchor = s.crawled;
  }
  PublicationEstimate est =
      EstimatePublication(FindDateMentions(text, language), s.masthead, anchor);
  if (!est.published) return est;
  bool contradicted = AfterCrawl(*est.published, s.crawled);
  if (s.url && !s.url->has_day) {
    const Date month = s.url->date;
    contradicted =
        contradicted || est.published->year != month.year || est.published->month != month.month;
  }
  // A crawl reaches most pages within weeks of their writing.
  if (s.crawl_month && Days(*est.published) < Days(*s.crawl_month) - 31) contradicted = true;
  // Without a year of their own the text's dates can say only so much: a date far from the
  // crawl is background ("the 1994 election"), not the day of writing.
  if (s.crawled && std::labs(Days(*est.published) - Days(*s.crawled)) > 366) contradicted = true;
  if (contradicted) return PublicationEstimate{};
  return est;
}

}  // namespace

std::optional<UrlDate> DateInUrl(std::string_view url) {
  const std::string_view path = UrlPath(url);
  std::optional<UrlDate> month_only;
  for (size_t i = 0; i + 6 <= path.size(); ++i) {
    if (i > 0 && (IsDigit(path[i - 1]) || IsAsciiLetter(path[i - 1]))) continue;
    const int y = Digits(path, i, 4);
    if (!PlausibleYear(y)) continue;
    // "20241010": eight digits standing alone.
    if (Digits(path, i, 8) >= 0 && (i + 8 == path.size() || !IsDigit(path[i + 8]))) {
      const Date d{y, Digits(path, i + 4, 2), Digits(path, i + 6, 2)};
      if (d.Valid()) return UrlDate{d, true};
      continue;
    }
    const char sep = path[i + 4];
    if (sep != '/' && sep != '-' && sep != '_') continue;
    // The month: two digits, or a month name ("/2024/jul/14/").
    size_t month_end = i + 5;
    int m = -1;
    if (Digits(path, i + 5, 2) >= 0 && (i + 7 == path.size() || !IsDigit(path[i + 7]))) {
      m = Digits(path, i + 5, 2);
      month_end = i + 7;
    } else if (sep == '/' && Digits(path, i + 5, 1) > 0 && i + 6 < path.size() &&
               path[i + 6] == '/') {
      m = Digits(path, i + 5, 1);  // "/2012/7/7/"
      month_end = i + 6;
    } else {
      while (month_end < path.size() && IsAsciiLetter(path[month_end])) ++month_end;
      m = UrlMonth(path.substr(i + 5, month_end - (i + 5)));
    }
    if (m < 1 || m > 12) continue;
    if (month_end < path.size() && path[month_end] == sep) {
      const bool one_digit = sep == '/' && month_end + 2 < path.size() &&
                             path[month_end + 2] == '/' && IsDigit(path[month_end + 1]);
      const int d = one_digit ? Digits(path, month_end + 1, 1) : Digits(path, month_end + 1, 2);
      const size_t after = month_end + (one_digit ? 2 : 3);
      if (d > 0 && (after >= path.size() || !IsDigit(path[after]))) {
        const Date date{y, m, d};
        if (date.Valid()) return UrlDate{date, true};
      }
    }
    // "/2024/09/" alone: a month. Only with '/' on both sides, the form of dated archives.
    if (sep == '/' && i > 0 && path[i - 1] == '/' && month_end < path.size() &&
        path[month_end] == '/' && !month_only) {
      month_only = UrlDate{Date{y, m, 1}, false};
    }
  }
  return month_only;
}

DateSignals PageDateSignals(std::optional<std::string_view> given_published,
                            std::string_view fetched_at, std::string_view url,
                            std::string_view text) {
  DateSignals s;
  if (given_published) s.given = ParseDate(*given_published);
  if (!fetched_at.empty()) s.crawled = ParseDate(fetched_at);
  s.url = DateInUrl(url);
  if (const std::optional<UrlDate> line = CrawlDateLine(text)) {
    if (line->has_day) {
      s.date_line = line->date;
    } else {
      // Crawled in that month: online by its last day.
      s.crawl_month = line->date;
      const Date& m = line->date;
      const Date month_end =
          (m.month == 12 ? Date{m.year + 1, 1, 1} : Date{m.year, m.month + 1, 1}).AddDays(-1);
      if (!s.crawled || Days(month_end) < Days(*s.crawled)) s.crawled = month_end;
    }
  }
  return s;
}

void ResolvePublication(const DateSignals& s, std::string_view text, Article* article) {
  auto set = [&](const Date& d, double confidence, DateSource source) {
    article->published = d;
    article->published_confidence = confidence;
    article->published_source = source;
  };
  article->published.reset();
  article->published_confidence = 0;
  article->published_source = DateSource::kNone;
  if (s.given && !AfterCrawl(*s.given, s.crawled)) return set(*s.given, 1.0, DateSource::kGiven);
  const std::optional<Date> url_day = s.url && s.url->has_day && !AfterCrawl(s.url->date, s.crawled)
                                          ? std::optional<Date>(s.url->date)
                                          : std::nullopt;
  if (s.metadata && !AfterCrawl(*s.metadata, s.crawled)) {
    // The URL's day is the publisher's own local day; metadata timestamps are often UTC, a day
    // off for evening stories.
    if (url_day && std::labs(Days(*url_day) - Days(*s.metadata)) <= 1) {
      return set(*url_day, std::max(0.9, s.metadata_confidence), DateSource::kUrl);
    }
    return set(*s.metadata, s.metadata_confidence, DateSource::kMetadata);
  }
  if (url_day) return set(*url_day, 0.9, DateSource::kUrl);
  if (s.date_line && !AfterCrawl(*s.date_line, s.crawled)) {
    return set(*s.date_line, s.date_line_confidence, DateSource::kDateLine);
  }
  // The latest date a text mentions is its day of writing only about half the time; alone it is
  // no date (background dates, "the 2016 election", end up as publication days otherwise).
  const PublicationEstimate est = EstimateFromText(s, text, article->language);
  if (!est.published || est.confidence < kMinTextConfidence) return;
  const bool dateline = est.basis.rfind("dateline", 0) == 0;
  set(*est.published, est.confidence, dateline ? DateSource::kDateLine : DateSource::kTextMentions);
}

}  // namespace newsloom::extract
