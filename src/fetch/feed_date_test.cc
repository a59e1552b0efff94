#include "fetch/feed_date.h"

#include <gtest/gtest.h>

#include <string>

namespace newsloom::fetch {
namespace {

struct DateCase {
  std::string input;
  std::string expected;  // "" when unreadable
};

TEST(NormalizeFeedDateTest, FeedAndSitemapDates) {
  const DateCase cases[] = {
      {"Fri, 14 Jun 2024 09:30:00 GMT", "2024-06-14T09:30:00Z"},
      {"Fri, 14 Jun 2024 09:30:00 +0000", "2024-06-14T09:30:00Z"},
      {"Fri, 14 Jun 2024 23:30:00 -0500", "2024-06-14T23:30:00-05:00"},
      {"14 June 2024 9:30 EDT", "2024-06-14T09:30:00-04:00"},
      {"Fri, 14 Jun 24 09:30:00 +0200", "2024-06-14T09:30:00+02:00"},
      {"Friday, June 14, 2024 09:30:00 PST", "2024-06-14T09:30:00-08:00"},
      {"Fri, 14 Jun 2024 09:30:00", "2024-06-14T09:30:00Z"},
      {"Fri, 14 Jun 2024", "2024-06-14"},
      {"2024-06-14T09:30:00Z", "2024-06-14T09:30:00Z"},
      {"2024-06-14T09:30:00.123+02:00", "2024-06-14T09:30:00+02:00"},
      {"2024-06-14T09:30+0530", "2024-06-14T09:30:00+05:30"},
      {"2024-06-14 09:30:00", "2024-06-14T09:30:00"},
      {" 2024-06-14 ", "2024-06-14"},
      {"2024-02-30", ""},
      {"2023-02-29T00:00:00Z", ""},
      {"2024-02-29T00:00:00Z", "2024-02-29T00:00:00Z"},
      {"Fri, 32 Jun 2024 09:30:00 GMT", ""},
      {"2024-06-14T25:00:00Z", ""},
      {"yesterday", ""},
      {"", ""},
      {"14/06/2024", ""},
  };
  for (const DateCase& c : cases) {
    const std::optional<std::string> got = NormalizeFeedDate(c.input);
    if (c.expected.empty()) {
      EXPECT_FALSE(got.has_value()) << c.input << " -> " << got.value_or("");
    } else {
      EXPECT_EQ(got.value_or("(none)"), c.expected) << c.input;
    }
  }
}

TEST(TimestampTest, FormatAndParseRoundTrip) {
  const std::optional<TimePoint> t = ParseTimestamp("2024-06-14T09:30:05Z");
  ASSERT_TRUE(t.has_value());
  EXPECT_EQ(FormatUtc(*t), "2024-06-14T09:30:05Z");
  EXPECT_EQ(FormatUtc(*ParseTimestamp("2024-06-14T11:30:05+02:00")), "2024-06-14T09:30:05Z");
  EXPECT_EQ(FormatUtc(*ParseTimestamp("2024-12-31T23:30:00-01:00")), "2025-01-01T00:30:00Z");
  EXPECT_EQ(FormatUtc(*ParseTimestamp("2024-06-14")), "2024-06-14T00:00:00Z");
  EXPECT_FALSE(ParseTimestamp("").has_value());
  EXPECT_FALSE(ParseTimestamp("Fri, 14 Jun 2024 09:30:00 GMT").has_value());
  EXPECT_EQ(FormatUtc(TimePoint{}), "1970-01-01T00:00:00Z");
}

}  // namespace
}  // namespace newsloom::fetch
