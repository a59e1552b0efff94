#include "newsloom/quotes.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

namespace newsloom::analyze {
namespace {

struct Row {
  std::string body;
  std::string text;     // of the first quote
  std::string speaker;  // its speaker ("" for none)
  std::string cue;
  std::string kind;
};

class QuoteRows : public ::testing::TestWithParam<Row> {};

TEST_P(QuoteRows, FirstQuote) {
  const Row& r = GetParam();
  const std::vector<Quote> quotes = FindQuotes(r.body);
  ASSERT_FALSE(quotes.empty()) << r.body;
  const Quote& q = quotes[0];
  EXPECT_EQ(q.text, r.text);
  EXPECT_EQ(q.speaker, r.speaker);
  EXPECT_EQ(q.cue, r.cue);
  EXPECT_EQ(q.kind, r.kind);
  EXPECT_EQ(r.body.substr(q.span.begin, q.span.size()), q.text);
  if (!q.speaker.empty() && q.speaker_span.size() > 0) {
    EXPECT_LE(q.speaker_span.end, r.body.size());
  }
}

INSTANTIATE_TEST_SUITE_P(
    Table, QuoteRows,
    ::testing::Values(
        Row{"\"We will win this race,\" the senator said.", "We will win this race,", "the senator",
            "said", "direct"},
        Row{"“We will win,” said Mr. Lee, who leads the party.", "We will win,", "Mr. Lee", "said",
            "direct"},
        Row{"The minister said: «Nothing has been decided yet about the plan.»",
            "Nothing has been decided yet about the plan.", "The minister", "said", "direct"},
        Row{"Anna Berg spoke first. „Wir schaffen das und mehr“, she added.",
            "Wir schaffen das und mehr", "Anna Berg", "added", "direct"},
        Row{"The mayor told reporters that the bridge would reopen next week.",
            "that the bridge would reopen next week", "The mayor", "told", "indirect"},
        Row{"According to the report, prices rose by three percent last year.",
            "prices rose by three percent last year", "the report", "According to", "indirect"},
        Row{"Prices will rise again next year, the central bank said.",
            "Prices will rise again next year", "the central bank", "said", "indirect"},
        Row{"''It is too early to tell,'' Ms. Ortiz said.", "It is too early to tell,", "Ms. Ortiz",
            "said", "direct"}));

TEST(FindQuotes, QuoteOverParagraphsKeepsSpeaker) {
  const std::string body =
      "Governor Jane Roe told the crowd:\n"
      "“We have rebuilt the roads and the schools.\n"
      "“And we will rebuild the hospital too,” the crowd heard.";
  const std::vector<Quote> quotes = FindQuotes(body, QuoteOptions{.indirect = false});
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_THAT(quotes[0].text, ::testing::StartsWith("We have rebuilt"));
  EXPECT_THAT(quotes[0].text, ::testing::EndsWith("hospital too,"));
  EXPECT_EQ(quotes[0].speaker, "Governor Jane Roe");
}

TEST(FindQuotes, PronounResolvesToLastName) {
  const std::string body =
      "Maria Lopez leads the union. “The strike goes on until the offer improves,” she said.";
  const std::vector<Quote> quotes = FindQuotes(body, QuoteOptions{.indirect = false});
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_EQ(quotes[0].speaker, "Maria Lopez");
  EXPECT_EQ(body.substr(quotes[0].speaker_span.begin, quotes[0].speaker_span.size()), "she");
}

TEST(FindQuotes, ConsecutiveQuotesKeepSpeaker) {
  const std::string body =
      "“Our team is ready for the final,” coach Tom Hale said.\n"
      "“We have trained for this match all year long and nobody is injured.”";
  const std::vector<Quote> quotes = FindQuotes(body, QuoteOptions{.indirect = false});
  ASSERT_EQ(quotes.size(), 2u);
  EXPECT_EQ(quotes[0].speaker, "Tom Hale");
  EXPECT_EQ(quotes[1].speaker, "Tom Hale");
}

TEST(FindQuotes, DashSignatureNamesTheSpeaker) {
  const std::string body =
      "Readers wrote in after the debate.\n"
      "“He cannot answer a question without scaring people first.” \xE2\x80\x95 Jane Ortiz\n"
      "“We deserve a president who respects every community in this country.”\xE2\x80\x95 "
      "Carl Mendez.\n";
  const std::vector<Quote> quotes = FindQuotes(body, QuoteOptions{.indirect = false});
  ASSERT_EQ(quotes.size(), 2u);
  EXPECT_EQ(quotes[0].speaker, "Jane Ortiz");
  EXPECT_EQ(quotes[1].speaker, "Carl Mendez");
}

TEST(FindQuotes, NameBeforeLongAppositionIsTheSpeaker) {
  const std::string body =
      "“It has the important virtue of being fiscally responsible,” Leonard Burman, director of "
      "the centrist tax policy centre and a professor at the state university, said of the plan.";
  const std::vector<Quote> quotes = FindQuotes(body, QuoteOptions{.indirect = false});
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_EQ(quotes[0].speaker, "Leonard Burman");
}

TEST(FindQuotes, SentenceSubjectBeforeAppositionAndParenthesis) {
  const std::vector<Quote> a = FindQuotes(
      "Jean Ayrault, the foreign minister of France, said the test was a “provocation that "
      "cannot be left without consequences.”",
      QuoteOptions{.indirect = false});
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].speaker, "Jean Ayrault");
  const std::vector<Quote> b = FindQuotes(
      "“He would be a great senator, one of the brightest members,” Rep. Elijah Cummings (D-Md.) "
      "said in a phone interview.",
      QuoteOptions{.indirect = false});
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(b[0].speaker, "Rep. Elijah Cummings");
}

