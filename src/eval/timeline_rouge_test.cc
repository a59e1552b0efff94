#include "eval/timeline_rouge.h"

#include <gtest/gtest.h>

namespace newsloom::eval {
namespace {

constexpr double kEps = 1e-9;

DatedText Timeline(std::initializer_list<std::pair<Date, std::string>> items) {
  DatedText out;
  for (const auto& [d, t] : items) out[d] = t;
  return out;
}

TEST(RougeTokensTest, LowerCasedWordsWithoutPunctuation) {
  const std::vector<std::string> expected = {"the",  "well", "is",    "effectively", "dead",
                                             "says", "adm",  "allen", "5",           "000"};
  EXPECT_EQ(RougeTokens("The well is `` effectively dead '' , says Adm. Allen 5,000"), expected);
  EXPECT_TRUE(RougeTokens(" .,;'' ").empty());
}

TEST(RougeTokensTest, StopWordsOutAndStems) {
  RougeOptions o;
  o.drop_stopwords = true;
  o.stem = true;
  const std::vector<std::string> expected = {"rig", "explod", "gulf", "kill", "worker"};
  EXPECT_EQ(RougeTokens("The rig exploded in the Gulf, killing workers", o).size(), 5u);
  EXPECT_EQ(RougeTokens("The rig exploded in the Gulf, killed workers", o), expected);
}

TEST(TimelineRougeTest, IdenticalTimelinesScoreOne) {
  const DatedText t = Timeline({{Date{2010, 4, 20}, "The rig exploded in the gulf."},
                                {Date{2010, 7, 15}, "The well was capped at last."}});
  for (int n : {1, 2}) {
    EXPECT_NEAR(ConcatRouge(t, t, n).f1, 1.0, kEps);
    EXPECT_NEAR(AgreementRouge(t, t, n).f1, 1.0, kEps);
    EXPECT_NEAR(AlignManyToOneRouge(t, t, n).f1, 1.0, kEps);
  }
  EXPECT_NEAR(DateF1(t, t).f1, 1.0, kEps);
}

TEST(TimelineRougeTest, VariantsDifferOnShiftedDays) {
  // The same words, one day off: concat does not look at dates, agreement gives nothing, align
  // gives half (1 / (1 day + 1)).
  const DatedText ref = Timeline({{Date{2010, 4, 20}, "rig exploded"}});
  const DatedText pred = Timeline({{Date{2010, 4, 21}, "rig exploded"}});
  EXPECT_NEAR(ConcatRouge(pred, ref, 1).f1, 1.0, kEps);
  EXPECT_NEAR(AgreementRouge(pred, ref, 1).f1, 0.0, kEps);
  EXPECT_NEAR(AlignManyToOneRouge(pred, ref, 1).f1, 0.5, kEps);
  EXPECT_NEAR(DateF1(pred, ref).f1, 0.0, kEps);
}

TEST(TimelineRougeTest, HandCountedAgreement) {
  // Day 1: predicted "a b c d" vs reference "a b x": 2 unigram hits, 1 bigram hit ("a b").
  // Day 2: only predicted ("a e"). Day 3: only reference ("f g h").
  const DatedText pred = Timeline({{Date{2020, 1, 1}, "a b c d"}, {Date{2020, 1, 2}, "a e"}});
  const DatedText ref = Timeline({{Date{2020, 1, 1}, "a b x"}, {Date{2020, 1, 3}, "f g h"}});
  const Prf r1 = AgreementRouge(pred, ref, 1);
  EXPECT_NEAR(r1.precision, 2.0 / 6, kEps);
  EXPECT_NEAR(r1.recall, 2.0 / 6, kEps);
  const Prf r2 = AgreementRouge(pred, ref, 2);
  EXPECT_NEAR(r2.precision, 1.0 / 4, kEps);
  EXPECT_NEAR(r2.recall, 1.0 / 4, kEps);
  const Prf dates = DateF1(pred, ref);
  EXPECT_NEAR(dates.precision, 0.5, kEps);
  EXPECT_NEAR(dates.recall, 0.5, kEps);
  // Concat: predicted "a b c d a e" vs "a b x f g h": hits a, b.
  const Prf c1 = ConcatRouge(pred, ref, 1);
  EXPECT_NEAR(c1.precision, 2.0 / 6, kEps);
  EXPECT_NEAR(c1.recall, 2.0 / 6, kEps);
  // align m:1, precision: 01-01 -> 01-01 (cost 0): 2 hits; 01-02 -> 01-01 (cost 0.5 * (1 - F1 of
  // "a e" vs "a b x" = 0.4) = 0.3) rather than 01-03 (0.5 * 1): 1 hit weighted 1/2.
  // Recall: 01-01 <- 01-01: 2 hits; 01-03 <- 01-02 (cost 0.5) rather than 01-01 (2/3): 0 hits.
  const Prf a1 = AlignManyToOneRouge(pred, ref, 1);
  EXPECT_NEAR(a1.precision, 2.5 / 6, kEps);
  EXPECT_NEAR(a1.recall, 2.0 / 6, kEps);
}

TEST(TimelineRougeTest, EmptyTimelinesScoreZero) {
  const DatedText empty;
  const DatedText ref = Timeline({{Date{2020, 1, 1}, "a b"}});
  EXPECT_EQ(AlignManyToOneRouge(empty, ref, 1).f1, 0);
  EXPECT_EQ(AgreementRouge(empty, ref, 1).f1, 0);
  EXPECT_EQ(ConcatRouge(ref, empty, 2).f1, 0);
  EXPECT_EQ(DateF1(empty, empty).f1, 0);
}

}  // namespace
}  // namespace newsloom::eval
