// Generated pages that stress one cost each: deep nesting, a huge attribute list, thousands of
// tiny blocks and lines, oversized pages. Each is either extracted or skipped with its budget's
// reason; speeds are measured in bench/extract_bench (BM_ExtractGenerated), not here.
#include "extract/budget.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "extract/extract.h"

namespace newsloom::extract {
namespace {

using ::testing::HasSubstr;

constexpr const char* kSentence =
    "The text at the bottom of the nesting is one sentence long, and it is kept.";

Result<Article> ExtractAs(std::string bytes, const char* content_type) {
  RawPage page;
  page.source = "generated";
  page.content_type = content_type;
  page.bytes = std::move(bytes);
  return Extract(page, nullptr);
}

TEST(BudgetTest, DeepNestingIsReadToTheBottom) {
  std::string page = "<html><body>";
  for (int i = 0; i < 200000; ++i) page += "<div>";
  page += "<p>" + std::string(kSentence) + "</p>";
  for (int i = 0; i < 200000; ++i) page += "</div>";
  page += "<p>After the nesting comes a second paragraph, which the parser must not drop.</p>";
  page += "</body></html>";
  Result<Article> a = ExtractAs(page, "text/html");
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_THAT(a->body, HasSubstr(kSentence));
  EXPECT_THAT(a->body, HasSubstr("must not drop"));
}

TEST(BudgetTest, ThousandsOfTinyBlocks) {
  std::string page = "<html><body><article>";
  for (int i = 0; i < 20000; ++i) {
    page += "<p>Paragraph " + std::to_string(i) +
            " of the generated page is long enough to count as running text.</p><p>x</p>";
  }
  page += "</article></body></html>";
  Result<Article> a = ExtractAs(page, "text/html");
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_THAT(a->body, HasSubstr("Paragraph 0 of"));
  EXPECT_THAT(a->body, HasSubstr("Paragraph 19999 of"));
}

TEST(BudgetTest, ThousandsOfTinyLines) {
  std::string page;
  for (int i = 0; i < 100000; ++i) {
    page += "Line " + std::to_string(i % 7) + "\n";
    if (i == 50000) page += std::string(kSentence) + " It stands among the short lines.\n";
  }
  Result<Article> a = ExtractAs(page, "text/plain");
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_THAT(a->body, HasSubstr(kSentence));
  EXPECT_THAT(a->body, ::testing::Not(HasSubstr("Line 3")));
}

TEST(BudgetTest, HugeAttributeListIsOverBudget) {
  std::string page = "<html><body><div";
  for (int i = 0; i < 100000; ++i) page += " a" + std::to_string(i) + "=\"v\"";
  page += "><p>" + std::string(kSentence) + "</p></div></body></html>";
  Result<Article> a = ExtractAs(page, "text/html");
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(a.status().code(), Status::Code::kUnsupported);
  EXPECT_EQ(a.status().message(), "page over its attribute budget");

  // Many tags with a few attributes each cost little.
  std::string many = "<html><body>";
  for (int i = 0; i < 20000; ++i)
    many += "<p class=\"c\" id=\"p\" data-x=\"1\">" + std::string(kSentence) + "</p>";
  many += "</body></html>";
  EXPECT_TRUE(ExtractAs(many, "text/html").ok());
}

TEST(BudgetTest, OversizedPagesAreOverBudget) {
  const std::string paragraph = "<p>" + std::string(kSentence) + "</p>\n";
  std::string html;
  while (html.size() <= DefaultBudget().max_bytes) html += paragraph;
  Result<Article> a = ExtractAs("<html><body>" + html + "</body></html>", "text/html");
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(a.status().message(), "page over its size budget");

  std::string text;
  while (text.size() <= DefaultBudget().max_bytes) text += std::string(kSentence) + "\n";
  Result<Article> b = ExtractAs(text, "text/plain");
  ASSERT_FALSE(b.ok());
  EXPECT_EQ(b.status().message(), "page over its size budget");

  // Scripts are set aside before the size is judged: a page is not over its budget for them.
  const std::string script = "<script>var data = \"" + std::string(9u << 20, 'x') + "\";</script>";
  EXPECT_TRUE(ExtractAs("<html><body>" + script + paragraph + "</body></html>", "text/html").ok());
}

TEST(BudgetTest, ClockReportsSpentTime) {
  PageBudget none;
  none.max_cpu_seconds = 0;
  const PageClock clock(none);
  volatile double sink = 0;
  for (int i = 0; i < 1000000; ++i) sink = sink + i;
  const Status status = clock.Check();
  EXPECT_EQ(status.code(), Status::Code::kUnsupported);
  EXPECT_EQ(status.message(), "page over its time budget");
  EXPECT_TRUE(PageClock().Check().ok());
}

}  // namespace
}  // namespace newsloom::extract
