#include "analyze/ner_features.h"

#include <gtest/gtest.h>

#include "analyze/gazetteer.h"
#include "analyze/word_clusters.h"

namespace newsloom::analyze {
namespace {

TEST(NerFeaturesTest, WordForms) {
  struct Case {
    std::string word, norm, shape, short_shape;
    NerCasing casing;
  };
  const Case cases[] = {
      {"McDonald's", "mcdonald's", "XxXxxxxx'x", "XxXx'x", NerCasing::kInitCap},
      {"NATO", "nato", "XXXX", "X", NerCasing::kAllCaps},
      {"U.S.", "u.s.", "X.X.", "X.X.", NerCasing::kAllCaps},
      {"1996", "0000", "dddd", "d", NerCasing::kDigits},
      {"F-16", "f-00", "X-dd", "X-d", NerCasing::kAlnum},
      {"iPhone", "iphone", "xXxxxx", "xXx", NerCasing::kMixed},
      {",", ",", ",", ",", NerCasing::kOther},
      {"\xC3\x89lys\xC3\xA9"
       "e",
       "\xC3\xA9lys\xC3\xA9"
       "e",
       "Xxxxxx", "Xx", NerCasing::kInitCap},
      {"house", "house", "xxxxx", "x", NerCasing::kLower},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(NerNorm(c.word), c.norm) << c.word;
    EXPECT_EQ(NerShape(c.word), c.shape) << c.word;
    EXPECT_EQ(NerShortShape(c.word), c.short_shape) << c.word;
    EXPECT_EQ(NerCasingOf(c.word), c.casing) << c.word;
  }
  EXPECT_EQ(NerTitleCase("JAPAN"), "Japan");
  EXPECT_EQ(NerShape(std::string(40, 'a')).size(), 16u);
}

std::vector<uint64_t> Keys(const std::vector<std::string>& words) {
  std::vector<uint64_t> keys;
  for (const auto& w : words) keys.push_back(Gazetteer::TokenKey(w));
  return keys;
}

TEST(GazetteerTest, MarksPhrasePositionsAndLeavesExcludedOut) {
  Gazetteer gaz;
  gaz.Add({"New", "York"}, Gazetteer::kTrainLoc);
  gaz.Add({"York"}, Gazetteer::kCity);
  gaz.AddName("Buenos_Aires", Gazetteer::kCity);
  std::vector<uint32_t> bits;
  gaz.Match(Keys({"in", "New", "York", "and", "Buenos", "Aires"}), nullptr, &bits);
  auto bit = [](int list, int part) { return 1u << (list * 4 + part); };
  EXPECT_EQ(bits[0], 0u);
  EXPECT_EQ(bits[1], bit(Gazetteer::kTrainLoc, 0));
  EXPECT_EQ(bits[2], bit(Gazetteer::kTrainLoc, 2) | bit(Gazetteer::kCity, 3));
  EXPECT_EQ(bits[4], bit(Gazetteer::kCity, 0));
  EXPECT_EQ(bits[5], bit(Gazetteer::kCity, 2));

  // The one training document that contributed "New York" is left out of its own lookups.
  std::vector<uint64_t> phrase = Keys({"New", "York"});
  std::unordered_map<uint64_t, uint32_t> excluded = {
      {Gazetteer::PhraseKey(phrase.data(), 2), 1u << Gazetteer::kTrainLoc}};
  gaz.Match(Keys({"New", "York"}), &excluded, &bits);
  EXPECT_EQ(bits[0], 0u);
  EXPECT_EQ(bits[1], bit(Gazetteer::kCity, 3));

  std::string bytes;
  gaz.Serialize(&bytes);
  Gazetteer copy;
  size_t pos = 0;
  ASSERT_TRUE(copy.Deserialize(bytes, &pos).ok());
  EXPECT_EQ(pos, bytes.size());
  std::string again;
  copy.Serialize(&again);
  EXPECT_EQ(again, bytes);
  pos = 0;
  EXPECT_EQ(copy.Deserialize(std::string_view(bytes).substr(0, bytes.size() - 3), &pos).code(),
            Status::Code::kCorrupt);
}

TEST(WordClustersTest, TokenizerSplitsLikeConll) {
  struct Case {
    std::string text;
    std::vector<std::string> tokens;
  };
  const Case cases[] = {
      {"Obama's plan, (he said).", {"Obama", "'s", "plan", ",", "(", "he", "said", ")", "."}},
      {"The U.S. team won.", {"The", "U.S.", "team", "won", "."}},
      {"\"Yes!\"", {"\"", "Yes", "!", "\""}},
      {"", {}},
  };
  for (const Case& c : cases) {
    std::vector<std::string_view> tokens;
    TokenizeForClusters(c.text, &tokens);
    EXPECT_EQ(std::vector<std::string>(tokens.begin(), tokens.end()), c.tokens) << c.text;
  }
}

TEST(WordClustersTest, LearnsDeterministicallyAndGroupsSimilarWords) {
  std::vector<std::string> texts;
  const char* names[] = {"Smith", "Jones", "Brown", "Taylor"};
  const char* places[] = {"Paris", "London", "Berlin", "Madrid"};
  for (int i = 0; i < 200; ++i) {
    texts.push_back(std::string("Mr ") + names[i % 4] + " said on Monday that he would travel to " +
                    places[(i / 4) % 4] + " next week .");
  }
  WordClusterOptions options;
  options.min_count = 2;
  options.branching[0] = 4;
  options.branching[1] = 2;
  options.branching[2] = 2;
  WordClusters a = WordClusters::Learn(texts, options);
  WordClusters b = WordClusters::Learn(texts, options);
  std::string sa, sb;
  a.Serialize(&sa);
  b.Serialize(&sb);
  EXPECT_EQ(sa, sb);
  ASSERT_GE(a.Lookup("Smith"), 0);
  EXPECT_EQ(WordClusters::Prefix(a.Lookup("Smith"), 1), WordClusters::Prefix(a.Lookup("Jones"), 1));
  EXPECT_EQ(WordClusters::Prefix(a.Lookup("Paris"), 1),
            WordClusters::Prefix(a.Lookup("Berlin"), 1));
  EXPECT_NE(WordClusters::Prefix(a.Lookup("Smith"), 1), WordClusters::Prefix(a.Lookup("Paris"), 1));
  EXPECT_EQ(a.Lookup("Tokyo"), -1);

  WordClusters c;
  size_t pos = 0;
  ASSERT_TRUE(c.Deserialize(sa, &pos).ok());
  EXPECT_EQ(c.Lookup("London"), a.Lookup("London"));
}

}  // namespace
}  // namespace newsloom::analyze
