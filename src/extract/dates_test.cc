#include "extract/dates.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace newsloom::extract {
namespace {

struct MentionCase {
  const char* text;
  int year, month, day, weekday, tense;
};

TEST(FindDateMentionsTest, ReadsWrittenDates) {
  const MentionCase cases[] = {
      {"It happened on June 19, 2024 in the capital.", 2024, 6, 19, -1, -1},
      {"Signed on Wednesday, June 19, 2024.", 2024, 6, 19, -1, -1},  // weekday: lone ones only
      {"He will visit Vietnam on June 19-20.", 0, 6, 19, -1, +1},
      {"Their first summit was in April 2019.", 2019, 4, 0, -1, -1},
      {"Posted 2023-09-13T10:00:00Z", 2023, 9, 13, -1, -1},
      {"The minister spoke on Tuesday.", 0, 0, 0, 1, -1},
      {"They plan to meet next Friday.", 0, 0, 0, 4, +1},
      {"He announced plans on Tuesday to deepen ties.", 0, 0, 0, 1, -1},
      {"on the 5th of May 2022", 2022, 5, 5, -1, -1},
  };
  for (const MentionCase& c : cases) {
    std::vector<DateMention> m = FindDateMentions(c.text);
    ASSERT_EQ(m.size(), 1u) << c.text;
    EXPECT_EQ(m[0].year, c.year) << c.text;
    EXPECT_EQ(m[0].month, c.month) << c.text;
    EXPECT_EQ(m[0].day, c.day) << c.text;
    EXPECT_EQ(m[0].weekday, c.weekday) << c.text;
    EXPECT_EQ(m[0].tense, c.tense) << c.text;
  }
}

TEST(FindDateMentionsTest, IgnoresNonDates) {
  for (const char* text :
       {"She may 5 times ask.", "It costs 2024 dollars.", "The 12 apostles", "march on", ""}) {
    EXPECT_TRUE(FindDateMentions(text).empty()) << text;
  }
}

TEST(ParseDateTest, MetadataValues) {
  EXPECT_EQ(ParseDate("2024-06-19T15:57:00+09:00"), (Date{2024, 6, 19}));
  EXPECT_EQ(ParseDate("June 19, 2024"), (Date{2024, 6, 19}));
  EXPECT_EQ(ParseDate("Published : June 19, 2024 - 15:57"), (Date{2024, 6, 19}));
  EXPECT_EQ(ParseDate("19 June 2024"), (Date{2024, 6, 19}));
  EXPECT_EQ(ParseDate("Stand: 19.06.2024, 15:57 Uhr"), (Date{2024, 6, 19}));
  EXPECT_EQ(ParseDate("2024/06/19"), (Date{2024, 6, 19}));
  EXPECT_EQ(ParseDate("99.99.2024"), std::nullopt);
  EXPECT_EQ(ParseDate("June 2024"), std::nullopt);
  EXPECT_EQ(ParseDate("yesterday"), std::nullopt);
  EXPECT_EQ(ParseDate("19-06-2024 10:29"), (Date{2024, 6, 19}));
  EXPECT_EQ(ParseDate("Wed Jun 19 10:27:24 2024"), (Date{2024, 6, 19}));  // C time string
  EXPECT_EQ(ParseDate("19. Juni 2024"), (Date{2024, 6, 19}));
  EXPECT_EQ(ParseDate("19 de junio de 2024"), (Date{2024, 6, 19}));
  EXPECT_EQ(ParseDate("le 19 juin 2024"), (Date{2024, 6, 19}));
  EXPECT_EQ(ParseDate("19. März 2024"), (Date{2024, 3, 19}));
  // Every month name with an accent, the last one included.
  EXPECT_EQ(ParseDate("le 3 février 2024"), (Date{2024, 2, 3}));
  EXPECT_EQ(ParseDate("le 3 août 2024"), (Date{2024, 8, 3}));
  EXPECT_EQ(ParseDate("le 3 décembre 2024"), (Date{2024, 12, 3}));
  EXPECT_EQ(ParseDate("Juni 2024"), std::nullopt);
}

TEST(DateLineTest, MastheadLinesOnly) {
  EXPECT_EQ(DateLine("Monday, June 17, 2024"), (Date{2024, 6, 17}));
  EXPECT_EQ(DateLine(" date 2024-06-19 Most Popular"), (Date{2024, 6, 19}));
  EXPECT_EQ(DateLine("The summit took place on June 17, 2024 in Pyongyang with many guests."),
            std::nullopt);
  // The word count given by the caller gives the same answers as the one counted here.
  EXPECT_EQ(DateLine("Monday, June 17, 2024", 3, 4), (Date{2024, 6, 17}));
  EXPECT_EQ(DateLine("Monday, June 17, 2024", 3, 40), std::nullopt);  // long lines: no tagging
}

TEST(DateLineTest, OtherWordsLimit) {
  std::string many_words = "Monday, June 17, 2024";
  for (int i = 0; i < kMaxDateLineWords; ++i) many_words += " w";
  EXPECT_EQ(DateLine(many_words, 3), std::nullopt);
  EXPECT_EQ(DateLine(many_words, 3 + kMaxDateLineWords), (Date{2024, 6, 17}));
}

struct EstimateCase {
  const char* name;
  const char* text;
  std::optional<Date> masthead;
  std::optional<Date> expected;
  bool confident;
};

TEST(EstimatePublicationTest, Table) {
  const EstimateCase cases[] = {
      {"no dates, masthead alone is not evidence", "The leaders met for four hours.",
       Date{2024, 6, 17}, std::nullopt, false},
      {"latest past date, year from masthead: likely but not confident",
       "Kim spoke on June 12. Earlier, on June 3, he met.", Date{2024, 7, 22}, Date{2024, 6, 12},
       false},
      {"weekday before a future date",
       "Putin announced plans on Tuesday. He will visit Vietnam on June 19-20.", Date{2024, 7, 25},
       Date{2024, 6, 18}, false},
      {"dateline",
       "Saturday, 25 April 2009 Experts are concerned. The first case was seen on April 2, 2009.",
       std::nullopt, Date{2009, 4, 25}, true},
      {"masthead agreeing with the text", "The summit opened on June 19, 2024.", Date{2024, 6, 19},
       Date{2024, 6, 19}, true},
      {"weekday confirms the explicit date",
       "They met on Wednesday, June 19, 2024. On Wednesday the pact was signed.", std::nullopt,
       Date{2024, 6, 19}, true},
      {"yearless date without any year", "It happened on June 12.", std::nullopt, std::nullopt,
       false},
  };
  for (const EstimateCase& c : cases) {
    PublicationEstimate est = EstimatePublication(FindDateMentions(c.text), c.masthead);
    EXPECT_EQ(est.published, c.expected) << c.name;
    EXPECT_EQ(est.published.has_value() && est.confidence >= 0.5, c.confident) << c.name;
  }
}

}  // namespace
}  // namespace newsloom::extract
