#include "fetch/feed_date.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <string>
#include <vector>

#include "text/chars.h"

namespace newsloom::fetch {
namespace {

struct DateParts {
  int year = 0, month = 0, day = 0;
  bool has_time = false;
  int hour = 0, minute = 0, second = 0;
  bool has_zone = false;
  int offset_minutes = 0;  // east of UTC
};

// Reads exactly `n` digits at `*pos`.
bool Digits(std::string_view s, size_t* pos, size_t n, int* out) {
  if (*pos + n > s.size()) return false;
  int value = 0;
  for (size_t i = 0; i < n; ++i) {
    if (!text::IsAsciiDigit(s[*pos + i])) return false;
    value = value * 10 + (s[*pos + i] - '0');
  }
  *pos += n;
  *out = value;
  return true;
}

bool Valid(const DateParts& d) {
  static constexpr std::array<int, 12> kDays = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (d.year < 1900 || d.year > 2200 || d.month < 1 || d.month > 12 || d.day < 1) return false;
  const bool leap = (d.year % 4 == 0 && d.year % 100 != 0) || d.year % 400 == 0;
  if (d.day > kDays[d.month - 1] || (d.month == 2 && d.day == 29 && !leap)) return false;
  return d.hour <= 23 && d.minute <= 59 && d.second <= 60 && d.offset_minutes > -24 * 60 &&
         d.offset_minutes < 24 * 60;
}

// "+02:00", "+0200", "+02", "-05:30"; returns false unless all of `s` is read.
bool ParseOffset(std::string_view s, int* minutes) {
  if (s.empty() || (s[0] != '+' && s[0] != '-')) return false;
  const int sign = s[0] == '-' ? -1 : 1;
  size_t pos = 1;
  int hours = 0, mins = 0;
  if (!Digits(s, &pos, 2, &hours)) return false;
  if (pos < s.size() && s[pos] == ':') ++pos;
  if (pos < s.size() && !Digits(s, &pos, 2, &mins)) return false;
  if (pos != s.size() || mins > 59) return false;
  *minutes = sign * (hours * 60 + mins);
  return true;
}

// RFC 3339 and the W3C profile of ISO 8601: a date, then optionally a time and a zone.
std::optional<DateParts> ParseIso(std::string_view s) {
  DateParts d;
  size_t pos = 0;
  if (!Digits(s, &pos, 4, &d.year) || pos >= s.size() || s[pos++] != '-' ||
      !Digits(s, &pos, 2, &d.month) || pos >= s.size() || s[pos++] != '-' ||
      !Digits(s, &pos, 2, &d.day)) {
    return std::nullopt;
  }
  if (pos < s.size() && (s[pos] == 'T' || s[pos] == 't' || s[pos] == ' ')) {
    ++pos;
    d.has_time = true;
    if (!Digits(s, &pos, 2, &d.hour) || pos >= s.size() || s[pos++] != ':' ||
        !Digits(s, &pos, 2, &d.minute)) {
      return std::nullopt;
    }
    if (pos < s.size() && s[pos] == ':') {
      ++pos;
      if (!Digits(s, &pos, 2, &d.second)) return std::nullopt;
      if (pos < s.size() && (s[pos] == '.' || s[pos] == ',')) {
        ++pos;
        while (pos < s.size() && text::IsAsciiDigit(s[pos])) ++pos;
      }
    }
    std::string_view zone = s.substr(pos);
    while (!zone.empty() && zone.front() == ' ') zone.remove_prefix(1);
    if (zone == "Z" || zone == "z") {
      d.has_zone = true;
    } else if (!zone.empty()) {
      if (!ParseOffset(zone, &d.offset_minutes)) return std::nullopt;
      d.has_zone = true;
    }
  } else if (pos != s.size()) {
    return std::nullopt;
  }
  if (!Valid(d)) return std::nullopt;
  return d;
}

int MonthNumber(std::string_view word) {
  static constexpr std::array<std::string_view, 12> kMonths = {
      "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
  if (word.size() < 3) return 0;
  const std::string lower = text::AsciiLower(word);
  for (size_t i = 0; i < kMonths.size(); ++i) {
    if (lower.compare(0, 3, kMonths[i]) == 0) return static_cast<int>(i) + 1;
  }
  return 0;
}

// Zone names of RFC 822 (and a few that feeds use besides), as minutes east of UTC.
std::optional<int> NamedZone(std::string_view word) {
  struct Zone {
    std::string_view name;
    int minutes;
  };
  static constexpr Zone kZones[] = {
      {"gmt", 0},       {"ut", 0},        {"utc", 0},       {"z", 0},         {"est", -5 * 60},
      {"edt", -4 * 60}, {"cst", -6 * 60}, {"cdt", -5 * 60}, {"mst", -7 * 60}, {"mdt", -6 * 60},
      {"pst", -8 * 60}, {"pdt", -7 * 60}, {"cet", 60},      {"cest", 2 * 60}, {"bst", 60},
      {"eet", 2 * 60},  {"eest", 3 * 60}, {"wet", 0},       {"west", 60},     {"jst", 9 * 60},
  };
  const std::string lower = text::AsciiLower(word);
  for (const Zone& zone : kZones) {
    if (zone.name == lower) return zone.minutes;
  }
  return std::nullopt;
}

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!text::IsAsciiDigit(c)) return false;
  }
  return true;
}

