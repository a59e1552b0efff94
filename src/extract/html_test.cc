#include "extract/html.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "extract/charset.h"
#include "extract/extract.h"
#include "extract/language.h"

namespace newsloom::extract {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

const char* kArticlePage = R"(<!doctype html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Council approves the new bridge | The Example Courier</title>
<meta property="og:title" content="Council approves the new bridge - The Example Courier">
<meta property="og:site_name" content="The Example Courier">
<meta name="author" content="Jane Roe">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
 "headline":"Council approves the new bridge","datePublished":"2030-03-01T10:00:00Z",
 "author":{"@type":"Person","name":"Jane Roe"}}</script>
</head><body>
<nav class="main-nav"><ul><li><a href="/">Home</a></li><li><a href="/local">Local news</a></li></ul></nav>
<div id="page">
 <article class="post">
  <h1>Council approves the new bridge</h1>
  <div class="entry-content">
   <p>The city council approved the construction of a new bridge over the river on Friday, after a debate that lasted for more than six hours.</p>
   <figure><img src="a.jpg"><figcaption>The river at dusk, seen from the old bridge.</figcaption></figure>
   <p>Residents of the eastern districts have waited for a second crossing for many years, and the mayor said that work would begin in the spring.</p>
   <div class="share-buttons"><a href="#">Share on Facebook</a> <a href="#">Tweet this story</a></div>
   <p>The bridge will cost about forty million, according to the plans that the council published at the end of the meeting.</p>
  </div>
 </article>
 <aside class="sidebar"><h3>Most read</h3><ul><li><a href="/x">Another story people liked a lot this week</a></li></ul></aside>
 <div class="comments-area"><p>A reader wrote a long comment about the bridge and the council and the river, which is not part of the article.</p></div>
</div>
<footer><p>Copyright 2030 The Example Courier. All rights reserved.</p></footer>
</body></html>)";

TEST(ExtractHtmlTest, KeepsArticleDropsFurniture) {
  Article a;
  ASSERT_TRUE(ExtractHtml(kArticlePage, "", &a).ok());
  EXPECT_THAT(a.body, HasSubstr("approved the construction of a new bridge"));
  EXPECT_THAT(a.body, HasSubstr("waited for a second crossing"));
  EXPECT_THAT(a.body, HasSubstr("forty million"));
  EXPECT_THAT(a.body, Not(HasSubstr("Local news")));
  EXPECT_THAT(a.body, Not(HasSubstr("Share on Facebook")));
  EXPECT_THAT(a.body, Not(HasSubstr("Another story")));
  EXPECT_THAT(a.body, Not(HasSubstr("A reader wrote")));
  EXPECT_THAT(a.body, Not(HasSubstr("All rights reserved")));
  ASSERT_EQ(a.captions.size(), 1u);
  EXPECT_EQ(a.captions[0].text, "The river at dusk, seen from the old bridge.");
  for (const Paragraph& p : a.paragraphs)
    EXPECT_EQ(a.body.substr(p.span.begin, p.span.size()), p.text);
  bool share_removed = false;
  for (const RemovedLine& r : a.removed) share_removed |= r.reason == "share";
  EXPECT_TRUE(share_removed);
}

TEST(ExtractHtmlTest, Metadata) {
  Article a;
  ASSERT_TRUE(ExtractHtml(kArticlePage, "", &a).ok());
  EXPECT_EQ(a.title, "Council approves the new bridge");
  EXPECT_EQ(a.outlet, "The Example Courier");
  EXPECT_EQ(a.byline, "Jane Roe");
  ASSERT_TRUE(a.published.has_value());
  EXPECT_EQ(*a.published, (Date{2030, 3, 1}));
  EXPECT_GE(a.published_confidence, 0.9);
}

TEST(ExtractHtmlTest, TitleFromTitleTagAndDateFromUrl) {
  RawPage page;
  page.content_type = "text/html";
  page.url = "https://coast.example/2031/01/05/storm/";
  page.bytes =
      "<html><head><title>Storm closes the harbour - Coast Daily</title></head><body><div>"
      "<p>The harbour was closed on Sunday as a storm brought winds of more than a hundred "
      "kilometres an hour to the coast, and ferries stayed in port.</p></div></body></html>";
  Result<Article> a = Extract(page, nullptr);
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(a->title, "Storm closes the harbour");
  EXPECT_EQ(a->outlet, "Coast Daily");
  ASSERT_TRUE(a->published.has_value());
  EXPECT_EQ(*a->published, (Date{2031, 1, 5}));
  EXPECT_EQ(a->published_source, DateSource::kUrl);
}

