#include "analyze/analyze.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

namespace newsloom::analyze {
namespace {

Article MakeArticle(std::string body) {
  Article a;
  a.id = "a";
  a.body = std::move(body);
  return a;
}

float TermWeight(const AnalyzedArticle& a, const std::string& term) {
  for (const Term& t : a.terms) {
    if (t.term == term) return t.weight;
  }
  return 0;
}

TEST(AnalyzeTest, TermVectorCountsContentWordsAndNames) {
  auto a = Analyze(MakeArticle(
      "The leaders met in Pyongyang. Russian President Vladimir Putin met Kim Jong Un.\n"
      "Putin said the pact was signed. Officials in Pyongyang confirmed the pact."));
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(TermWeight(*a, "pact"), 2);
  EXPECT_EQ(TermWeight(*a, "pyongyang"), 2);
  EXPECT_EQ(TermWeight(*a, "the"), 0);  // stop word
  EXPECT_EQ(TermWeight(*a, "n:pyongyang"), 2);
  EXPECT_EQ(TermWeight(*a, "n:kim jong un"), 1);
  // A multi-word run at a sentence start is a name; a lone capitalised first word is not.
  EXPECT_EQ(TermWeight(*a, "n:russian president vladimir putin"), 1);
  // "Putin" starts a sentence, but the document names him elsewhere; "Officials" is no name.
  EXPECT_EQ(TermWeight(*a, "n:putin"), 2);
  EXPECT_EQ(TermWeight(*a, "n:un"), 1);
  EXPECT_EQ(TermWeight(*a, "n:officials"), 0);
  for (size_t i = 1; i < a->terms.size(); ++i) EXPECT_LT(a->terms[i - 1].term, a->terms[i].term);
  EXPECT_EQ(a->sentences.size(), 4u);
}

TEST(AnalyzeTest, BodyHashIgnoresCaseSpacingAndPunctuation) {
  auto a = Analyze(MakeArticle("Kim met Putin.\nThey signed a pact!"));
  auto b = Analyze(MakeArticle("KIM  met putin\nthey signed a pact"));
  auto c = Analyze(MakeArticle("Kim met Putin. They signed a treaty."));
  ASSERT_TRUE(a.ok() && b.ok() && c.ok());
  EXPECT_EQ(a->body_hash, b->body_hash);
  EXPECT_NE(a->body_hash, c->body_hash);
  EXPECT_EQ(a->minhash.size(), 128u);
}

TEST(AnalyzeTest, EmptyBodyIsFine) {
  auto a = Analyze(MakeArticle(""));
  ASSERT_TRUE(a.ok());
  EXPECT_TRUE(a->tokens.empty());
  EXPECT_TRUE(a->terms.empty());
  EXPECT_EQ(a->minhash.size(), 128u);
}

TEST(AnalyzeTest, FindsEntitiesWithTheEnglishModel) {
  auto a = Analyze(MakeArticle("Angela Merkel met officials of the European Union in Paris."));
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  std::vector<std::string> entities;
  for (const EntityMention& e : a->entities) entities.push_back(e.text + "/" + e.type);
  EXPECT_THAT(entities, ::testing::IsSupersetOf({"Angela Merkel/PER", "Paris/LOC"}));
}

// Without its entity model, analysis fails with the paths it tried instead of leaving the
// entities out. Run in a fresh process: the model is loaded once per process.
TEST(AnalyzeDeathTest, MissingEntityModelIsAnErrorNamingThePath) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  const std::string dir = ::testing::TempDir() + "/no_entity_models";
  EXPECT_EXIT(
      {
        setenv("NEWSLOOM_MODEL_DIR", dir.c_str(), 1);
        Result<AnalyzedArticle> a = Analyze(MakeArticle("Angela Merkel visited Paris."));
        std::fprintf(stderr, "%s\n", a.status().ToString().c_str());
        std::exit(!a.ok() && a.status().code() == Status::Code::kNotFound ? 0 : 1);
      },
      ::testing::ExitedWithCode(0), ::testing::HasSubstr(dir + "/ner-en.bin"));
}

// Bad input is routine: random bytes (ill-formed UTF-8, control characters, NULs) never crash
// analysis, and every span stays inside the body.
TEST(AnalyzeTest, RandomBytesKeepSpansInsideTheBody) {
  std::mt19937 rng(11);
  for (int trial = 0; trial < 200; ++trial) {
    std::string body(static_cast<size_t>(rng() % 400), '\0');
    for (char& c : body) c = static_cast<char>(rng() % 4 == 0 ? ' ' : rng() % 256);
    auto a = Analyze(MakeArticle(body));
    ASSERT_TRUE(a.ok());
    for (const Span& s : a->sentences) {
      EXPECT_LE(s.begin, s.end);
      EXPECT_LE(s.end, body.size());
    }
    for (const Token& t : a->tokens) {
      EXPECT_LT(t.span.begin, t.span.end);
      EXPECT_LE(t.span.end, body.size());
    }
    for (const TemporalExpression& d : a->dates) EXPECT_LE(d.span.end, body.size());
  }
}

TEST(ShingleTest, ShortTextsAreOneShingle) {
  auto a = Analyze(MakeArticle("two words"));
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(ShingleHashes(a->tokens, 5).size(), 1u);
  auto b = Analyze(MakeArticle("one two three four five six"));
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(ShingleHashes(b->tokens, 5).size(), 2u);
}

// The MinHash estimate must track exact Jaccard: with 128 values its standard error is at most
// sqrt(0.25 / 128) ~ 0.044, so 0.15 is more than three standard errors.
TEST(MinHashTest, EstimateTracksExactJaccard) {
  std::mt19937_64 rng(7);
  for (int trial = 0; trial < 40; ++trial) {
    std::vector<uint64_t> a, b;
    const int shared = 20 + trial * 5, only_a = 100 - trial * 2, only_b = trial * 3;
    for (int i = 0; i < shared; ++i) {
      const uint64_t x = rng();
      a.push_back(x);
      b.push_back(x);
    }
    for (int i = 0; i < only_a; ++i) a.push_back(rng());
    for (int i = 0; i < only_b; ++i) b.push_back(rng());
    std::sort(a.begin(), a.end());
    std::sort(b.begin(), b.end());
    const double exact = Jaccard(a, b);
    EXPECT_NEAR(exact, static_cast<double>(shared) / (shared + only_a + only_b), 1e-12);
    const double estimate = EstimateJaccard(MinHashSignature(a, 128), MinHashSignature(b, 128));
    EXPECT_NEAR(estimate, exact, 0.15) << "trial " << trial;
  }
}

TEST(MinHashTest, IdenticalAndDisjointSets) {
  std::vector<uint64_t> a = {1, 2, 3, 4, 5}, b = {6, 7, 8, 9};
  EXPECT_DOUBLE_EQ(EstimateJaccard(MinHashSignature(a, 64), MinHashSignature(a, 64)), 1.0);
  EXPECT_LT(EstimateJaccard(MinHashSignature(a, 128), MinHashSignature(b, 128)), 0.1);
  EXPECT_DOUBLE_EQ(Jaccard(a, b), 0.0);
  EXPECT_DOUBLE_EQ(Jaccard(std::vector<uint64_t>{}, std::vector<uint64_t>{}), 1.0);
  EXPECT_DOUBLE_EQ(Jaccard(std::vector<uint32_t>{1, 2, 3}, std::vector<uint32_t>{2, 3, 4}), 0.5);
}

// Real text: the estimate over an article and a lightly edited copy matches the exact figure.
TEST(MinHashTest, EditedCopyOfText) {
  std::string base;
  for (int i = 0; i < 300; ++i)
    base += "word" + std::to_string(i % 97) + " w" + std::to_string(i) + " ";
  std::string edited = base;
  edited.replace(200, 300, "an inserted passage of other words entirely ");
  auto a = Analyze(MakeArticle(base));
  auto b = Analyze(MakeArticle(edited));
  ASSERT_TRUE(a.ok() && b.ok());
  const double exact = Jaccard(ShingleHashes(a->tokens, 5), ShingleHashes(b->tokens, 5));
  EXPECT_GT(exact, 0.5);
  EXPECT_LT(exact, 1.0);
  EXPECT_NEAR(EstimateJaccard(a->minhash, b->minhash), exact, 0.15);
}

}  // namespace
}  // namespace newsloom::analyze
