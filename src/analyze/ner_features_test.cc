#include "analyze/ner_features.h"

#include <gtest/gtest.h>

namespace newsloom::analyze {
namespace {

TEST(NerFeaturesTest, WordForms) {
  struct Case {
    std::string word, norm, shape, short_shape;
    NerCasing casing;
  };
  const Case cases[] = {
      {"McDonald's", "mcdonald's", "XxXxxxxx'x", "XxXx'x", NerCasing::kInitCap},
      {"NATO", "nato", "XXXX", "X", NerCasing::kAllCaps},
      {"U.S.", "u.s.", "X.X.", "X.X.", NerCasing::kAllCaps},
      {"1996", "0000", "dddd", "d", NerCasing::kDigits},
      {"F-16", "f-00", "X-dd", "X-d", NerCasing::kAlnum},
      {"iPhone", "iphone", "xXxxxx", "xXx", NerCasing::kMixed},
      {",", ",", ",", ",", NerCasing::kOther},
      {"\xC3\x89lys\xC3\xA9"
       "e",
       "\xC3\xA9lys\xC3\xA9"
       "e",
       "Xxxxxx", "Xx", NerCasing::kInitCap},
      {"house", "house", "xxxxx", "x", NerCasing::kLower},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(NerNorm(c.word), c.norm) << c.word;
    EXPECT_EQ(NerShape(c.word), c.shape) << c.word;
    EXPECT_EQ(NerShortShape(c.word), c.short_shape) << c.word;
    EXPECT_EQ(NerCasingOf(c.word), c.casing) << c.word;
  }
  EXPECT_EQ(NerTitleCase("JAPAN"), "Japan");
  EXPECT_EQ(NerShape(std::string(40, 'a')).size(), 16u);
}

}  // namespace
}  // namespace newsloom::analyze
