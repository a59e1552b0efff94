#include "timex/anchor.h"

#include <algorithm>
#include <cstdlib>

#include "text/chars.h"
#include "timex/tokens.h"

namespace newsloom::timex {

std::optional<Date> Anchor::BaseDay() const {
  if (!narrative_) return anchor_;
  if (!reference_ || reference_->day == 0) return std::nullopt;
  return Date{reference_->year, reference_->month, reference_->day};
}

DateValue Anchor::Shift(Unit unit, long offset) const {
  if (narrative_) return FromReference(unit, offset);
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

DateValue Anchor::Weekday(int wd, int dir) const {
  DateValue v;
  const std::optional<Date> base = BaseDay();
  if (!base) {
    v.weekday = wd;
    return v;
  }
  const int aw = base->Weekday();
  const int back = (aw - wd + 7) % 7;   // days back to the last such day (0 = today)
  const int ahead = (wd - aw + 7) % 7;  // days ahead to the next one
  long offset;
  if (dir < 0) {
    offset = -back;
  } else if (dir > 0) {
    offset = ahead;
  } else {
    // No tense cue: news mostly reports what happened, so the past wins unless the coming day is
    // much nearer (measured on TimeBank/AQUAINT).
    offset = back <= ahead + 3 ? -back : ahead;
  }
  return DateValue::Of(base->AddDays(offset));
}

DateValue Anchor::MonthDay(int month, int day, int dir) const {
  DateValue v;
  v.month = month;
  v.day = day;
  if (narrative_) {
    // A narrative goes on in the year it last named.
    if (reference_) v.year = reference_->year, v.bc = reference_->bc;
    return v;
  }
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
    // The tense is a hint, not a rule: clause tense is often about another event ("said it will
    // ..."), so the wrong side only costs a few months.
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

DateValue Anchor::WeekdayTowards(int wd, int dir) const {
  DateValue v;
  const std::optional<Date> base = BaseDay();
  if (!base) {
    v.weekday = wd;
    return v;
  }
  const int aw = base->Weekday();
  long off;
  if (dir == -1) {
    off = -((aw - wd + 7) % 7);
    if (off == 0) off = -7;
  } else if (dir == 1) {
    off = (wd - aw + 7) % 7;
    if (off == 0) off = 7;
  } else {
    off = wd - aw;
  }
  return DateValue::Of(base->AddDays(off));
}

DateValue Anchor::MonthDayTowards(int month, int day, int dir) const {
  DateValue v;
  v.month = month;
  v.day = day;
  // The base: the anchor, or in a narrative the last date named (its month and day may be 0).
  int base_year, base_month, base_day;
  if (narrative_ && reference_) {
    base_year = reference_->year, base_month = reference_->month, base_day = reference_->day;
  } else if (!narrative_ && anchor_) {
    base_year = anchor_->year, base_month = anchor_->month, base_day = anchor_->day;
  } else {
    return v;
  }
  const int a = base_month * 100 + base_day;
  const int m = month * 100 + day;
  if (dir == -1) {
    // Without a day, the base's own month is not yet past.
    v.year = (day > 0 ? m < a : month < base_month) ? base_year : base_year - 1;
  } else if (dir == 1) {
    v.year = m > a ? base_year : base_year + 1;
  } else {
    v.year = base_year;
  }
  return v;
}

DateValue Anchor::DayOfMonth(int day, int dir) const {
  DateValue v;
  v.day = day;
  if (reference_ && reference_->day > 0) {
    v.year = reference_->year;
    v.month = reference_->month;
  } else if (anchor_ && !narrative_) {
    const Date& a = *anchor_;
    v.year = a.year;
    v.month = a.month;
    if (dir < 0 && day > a.day) AddMonths(&v.year, &v.month, -1);
    if (dir > 0 && day < a.day) AddMonths(&v.year, &v.month, 1);
  }
  if (v.month > 0 && day > DaysIn(v.year, v.month)) v.day = DaysIn(v.year, v.month);
  return v;
}

DateValue Anchor::Season(const char* season, int dir) const {
  DateValue v;
  v.season = season;
  if (narrative_) {
    if (reference_) v.year = reference_->year, v.bc = reference_->bc;
    return v;
  }
  if (!anchor_) return v;
  v.year = MonthDay(SeasonMiddleMonth(season), 0, dir).year;
  return v;
}

DateValue Anchor::Quarter(int q, int dir) const {
  DateValue v;
  v.quarter = q;
  if (narrative_) {
    if (reference_) v.year = reference_->year, v.bc = reference_->bc;
    return v;
  }
  if (!anchor_) return v;
  const int aq = QuarterOf(anchor_->month);
  v.year = anchor_->year;
  if (q > aq && dir < 0) v.year -= 1;
  return v;
}

DateValue Anchor::FromReference(Unit unit, long offset) const {
  if (!reference_) return narrative_ ? DateValue() : Shift(unit, offset);
  const DateValue& r = *reference_;
  DateValue v;
  v.bc = r.bc;
  if (unit == Unit::kYear) {
    // Years before Christ count down: "the following year" after 480 BC is 479 BC.
    v.year = r.year + static_cast<int>(r.bc ? -offset : offset);
    return v;
  }
  if (narrative_ && (unit == Unit::kDecade || unit == Unit::kCentury)) {
    const int years = static_cast<int>(unit == Unit::kDecade ? 10 * offset : 100 * offset);
    (unit == Unit::kDecade ? v.decade : v.century) =
        (r.year + years) / (unit == Unit::kDecade ? 10 : 100);
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
    if (narrative_ && (unit == Unit::kHour || unit == Unit::kMinute || unit == Unit::kSecond)) {
      return r;
    }
  }
  if (narrative_) {
    // The reference is coarser than the unit: its year (and month) are what is known.
    v.year = r.year;
    if (unit < Unit::kMonth) v.month = r.month;
    return v;
  }
  return Shift(unit, offset);
}

DateValue Anchor::DayInView() const {
  if (narrative_ || !anchor_) return FromReference(Unit::kDay, 0);
  if (reference_ && reference_->day > 0 && !reference_->bc) {
    const Date r{reference_->year, reference_->month, reference_->day};
    if (std::labs(r.DaysSinceEpoch() - anchor_->DaysSinceEpoch()) <= 7) return DateValue::Of(r);
  }
  return DateValue::Of(*anchor_);
}

DateValue Anchor::YearBefore() {
  if (quarter_ > 0) {
    derived_ = true;
    DateValue v;
    v.year = quarter_year_ - 1;
    v.quarter = quarter_;
    return v;
  }
  return Shift(Unit::kYear, -1);
}

void Anchor::Note(const std::string& value, bool relative, bool as_reference) {
  if (!derived_) NoteQuarter(value);
  derived_ = false;
  if (!as_reference) return;
  if (narrative_ && relative && reference_) {
    const std::optional<DateValue> before = reference_;
    NoteReference(value);
    if (reference_->year != before->year || reference_->bc != before->bc) reference_ = before;
    return;
  }
  NoteReference(value);
}

void Anchor::NoteQuarter(const std::string& value) {
  if (value.size() == 7 && value[4] == '-' && value[5] == 'Q' && value[6] >= '1' &&
      value[6] <= '4' && text::IsAsciiDigit(value[0])) {
    quarter_year_ = std::atoi(value.c_str());
    quarter_ = value[6] - '0';
  }
}

void Anchor::NoteReference(const std::string& value) {
  const bool bc = value.compare(0, 2, "BC") == 0;
  const std::string_view v = std::string_view(value).substr(bc ? 2 : 0);
  auto digits = [&](size_t from, size_t n) {
    int x = 0;
    for (size_t k = from; k < from + n; ++k) {
      if (k >= v.size() || !text::IsAsciiDigit(v[k])) return -1;
      x = x * 10 + (v[k] - '0');
    }
    return x;
  };
  const int y = digits(0, 4);
  if (y < 0) return;
  DateValue r;
  r.year = y;
  r.bc = bc;
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
  reference_ = r;
}

}  // namespace newsloom::timex
