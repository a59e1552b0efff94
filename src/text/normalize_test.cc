#include "text/normalize.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace newsloom::text {
namespace {

using ::testing::ElementsAre;

TEST(NormalizeForCompareTest, Table) {
  const std::pair<const char*, const char*> cases[] = {
      {"  Hello   World ", "hello world"},
      {"North Korea\u2019s \u201cfull support\u201d", "north korea's \"full support\""},
      {"a\u2014b \u2013 c", "a-b - c"},
      {"Gr\u00fc\u00dfe\u00a0aus M\u00fcnchen", "gr\u00fc\u00dfe aus m\u00fcnchen"},
      {"", ""},
  };
  for (const auto& [in, out] : cases) EXPECT_EQ(NormalizeForCompare(in), out) << in;
}

TEST(WordsTest, SplitsOnPunctuation) {
  EXPECT_THAT(Words("Kim's \u201cfull support,\u201d 24 years."),
              ElementsAre("kim's", "full", "support", "24", "years"));
  EXPECT_TRUE(Words(" -- ").empty());
}

TEST(TrimTest, SpacesAndNoBreakSpaces) {
  EXPECT_EQ(Trim("\u00a0 text \t\u00a0"), "text");
  EXPECT_EQ(Trim("   "), "");
}

}  // namespace
}  // namespace newsloom::text
