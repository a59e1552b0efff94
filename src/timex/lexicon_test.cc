#include "timex/lexicon.h"

#include <gtest/gtest.h>

#include "timex/embedded_languages.h"
#include "timex/tokens.h"

namespace newsloom::timex {
namespace {

TEST(LexiconTest, EveryTableOfTheProgramReads) {
  ASSERT_GT(kEmbeddedLanguageCount, 0u);
  for (size_t k = 0; k < kEmbeddedLanguageCount; ++k) {
    const Result<Lexicon> lex = Lexicon::Parse(kEmbeddedLanguages[k].table);
    EXPECT_TRUE(lex.ok()) << kEmbeddedLanguages[k].code << ": " << lex.status().ToString();
    EXPECT_FALSE(LexiconFor(kEmbeddedLanguages[k].code).empty()) << kEmbeddedLanguages[k].code;
  }
  EXPECT_TRUE(LexiconFor("xx").empty());
  EXPECT_TRUE(LexiconFor("").empty());
}

TEST(LexiconTest, ReadsWordsConceptsAndDirectives) {
  const Result<Lexicon> lex = Lexicon::Parse(
      "# a table\n"
      "@ordinal-dot\n"
      "@elisions l d   # elided articles\n"
      "Januar, Jan : month=1\n"
      "jan : +abbrev\n"
      "Jahre, jahren : unit=year +plural\n"
      "letzten : last previous\n"
      "the, of : _\n"
      "il y a : ago-before\n"
      "thanksgiving : holiday=11-4#4\n"
      "heute : day=0 ref=PRESENT_REF\n");
  ASSERT_TRUE(lex.ok()) << lex.status().ToString();
  const LexEntry* jan = lex->Find("jan");
  ASSERT_NE(jan, nullptr);
  EXPECT_EQ(jan->month, 1);
  EXPECT_TRUE(jan->abbrev);
  EXPECT_EQ(lex->Find("januar")->month, 1);
  EXPECT_FALSE(lex->Find("januar")->abbrev);
  EXPECT_TRUE(lex->Find("jahren")->plural);
  EXPECT_EQ(lex->Find("jahre")->unit, Unit::kYear);
  EXPECT_TRUE(lex->Find("letzten")->Is("last"));
  EXPECT_TRUE(lex->Find("letzten")->Is("previous"));
  EXPECT_FALSE(lex->Find("letzten")->Is("next"));
  EXPECT_TRUE(lex->Find("of")->Is("of"));
  EXPECT_FALSE(lex->Find("of")->Is("the"));
  EXPECT_TRUE(lex->Find("il y a")->Is("ago-before"));
  EXPECT_EQ(lex->Find("thanksgiving")->holiday_month, 11);
  EXPECT_EQ(lex->Find("thanksgiving")->holiday_weekday, 3);
  EXPECT_EQ(lex->Find("thanksgiving")->holiday_nth, 4);
  EXPECT_EQ(lex->Find("heute")->day, 0);
  EXPECT_STREQ(lex->Find("heute")->ref, "PRESENT_REF");
  EXPECT_TRUE(lex->ordinal_dot());
  EXPECT_EQ(lex->elisions(), (std::vector<std::string>{"l", "d"}));
  const auto* phrases = lex->PhrasesStartingWith("il");
  ASSERT_NE(phrases, nullptr);
  EXPECT_EQ((*phrases)[0].pieces, (std::vector<std::string>{"il", "y", "a"}));
  EXPECT_EQ(lex->Find("heute")->month, 0);
}

TEST(LexiconTest, BadLinesAreNamed) {
  const struct {
    const char* table;
    const char* error;
  } rows[] = {
      {"mai : month=5\nmonth : unit=fortnight\n", "line 2"},
      {"mai month=5\n", "line 1"},
      {"\n\nmai : month=13\n", "line 3"},
      {"x : holiday=12\n", "line 1"},
      {"@unknown\n", "line 1"},
      {"x : part=XX\n", "line 1"},
      {"x : a b c d e f g\n", "line 1"},
  };
  for (const auto& row : rows) {
    const Result<Lexicon> lex = Lexicon::Parse(row.table);
    ASSERT_FALSE(lex.ok()) << row.table;
    EXPECT_NE(lex.status().message().find(row.error), std::string::npos) << lex.status().ToString();
  }
}

TEST(LexiconTest, TokensUseTheTables) {
  const Result<Lexicon> lex = Lexicon::Parse(
      "@elisions l\n"
      "@ordinal-suffixes er e\n"
      "aujourd'hui : day=0\n"
      "année : unit=year year\n"
      "l' : the\n"
      "il y a : ago-before\n");
  ASSERT_TRUE(lex.ok()) << lex.status().ToString();
  const std::vector<Tok> toks =
      Tokenize("Aujourd\xE2\x80\x99hui, l'année du 1er mai, il  y a deux ans", *lex);
  std::vector<std::string> lows;
  for (const Tok& t : toks) lows.push_back(t.low);
  EXPECT_EQ(lows, (std::vector<std::string>{"aujourd'hui", ",", "l'", "année", "du", "1", "mai",
                                            ",", "il y a", "deux", "ans"}));
  EXPECT_EQ(toks[0].lex->day, 0);
  EXPECT_TRUE(toks[0].cap);
  EXPECT_TRUE(toks[2].lex->Is("the"));
  EXPECT_TRUE(toks[5].ordinal);
  EXPECT_TRUE(toks[8].lex->Is("ago-before"));
  EXPECT_EQ(toks[8].begin, 36u);
  EXPECT_EQ(toks[8].end, 43u);
}

}  // namespace
}  // namespace newsloom::timex