TEST(ExtractHtmlTest, NoBodyIsCorrupt) {
  Article a;
  EXPECT_EQ(ExtractHtml("<html><body><nav><a href='/'>Home</a></nav></body></html>", "", &a).code(),
            Status::Code::kCorrupt);
  Article b;
  EXPECT_EQ(ExtractHtml("", "", &b).code(), Status::Code::kCorrupt);
}

TEST(CharsetTest, DeclaredCharsets) {
  EXPECT_EQ(DeclaredCharset("<meta charset=\"ISO-8859-1\">"), "iso-8859-1");
  EXPECT_EQ(DeclaredCharset(
                "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\">"),
            "windows-1251");
  EXPECT_EQ(DeclaredCharset("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"), "utf-8");
  EXPECT_EQ(DeclaredCharset("<html><body>no declaration</body></html>"), "");
}

TEST(CharsetTest, ConvertsAndRepairs) {
  // "Grüße" in latin-1.
  EXPECT_EQ(ToUtf8("Gr\xfc\xdf"
                   "e",
                   "iso-8859-1"),
            "Grüße");
  // "Привет" in windows-1251.
  EXPECT_EQ(ToUtf8("\xcf\xf0\xe8\xe2\xe5\xf2", "windows-1251"), "Привет");
  // Valid UTF-8 is kept whatever the page claims.
  EXPECT_EQ(ToUtf8("Grüße", "iso-8859-1"), "Grüße");
  // Damaged UTF-8 gets replacement characters, not a reinterpretation.
  EXPECT_EQ(ToUtf8("Grüße \xff", "utf-8"), "Grüße \xef\xbf\xbd");
  EXPECT_EQ(ToUtf8("\xef\xbb\xbfhello", ""), "hello");
}

TEST(CharsetTest, RepairsMojibakeLineByLine) {
  // "Grüße – für dich" once read as windows-1252; the second line is correct as it is.
  EXPECT_EQ(RepairMojibake("GrÃ¼ÃŸe â€“ fÃ¼r dich\nGrüße für dich"),
            "Grüße – für dich\nGrüße für dich");
  // Latin-1 text that merely contains "Ã" followed by a letter is not mojibake.
  EXPECT_EQ(RepairMojibake("Ã la carte"), "Ã la carte");
  // Characters windows-1252 lacks, and correct text the line mixes in, stay as they are; a byte
  // windows-1252 leaves undefined may come through as a C1 control.
  EXPECT_EQ(RepairMojibake("fÃ¼r ★"), "für ★");
  EXPECT_EQ(RepairMojibake("FPÃ\u0096 fÃ¼r “Hofstaat”"), "FPÖ für “Hofstaat”");
  EXPECT_EQ(ToUtf8("FÃ¼r", ""), "Für");
}

TEST(ExtractTest, HtmlPageWithDeclaredCharset) {
  RawPage page;
  page.source = "page.html";
  page.content_type = "text/html";
  page.bytes =
      "<html><head><meta charset=\"iso-8859-1\"><title>M\xfcnchen baut</title></head><body><p>"
      "Die Stadt M\xfcnchen hat am Montag beschlossen, eine neue Br\xfc"
      "cke \xfc"
      "ber die Isar zu "
      "bauen, die im n\xe4"
      "chsten Jahr fertig werden soll und f\xfcr den Verkehr wichtig ist.</p></body></html>";
  Result<Article> a = Extract(page, nullptr);
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(a->title, "München baut");
  EXPECT_THAT(a->body, HasSubstr("Brücke über die Isar"));
  EXPECT_EQ(a->language, "de");
  EXPECT_EQ(a->id.size(), 16u);
}

