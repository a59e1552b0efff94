#include "timex/timex.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

namespace newsloom::timex {
namespace {

struct Row {
  const char* sentence;
  const char* anchor;  // nullptr: no anchor
  const char* text;    // the expected expression
  const char* type;
  const char* value;
};

// The one expression of `row.sentence` that covers `row.text`, or a failure.
void ExpectTagged(const Row& row) {
  std::optional<Date> anchor;
  if (row.anchor != nullptr) anchor = Date::FromIso(row.anchor);
  const auto found = TagTemporalExpressions(row.sentence, anchor, "en");
  for (const TemporalExpression& e : found) {
    if (e.text != row.text) continue;
    EXPECT_EQ(e.type, row.type) << row.sentence;
    EXPECT_EQ(e.value, row.value) << row.sentence;
    EXPECT_EQ(std::string_view(row.sentence).substr(e.span.begin, e.span.size()), e.text);
    return;
  }
  std::string got;
  for (const TemporalExpression& e : found) got += "[" + e.text + "=" + e.value + "] ";
  ADD_FAILURE() << "no \"" << row.text << "\" in: " << row.sentence << "\n got: " << got;
}

TEST(TimexTest, AbsoluteDates) {
  const Row rows[] = {
      {"The summit opened on June 19, 2024 in Pyongyang.", nullptr, "June 19, 2024", "DATE",
       "2024-06-19"},
      {"He arrived on 19 June 2024.", nullptr, "19 June 2024", "DATE", "2024-06-19"},
      {"It was signed in April 2019.", nullptr, "April 2019", "DATE", "2019-04"},
      {"The treaty dates from 2000.", nullptr, "2000", "DATE", "2000"},
      {"Filed 2024-06-19 by staff.", nullptr, "2024-06-19", "DATE", "2024-06-19"},
      {"Updated 2024-06-19T15:57 local time.", nullptr, "2024-06-19T15:57", "TIME",
       "2024-06-19T15:57"},
      {"Shares fell on Sept. 30, 1989.", nullptr, "Sept. 30, 1989", "DATE", "1989-09-30"},
      {"It was popular in the 1990s.", nullptr, "1990s", "DATE", "199"},
      {"Talks are set for June 12.", nullptr, "June 12", "DATE", "XXXX-06-12"},
      {"The talks were held on Tuesday.", nullptr, "Tuesday", "DATE", "XXXX-WXX-2"},
  };
  for (const Row& row : rows) ExpectTagged(row);
}

TEST(TimexTest, RelativeDatesResolveAgainstTheAnchor) {
  // 2024-06-19 is a Wednesday.
  const Row rows[] = {
      {"Putin arrived on Tuesday.", "2024-06-19", "Tuesday", "DATE", "2024-06-18"},
      {"Putin arrived on Wednesday.", "2024-06-19", "Wednesday", "DATE", "2024-06-19"},
      {"He will visit Hanoi on Friday.", "2024-06-19", "Friday", "DATE", "2024-06-21"},
      {"They met last September.", "2024-06-12", "last September", "DATE", "2023-09"},
      {"They met in September of last year.", "2024-06-19", "September of last year", "DATE",
       "2023-09"},
      {"They met in September last year.", "2024-06-12", "September last year", "DATE", "2023-09"},
      {"Sales rose last year.", "2024-06-19", "last year", "DATE", "2023"},
      {"He will travel next week.", "2024-06-12", "next week", "DATE", "2024-W25"},
      {"In March, the ministry said so.", "2024-06-12", "March", "DATE", "2024-03"},
      {"Fighting resumed in late May.", "2024-06-12", "late May", "DATE", "2024-05"},
      {"The deal was agreed June 12.", "2024-06-12", "June 12", "DATE", "2024-06-12"},
      {"Prices fell today.", "2024-06-19", "today", "DATE", "2024-06-19"},
      {"Prices fell yesterday.", "2024-06-19", "yesterday", "DATE", "2024-06-18"},
      {"Sales grew this year.", "2024-06-19", "this year", "DATE", "2024"},
      {"He left earlier this week.", "2024-06-19", "this week", "DATE", "2024-W25"},
      {"Sales rose earlier this year.", "2024-06-19", "earlier this year", "DATE", "2024"},
      {"The visit is planned for June 19-20.", "2024-06-18", "June 19-20", "DATE", "2024-06-19"},
      {"Last October he went to Moscow.", "2024-06-19", "Last October", "DATE", "2023-10"},
  };
  for (const Row& row : rows) ExpectTagged(row);
}

TEST(TimexTest, DurationsSetsTimesAndReferences) {
  const Row rows[] = {
      {"Output doubled over the past three years.", "2024-06-19", "the past three years",
       "DURATION", "P3Y"},
      {"The war lasted 24 years.", "2024-06-19", "24 years", "DURATION", "P24Y"},
      {"The flight takes two hours.", "2024-06-19", "two hours", "DURATION", "PT2H"},
      {"Now the market is calm.", "2024-06-19", "Now", "DATE", "PRESENT_REF"},
      {"The committee meets every week.", "2024-06-19", "every week", "SET", "P1W"},
      {"The plane landed at 15:57.", "2024-06-19", "15:57", "TIME", "2024-06-19T15:57"},
      {"He spoke at 10:35 a.m. EDT.", "2024-06-19", "10:35 a.m. EDT", "TIME", "2024-06-19T10:35"},
      {"It began early Wednesday morning.", "2024-06-19", "early Wednesday morning", "DATE",
       "2024-06-19"},
      {"Prices fell this morning.", "2024-06-19", "this morning", "TIME", "2024-06-19TMO"},
      {"The stock hit a five-year low.", "2024-06-19", "five-year", "DURATION", "P5Y"},
      {"Profit rose in the third quarter.", "1989-11-02", "the third quarter", "DATE", "1989-Q3"},
      {"Two days later he resigned.", "2024-06-19", "Two days later", "DATE", "2024-06-21"},
      {"Profit fell five years ago.", "1989-11-02", "five years ago", "DATE", "1984"},
      {"It was recently sold.", "2024-06-19", "recently", "DATE", "PAST_REF"},
      {"The plan covers the summer.", "2024-06-19", "the summer", "DATE", "2024-SU"},
      {"Revenue for the first nine months rose.", "1989-11-02", "the first nine months", "DURATION",
       "P9M"},
  };
  for (const Row& row : rows) ExpectTagged(row);
}

TEST(TimexTest, MoreForms) {
  const Row rows[] = {
      {"It was built in the 20th century.", "2024-06-19", "the 20th century", "DATE", "19"},
      {"The bomb went off in January nineteen ninety-seven.", "1998-02-20",
       "January nineteen ninety-seven", "DATE", "1997-01"},
      {"He promised it by the year two thousand.", "1998-02-20", "the year two thousand", "DATE",
       "2000"},
      {"They lived there for 2 1/2 years.", "1998-02-20", "2 1/2 years", "DURATION", "P2Y6M"},
      {"They waited for a year and a half.", "2024-06-19", "a year and a half", "DURATION",
       "P1Y6M"},
      {"The talks lasted one and a half hours.", "2024-06-19", "one and a half hours", "DURATION",
       "PT1H30M"},
      {"The meeting took half an hour.", "2024-06-19", "half an hour", "DURATION", "PT30M"},
      {"They met for a half hour.", "2024-06-19", "a half hour", "DURATION", "PT30M"},
      {"The clinic closed last Oct. 23 after the attack.", "1999-05-06", "last Oct. 23", "DATE",
       "1998-10-23"},
      {"A hearing is set for the week of March 6.", "2000-02-22", "the week of March 6", "DATE",
       "2000-W10"},
      {"Profit fell in the 1988 second quarter.", "1989-11-02", "the 1988 second quarter", "DATE",
       "1988-Q2"},
      {"Sales rose in this year's third quarter.", "1989-11-02", "this year's third quarter",
       "DATE", "1989-Q3"},
      {"They have feuded for years.", "2024-06-19", "years", "DURATION", "PXY"},
      {"The firm earns $33 million a year.", "2024-06-19", "a year", "SET", "P1Y"},
      {"It was popular in the nineties.", "2024-06-19", "the nineties", "DATE", "199"},
      {"Sales fell in recent months.", "2024-06-19", "recent months", "DURATION", "PXM"},
      {"He will arrive as soon as Tuesday.", "2024-06-19", "Tuesday", "DATE", "2024-06-25"},
      // The period of "Mr." does not end the clause whose verb decides the direction.
      {"During their September meeting, Mr. Kim invited him.", "2024-06-12", "September", "DATE",
       "2023-09"},
      {"He will travel next week.", nullptr, "next week", "DATE", "XXXX-WXX"},
      {"He will travel next week.", "2024-12-23", "next week", "DATE", "2025-W01"},
      {"Sales fell last week.", "2021-01-08", "last week", "DATE", "2020-W53"},
      {"Sales fell last month.", "2024-01-15", "last month", "DATE", "2023-12"},
      {"He left on Thanksgiving.", "2024-12-02", "Thanksgiving", "DATE", "2024-11-28"},
      {"Signed 19.06.2024 in Pyongyang.", nullptr, "19.06.2024", "DATE", "2024-06-19"},
      {"Posted 2024-06-19 15:57 KST.", nullptr, "2024-06-19 15:57", "TIME", "2024-06-19T15:57"},
      {"Revenue grew in Q1 2024.", nullptr, "Q1 2024", "DATE", "2024-Q1"},
      {"Talks stalled in summer 2023.", nullptr, "summer 2023", "DATE", "2023-SU"},
      {"Fighting eased by mid-June.", "2024-06-19", "mid-June", "DATE", "2024-06"},
      {"It agreed to repay the loan by February.", "1989-11-02", "February", "DATE", "1990-02"},
      {"Prices have risen since October.", "2024-06-19", "October", "DATE", "2023-10"},
      {"Protests grew this past weekend.", "2024-06-19", "this past weekend", "DATE",
       "2024-W24-WE"},
      {"He was born in May 1995 and the following year moved away.", "2024-06-19",
       "the following year", "DATE", "1996"},
  };
  for (const Row& row : rows) ExpectTagged(row);
}

TEST(TimexTest, AYearAgoMeansTheQuarterUnderDiscussion) {
  const auto found = TagTemporalExpressions(
      "Third-quarter profit rose to $5 million from $3 million a year earlier.",
      Date::FromIso("1989-11-02"), "en");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].value, "1989-Q3");
  EXPECT_EQ(found[1].text, "a year earlier");
  EXPECT_EQ(found[1].value, "1988-Q3");
}

