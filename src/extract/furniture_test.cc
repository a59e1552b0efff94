#include "extract/furniture.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

namespace newsloom::extract {
namespace {

TEST(FurnitureReasonTest, Table) {
  const std::pair<const char*, const char*> cases[] = {
      {"Related Articles", "related-links"},
      {"Latest Articles", "related-links"},
      {"Most Popular", "related-links"},
      {"- Advertisement -", "advertisement"},
      {"- Advertisment -", "advertisement"},
      {"- Advertisement -spot_img", "advertisement"},
      {"Please enter your comment!", "comment-form"},
      {"Your email address will not be published. Required fields are marked *", "comment-form"},
      {"Views: 2", "counter"},
      {"26.2 C", "weather"},
      {"Scroll to Top", "navigation"},
      {"Read in French", "navigation"},
      {"HomeWorld NewsSome Headline...", "breadcrumb"},
      {"Home > World > Asia", "navigation"},
      {"© 2024 Example Media. All rights reserved.", "copyright"},
      {"Welcome to Example News, where we strive to inform you.", "author-bio"},
      {"The leaders met for four hours and discussed the war.", ""},
      {"Secret tech aid", ""},
      {"Subscribe to email updates", "call-to-action"},
      {"Follow us on Twitter and Facebook", "call-to-action"},
      {"The company said on Facebook that it would close the plant, and that the workers would be "
       "paid until the end of the year.",
       ""},
  };
  for (const auto& [line, reason] : cases) EXPECT_EQ(FurnitureReason(line), reason) << line;
}

TEST(FurnitureReasonTest, NoticesCrossLinksAndShareBars) {
  const std::pair<const char*, const char*> cases[] = {
      {"Read more: Council delays the vote on the new bridge", "related-links"},
      {"Lesen Sie auch: Der Stadtrat vertagt die Abstimmung", "related-links"},
      {"Lea también: El consejo aplaza la votación", "related-links"},
      {"Die Stadt plant eine neue Brücke … weiterlesen", "read-more"},
      {"To view this video please enable JavaScript, and consider upgrading to a web browser that "
       "supports HTML5 video",
       "notice"},
      {"This site uses cookies to improve your experience.", "notice"},
      {"To view the full story, please subscribe to the paper.", "subscription"},
      {"This site participates in the Amazon Associate program and earns revenue from qualifying "
       "purchases.",
       "advertisement"},
      {"5 min read", "counter"},
      {"Lesezeit: 4 Minuten", "counter"},
      {"Facebook Twitter WhatsApp E-Mail", "share"},
      {"If you enjoyed reading this post, would you consider supporting our work?", "appeal"},
      {"Warning: Creating default object from empty value in /www/site/classes.php on line 407",
       "notice"},
      // Running text that mentions the same things stays.
      {"More than a hundred people read the report before it was withdrawn on Friday.", ""},
      {"The company said it uses cookies from its own bakery in the new stores, which open in "
       "the spring across the north of the country and employ two hundred people, the first of "
       "them in the town where the company was founded over a century and a half ago by a baker "
       "and his wife, who sold bread and cakes from a cart at the market on Saturdays before "
       "they could afford a shop of their own in the main street.",
       ""},
  };
  for (const auto& [line, reason] : cases) EXPECT_EQ(FurnitureReason(line), reason) << line;
}

TEST(LineFeaturesTest, CountsWordsAndSentenceEnds) {
  const LineFeatures l = MeasureLine("The mayor said that the bridge “will open in May.”");
  EXPECT_EQ(l.words, 10);
  EXPECT_GE(l.stopwords, 3);
  EXPECT_TRUE(l.ends_sentence);
  EXPECT_FALSE(MeasureLine("Read more...").ends_sentence);
  EXPECT_EQ(MeasureLine("Grüße").chars, 5);
}

TEST(CollapseSpaceTest, UnicodeSpacesAndInvisibleCharacters) {
  EXPECT_EQ(CollapseSpace("  Mit\u00adtel\u00adal\u00adter\u00a0und\u2009Neu\u200bzeit \n"),
            "Mittelalter und Neuzeit");
  EXPECT_EQ(CollapseSpace("\ufeffa\t\tb"), "a b");
}

TEST(MetadataLinesTest, DateLinesWithTimes) {
  EXPECT_EQ(MetadataLineReason(MeasureLine("Tuesday, June 4, 2030, 15:54")), "date");
  EXPECT_EQ(MetadataLineReason(MeasureLine("04.06.2030, 15:54 Uhr")), "date");
  EXPECT_EQ(MetadataLineReason(MeasureLine("June 4, 2030 8:30 am")), "date");
  EXPECT_EQ(MetadataLineReason(MeasureLine("Bonn, 11.10.2030")), "date");
  EXPECT_EQ(MetadataLineReason(MeasureLine("The vote on 4 June 2030 ended at 15:54 in a tie.")),
            "");
}

TEST(MetadataLinesTest, CaptionsByTheirCredit) {
  EXPECT_TRUE(IsCreditedCaption(MeasureLine("Abbildung 4: Der Hang vor und nach dem Abgang.")));
  EXPECT_TRUE(IsCreditedCaption(MeasureLine("The quay at dawn. (Credit: Jane Roe / Agency)")));
  EXPECT_TRUE(IsCreditedCaption(MeasureLine("Die neue Fähre im Hafen. © Reederei Nord")));
  EXPECT_FALSE(IsCreditedCaption(
      MeasureLine("The figures in the report show that the harbour has grown every year.")));
  EXPECT_FALSE(IsCreditedCaption(MeasureLine("© 2030 Example Courier")));
  EXPECT_TRUE(IsCreditedCaption(
      MeasureLine("Vergrößern Eine kleine runde Aussparung für die Kamera im Display.")));
}

TEST(MetadataLinesTest, BylinesAndCaptions) {
  EXPECT_EQ(BylineName(MeasureLine("By Jane Doe and John Roe, Reuters")),
            "Jane Doe and John Roe, Reuters");
  EXPECT_EQ(BylineName(MeasureLine("By the end of the year the plant will close.")), "");
  EXPECT_NE(GluedByline("A visit in 24 yearsBy Jane Doe"), std::string::npos);
  EXPECT_TRUE(IsCaptionCue(MeasureLine("The harbour at dawn. (AP Photo/Jane Doe)")));
  EXPECT_FALSE(IsCaptionCue(MeasureLine("The harbour reopened on Monday.")));
}

}  // namespace
}  // namespace newsloom::extract
