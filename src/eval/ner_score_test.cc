#include "eval/ner_score.h"

#include <gtest/gtest.h>

#include <sstream>

namespace newsloom::eval {
namespace {

using analyze::ConllDocument;

TEST(NerScoreTest, CountsExactMatchesOnly) {
  NerScore score;
  score.Add({{0, 2, "PER"}, {3, 4, "LOC"}}, {{0, 2, "PER"}, {3, 4, "ORG"}, {5, 6, "MISC"}});
  EXPECT_EQ(score.overall.gold, 2);
  EXPECT_EQ(score.overall.predicted, 3);
  EXPECT_EQ(score.overall.correct, 1);
  EXPECT_NEAR(score.overall.Precision(), 100.0 / 3, 1e-9);
  EXPECT_NEAR(score.overall.Recall(), 50.0, 1e-9);
  EXPECT_NEAR(score.overall.F1(), 40.0, 1e-9);
  EXPECT_EQ(score.by_type["LOC"].correct, 0);
  EXPECT_EQ(score.by_type["PER"].correct, 1);
}

// The committed model scores above a floor on the first documents of eng.testa, and writes one
// "token gold predicted" line per token.
TEST(NerScoreTest, CommittedModelScoresAboveFloorOnTestaSlice) {
  auto docs =
      analyze::ReadConll(std::string(NEWSLOOM_SHARED_DIR) + "/data/ner/conll2003/eng.testa");
  ASSERT_TRUE(docs.ok()) << "CoNLL-2003 data is required for this test and is absent: "
                         << docs.status().ToString();
  docs->resize(std::min<size_t>(docs->size(), 60));
  auto tagger = analyze::NerTagger::Load(analyze::DefaultNerModelPath());
  ASSERT_TRUE(tagger.ok()) << "committed model missing: " << tagger.status().ToString();
  std::ostringstream predictions;
  NerEvaluation eval = EvaluateNer(*tagger, *docs, &predictions);
  EXPECT_GT(eval.score.overall.gold, 500);
  EXPECT_GE(eval.score.overall.F1(), 88.0);
  for (const char* type : analyze::kNerTypes)
    EXPECT_GE(eval.score.by_type[type].F1(), 75.0) << type;
  EXPECT_EQ(eval.documents, 60);
  long lines = 0;
  for (char c : predictions.str()) lines += c == '\n';
  EXPECT_EQ(lines, eval.score.tokens + eval.sentences);
}

// The committed Spanish and Dutch models score above a floor on the CoNLL-2002 development files
// (esp.testa, ned.testa), a little under the figures in models/README.md.
struct LanguageFloor {
  const char* language;
  const char* file;
  double f1;
};

TEST(NerScoreTest, CommittedConll2002ModelsScoreAboveFloor) {
  for (const LanguageFloor& floor :
       {LanguageFloor{"es", "esp.testa", 78.0}, LanguageFloor{"nl", "ned.testa", 76.0}}) {
    const std::string path = std::string(NEWSLOOM_SHARED_DIR) + "/data/ner/conll2002/" + floor.file;
    auto docs = analyze::ReadNerData(path);
    ASSERT_TRUE(docs.ok()) << "CoNLL-2002 data is required for this test and is absent: "
                           << docs.status().ToString();
    auto tagger = analyze::NerTagger::Load(analyze::DefaultNerModelPath(floor.language));
    ASSERT_TRUE(tagger.ok()) << "committed model missing: " << tagger.status().ToString();
    std::ostringstream predictions;
    NerEvaluation eval =
        EvaluateNer(*tagger, *docs, &predictions, OutputStyleOf(*docs, /*germeval=*/false));
    EXPECT_GT(eval.score.overall.gold, 2000) << floor.file;
    EXPECT_GE(eval.score.overall.F1(), floor.f1) << floor.file;
    // CoNLL-2002 is IOB2: predictions open every entity with B-.
    EXPECT_NE(predictions.str().find(" B-"), std::string::npos);
  }
}

}  // namespace
}  // namespace newsloom::eval