TEST(ExtractTest, IdsPreferGivenThenUrlThenContent) {
  RawPage page;
  page.content_type = "text/plain";
  page.bytes =
      "The city council approved the construction of a new bridge over the river on Friday, after "
      "a debate that lasted for more than six hours.\n";
  Result<Article> by_content = Extract(page, nullptr);
  ASSERT_TRUE(by_content.ok());
  page.url = "https://example.org/a";
  Result<Article> by_url = Extract(page, nullptr);
  ASSERT_TRUE(by_url.ok());
  EXPECT_NE(by_content->id, by_url->id);
  page.given_id = "given-1";
  Result<Article> given = Extract(page, nullptr);
  ASSERT_TRUE(given.ok());
  EXPECT_EQ(given->id, "given-1");
  EXPECT_EQ(Extract(page, nullptr)->id, "given-1");
}

TEST(LanguageTest, Table) {
  EXPECT_EQ(
      DetectLanguage("The city council approved the construction of a new bridge over the river "
                     "on Friday, after a debate that lasted for more than six hours."),
      "en");
  EXPECT_EQ(DetectLanguage("Der Stadtrat hat am Freitag den Bau einer neuen Brücke über den Fluss "
                           "beschlossen, nach einer Debatte, die mehr als sechs Stunden dauerte."),
            "de");
  EXPECT_EQ(
      DetectLanguage("Le conseil municipal a approuvé vendredi la construction d'un nouveau pont "
                     "sur la rivière, après un débat qui a duré plus de six heures."),
      "fr");
  EXPECT_EQ(DetectLanguage(""), "un");
  EXPECT_EQ(DetectLanguage("1234 5678"), "un");
}

}  // namespace
}  // namespace newsloom::extract

namespace newsloom::extract {
namespace {

TEST(ExtractHtmlTest, ScriptsStylesAndCommentsAreSkippedButJsonLdIsRead) {
  const char* page = R"(<html><head>
<SCRIPT>var s = "<p>Script text that looks like a paragraph of the article body.</p>";</SCRIPT>
<style>p { color: red } /* <p>Style text</p> */</style>
<script type="application/ld+json">{"datePublished":"2031-05-06T08:00:00Z"}</script>
</head><body><!-- <p>A commented-out paragraph that must not be read at all.</p> -->
<article><p>The harbour reopened on Monday after a week of repairs to the northern quay, officials said.</p>
<script>document.write("<p>Written by a script</p>")</script>
<p>Ferries will run on the usual timetable again from the start of next month, the operator said.</p></article>
</body></html>)";
  Article article;
  ASSERT_TRUE(ExtractHtml(page, "", &article).ok());
  EXPECT_THAT(article.body, HasSubstr("The harbour reopened"));
  EXPECT_THAT(article.body, HasSubstr("Ferries will run"));
  EXPECT_THAT(article.body, Not(HasSubstr("Script text")));
  EXPECT_THAT(article.body, Not(HasSubstr("commented-out")));
  EXPECT_THAT(article.body, Not(HasSubstr("Written by a script")));
  EXPECT_EQ(article.published, (Date{2031, 5, 6}));
}

}  // namespace
}  // namespace newsloom::extract

namespace newsloom::extract {
namespace {

TEST(ExtractHtmlTest, TrailingShortHeadingGoesWithWhatFollows) {
  const char* page = R"(<html><body><article>
<p>The harbour reopened on Monday after a week of repairs to the northern quay, officials said.</p>
<p>Ferries will run on the usual timetable again from the start of next month, the operator said.</p>
<h3>Further reading</h3>
</article><div class="related"><a href="/a">Another story about the harbour and the ferries</a></div></body></html>)";
  Article article;
  ASSERT_TRUE(ExtractHtml(page, "", &article).ok());
  EXPECT_THAT(article.body, HasSubstr("Ferries will run"));
  EXPECT_THAT(article.body, Not(HasSubstr("Further reading")));
  ASSERT_FALSE(article.paragraphs.empty());
  EXPECT_EQ(article.paragraphs.back().span.end, article.body.size());
}

TEST(ExtractHtmlTest, MarkupInNoscriptDoesNotHideThePage) {
  // A browser running scripts reads <noscript> as raw text: its unclosed <div> opens nothing.
  const char* page = R"(<html><body><noscript><div id="no-js"></noscript>
<div id="main"><p>The regional park counted more newborn bears this year than in any of the fourteen years since the monitoring began.</p>
<p>Park staff said that the result confirms a trend that has held for four years in a row.</p></div>
</body></html>)";
  Article a;
  ASSERT_TRUE(ExtractHtml(page, "", &a).ok());
  EXPECT_THAT(a.body, HasSubstr("counted more newborn bears"));
  EXPECT_THAT(a.body, HasSubstr("four years in a row"));
}

