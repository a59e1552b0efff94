#include "story/quote_merge.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "story/claims.h"
#include "text/segment.h"

namespace newsloom::story {
namespace {

// An article cut into tokens, as analysis gives it.
AnalyzedArticle Segmented(const std::string& id, const std::string& body) {
  AnalyzedArticle a;
  a.article.id = id;
  a.article.body = body;
  auto seg = text::Segment(body);
  EXPECT_TRUE(seg.ok());
  if (seg.ok()) {
    a.tokens = std::move(seg->tokens);
    a.sentences = std::move(seg->sentences);
  }
  return a;
}

AnalyzedArticle ArticleWith(const std::string& id, const std::string& body,
                            const std::vector<Quote>& quotes) {
  AnalyzedArticle a = Segmented(id, body);
  a.quotes = quotes;
  return a;
}

std::vector<std::string> WordsOf(const std::string& text) {
  const AnalyzedArticle a = Segmented("", text);
  return QuoteWords(a.tokens, Span{0, static_cast<uint32_t>(text.size())});
}

Quote QuoteOf(const std::string& body, const std::string& text, const std::string& speaker) {
  Quote q;
  q.span.begin = static_cast<uint32_t>(body.find(text));
  q.span.end = static_cast<uint32_t>(q.span.begin + text.size());
  q.text = text;
  q.speaker = speaker;
  q.speaker_span.begin = static_cast<uint32_t>(body.find(speaker));
  q.speaker_span.end = static_cast<uint32_t>(q.speaker_span.begin + speaker.size());
  q.cue = "said";
  return q;
}

TEST(QuoteWords, StammersPunctuationAndEllipsesAreDropped) {
  EXPECT_EQ(WordsOf("Supplies to the north, and other \xE2\x80\x93 and other goods"),
            (std::vector<std::string>{"supplies", "to", "the", "north", "and", "other", "goods"}));
  EXPECT_EQ(WordsOf("Supplies to the north \xE2\x80\xA6 and other goods"),
            WordsOf("supplies to the North, and other \xE2\x80\x93 and other goods"));
  EXPECT_EQ(WordsOf("We don’t know co-operation."),
            (std::vector<std::string>{"we", "dont", "know", "cooperation"}));
  EXPECT_EQ(WordsOf("Müller sagte: Wir müssen"),
            (std::vector<std::string>{"müller", "sagte", "wir", "müssen"}));
  // Only the words inside the span count.
  const AnalyzedArticle a = Segmented("", "He said: \"No deal.\" Then he left.");
  EXPECT_EQ(QuoteWords(a.tokens, Span{10, 18}), (std::vector<std::string>{"no", "deal"}));
}

TEST(MergeQuotes, SameWordsSameSpeakerAreOneQuote) {
  const std::string b1 = "\"The plan is dead and other plans will fail too,\" Ann Lee said.";
  const std::string b2 = "Ann Lee said: \"The plan is dead ... other plans will fail too.\"";
  const std::string b3 = "\"The plan is dead and other plans will fail too,\" Bob Ray said.";
  const AnalyzedArticle a1 = ArticleWith(
      "a1", b1, {QuoteOf(b1, "The plan is dead and other plans will fail too,", "Ann Lee")});
  const AnalyzedArticle a2 = ArticleWith(
      "a2", b2, {QuoteOf(b2, "The plan is dead ... other plans will fail too.", "Ann Lee")});
  const AnalyzedArticle a3 = ArticleWith(
      "a3", b3, {QuoteOf(b3, "The plan is dead and other plans will fail too,", "Bob Ray")});
  const std::vector<StoryQuote> quotes = MergeQuotes({&a1, &a2, &a3}, {"o1", "o2", "o3"}, {});
  ASSERT_EQ(quotes.size(), 2u);  // another speaker's same words stay apart
  EXPECT_EQ(quotes[0].citations.size(), 2u);
  EXPECT_EQ(quotes[0].independent_sources, 2);
  EXPECT_EQ(quotes[0].citations[0].article_id, "a1");
  EXPECT_EQ(quotes[0].citations[1].article_id, "a2");
  EXPECT_EQ(quotes[1].speaker, "Bob Ray");
}

TEST(MergeQuotes, SpeakerLinksToTheStoryEntity) {
  const std::string body = "\"We will not give up the fight for this town,\" Mr. Lee said.";
  const AnalyzedArticle a = ArticleWith(
      "a", body, {QuoteOf(body, "We will not give up the fight for this town,", "Mr. Lee")});
  StoryEntity ann;
  ann.id = "e1";
  ann.name = "Ann Lee";
  ann.type = "PER";
  ann.variants = {"Ann Lee"};
  const std::vector<StoryQuote> quotes = MergeQuotes({&a}, {"o"}, {ann});
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_EQ(quotes[0].speaker_entity, "e1");
  EXPECT_EQ(quotes[0].speaker, "Ann Lee");
}

Figure FigureOf(const std::string& body, const std::string& text, double value,
                const std::string& unit, const std::string& date) {
  Figure f;
  f.span.begin = static_cast<uint32_t>(body.find(text));
  f.span.end = static_cast<uint32_t>(f.span.begin + text.size());
  f.text = text;
  f.value = f.value_high = value;
  f.unit = unit;
  f.reference_date = date;
  f.sentence = Span{0, static_cast<uint32_t>(body.size())};
  return f;
}

TEST(CompareClaims, AgreeDifferAndSeries) {
  const std::string b1 = "The flood destroyed 300 homes in the river valley, officials said.";
  const std::string b2 =
      "Officials said 450 homes in the river valley were destroyed by the flood.";
  const std::string b3 = "By March the flood had destroyed 900 homes in the river valley.";
  AnalyzedArticle a1 = Segmented("a1", b1), a2 = Segmented("a2", b2), a3 = Segmented("a3", b3);
  a1.figures = {FigureOf(b1, "300 homes", 300, "home", "2024-01-10")};
  a2.figures = {FigureOf(b2, "450 homes", 450, "home", "2024-01-10")};
  a3.figures = {FigureOf(b3, "900 homes", 900, "home", "2024-03")};

  std::vector<Claim> claims = CompareClaims({&a1, &a2}, {"o1", "o2"});
  ASSERT_EQ(claims.size(), 1u);
  EXPECT_EQ(claims[0].status, "differ");
  EXPECT_EQ(claims[0].values.size(), 2u);

  claims = CompareClaims({&a1, &a3}, {"o1", "o3"});
  ASSERT_EQ(claims.size(), 1u);
  EXPECT_EQ(claims[0].status, "series");
  EXPECT_EQ(claims[0].values.front().reference_date, "2024-01-10");

  a2.figures[0].value = a2.figures[0].value_high = 300;
  claims = CompareClaims({&a1, &a2}, {"o1", "o2"});
  ASSERT_EQ(claims.size(), 1u);
  EXPECT_EQ(claims[0].status, "agree");

  // One source (a copy group) is never compared with itself.
  EXPECT_TRUE(CompareClaims({&a1, &a3}, {"same", "same"}).empty());
}

}  // namespace
}  // namespace newsloom::story
