// Resolution of relative expressions: against the anchor (the document creation time) with the
// direction the clause gives, and against what the text itself named before ("the following year"
// after "May 1995"; "a year earlier" after "the third quarter").
#ifndef NEWSLOOM_TIMEX_ANCHOR_H_
#define NEWSLOOM_TIMEX_ANCHOR_H_

#include <optional>
#include <string>

#include "newsloom/date.h"
#include "timex/lexicon.h"
#include "timex/value.h"

namespace newsloom::timex {

// Directions (`dir`) are -1 back, +1 ahead and 0 for none known. Without an anchor, values keep
// their unknown parts ("XXXX"). In a narrative "the anchor" below is the last date the text named.
class Anchor {
 public:
  explicit Anchor(std::optional<Date> anchor) : anchor_(anchor) {}

  const std::optional<Date>& date() const { return anchor_; }

  // A narrative (a history, not news) resolves relative expressions against the last date it
  // named rather than the anchor, as HeidelTime's narrative documents: "im Oktober" after "1862"
  // is 1862-10. "Today" in a narrative is the present of its writing (PRESENT_REF).
  void set_narrative(bool narrative) { narrative_ = narrative; }
  bool narrative() const { return narrative_; }

  // The unit containing anchor + offset units: Shift(kWeek, 1) is next week.
  DateValue Shift(Unit unit, long offset) const;

  // Weekday 0..6 nearest the anchor in the direction given; the same day counts for both.
  DateValue Weekday(int weekday, int dir) const;

  // Month (and day, when > 0) without a year: the occurrence nearest the anchor, those on the
  // wrong side of it costing a few months when the direction says which side.
  DateValue MonthDay(int month, int day, int dir) const;

  // The weekday `dir` names: the last one before the anchor (-1; a week back on the same weekday),
  // the next one after it (+1), or the one of the anchor's week (0): "last Tuesday".
  DateValue WeekdayTowards(int weekday, int dir) const;

  // Month (and day, when > 0) in the year `dir` names: the last occurrence before the anchor
  // (-1), the next after it (+1), or in the anchor's year (0): "last September", "next May 3".
  DateValue MonthDayTowards(int month, int day, int dir) const;

  // A day of the month without the month ("el día 8"): in the month of the last full date the
  // text named, else of the anchor, moved a month when `dir` says the day lies the other way.
  DateValue DayOfMonth(int day, int dir) const;

  // A season ("SU") in the year its middle month resolves to.
  DateValue Season(const char* season, int dir) const;

  // Quarter q of the anchor's year, or of the year before when it lies ahead but dir is back.
  DateValue Quarter(int q, int dir) const;

  // The day being told about, for a time of day: the last full date the text named when it lies
  // within a week of the anchor (or in a narrative), else the anchor's.
  DateValue DayInView() const;

  // The unit around the last date the text named, shifted by `offset`; the anchor's when the
  // text named none or the unit does not fit the reference.
  DateValue FromReference(Unit unit, long offset) const;
  bool has_reference() const { return reference_.has_value(); }

  // "a year ago": the quarter a year before the last one named (a report compares a quarter with
  // the same one a year before), or the year before the anchor's.
  DateValue YearBefore();

  // Records the value of an expression just found: calendar dates become the reference (when
  // `as_reference`); a quarter becomes the quarter under discussion unless its value was derived
  // from it. In a narrative a `relative` value only narrows the reference down within its year:
  // "the year before" recalls, it does not move the story.
  void Note(const std::string& value, bool relative, bool as_reference);

  // The value being built was computed from the quarter under discussion.
  void MarkDerived() { derived_ = true; }
  bool has_quarter() const { return quarter_ > 0; }

 private:
  // The day to count days and weekdays from: the anchor, or in a narrative the last full date
  // named.
  std::optional<Date> BaseDay() const;
  void NoteQuarter(const std::string& value);
  void NoteReference(const std::string& value);

  const std::optional<Date> anchor_;
  std::optional<DateValue> reference_;  // the last calendar date the text named
  int quarter_year_ = 0;                // the last quarter the text named
  int quarter_ = 0;
  bool derived_ = false;
  bool narrative_ = false;
};

}  // namespace newsloom::timex

#endif  // NEWSLOOM_TIMEX_ANCHOR_H_
