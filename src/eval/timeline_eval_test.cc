#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "newsloom/eval.h"

namespace newsloom::eval {
namespace {

namespace fs = std::filesystem;

TEST(TimelineEvalTest, MissingDataIsNotFound) {
  EvalOptions options;
  options.data = "/nonexistent/timelines";
  auto r = RunTimelineEval(options);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kNotFound);
}

// A topic small enough to check by hand: the reference has two days, the articles mention
// them, a bad line is counted and skipped, and the prediction is written where asked. (Only
// articles published within the reference's days are read, as news-tls does.)
TEST(TimelineEvalTest, SmallTopicWritesPredictionsAndScoresDates) {
  const fs::path root = fs::temp_directory_path() / "newsloom_timeline_eval_test";
  fs::remove_all(root);
  fs::create_directories(root / "flood" / "timelines");
  {
    std::ofstream a(root / "flood" / "articles.jsonl");
    a << R"({"id": "1", "published": "2021-03-04", "text": "The dam burst on March 3, 2021, flooding the valley villages. Officials said the dam burst on March 3, 2021 after heavy rain."})"
      << "\n"
      << "not json\n"
      << R"({"id": "2", "published": "2021-03-10", "text": "Repairs began on March 10, 2021 with army engineers. The dam burst on March 3, 2021, residents recalled."})"
      << "\n"
      << R"({"id": "3", "published": "2021-03-10", "text": "Army engineers began repairs on March 10, 2021 at the broken dam."})"
      << "\n";
    std::ofstream t(root / "flood" / "timelines" / "ref.json");
    t << R"([{"date": "2021-03-03", "text": "The dam bursts . Villages are flooded ."},)"
      << R"( {"date": "2021-03-10", "text": "Repairs begin ."}])";
  }
  EvalOptions options;
  options.data = root.string();
  options.output = (root / "out").string();
  auto r = RunTimelineEval(options);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  const nlohmann::json& j = *r;
  EXPECT_EQ(j["timelines"], 1);
  EXPECT_EQ(j["articles"], 3);
  EXPECT_EQ(j["pages_skipped"], 1);
  EXPECT_DOUBLE_EQ(j["mean"]["date"]["f1"].get<double>(), 1.0);
  EXPECT_GT(j["mean"]["align_m1"]["rouge_1"]["f1"].get<double>(), 0.0);
  EXPECT_EQ(j["timelines_scored"][0]["sentences_per_date"], 2);  // 3 sentences over 2 days

  std::ifstream written(root / "out" / "flood" / "ref.json");
  ASSERT_TRUE(written) << "no prediction written";
  const nlohmann::json predicted = nlohmann::json::parse(written);
  ASSERT_EQ(predicted.size(), 2u);
  EXPECT_EQ(predicted[0]["date"], "2021-03-03");
  EXPECT_EQ(predicted[1]["date"], "2021-03-10");
  EXPECT_NE(predicted[0]["text"].get<std::string>().find("dam burst"), std::string::npos);
  fs::remove_all(root);
}

// The development topics of Timeline17, against the floor the project set (news-tls DATEWISE
// reports date F1 0.544 and align+ m:1 ROUGE-1 0.120 over all of Timeline17).
TEST(TimelineEvalTest, Timeline17DevelopmentTopicsAboveTheFloor) {
  EvalOptions options;
  options.data = std::string(NEWSLOOM_SHARED_DIR) + "/data/timeline/t17-dev";
  ASSERT_TRUE(fs::is_directory(options.data))
      << "Timeline17 development topics absent: expected " << options.data;
  auto r = RunTimelineEval(options);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ((*r)["timelines"], 10);
  EXPECT_GE((*r)["mean"]["date"]["f1"].get<double>(), 0.56);
  EXPECT_GE((*r)["mean"]["align_m1"]["rouge_1"]["f1"].get<double>(), 0.12);
}

}  // namespace
}  // namespace newsloom::eval