TEST(ExtractHtmlTest, ArticleDeliveredAsTemplateIsRead) {
  const char* with_article = R"(<html><body><div class="post-body">
<script type="text/template"><p>Over the past few years the attacks on web users have become far more sophisticated, the team wrote in a post.</p>
<p>The new protection checks each address against a list that is updated in real time, they said.</p></script>
</div></body></html>)";
  Article a;
  ASSERT_TRUE(ExtractHtml(with_article, "", &a).ok());
  EXPECT_THAT(a.body, HasSubstr("attacks on web users"));
  EXPECT_THAT(a.body, HasSubstr("updated in real time"));

  // A template with placeholders is client code, not text.
  const char* with_code = R"(<html><body>
<script type="text/template"><p>{{title}} was written by {{author}} for the readers of the page.</p></script>
<div id="main"><p>The museum reopened on Saturday after two years of work on its roof and its galleries.</p></div>
</body></html>)";
  Article b;
  ASSERT_TRUE(ExtractHtml(with_code, "", &b).ok());
  EXPECT_THAT(b.body, HasSubstr("museum reopened"));
  EXPECT_THAT(b.body, Not(HasSubstr("{{title}}")));
}

TEST(ExtractHtmlTest, PublicationDateFromMarkupVariants) {
  const std::string text =
      "<p>The regional council met on a cold morning to vote on the budget for the coming year, "
      "and the debate went on until the late afternoon.</p>";
  struct Case {
    std::string head, body;
    Date expected;
  };
  const Case cases[] = {
      // Blogger: the timestamp in the title of an <abbr>.
      {"", "<abbr itemprop='datePublished' title='2024-06-19T14:33:00-07:00'>2:33 PM</abbr>",
       Date{2024, 6, 19}},
      // The date as the text of the marked element.
      {"", "<span itemprop='datePublished'>19. Juni 2024</span>", Date{2024, 6, 19}},
      // JSON-LD that does not parse still states its date.
      {R"(<script type="application/ld+json">{"datePublished": "2024-06-19T08:00:00+02:00",}</script>)",
       "", Date{2024, 6, 19}},
      // Local midnight in Central Europe stored in UTC.
      {R"(<meta property="article:published_time" content="2024-06-18T22:00:00.000Z">)", "",
       Date{2024, 6, 19}},
      {R"(<meta property="article:published_time" content="2024-06-18T22:13:05Z">)", "",
       Date{2024, 6, 18}},
  };
  for (const Case& c : cases) {
    const std::string page = "<html><head>" + c.head + "</head><body><article>" + c.body + text +
                             "</article></body></html>";
    Article a;
    ASSERT_TRUE(ExtractHtml(page, "", &a).ok()) << page;
    ASSERT_TRUE(a.published.has_value()) << page;
    EXPECT_EQ(*a.published, c.expected) << page;
  }
}

TEST(ExtractHtmlTest, FurnitureWordOnAWrapperOfTheMarkedBodyIsNotBelieved) {
  const char* page = R"(<html><body>
<div class="post-wrap sidebar-right"><article><section itemprop="articleBody">
<p>The author talks about the years of work on her novel, which was nominated for the national book prize this autumn.</p>
<p>She also speaks about her research and about trying out different narrators for the story.</p>
</section></article></div>
<div class="sidebar"><p>Other programmes you might like to listen to on the radio this week.</p></div>
</body></html>)";
  Article a;
  ASSERT_TRUE(ExtractHtml(page, "", &a).ok());
  EXPECT_THAT(a.body, HasSubstr("nominated for the national book prize"));
  EXPECT_THAT(a.body, HasSubstr("different narrators"));
  EXPECT_THAT(a.body, Not(HasSubstr("Other programmes")));
}

}  // namespace
}  // namespace newsloom::extract

