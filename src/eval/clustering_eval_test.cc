#include "eval/clustering_eval.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <tuple>

#include "newsloom/eval.h"

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

// Both development sets through the user's path, against the floors the project set: the
// streaming stories must beat a TF-IDF average-link batch baseline (ECB+ 0.866, news-dev 0.914).
TEST(ClusteringEvalTest, DevelopmentSetsScoreAboveTheBaselines) {
  for (const auto& [file, articles, floor] :
       {std::tuple<std::string, int, double>{"ecbplus-dev.jsonl", 496, 0.92},
        std::tuple<std::string, int, double>{"news-dev.jsonl", 288, 0.93}}) {
    EvalOptions options;
    options.data = std::string(NEWSLOOM_SHARED_DIR) + "/data/clustering/" + file;
    ASSERT_TRUE(std::filesystem::exists(options.data))
        << "development set absent: " << options.data;
    auto r = RunClusteringEval(options);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    EXPECT_EQ((*r)["articles"], articles);
    EXPECT_EQ((*r)["articles_not_stored"], 0) << file;
    EXPECT_GE((*r)["bcubed_event"]["f1"].get<double>(), floor) << file;
  }
}

// Publication dates on news-dev: nearly every dated page within two days of its event's window,
// none far off.
TEST(ClusteringEvalTest, PublicationDatesFitTheEvents) {
  EvalOptions options;
  options.data = std::string(NEWSLOOM_SHARED_DIR) + "/data/clustering/news-dev.jsonl";
  ASSERT_TRUE(std::filesystem::exists(options.data)) << "development set absent: " << options.data;
  auto r = RunClusteringEval(options);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  const nlohmann::json& dates = (*r)["publication_dates"];
  EXPECT_GE(dates["right_share_of_dated"].get<double>(), 0.95);
  EXPECT_EQ(dates["more_than_60_days_off"].get<int>(), 0);
  EXPECT_GE((*r)["outlets"]["share_of_pages_with_url"].get<double>(), 0.95);
}

}  // namespace
}  // namespace newsloom::eval