TEST(TimexTest, AgesAreNotDurations) {
  for (const char* s : {"A 6-year-old boy was found.", "The man, 52 years old, left."}) {
    for (const auto& e : TagTemporalExpressions(s, Date::FromIso("2024-06-19"), "en")) {
      ADD_FAILURE() << s << ": " << e.text;
    }
  }
}

TEST(TimexTest, SpansAreBytesAndBadInputIsHarmless) {
  const std::string text =
      "Caf\xC3\xA9 opened \xE2\x80\x9C"
      "June 19, 2024\xE2\x80\x9D.";
  const auto found = TagTemporalExpressions(text, std::nullopt, "en");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(text.substr(found[0].span.begin, found[0].span.size()), "June 19, 2024");
  // Garbage and truncated sequences never crash and give stable output.
  std::string junk;
  for (int i = 0; i < 4096; ++i) junk += static_cast<char>((i * 131 + 7) % 256);
  junk += "12:";
  const auto a = TagTemporalExpressions(junk, Date::FromIso("2024-06-19"), "en");
  const auto b = TagTemporalExpressions(junk, Date::FromIso("2024-06-19"), "en");
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].value, b[i].value);
    EXPECT_LE(a[i].span.end, junk.size());
  }
  EXPECT_TRUE(TagTemporalExpressions("", std::nullopt, "en").empty());
}