namespace newsloom::extract {
namespace {

TEST(ExtractHtmlTest, AuthorBioAfterTheArticleIsNotBody) {
  const char* page = R"(<html><body><article>
<p>The harbour reopened on Monday after a week of repairs to the northern quay, officials said.</p>
<p>Ferries will run on the usual timetable again from the start of next month, the operator said.</p>
<p>The repairs cost less than planned, and the quay will be inspected again in the autumn.</p>
<h3>About the author</h3>
<p>Jane Roe has written about the coast and its harbours for the paper since the year she left school.</p>
<p>Further information:</p>
</article></body></html>)";
  Article a;
  ASSERT_TRUE(ExtractHtml(page, "", &a).ok());
  EXPECT_THAT(a.body, HasSubstr("inspected again in the autumn"));
  EXPECT_THAT(a.body, Not(HasSubstr("has written about the coast")));
  EXPECT_THAT(a.body, Not(HasSubstr("Further information")));
}

TEST(ExtractHtmlTest, RelatedBoxInsideTheArticleDoesNotEndIt) {
  const char* page = R"(<html><body><article>
<p>The harbour reopened on Monday after a week of repairs to the northern quay, officials said.</p>
<h4>Related articles</h4>
<p>Ferries will run on the usual timetable again from the start of next month, the operator said.</p>
<p>The repairs cost less than planned, and the quay will be inspected again in the autumn.</p>
</article></body></html>)";
  Article a;
  ASSERT_TRUE(ExtractHtml(page, "", &a).ok());
  EXPECT_THAT(a.body, HasSubstr("inspected again in the autumn"));
  EXPECT_THAT(a.body, Not(HasSubstr("Related articles")));
}

}  // namespace
}  // namespace newsloom::extract

namespace newsloom::extract {
namespace {

TEST(ExtractHtmlTest, TextSpreadOverSectionsIsKeptTogether) {
  // A product page: no container holds most of the text, each section a part of it.
  const char* page = R"(<html><body><div class="page">
<div class="intro"><div class="box"><p>The kettle boils a litre of water in under three minutes, and it switches itself off when the water boils.</p></div></div>
<div class="details"><div class="box"><h3>What is in the box</h3><ul><li>The kettle, with a base and a cable of one metre</li><li>A filter for hard water</li></ul></div></div>
<div class="care"><div class="box"><p>Clean the filter once a month, and descale the kettle with vinegar when the water is hard, as the manual explains.</p></div></div>
<div class="delivery"><div class="box"><p>It is delivered within three days, and it can be returned within a month if it does not suit you.</p></div></div>
</div><div class="footer"><a href="/">Home</a> <a href="/about">About us</a></div></body></html>)";
  Article a;
  ASSERT_TRUE(ExtractHtml(page, "", &a).ok());
  EXPECT_THAT(a.body, HasSubstr("boils a litre"));
  EXPECT_THAT(a.body, HasSubstr("A filter for hard water"));
  EXPECT_THAT(a.body, HasSubstr("descale the kettle"));
  EXPECT_THAT(a.body, HasSubstr("delivered within three days"));
  EXPECT_THAT(a.body, Not(HasSubstr("About us")));
}

}  // namespace
}  // namespace newsloom::extract

namespace newsloom::extract {
namespace {

TEST(ExtractHtmlTest, BemModifiersAreNotFurnitureHints) {
  // "--ads" says the section carries ads beside its text; the section is the report.
  const char* page = R"(<html><body><div class="nav"><a href="/">Home</a></div><main>
<section class="report__section report__section--ads"><p>The grill reached its full heat in under ten minutes, and the steak came out evenly browned on both sides.</p></section>
<section class="report__section report__section--ads"><p>Cleaning it took longer than the cooking, because the drip tray sits deep under the burner.</p></section>
</main><div class="ads"><p>Buy the grill now at a special price for readers of this site, only this week, while stocks last.</p></div></body></html>)";
  Article a;
  ASSERT_TRUE(ExtractHtml(page, "", &a).ok());
  EXPECT_THAT(a.body, HasSubstr("evenly browned"));
  EXPECT_THAT(a.body, HasSubstr("drip tray"));
  EXPECT_THAT(a.body, Not(HasSubstr("special price")));
}

}  // namespace
}  // namespace newsloom::extract
