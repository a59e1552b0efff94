#include "analyze/ner_fallback.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "analyze/analyze.h"
#include "analyze/ner.h"
#include "text/segment.h"

namespace newsloom::analyze {
namespace {

Gazetteer SmallNameLists() {
  Gazetteer names;
  names.Add({"France"}, Gazetteer::kCountry);
  names.Add({"Berlin"}, Gazetteer::kCity);
  names.Add({"Banque", "de", "France"}, Gazetteer::kTrainOrg);
  names.Add({"Angela", "Merkel"}, Gazetteer::kTrainPer, 3);
  names.Add({"Angela", "Merkel"}, Gazetteer::kTrainOrg, 1);
  names.Add({"Euro"}, Gazetteer::kCurrency);
  return names;
}

std::vector<std::string> Mentions(const std::string& text, const Gazetteer& names) {
  Result<text::Segmentation> seg = text::Segment(text);
  EXPECT_TRUE(seg.ok());
  std::vector<std::string> out;
  for (const EntityMention& e : TagByCapitals(text, seg->tokens, seg->sentences, names))
    out.push_back(e.text + "/" + e.type);
  return out;
}

TEST(NerFallbackTest, CapitalisedRunsAndListedNames) {
  const Gazetteer names = SmallNameLists();
  // "Hier" opens the sentence and is not listed; "France" opens the second and is.
  EXPECT_THAT(
      Mentions("Hier Emmanuel Macron a reçu Angela Merkel à Berlin. France et Allemagne "
               "signent un accord avec la Banque de France sur le Euro.",
               names),
      ::testing::ElementsAre("Emmanuel Macron/MISC", "Angela Merkel/PER", "Berlin/LOC",
                             "France/LOC", "Allemagne/MISC", "Banque de France/ORG", "Euro/MISC"));
  EXPECT_THAT(Mentions("rien ici, tout en minuscules.", names), ::testing::IsEmpty());
}

TEST(NerFallbackTest, NameListFileRoundTripsAndRejectsOtherBytes) {
  const Gazetteer names = SmallNameLists();
  const std::string bytes = SerializeNameLists(names);
  Result<Gazetteer> back = ParseNameLists(bytes, "names.bin");
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(SerializeNameLists(*back), bytes);
  EXPECT_EQ(ParseNameLists("NERMODEL", "x.bin").status().code(), Status::Code::kCorrupt);
  EXPECT_EQ(ParseNameLists(bytes.substr(0, bytes.size() - 3), "x.bin").status().code(),
            Status::Code::kCorrupt);
}

// A language without a model is tagged by the fallback, never by another language's model; the
// English model stays required. Fresh processes: models are loaded once per process.
TEST(NerFallbackDeathTest, LanguageWithoutModelFallsBackToNameLists) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  const std::string dir = ::testing::TempDir() + "/fallback_models";
  std::filesystem::create_directories(dir);
  ASSERT_TRUE(SaveNameLists(SmallNameLists(), dir + "/ner-names.bin").ok());
  const std::string text = "Le chancelier a vu Angela Merkel à Berlin.";
  Result<text::Segmentation> seg = text::Segment(text);
  ASSERT_TRUE(seg.ok());
  EXPECT_EXIT(
      {
        setenv("NEWSLOOM_MODEL_DIR", dir.c_str(), 1);
        auto fr = TagEntities("fr", text, seg->tokens, seg->sentences);
        auto en = TagEntities("en", text, seg->tokens, seg->sentences);
        std::fprintf(stderr, "%zu %s\n", fr.ok() ? fr->size() : 0, en.status().ToString().c_str());
        std::exit(fr.ok() && fr->size() == 2 && (*fr)[0].type == "PER" && !en.ok() ? 0 : 1);
      },
      ::testing::ExitedWithCode(0), ::testing::HasSubstr(dir + "/ner-en.bin"));
}

// Analysis picks the tagger by the article's language: the committed German model for "de", the
// fallback for French.
TEST(NerFallbackTest, AnalysisPicksTheTaggerByLanguage) {
  Article article;
  article.id = "a";
  article.body =
      "Die Bundeskanzlerin Angela Merkel besuchte am Montag Paris und traf dort "
      "Vertreter der Europäischen Union.";
  article.language = "de";
  Result<AnalyzedArticle> german = Analyze(article);
  ASSERT_TRUE(german.ok()) << german.status().ToString();
  std::vector<std::string> found;
  for (const EntityMention& e : german->entities) found.push_back(e.text + "/" + e.type);
  EXPECT_THAT(found, ::testing::IsSupersetOf({"Angela Merkel/PER", "Paris/LOC"}));
  article.language = "fr";
  article.body = "Lundi, le président Emmanuel Macron a reçu à Paris le chancelier allemand.";
  Result<AnalyzedArticle> french = Analyze(article);
  ASSERT_TRUE(french.ok()) << french.status().ToString();
  found.clear();
  for (const EntityMention& e : french->entities) found.push_back(e.text + "/" + e.type);
  EXPECT_THAT(found, ::testing::ElementsAre("Emmanuel Macron/MISC", "Paris/LOC"));
}

}  // namespace
}  // namespace newsloom::analyze