// Word soup from the grammar's own vocabulary, so that rules fire in odd combinations: no crash,
// spans inside the text, in order, not overlapping; same output twice.
TEST(TimexTest, WordSoupIsHarmless) {
  const char* kWords[] = {
      "the",     "last",    "next",     "this",   "June", "May",      "19",   "2024",    "-",
      ",",       ".",       "'",        "s",      "year", "years",    "ago",  "earlier", "Tuesday",
      "morning", "quarter", "third",    "fiscal", "1/2",  "2",        "a.m.", ":",       "30",
      "early",   "of",      "nineteen", "ninety", "two",  "thousand", "Q",    "every",   "week",
      "the",     "end",     "(",        ")",      "T",    "12",       "/",    "'90s",    "half",
      "first",   "century", "20th",     "mid",    "fall", "summer",   "now"};
  const size_t n = sizeof(kWords) / sizeof(kWords[0]);
  uint32_t state = 12345;
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    const int len = 1 + static_cast<int>(state % 12);
    for (int k = 0; k < len; ++k) {
      state = state * 1103515245u + 12345u;
      text += kWords[(state >> 8) % n];
      if ((state >> 20) % 3 != 0) text += ' ';
    }
    const auto anchor = (round % 2) ? Date::FromIso("2024-06-19") : std::nullopt;
    const auto a = TagTemporalExpressions(text, anchor, "en");
    const auto b = TagTemporalExpressions(text, anchor, "en");
    ASSERT_EQ(a.size(), b.size()) << text;
    uint32_t last = 0;
    for (size_t k = 0; k < a.size(); ++k) {
      EXPECT_GE(a[k].span.begin, last) << text;
      EXPECT_LT(a[k].span.begin, a[k].span.end) << text;
      EXPECT_LE(a[k].span.end, text.size()) << text;
      EXPECT_FALSE(a[k].value.empty()) << text;
      EXPECT_EQ(a[k].value, b[k].value) << text;
      last = a[k].span.end;
    }
  }
}

