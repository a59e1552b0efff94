#include "extract/publication.h"

#include <gtest/gtest.h>

namespace newsloom::extract {
namespace {

TEST(DateInUrlTest, PathForms) {
  struct Row {
    const char* url;
    std::optional<Date> date;
    bool has_day;
  } rows[] = {
      {"https://example.org/2012/05/31/title/", Date{2012, 5, 31}, true},
      {"https://example.org/news/2019-04-02-title", Date{2019, 4, 2}, true},
      {"https://example.org/politics/debate-highlights-20240910.html", Date{2024, 9, 10}, true},
      {"https://example.org/news/20250102-230974", Date{2025, 1, 2}, true},
      {"https://example.org/world/2024/jul/14/final-report", Date{2024, 7, 14}, true},
      {"https://example.org/2013/may/03/local/story", Date{2013, 5, 3}, true},
      {"https://example.org/2012/7/7/3143743/results", Date{2012, 7, 7}, true},
      {"https://example.org/blog/2024/09/rate-cut", Date{2024, 9, 1}, false},
      {"https://example.org/id/120190402", std::nullopt, true},
      {"https://example.org/item/3149555-title", std::nullopt, true},
      {"https://2024.example.org/12/10/x", std::nullopt, true},  // the host is no path
      {"https://example.org/story?date=2024-01-01", std::nullopt, true},
      {"", std::nullopt, true},
  };
  for (const Row& row : rows) {
    const std::optional<UrlDate> got = DateInUrl(row.url);
    ASSERT_EQ(got.has_value(), row.date.has_value()) << row.url;
    if (!got) continue;
    EXPECT_EQ(got->date, *row.date) << row.url;
    EXPECT_EQ(got->has_day, row.has_day) << row.url;
  }
}

TEST(PageDateSignalsTest, CrawlDateLineGivenAndFetched) {
  const DateSignals s = PageDateSignals(std::string_view("2024-06-19T10:00:00Z"),
                                        "2024-06-20T08:00:00Z", "https://example.org/a",
                                        "Headline\n\n date 2024-06-18 The story begins here.");
  EXPECT_EQ(s.given, (Date{2024, 6, 19}));
  EXPECT_EQ(s.crawled, (Date{2024, 6, 20}));
  EXPECT_EQ(s.date_line, (Date{2024, 6, 18}));
  EXPECT_FALSE(s.url.has_value());
  EXPECT_FALSE(PageDateSignals(std::nullopt, "", "", "A line about a date 2024-06-18.").date_line);
}

TEST(PageDateSignalsTest, CrawlMonthLineBoundsTheCrawl) {
  const DateSignals s = PageDateSignals(std::nullopt, "", "https://example.org/a",
                                        "Headline\n\n date 2024-07 Der Text beginnt hier.");
  EXPECT_FALSE(s.date_line.has_value());
  EXPECT_EQ(s.crawl_month, (Date{2024, 7, 1}));
  EXPECT_EQ(s.crawled, (Date{2024, 7, 31}));
  EXPECT_EQ(PageDateSignals(std::nullopt, "", "", "date 2024-12\nText").crawled,
            (Date{2024, 12, 31}));
}

Article Resolved(const DateSignals& s, std::string_view text = "") {
  Article a;
  ResolvePublication(s, text, &a);
  return a;
}

TEST(ResolvePublicationTest, SignalsInOrderOfTrust) {
  DateSignals s;
  s.metadata = Date{2024, 6, 10};
  s.metadata_confidence = 0.95;
  s.url = UrlDate{Date{2024, 6, 11}, true};
  s.date_line = Date{2024, 6, 12};
  // The URL's day stands for a metadata timestamp a day off (UTC against the publisher's day).
  Article a = Resolved(s);
  EXPECT_EQ(a.published, (Date{2024, 6, 11}));
  EXPECT_EQ(a.published_source, DateSource::kUrl);
  // Further apart, metadata wins.
  s.url = UrlDate{Date{2024, 6, 20}, true};
  EXPECT_EQ(Resolved(s).published_source, DateSource::kMetadata);
  s.metadata.reset();
  EXPECT_EQ(Resolved(s).published, (Date{2024, 6, 20}));
  s.url.reset();
  a = Resolved(s);
  EXPECT_EQ(a.published, (Date{2024, 6, 12}));
  EXPECT_EQ(a.published_source, DateSource::kDateLine);
  s.given = Date{2024, 6, 1};
  a = Resolved(s);
  EXPECT_EQ(a.published, (Date{2024, 6, 1}));
  EXPECT_EQ(a.published_source, DateSource::kGiven);
  EXPECT_EQ(a.published_confidence, 1.0);
}

TEST(ResolvePublicationTest, NoSignalStaysUndated) {
  const Article a = Resolved(DateSignals{}, "The council met on Tuesday and agreed the plan.");
  EXPECT_FALSE(a.published.has_value());
  EXPECT_EQ(a.published_source, DateSource::kNone);
}

TEST(ResolvePublicationTest, TheCrawlBoundsEverySignal) {
  DateSignals s;
  s.crawled = Date{2024, 3, 1};
  s.url = UrlDate{Date{2024, 5, 1}, true};  // after the crawl: impossible
  s.date_line = Date{2024, 2, 28};
  EXPECT_EQ(Resolved(s).published, (Date{2024, 2, 28}));
}

TEST(ResolvePublicationTest, YearlessDatesTakeTheYearOfTheOtherEvidence) {
  DateSignals s;
  s.crawled = Date{2024, 6, 22};
  const Article a = Resolved(s, "WASHINGTON, June 20 - The senate passed the bill on Thursday.");
  EXPECT_EQ(a.published, (Date{2024, 6, 20}));
  // The URL's month gives the year too, and rules out a text date outside it.
  DateSignals by_month;
  by_month.url = UrlDate{Date{2023, 9, 1}, false};
  EXPECT_EQ(Resolved(by_month, "LONDON, Sept. 18 - Rates were cut.").published,
            (Date{2023, 9, 18}));
  EXPECT_FALSE(Resolved(by_month, "LONDON, Nov. 18 - Rates were cut.").published.has_value());
}

TEST(ResolvePublicationTest, TextDatesAreReadInTheArticlesLanguage) {
  DateSignals s;
  s.crawl_month = Date{2024, 2, 1};
  s.crawled = Date{2024, 2, 29};
  Article fr;
  fr.language = "fr";
  ResolvePublication(s,
                     "L'opposant est mort en prison, ont annoncé ce vendredi 16 février les "
                     "autorités.",
                     &fr);
  EXPECT_EQ(fr.published, (Date{2024, 2, 16}));
  // A date long before the crawl's month is background, not the day of writing.
  Article es;
  es.language = "es";
  s.crawl_month = Date{2024, 10, 1};
  s.crawled = Date{2024, 10, 31};
  ResolvePublication(s, "El cerebro del ataque del 7 de octubre de 2023 ha muerto.", &es);
  EXPECT_FALSE(es.published.has_value());
}

TEST(ResolvePublicationTest, BackgroundDatesFarFromTheCrawlAreNoPublicationDate) {
  DateSignals s;
  s.crawled = Date{2024, 11, 6};
  const Article a = Resolved(s, "The party last won on November 5, 2016, and lost in 2020.");
  EXPECT_FALSE(a.published.has_value());
}

}  // namespace
}  // namespace newsloom::extract
