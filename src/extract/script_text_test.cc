#include "extract/script_text.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "extract/html.h"
#include "extract/html_source.h"

namespace newsloom::extract {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr const char* kFirst =
    "The harbour reopened on Monday after a week of repairs to the northern quay, officials said.";
constexpr const char* kSecond =
    "Ferries will run on the usual timetable again from the start of next month, the operator "
    "said.";

TEST(ScriptTextTest, ArticleBodyOfJsonLd) {
  const std::string ld = std::string(R"js({"@type":"NewsArticle","articleBody":")js") + kFirst +
                         "\\n" + kSecond + R"js("})js";
  Result<std::vector<std::string>> text = ScriptArticleText({ld}, {}, PageClock());
  ASSERT_TRUE(text.ok());
  EXPECT_THAT(*text, ElementsAre(kFirst, kSecond));
}

TEST(ScriptTextTest, TextFieldsOfPageStateInOrder) {
  // Markup in the fields is cut into blocks; short labels and other keys are not text.
  const std::string state =
      std::string(R"js({"props":{"title":"Harbour news","blocks":[{"type":"p","html":"<p>)js") +
      kFirst + R"js(</p>"},{"type":"ad","id":"x1"},{"type":"p","html":"<p>)js" + kSecond +
      R"js(</p>"}],"footer":{"text":"About us"}}})js";
  Result<std::vector<std::string>> text = ScriptArticleText({}, {state}, PageClock());
  ASSERT_TRUE(text.ok());
  EXPECT_THAT(*text, ElementsAre(kFirst, kSecond));
}

TEST(ScriptTextTest, PrepareHtmlKeepsPageState) {
  const std::string page = std::string(R"js(<html><body><div id="root"></div>
<script id="__NEXT_DATA__" type="application/json">{"props":{"body":")js") +
                           kFirst + R"js("}}</script>
<script>window.__INITIAL_STATE__ = {"article":{"text":")js" +
                           kSecond + R"js("}};</script></body></html>)js";
  const HtmlSource source = PrepareHtml(page);
  ASSERT_EQ(source.page_state.size(), 2u);
  EXPECT_THAT(source.page_state[0], HasSubstr("harbour reopened"));
  EXPECT_THAT(source.page_state[1], HasSubstr("Ferries will run"));
  EXPECT_THAT(source.markup, Not(HasSubstr("Ferries")));
}

TEST(ScriptTextTest, PageRenderedByScriptIsReadFromItsState) {
  const std::string page = std::string(R"js(<html><head><title>Harbour</title></head><body>
<div id="root"><p>Loading the article, please wait a moment.</p></div>
<script>window.__INITIAL_STATE__ = {"article":{"body":"<p>)js") +
                           kFirst + "</p><p>" + kSecond +
                           "</p><p>The quay had been closed since a storm damaged its outer wall." +
                           R"js(</p>"}};</script></body></html>)js";
  Article a;
  ASSERT_TRUE(ExtractHtml(page, "", &a).ok());
  EXPECT_THAT(a.body, HasSubstr("harbour reopened"));
  EXPECT_THAT(a.body, HasSubstr("Ferries will run"));
  EXPECT_THAT(a.body, Not(HasSubstr("Loading the article")));
}

TEST(ScriptTextTest, StateInAComponentAttributeIsRead) {
  const std::string state = std::string(R"js({"project":{"body":"<p>)js") + kFirst + "</p><p>" +
                            kSecond +
                            "</p><p>The quay had been closed since a storm damaged its outer "
                            R"js(wall.</p>"}})js";
  std::string escaped;
  for (char c : state) escaped += c == '"' ? std::string("&quot;") : std::string(1, c);
  const std::string page = "<html><body><div data-react-class=\"Page\" data-react-props=\"" +
                           escaped + "\"></div><p>Loading.</p></body></html>";
  Article a;
  ASSERT_TRUE(ExtractHtml(page, "", &a).ok());
  EXPECT_THAT(a.body, HasSubstr("harbour reopened"));
  EXPECT_THAT(a.body, HasSubstr("outer wall"));
}

TEST(ScriptTextTest, ArticleInTheMarkupIsKept) {
  // A page whose markup holds the article keeps it, whatever its scripts hold.
  const std::string page =
      std::string("<html><body><article><p>") + kFirst + "</p><p>" + kSecond + "</p><p>" + kFirst +
      "</p><p>" + kSecond + "</p><p>" + kFirst + "</p><p>" + kSecond +
      R"js(</p></article><script type="application/ld+json">{"articleBody":"A summary of the harbour story that the page gives to search engines, in one paragraph."}</script></body></html>)js";
  Article a;
  ASSERT_TRUE(ExtractHtml(page, "", &a).ok());
  EXPECT_THAT(a.body, HasSubstr("Ferries will run"));
  EXPECT_THAT(a.body, Not(HasSubstr("search engines")));
}

}  // namespace
}  // namespace newsloom::extract
