#include "text/stemmer.h"

#include <gtest/gtest.h>

#include <utility>

namespace newsloom::text {
namespace {

Stemmer Create(std::string_view algorithm) {
  auto s = Stemmer::Create(algorithm);
  EXPECT_TRUE(s.ok()) << algorithm;
  return std::move(*s);
}

// The examples of Porter's paper (1980), the table the hand-written stemmer was checked against.
TEST(StemmerTest, PorterFollowsThePaper) {
  Stemmer porter = Create("porter");
  const std::pair<const char*, const char*> rows[] = {
      {"caresses", "caress"},
      {"ponies", "poni"},
      {"ties", "ti"},
      {"caress", "caress"},
      {"cats", "cat"},
      {"feed", "feed"},
      {"agreed", "agre"},
      {"plastered", "plaster"},
      {"bled", "bled"},
      {"motoring", "motor"},
      {"sing", "sing"},
      {"conflated", "conflat"},
      {"troubled", "troubl"},
      {"sized", "size"},
      {"hopping", "hop"},
      {"tanned", "tan"},
      {"falling", "fall"},
      {"hissing", "hiss"},
      {"fizzed", "fizz"},
      {"failing", "fail"},
      {"filing", "file"},
      {"happy", "happi"},
      {"sky", "sky"},
      {"relational", "relat"},
      {"conditional", "condit"},
      {"rational", "ration"},
      {"valenci", "valenc"},
      {"digitizer", "digit"},
      {"operator", "oper"},
      {"feudalism", "feudal"},
      {"decisiveness", "decis"},
      {"hopefulness", "hope"},
      {"formaliti", "formal"},
      {"triplicate", "triplic"},
      {"formative", "form"},
      {"electrical", "electr"},
      {"goodness", "good"},
      {"revival", "reviv"},
      {"allowance", "allow"},
      {"inference", "infer"},
      {"airliner", "airlin"},
      {"adjustable", "adjust"},
      {"replacement", "replac"},
      {"adoption", "adopt"},
      {"controll", "control"},
      {"roll", "roll"},
      {"probate", "probat"},
      {"rate", "rate"},
      {"cease", "ceas"},
      {"generalizations", "gener"},
      {"oscillators", "oscil"},
      {"killed", "kill"},
      {"exploded", "explod"},

  };
  for (const auto& [word, stem] : rows) EXPECT_EQ(porter.Stem(word), stem) << word;
}

// Porter's C code and ROUGE-1.5.5's Perl port add "-bli" -> "-ble" and "-logi" -> "-log" and keep
// words of one or two letters; the paper and Snowball's "porter" do not. Porter2 ("english") drops
// the "-ly" and "-y" endings there.
TEST(StemmerTest, WhereThePortersDiffer) {
  Stemmer porter = Create("porter");
  Stemmer porter2 = Create("english");
  EXPECT_EQ(porter.Stem("possibly"), "possibli");
  EXPECT_EQ(porter.Stem("ecology"), "ecologi");
  EXPECT_EQ(porter.Stem("is"), "i");
  EXPECT_EQ(porter2.Stem("possibly"), "possibl");
  EXPECT_EQ(porter2.Stem("ecology"), "ecolog");
  EXPECT_EQ(porter.Stem("generously"), "gener");
  EXPECT_EQ(porter2.Stem("generously"), "generous");
}

TEST(StemmerTest, OtherLanguagesByNameOrCode) {
  EXPECT_EQ(Create("german").Stem("häuser"), Create("de").Stem("häuser"));
  EXPECT_EQ(Create("de").Stem("häuser"), "haus");
  EXPECT_EQ(Create("fr").Stem("continuellement"), "continuel");
  EXPECT_EQ(Create("es").Stem("corriendo"), "corr");
}

TEST(StemmerTest, UnknownAlgorithmIsNotFound) {
  auto s = Stemmer::Create("klingon");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), Status::Code::kNotFound);
}

}  // namespace
}  // namespace newsloom::text
