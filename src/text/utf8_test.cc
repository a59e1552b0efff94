#include "text/utf8.h"

#include <gtest/gtest.h>

#include "text/hash.h"

namespace newsloom::text {
namespace {

TEST(Utf8Test, FindsFirstInvalidByte) {
  EXPECT_EQ(FirstInvalidUtf8("plain ascii"), std::string_view::npos);
  EXPECT_EQ(FirstInvalidUtf8("caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D"), std::string_view::npos);
  EXPECT_EQ(FirstInvalidUtf8("ab\xFF"
                             "cd"),
            2u);
  EXPECT_EQ(FirstInvalidUtf8("ab\xC3"), 2u);        // truncated sequence at the end
  EXPECT_EQ(FirstInvalidUtf8("\xED\xA0\x80"), 0u);  // a surrogate is not UTF-8
}

TEST(Utf8Test, RepairsWithReplacementCharacter) {
  EXPECT_EQ(RepairUtf8("ab\xFF"
                       "cd"),
            "ab\xEF\xBF\xBD"
            "cd");
  EXPECT_EQ(RepairUtf8("ok"), "ok");
}

TEST(Utf8Test, ControlByteShare) {
  EXPECT_DOUBLE_EQ(ControlByteShare("line\nline\t"), 0.0);
  EXPECT_DOUBLE_EQ(ControlByteShare(std::string("\0\1ab", 4)), 0.5);
}

TEST(HashTest, StableAcrossRuns) {
  EXPECT_EQ(HexId(Hash64("")), HexId(Hash64("")));
  EXPECT_EQ(HexId(0x1234), "0000000000001234");
  EXPECT_NE(Hash64("a"), Hash64("b"));
}

}  // namespace
}  // namespace newsloom::text
