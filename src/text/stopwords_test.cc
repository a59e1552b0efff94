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

}  // namespace
}  // namespace newsloom::text
