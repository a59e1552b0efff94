#include "store/snippet.h"

#include <gtest/gtest.h>

namespace newsloom::store {
namespace {

TEST(SnippetTest, FirstMatchInContextWithMatchesBracketed) {
  const std::string body =
      "One two three four five six. The Storm hit the coast, and the storm moved north overnight "
      "while crews waited for daylight to begin the long work of clearing roads.";
  EXPECT_EQ(Snippet(body, {"storm"}, 10),
            "...five six. The [Storm] hit the coast, and the [storm]...");
}

TEST(SnippetTest, WhiteSpaceRunsBecomeOneSpace) {
  EXPECT_EQ(Snippet("Flood\n\n  waters   rose\tfast", {"waters"}, 16), "Flood [waters] rose fast");
}

TEST(SnippetTest, AnyOfTheWordsMatchesAndOnlyWholeWords) {
  EXPECT_EQ(Snippet("Stormy weather; a storm and rain.", {"rain", "storm"}, 16),
            "Stormy weather; a [storm] and [rain]");
}

TEST(SnippetTest, WithoutAMatchTheBodyOpens) {
  EXPECT_EQ(Snippet("Alpha beta gamma delta epsilon", {"zeta"}, 3), "Alpha beta gamma...");
  EXPECT_EQ(Snippet("", {"zeta"}), "");
  EXPECT_EQ(Snippet("  ... ", {"zeta"}), "");
}

TEST(SnippetTest, NonAsciiWordsCompareByBytes) {
  EXPECT_EQ(Snippet("Der Bürgermeister sprach", {"Bürgermeister"}, 16),
            "Der [Bürgermeister] sprach");
  EXPECT_EQ(Snippet("Un café noir", {"café"}, 16), "Un [café] noir");
}

TEST(SnippetTest, TheRestOfALongBodyIsLeftOut) {
  std::string body = "needle";
  for (int i = 0; i < 100000; ++i) body += " word";
  EXPECT_EQ(Snippet(body, {"needle"}, 3), "[needle] word word...");
}

}  // namespace
}  // namespace newsloom::store
