#include "train/word_cluster_learner.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace newsloom::train {
namespace {

using analyze::WordClusters;

TEST(WordClusterLearnerTest, TokenizerSplitsLikeConll) {
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

TEST(WordClusterLearnerTest, LearnsDeterministicallyAndGroupsSimilarWords) {
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
  WordClusters a = LearnWordClusters(texts, options);
  WordClusters b = LearnWordClusters(texts, options);
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
  EXPECT_EQ(pos, sa.size());
  EXPECT_EQ(c.Lookup("London"), a.Lookup("London"));
}

TEST(WordClusterLearnerTest, CollectsJsonlTextFieldsAndWholeFiles) {
  const std::string dir = ::testing::TempDir() + "/unlabelled_texts";
  std::filesystem::create_directories(dir + "/sub");
  std::ofstream(dir + "/b.jsonl") << "{\"text\": \"first\"}\nnot json\n{\"id\": 1}\n"
                                  << "{\"text\": \"second\"}\n";
  std::ofstream(dir + "/sub/a.txt") << "plain text";
  std::ofstream(dir + "/ignored.csv") << "x,y";
  std::vector<std::string> texts;
  ASSERT_TRUE(CollectUnlabelledTexts(dir, &texts).ok());
  EXPECT_EQ(texts, (std::vector<std::string>{"first", "second", "plain text"}));
  Status missing = CollectUnlabelledTexts(dir + "/missing.txt", &texts);
  EXPECT_EQ(missing.code(), Status::Code::kNotFound);
  EXPECT_NE(missing.message().find("missing.txt"), std::string::npos);
}

}  // namespace
}  // namespace newsloom::train