TEST(FindQuotes, ClauseSpansCoverTheReportedClauseOnRequest) {
  const std::string body =
      "Hillary Clinton says Donald Trump's late-night tweets were “unhinged, even for him.”";
  const std::vector<Quote> plain = FindQuotes(body, QuoteOptions{.indirect = false});
  ASSERT_EQ(plain.size(), 1u);
  EXPECT_EQ(plain[0].text, "unhinged, even for him.");
  EXPECT_EQ(plain[0].speaker, "Hillary Clinton");
  QuoteOptions options;
  options.indirect = false;
  options.clause_spans = true;
  const std::vector<Quote> clause = FindQuotes(body, options);
  ASSERT_EQ(clause.size(), 1u);
  EXPECT_THAT(clause[0].text, ::testing::StartsWith("Donald Trump's late-night tweets were"));
  EXPECT_EQ(clause[0].span.end, plain[0].span.end);
  EXPECT_EQ(clause[0].speaker, "Hillary Clinton");
}

TEST(FindQuotes, ApostrophesAndScareQuotesAreNotQuotes) {
  EXPECT_TRUE(FindQuotes("The workers' union didn't sign the 'deal' in the '90s.").empty());
  EXPECT_TRUE(FindQuotes("The so-called “reform” passed on Monday.").empty());
}

TEST(FindQuotes, BadInputDoesNotCrash) {
  for (const std::string body : {std::string(""), std::string("\""), std::string("“"),
                                 std::string("\xE2\x80"), std::string("said said said"),
                                 std::string("\xFF\xFE“\xC2“ he said"), std::string(5000, '"')}) {
    std::vector<Quote> quotes = FindQuotes(body);
    for (const Quote& q : quotes) {
      EXPECT_LE(q.span.end, body.size());
      EXPECT_LE(q.span.begin, q.span.end);
    }
  }
}

// The sample pages' reference quotes: each must be found on its line with the right speaker
// (at least the family name).
TEST(FindQuotes, SeedQuotes) {
  const std::string dir = std::string(NEWSLOOM_SHARED_DIR) + "/corpus/seeds/";
  std::ifstream gold_in(dir + "gold.json");
  ASSERT_TRUE(gold_in) << "sample data missing: " << dir << "gold.json";
  const nlohmann::json gold = nlohmann::json::parse(gold_in, nullptr, false);
  ASSERT_TRUE(gold.contains("quotes")) << "gold.json has no quotes";
  int found = 0, total = 0;
  for (const auto& g : gold["quotes"]) {
    ++total;
    const std::string file = g["file"];
    std::ifstream in(dir + file);
    ASSERT_TRUE(in) << "sample page missing: " << dir << file;
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string body = ss.str();
    // The byte range of the line (1-based).
    size_t begin = 0;
    for (int line = 1; line < g["line"].get<int>() && begin != std::string::npos; ++line) {
      begin = body.find('\n', begin);
      if (begin != std::string::npos) ++begin;
    }
    ASSERT_NE(begin, std::string::npos) << file << " line " << g["line"];
    size_t end = body.find('\n', begin);
    if (end == std::string::npos) end = body.size();
    const std::string starts = g["starts"];
    const std::string speaker = g["speaker"];
    // The family name comes first in some names, last in others.
    const std::string last = speaker.substr(speaker.rfind(' ') + 1);
    const std::string first = speaker.substr(0, speaker.find(' '));
    bool ok = false;
    std::string seen;
    for (const Quote& q : FindQuotes(body)) {
      if (q.span.end <= begin || q.span.begin >= end) continue;
      if (q.text.find(starts) == std::string::npos) continue;
      seen += " [" + q.speaker + "]";
      if (q.speaker.find(last) != std::string::npos || q.speaker.find(first) != std::string::npos)
        ok = true;
    }
    EXPECT_TRUE(ok) << file << " line " << g["line"] << ": \"" << starts << "\" by " << speaker
                    << "; found speakers:" << seen;
    found += ok;
  }
  EXPECT_EQ(found, total);
}

// German, French and Spanish speech verbs and quotation marks, each read with its language's
// words; the same text read as English finds no speaker.
struct OtherLanguageRow {
  const char* language;
  std::string body;
  std::string speaker;
  std::string cue;
};

TEST(FindQuotes, SpeechVerbsOfGermanFrenchAndSpanish) {
  const OtherLanguageRow rows[] = {
      {"de", "„Wir werden nicht nachgeben“, sagte Olaf Scholz am Montag in Berlin.", "Olaf Scholz",
       "sagte"},
      {"fr", "« Nous ne céderons pas », a déclaré Emmanuel Macron lundi à Paris.",
       "Emmanuel Macron", "déclaré"},
      {"es", "“No vamos a ceder”, dijo Pedro Sánchez el lunes en Madrid.", "Pedro Sánchez", "dijo"},
  };
  for (const OtherLanguageRow& row : rows) {
    const std::vector<Quote> quotes =
        FindQuotes(row.body, QuoteOptions{.language = row.language, .indirect = false});
    ASSERT_EQ(quotes.size(), 1u) << row.language;
    EXPECT_EQ(quotes[0].speaker, row.speaker) << row.language;
    EXPECT_EQ(quotes[0].cue, row.cue) << row.language;
    const std::vector<Quote> as_english = FindQuotes(row.body, QuoteOptions{.indirect = false});
    EXPECT_TRUE(as_english.empty() || as_english[0].speaker.empty()) << row.language;
  }
}

}  // namespace
}  // namespace newsloom::analyze
