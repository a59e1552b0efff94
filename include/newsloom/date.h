// Calendar dates without time zones: publication dates and the dates that text refers to.
#ifndef NEWSLOOM_DATE_H_
#define NEWSLOOM_DATE_H_

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace newsloom {

struct Date {
  int year = 0;
  int month = 0;  // 1..12
  int day = 0;    // 1..31

  // "2024-06-19"; nullopt unless the string is a valid ISO date (a longer timestamp is cut to its
  // date).
  static std::optional<Date> FromIso(std::string_view iso);
  static std::optional<Date> FromDays(long days_since_epoch);
  std::string ToIso() const;
  long DaysSinceEpoch() const;  // 1970-01-01 is 0
  int Weekday() const;          // 0 = Monday ... 6 = Sunday
  Date AddDays(long n) const { return *FromDays(DaysSinceEpoch() + n); }
  bool Valid() const;

  auto operator<=>(const Date&) const = default;
};

}  // namespace newsloom

#endif  // NEWSLOOM_DATE_H_
