#include "text/lines.h"

#include <gtest/gtest.h>

#include <string_view>
#include <vector>

namespace newsloom::text {
namespace {

using Lines = std::vector<std::string_view>;

TEST(SplitLinesTest, PiecesBetweenBreaks) {
  EXPECT_EQ(SplitLines("a\nb\n"), (Lines{"a", "b"}));
  EXPECT_EQ(SplitLines("a\n\nb"), (Lines{"a", "", "b"}));
  EXPECT_EQ(SplitLines(""), Lines{});
  EXPECT_EQ(SplitLines("\n"), (Lines{""}));
  EXPECT_EQ(SplitLines("a\r\nb", "\r\n"), (Lines{"a", "", "b"}));
  EXPECT_EQ(SplitLines("a\r\nb"), (Lines{"a\r", "b"}));
}

}  // namespace
}  // namespace newsloom::text
