#include "analyze/figures.h"

#include <gtest/gtest.h>

#include <string>

#include "text/segment.h"
#include "timex/timex.h"

namespace newsloom::analyze {
namespace {

std::vector<Figure> Find(const std::string& body, const char* published = "2024-06-19",
                         const char* language = "en") {
  const std::optional<Date> date = Date::FromIso(published);
  const std::vector<Span> sentences = {Span{0, static_cast<uint32_t>(body.size())}};
  const Result<text::Segmentation> seg = text::Segment(body);
  EXPECT_TRUE(seg.ok());
  return FindFigures(body, text::JoinHyphenated(seg->tokens), sentences,
                     timex::TagTemporalExpressions(body, date, language), date, language);
}

TEST(FindFigures, CountWithQualifierAndDate) {
  const std::string body =
      "In March, the union said the carmaker had laid off about 3,000 workers in the region.";
  const auto figures = Find(body);
  ASSERT_EQ(figures.size(), 1u);
  EXPECT_EQ(figures[0].text, "about 3,000 workers");
  EXPECT_EQ(figures[0].value, 3000);
  EXPECT_EQ(figures[0].unit, "worker");
  EXPECT_EQ(figures[0].approx, "about");
  EXPECT_EQ(figures[0].reference_date, "2024-03");
  EXPECT_EQ(body.substr(figures[0].span.begin, figures[0].span.size()), figures[0].text);
}

TEST(FindFigures, PublicationDateWhenTheSentenceHasNone) {
  const auto figures = Find("The strike caused 24 injuries and damaged 50 homes.");
  ASSERT_EQ(figures.size(), 2u);
  EXPECT_EQ(figures[0].unit, "injury");
  EXPECT_EQ(figures[0].value, 24);
  EXPECT_EQ(figures[0].reference_date, "2024-06-19");
  EXPECT_EQ(figures[1].unit, "home");
  EXPECT_EQ(figures[1].value, 50);
}

TEST(FindFigures, HyphenatedMeasureNamesItsThing) {
  const auto figures = Find("Dockers began a three-day round-the-clock strike on Wednesday.");
  ASSERT_EQ(figures.size(), 1u);
  EXPECT_EQ(figures[0].value, 3);
  EXPECT_EQ(figures[0].unit, "day");
  EXPECT_EQ(figures[0].thing, "strike");
  EXPECT_EQ(figures[0].text, "three-day round-the-clock strike");
}

TEST(FindFigures, SpelledOutScaledRangesPercentAndMoney) {
  const auto figures = Find(
      "Twenty-five nations pledged $3 million, between 5 and 10 percent of the cost, "
      "and sent 2.5 billion euros and 40% more troops.");
  ASSERT_EQ(figures.size(), 5u);
  EXPECT_EQ(figures[0].value, 25);
  EXPECT_EQ(figures[0].unit, "nation");
  EXPECT_EQ(figures[1].value, 3e6);
  EXPECT_EQ(figures[1].unit, "usd");
  EXPECT_EQ(figures[1].text, "$3 million");
  EXPECT_EQ(figures[2].value, 5);
  EXPECT_EQ(figures[2].value_high, 10);
  EXPECT_EQ(figures[2].unit, "percent");
  EXPECT_EQ(figures[3].value, 2.5e9);
  EXPECT_EQ(figures[3].unit, "eur");
  EXPECT_EQ(figures[4].value, 40);
  EXPECT_EQ(figures[4].unit, "percent");
}

TEST(FindFigures, DatesYearsAndBareNumbersAreNotFigures) {
  EXPECT_TRUE(Find("On June 19, 2024, at 10:30 the 2024 elections began.").empty());
  EXPECT_TRUE(Find("He was one of them, and the vote was 12 to the good.").empty());
  EXPECT_TRUE(Find("It is the first of its kind.").empty());
}

TEST(FindFigures, BadInputDoesNotCrash) {
  for (const std::string body :
       {std::string(), std::string("\xff\xfe 7,"), std::string("$"), std::string("5 to"),
        std::string("between 3 and"), std::string(3000, '9'), std::string("1,2,3,4 - - 5")}) {
    for (const Figure& f : Find(body)) {
      EXPECT_LE(f.span.end, body.size());
      EXPECT_LE(f.span.begin, f.span.end);
    }
  }
}

TEST(NumberWordValue, Words) {
  EXPECT_EQ(NumberWordValue("two"), 2);
  EXPECT_EQ(NumberWordValue("nineteen"), 19);
  EXPECT_EQ(NumberWordValue("ninety"), 90);
  EXPECT_EQ(NumberWordValue("dozen"), 12);
  EXPECT_EQ(NumberWordValue("meeting"), -1);
}

// Words are the analysis's tokens, so letters beyond ASCII stay inside their word.
TEST(FindFigures, UnitsBeyondAscii) {
  const std::string body = "Selon la police, 200 blessés ont été transportés à l'hôpital.";
  const auto figures = Find(body);
  ASSERT_EQ(figures.size(), 1u);
  EXPECT_EQ(figures[0].text, "200 blessés");
  EXPECT_EQ(figures[0].value, 200);
  EXPECT_EQ(figures[0].unit, "blessé");
}

// German, French and Spanish write a decimal comma and a thousands dot.
TEST(FindFigures, NumbersInTheNotationOfTheLanguage) {
  const auto german = Find("Die Polizei zählte rund 3.000 Demonstranten.", "2024-06-19", "de");
  ASSERT_EQ(german.size(), 1u);
  EXPECT_EQ(german[0].value, 3000);
  const auto spanish = Find("La inflación subió un 2,5 por ciento.", "2024-06-19", "es");
  ASSERT_EQ(spanish.size(), 1u);
  EXPECT_EQ(spanish[0].value, 2.5);
  const auto english = Find("Police counted about 3.5 thousand protesters.");
  ASSERT_EQ(english.size(), 1u);
  EXPECT_EQ(english[0].value, 3500);
}

}  // namespace
}  // namespace newsloom::analyze
