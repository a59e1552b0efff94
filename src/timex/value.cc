#include "timex/value.h"

#include <algorithm>
#include <cstdio>

namespace newsloom::timex {

int DaysIn(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : kDays[m - 1];
}

void AddMonths(int* y, int* m, int n) {
  int t = *y * 12 + (*m - 1) + n;
  *y = t / 12;
  *m = t % 12 + 1;
}

YearWeek IsoWeek(const Date& d) {
  const Date thursday = d.AddDays(3 - d.Weekday());
  const long doy = thursday.DaysSinceEpoch() - Date{thursday.year, 1, 1}.DaysSinceEpoch();
  return {thursday.year, static_cast<int>(doy / 7 + 1)};
}

std::string Format(const DateValue& v) {
  char buf[64];
  const char* era = v.bc ? "BC" : "";
  if (v.century >= 0) {
    std::snprintf(buf, sizeof buf, "%s%02d", era, v.century);
    return buf;
  }
  if (v.decade >= 0) {
    std::snprintf(buf, sizeof buf, "%s%03d", era, v.decade);
    return buf;
  }
  std::string out;
  if (v.year >= 0) {
    std::snprintf(buf, sizeof buf, "%s%04d", era, v.year);
    out = buf;
  } else {
    out = "XXXX";
  }
  if (v.week > 0) {
    std::snprintf(buf, sizeof buf, "-W%02d", v.week);
    out += buf;
    if (v.weekend) out += "-WE";
  } else if (v.weekday >= 0 && v.month == 0) {
    std::snprintf(buf, sizeof buf, "-WXX-%d", v.weekday + 1);
    out += buf;
  } else if (v.quarter > 0) {
    std::snprintf(buf, sizeof buf, "-Q%d", v.quarter);
    out += buf;
  } else if (v.half > 0) {
    std::snprintf(buf, sizeof buf, "-H%d", v.half);
    out += buf;
  } else if (v.season != nullptr) {
    out += '-';
    out += v.season;
  } else if (v.month > 0) {
    std::snprintf(buf, sizeof buf, "-%02d", v.month);
    out += buf;
    if (v.day > 0) {
      std::snprintf(buf, sizeof buf, "-%02d", v.day);
      out += buf;
    }
  }
  if (v.HasTime()) {
    if (v.day == 0 && !(v.weekday >= 0 && v.month == 0)) out = "XXXX-XX-XX";
    if (v.hour >= 0) {
      std::snprintf(buf, sizeof buf, "T%02d:%02d", v.hour, std::max(v.minute, 0));
      out += buf;
      if (v.utc) out += 'Z';
    } else {
      out += 'T';
      out += v.part;
    }
  }
  return out;
}

std::string Duration(long n, Unit unit) {
  const char* code = "D";
  bool time = false;
  switch (unit) {
    case Unit::kSecond:
      code = "S", time = true;
      break;
    case Unit::kMinute:
      code = "M", time = true;
      break;
    case Unit::kHour:
      code = "H", time = true;
      break;
    case Unit::kDay:
      code = "D";
      break;
    case Unit::kWeek:
      code = "W";
      break;
    case Unit::kWeekend:
      code = "WE";
      break;
    case Unit::kMonth:
      code = "M";
      break;
    case Unit::kQuarter:
      code = "Q";
      break;
    case Unit::kYear:
      code = "Y";
      break;
    case Unit::kDecade:
      code = "Y";
      if (n > 0) n *= 10;
      break;
    case Unit::kCentury:
      code = "Y";
      if (n > 0) n *= 100;
      break;
    case Unit::kNone:
      break;
  }
  std::string out = time ? "PT" : "P";
  out += n < 0 ? std::string("X") : std::to_string(n);
  out += code;
  return out;
}

std::string WithHalf(const std::string& duration, Unit unit) {
  switch (unit) {
    case Unit::kYear:
      return duration + "6M";
    case Unit::kMonth:
      return duration + "15D";
    case Unit::kDay:
      return duration + "T12H";
    case Unit::kHour:
      return duration + "30M";
    case Unit::kMinute:
      return duration + "30S";
    default:
      return duration;
  }
}

std::string CompoundDuration(long n1, Unit u1, long n2, Unit u2) {
  std::string out = Duration(n1, u1);
  std::string second = Duration(n2, u2);  // "P3M", "PT30M"
  const bool time1 = out.compare(0, 2, "PT") == 0;
  const bool time2 = second.compare(0, 2, "PT") == 0;
  // Date parts and time parts meet at "T": P1D + PT12H is P1DT12H; PT2H + PT30M is PT2H30M.
  out += second.substr(time1 && time2 ? 2 : 1);
  return out;
}

}  // namespace newsloom::timex
