#include "newsloom/date.h"

#include <cstdio>
#include <utility>

#include "newsloom/article.h"

namespace newsloom {
namespace {

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeap(y) ? 29 : kDays[m - 1];
}

}  // namespace

bool Date::Valid() const {
  return year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 &&
         day <= DaysInMonth(year, month);
}

std::optional<Date> Date::FromIso(std::string_view iso) {
  if (iso.size() < 10 || iso[4] != '-' || iso[7] != '-') return std::nullopt;
  auto digits = [&](size_t from, size_t n) {
    int v = 0;
    for (size_t i = from; i < from + n; ++i) {
      if (iso[i] < '0' || iso[i] > '9') return -1;
      v = v * 10 + (iso[i] - '0');
    }
    return v;
  };
  Date d{digits(0, 4), digits(5, 2), digits(8, 2)};
  if (iso.size() > 10 && iso[10] != 'T' && iso[10] != ' ') return std::nullopt;
  if (!d.Valid()) return std::nullopt;
  return d;
}

// Days from civil, after Howard Hinnant's public-domain algorithm.
long Date::DaysSinceEpoch() const {
  const int y = month <= 2 ? year - 1 : year;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long>(doe) - 719468;
}

std::optional<Date> Date::FromDays(long z) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long y = static_cast<long>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  Date out{static_cast<int>(y + (m <= 2)), m, d};
  if (!out.Valid()) return std::nullopt;
  return out;
}

int Date::Weekday() const {
  const long days = DaysSinceEpoch();  // 1970-01-01 was a Thursday (3)
  return static_cast<int>(((days % 7) + 7 + 3) % 7);
}

std::string Date::ToIso() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

namespace {
constexpr std::pair<DateSource, const char*> kDateSourceNames[] = {
    {DateSource::kGiven, "given"},
    {DateSource::kMetadata, "metadata"},
    {DateSource::kUrl, "url"},
    {DateSource::kDateLine, "date-line"},
    {DateSource::kTextMentions, "text-mentions"},
};
}  // namespace

const char* DateSourceName(DateSource source) {
  for (const auto& [s, name] : kDateSourceNames) {
    if (s == source) return name;
  }
  return "";
}

DateSource DateSourceFromName(std::string_view name) {
  for (const auto& [s, n] : kDateSourceNames) {
    if (name == n) return s;
  }
  return DateSource::kNone;
}

}  // namespace newsloom
