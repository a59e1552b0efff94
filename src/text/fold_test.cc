#include "text/fold.h"

#include <gtest/gtest.h>

namespace newsloom::text {
namespace {

TEST(FoldToAsciiTest, OneNameInSeveralLanguagesFoldsToOneForm) {
  EXPECT_EQ(FoldToAscii("Teherán"), "teheran");
  EXPECT_EQ(FoldToAscii("Téhéran"), "teheran");
  EXPECT_EQ(FoldToAscii("Teheran"), "teheran");
  EXPECT_EQ(FoldToAscii("Straße"), "strasse");
  EXPECT_EQ(FoldToAscii("Навальный"), FoldToAscii("Naval'nyj"));
  EXPECT_EQ(FoldToAscii("n:bashar al-assad"), "n:bashar al-assad");
  EXPECT_EQ(FoldToAscii(""), "");
}

}  // namespace
}  // namespace newsloom::text