TEST(TimexTest, NumbersThatAreNotYears) {
  const auto found = TagTemporalExpressions(
      "The army sent 2000 troops and paid $1990 for 1500 tons. Room 1520.", {}, "en");
  EXPECT_TRUE(found.empty()) << found[0].text;
}

TEST(TimexTest, TenseSetsDirection) {
  const auto past =
      TagTemporalExpressions("He visited Hanoi on Friday.", Date::FromIso("2024-06-19"), "en");
  ASSERT_EQ(past.size(), 1u);
  EXPECT_EQ(past[0].value, "2024-06-14");
  EXPECT_EQ(past[0].tense, -1);
  EXPECT_TRUE(past[0].relative);
  const auto future =
      TagTemporalExpressions("He will visit Hanoi on Friday.", Date::FromIso("2024-06-19"), "en");
  ASSERT_EQ(future.size(), 1u);
  EXPECT_EQ(future[0].value, "2024-06-21");
  EXPECT_EQ(future[0].tense, 1);
}

// The sample pages: every expression of gold.json is found, overlapping the given text on its
// line, with the given value, when anchored at the article's publication date.
TEST(TimexTest, SeedsGold) {
  const std::string dir = std::string(NEWSLOOM_SHARED_DIR) + "/corpus/seeds/";
  std::ifstream gold_in(dir + "gold.json");
  ASSERT_TRUE(gold_in.good()) << "missing sample data: " << dir << "gold.json";
  const nlohmann::json gold = nlohmann::json::parse(gold_in);
  const std::map<std::string, std::string> anchors = {
      {"001", "2024-06-19"}, {"002", "2024-06-12"}, {"003", "2024-06-18"}, {"004", "2024-06-19"}};
  ASSERT_FALSE(gold["temporal_expressions"].empty());
  for (const auto& item : gold["temporal_expressions"]) {
    const std::string file = item["file"];
    std::ifstream in(dir + file);
    ASSERT_TRUE(in.good()) << "missing sample page: " << dir << file;
    std::stringstream buf;
    buf << in.rdbuf();
    const std::string page = buf.str();
    const auto anchor = Date::FromIso(anchors.at(file.substr(0, 3)));
    // The line's byte range.
    size_t begin = 0;
    for (int line = 1; line < item["line"].get<int>(); ++line) begin = page.find('\n', begin) + 1;
    const size_t end = std::min(page.find('\n', begin), page.size());
    const std::string want = item["text"];
    const size_t at = page.find(want, begin);
    ASSERT_TRUE(at != std::string::npos && at < end) << file << ": " << want;
    bool ok = false;
    std::string got;
    for (const TemporalExpression& e : TagTemporalExpressions(page, anchor, "en")) {
      if (e.span.end <= at || e.span.begin >= at + want.size()) continue;
      got += "[" + e.text + "=" + e.value + "] ";
      if (e.value == item["value"]) ok = true;
    }
    EXPECT_TRUE(ok) << file << " line " << item["line"] << ": \"" << want << "\" should be "
                    << item["value"] << "; got " << got;
  }
}

}  // namespace
}  // namespace newsloom::timex
