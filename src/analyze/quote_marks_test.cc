#include "analyze/quote_marks.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace newsloom::analyze {
namespace {

std::vector<std::string> Quoted(std::string_view s) {
  std::vector<std::string> out;
  for (const RawQuote& q : FindQuoteMarks(s)) {
    out.emplace_back(s.substr(q.inner_begin, q.inner_end - q.inner_begin));
  }
  return out;
}

TEST(QuoteMarksTest, MarksOfSeveralLanguages) {
  EXPECT_EQ(Quoted("He said \"no deal\" today."), (std::vector<std::string>{"no deal"}));
  EXPECT_EQ(Quoted("Er sagte: \xE2\x80\x9EWir m\xC3\xBCssen\xE2\x80\x9C."),
            (std::vector<std::string>{"Wir m\xC3\xBC"
                                      "ssen"}));
  EXPECT_EQ(Quoted("Il a dit : \xC2\xAB Non \xC2\xBB."), (std::vector<std::string>{" Non"}));
  EXPECT_EQ(Quoted("\xE2\x80\x9C"
                   "Curly\xE2\x80\x9D"),
            (std::vector<std::string>{"Curly"}));
}

TEST(QuoteMarksTest, ApostrophesAreNoQuotes) {
  EXPECT_TRUE(Quoted("We don't know what the '90s meant.").empty());
  EXPECT_EQ(Quoted("He called it 'a mess' twice."), (std::vector<std::string>{"a mess"}));
}

TEST(QuoteMarksTest, AnOpenQuoteRunsOnIntoTheNextQuotedParagraph) {
  const std::string s = "\"First part.\n\"Second part.\" Then more.";
  const std::vector<RawQuote> q = FindQuoteMarks(s);
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(s.substr(q[0].inner_begin, q[0].inner_end - q[0].inner_begin),
            "First part.\n\"Second part.");
}

}  // namespace
}  // namespace newsloom::analyze