int ToInt(std::string_view s) {
  int value = 0;
  for (char c : s) value = value * 10 + (c - '0');
  return value;
}

// "h:mm" or "hh:mm:ss".
bool ParseClock(std::string_view s, DateParts* d) {
  int parts[3] = {0, 0, 0};
  int count = 0;
  size_t start = 0;
  while (count < 3) {
    size_t end = s.find(':', start);
    if (end == std::string_view::npos) end = s.size();
    const std::string_view piece = s.substr(start, end - start);
    if (!AllDigits(piece) || piece.size() > 2) return false;
    parts[count++] = ToInt(piece);
    if (end == s.size()) break;
    start = end + 1;
  }
  if (count < 2) return false;
  d->has_time = true;
  d->hour = parts[0];
  d->minute = parts[1];
  d->second = parts[2];
  return true;
}

// RFC 822 / 1123 as RSS writes it, with the liberties found in real feeds: no weekday, full month
// names, month before day, one-digit hours, no seconds, two-digit years, named or missing zones.
std::optional<DateParts> ParseRfc822(std::string_view s) {
  std::vector<std::string_view> words;
  size_t start = 0;
  while (start < s.size()) {
    const size_t end = std::min(s.find_first_of(" ,\t", start), s.size());
    if (end > start) words.push_back(s.substr(start, end - start));
    start = end + 1;
  }
  DateParts d;
  size_t i = 0;
  if (i < words.size() && !AllDigits(words[i]) && MonthNumber(words[i]) == 0) ++i;  // weekday
  if (i + 3 > words.size()) return std::nullopt;
  if (AllDigits(words[i]) && MonthNumber(words[i + 1]) > 0) {
    d.day = ToInt(words[i].substr(0, 2));
    d.month = MonthNumber(words[i + 1]);
  } else if (MonthNumber(words[i]) > 0 && AllDigits(words[i + 1])) {
    d.month = MonthNumber(words[i]);
    d.day = ToInt(words[i + 1].substr(0, 2));
  } else {
    return std::nullopt;
  }
  const std::string_view year = words[i + 2];
  if (!AllDigits(year) || (year.size() != 2 && year.size() != 4)) return std::nullopt;
  d.year = ToInt(year);
  if (year.size() == 2) d.year += d.year < 50 ? 2000 : 1900;
  i += 3;
  if (i < words.size() && words[i].find(':') != std::string_view::npos) {
    if (!ParseClock(words[i], &d)) return std::nullopt;
    ++i;
    if (i < words.size()) {
      int minutes = 0;
      if (ParseOffset(words[i], &minutes)) {
        d.has_zone = true;
        d.offset_minutes = minutes;
      } else if (auto named = NamedZone(words[i])) {
        d.has_zone = true;
        d.offset_minutes = *named;
      }
    }
  }
  if (!d.has_zone && d.has_time) d.has_zone = true;  // RFC 822 without a zone: read as UTC
  if (!Valid(d)) return std::nullopt;
  return d;
}

std::string Format(const DateParts& d) {
  char buffer[40];
  if (!d.has_time) {
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", d.year, d.month, d.day);
    return buffer;
  }
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d", d.year, d.month, d.day,
                d.hour, d.minute, d.second > 59 ? 59 : d.second);
  std::string out = buffer;
  if (!d.has_zone) return out;
  if (d.offset_minutes == 0) return out + "Z";
  const int offset = d.offset_minutes < 0 ? -d.offset_minutes : d.offset_minutes;
  std::snprintf(buffer, sizeof buffer, "%c%02d:%02d", d.offset_minutes < 0 ? '-' : '+', offset / 60,
                offset % 60);
  return out + buffer;
}

}  // namespace

std::string FormatUtc(TimePoint t) {
  using namespace std::chrono;
  const auto seconds = floor<std::chrono::seconds>(t);
  const auto days = floor<std::chrono::days>(seconds);
  const year_month_day ymd{days};
  const hh_mm_ss hms{seconds - days};
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02uT%02d:%02d:%02dZ",
                static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day()), static_cast<int>(hms.hours().count()),
                static_cast<int>(hms.minutes().count()), static_cast<int>(hms.seconds().count()));
  return buffer;
}

std::optional<TimePoint> ParseTimestamp(std::string_view s) {
  using namespace std::chrono;
  const std::optional<DateParts> d = ParseIso(text::TrimAscii(s));
  if (!d) return std::nullopt;
  const sys_days days{year{d->year} / month{static_cast<unsigned>(d->month)} /
                      day{static_cast<unsigned>(d->day)}};
  return TimePoint(days) + hours(d->hour) + minutes(d->minute - d->offset_minutes) +
         seconds(d->second);
}

std::optional<std::string> NormalizeFeedDate(std::string_view s) {
  s = text::TrimAscii(s);
  if (s.empty() || s.size() > 100) return std::nullopt;
  std::optional<DateParts> d = ParseIso(s);
  if (!d) d = ParseRfc822(s);
  if (!d) return std::nullopt;
  return Format(*d);
}

}  // namespace newsloom::fetch
