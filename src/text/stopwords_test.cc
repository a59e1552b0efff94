#include "text/stopwords.h"

#include <gtest/gtest.h>

namespace newsloom::text {
namespace {

TEST(StopwordsTest, MultilingualHoldsSeveralLanguages) {
  for (const char* w : {"the", "and", "der", "und", "les", "el", "che", "het"})
    EXPECT_TRUE(IsStopword(w, StopList::kMultilingual)) << w;
  for (const char* w : {"putin", "bridge", "council", ""}) EXPECT_FALSE(IsStopword(w)) << w;
}

TEST(StopwordsTest, EachListAnswersItsOwnQuestion) {
  struct Row {
    const char* word;
    bool multilingual, english, not_counted, figure_context;
  } rows[] = {
      {"the", true, true, true, true},
      {"und", true, false, false, false},
      {"said", true, true, true, true},
      {"told", false, true, false, true},    // reporting verbs carry no topic
      {"new", true, true, false, true},      // "3 new cases": counts may follow it
      {"times", false, false, true, false},  // "3 times": never the thing counted
      {"nearly", false, false, false, true},
      {"years", false, false, false, true},
      {"homes", false, false, false, false},
  };
  for (const Row& r : rows) {
    EXPECT_EQ(IsStopword(r.word, StopList::kMultilingual), r.multilingual) << r.word;
    EXPECT_EQ(IsStopword(r.word, StopList::kEnglish), r.english) << r.word;
    EXPECT_EQ(IsStopword(r.word, StopList::kNotCounted), r.not_counted) << r.word;
    EXPECT_EQ(IsStopword(r.word, StopList::kFigureContext), r.figure_context) << r.word;
  }
}

TEST(FunctionWordsTest, EachLanguageHasItsOwn) {
  EXPECT_TRUE(IsFunctionWord("der", "de"));
  EXPECT_TRUE(IsFunctionWord("über", "de"));
  EXPECT_FALSE(IsFunctionWord("erdbeben", "de"));
  EXPECT_TRUE(IsFunctionWord("dans", "fr"));
  EXPECT_TRUE(IsFunctionWord("los", "es"));
  EXPECT_FALSE(IsFunctionWord("los", "de"));  // not German: a word like any other there
  EXPECT_TRUE(IsFunctionWord("the", "en"));
  EXPECT_TRUE(IsFunctionWord("told", "en"));  // English keeps its own list
  EXPECT_FALSE(IsFunctionWord("die", "en"));
  EXPECT_TRUE(IsFunctionWord("the", "un"));   // unknown: mostly short English text
  EXPECT_FALSE(IsFunctionWord("the", "ja"));  // no list: nothing is left out
}

}  // namespace
}  // namespace newsloom::text
