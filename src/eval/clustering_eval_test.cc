#include "eval/clustering_eval.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "eval/eval.h"

namespace newsloom::eval {
namespace {

TEST(BCubedTest, KnownPartitions) {
  struct Row {
    std::vector<std::string> predicted, gold;
    double precision, recall;
  } rows[] = {
      {{"a", "a", "b"}, {"x", "x", "y"}, 1.0, 1.0},
      {{"a", "a", "a"}, {"x", "x", "y"}, (2.0 / 3 * 2 + 1.0 / 3) / 3, 1.0},
      {{"a", "b", "c"}, {"x", "x", "x"}, 1.0, 1.0 / 3},
  };
  for (const Row& row : rows) {
    const BCubed b = ScoreBCubed(row.predicted, row.gold);
    EXPECT_NEAR(b.precision, row.precision, 1e-12);
    EXPECT_NEAR(b.recall, row.recall, 1e-12);
    EXPECT_NEAR(b.f1, 2 * row.precision * row.recall / (row.precision + row.recall), 1e-12);
  }
  EXPECT_EQ(ScoreBCubed({"a"}, {}).f1, 0);
}

TEST(ClusteringEvalTest, MissingDataIsNotFound) {
  EvalOptions options;
  options.data = "/nonexistent/ecbplus.jsonl";
  auto r = RunClusteringEval(options);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kNotFound);
}

TEST(ClusteringEvalTest, DevelopmentSetScoresAboveTheBaseline) {
  EvalOptions options;
  options.data = std::string(NEWSLOOM_SHARED_DIR) + "/data/clustering/ecbplus-dev.jsonl";
  ASSERT_TRUE(std::filesystem::exists(options.data)) << "development set absent: " << options.data;
  auto r = RunClusteringEval(options);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ((*r)["articles"], 496);
  // The batch TF-IDF average-link baseline scores 0.866; the streaming clusterer must beat it.
  EXPECT_GT((*r)["bcubed_event"]["f1"].get<double>(), 0.866);
}

}  // namespace
}  // namespace newsloom::eval
