#include "text/chars.h"

#include <gtest/gtest.h>

namespace newsloom::text {
namespace {

TEST(CharsTest, AsciiClasses) {
  EXPECT_TRUE(IsAsciiDigit('7'));
  EXPECT_FALSE(IsAsciiDigit('a'));
  EXPECT_TRUE(IsAsciiAlpha('Q'));
  EXPECT_FALSE(IsAsciiAlpha('@'));  // 0x40: one below 'A'
  EXPECT_FALSE(IsAsciiAlpha('['));  // one above 'Z'
  EXPECT_TRUE(IsAsciiAlnum('0'));
  EXPECT_TRUE(IsAsciiSpace('\v'));
  EXPECT_FALSE(IsAsciiSpace('\xA0'));  // the second byte of a no-break space is no space alone
  EXPECT_FALSE(IsAsciiAlpha('\xC3'));
}

TEST(CharsTest, AsciiCase) {
  EXPECT_EQ(AsciiLower("Content-Type: TEXT/Html; É"), "content-type: text/html; É");
  EXPECT_TRUE(EqualsIgnoreAsciiCase("User-Agent", "user-AGENT"));
  EXPECT_FALSE(EqualsIgnoreAsciiCase("É", "é"));
  EXPECT_EQ(TrimAscii(" \t\r\nvalue \x01"), "value");
}

TEST(CharsTest, Utf8SequenceLength) {
  EXPECT_EQ(Utf8SequenceLength('a'), 1u);
  EXPECT_EQ(Utf8SequenceLength('\xC3'), 2u);
  EXPECT_EQ(Utf8SequenceLength('\xE2'), 3u);
  EXPECT_EQ(Utf8SequenceLength('\xF0'), 4u);
  EXPECT_EQ(Utf8SequenceLength('\x80'), 1u);  // a stray continuation byte
}

TEST(CharsTest, LowerAsciiAndLatin1) {
  EXPECT_EQ(LowerAsciiAndLatin1("Février ÉTÉ März Ñ"), "février été märz ñ");
  EXPECT_EQ(LowerAsciiAndLatin1("×"), "×");        // the multiplication sign has no lower case
  EXPECT_EQ(LowerAsciiAndLatin1("ŁÓDŹ"), "ŁódŹ");  // Ł and Ź are outside Latin-1, Ó is not
}

}  // namespace
}  // namespace newsloom::text
