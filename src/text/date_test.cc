#include "newsloom/date.h"

#include <gtest/gtest.h>

namespace newsloom {
namespace {

TEST(DateTest, RoundTripsThroughDays) {
  for (long days = -1000; days < 30000; days += 17) {
    auto d = Date::FromDays(days);
    ASSERT_TRUE(d.has_value());
    EXPECT_EQ(d->DaysSinceEpoch(), days);
  }
}

TEST(DateTest, ParsesIsoAndRejectsInvalid) {
  struct Row {
    const char* in;
    const char* out;  // nullptr: rejected
  } rows[] = {{"2024-06-19", "2024-06-19"}, {"2024-06-19T15:57:00+09:00", "2024-06-19"},
              {"2024-02-29", "2024-02-29"}, {"2023-02-29", nullptr},
              {"2024-13-01", nullptr},      {"2024-6-19", nullptr},
              {"June 2024", nullptr}};
  for (const Row& row : rows) {
    auto d = Date::FromIso(row.in);
    if (row.out == nullptr) {
      EXPECT_FALSE(d.has_value()) << row.in;
    } else {
      ASSERT_TRUE(d.has_value()) << row.in;
      EXPECT_EQ(d->ToIso(), row.out);
    }
  }
}

TEST(DateTest, Weekday) {
  EXPECT_EQ((Date{2024, 6, 19}).Weekday(), 2);  // a Wednesday
  EXPECT_EQ((Date{1970, 1, 1}).Weekday(), 3);   // a Thursday
  EXPECT_EQ((Date{2024, 6, 17}).AddDays(2), (Date{2024, 6, 19}));
}

}  // namespace
}  // namespace newsloom
