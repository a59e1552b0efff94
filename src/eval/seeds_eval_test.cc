#include <gtest/gtest.h>

#include <filesystem>

#include "newsloom/eval.h"

namespace newsloom::eval {
namespace {

const std::string kShared = NEWSLOOM_SHARED_DIR;

TEST(SeedsEvalTest, MissingDataIsNotFound) {
  EvalOptions options;
  options.data = "/nonexistent/seeds";
  EXPECT_EQ(RunSeedsEval(options).status().code(), Status::Code::kNotFound);
  options.data = "/nonexistent/extraction";
  EXPECT_EQ(RunExtractionEval(options).status().code(), Status::Code::kNotFound);
  EXPECT_EQ(RunExtractionTextEval(options).status().code(), Status::Code::kNotFound);
  EXPECT_EQ(RunPubdateEval(options).status().code(), Status::Code::kNotFound);
}

// The done-when targets of the extraction stage, measured on the sample pages.
TEST(SeedsEvalTest, SamplePagesMeetTheTargets) {
  EvalOptions options;
  options.data = kShared + "/corpus/seeds";
  ASSERT_TRUE(std::filesystem::exists(options.data + "/gold.json"))
      << "sample pages missing: expected " << options.data << "/gold.json";
  Result<nlohmann::json> r = RunSeedsEval(options);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  const nlohmann::json& j = *r;
  EXPECT_GE(j["body_lines"]["f1"].get<double>(), 0.97);
  EXPECT_EQ(j["titles_correct"].get<int>(), 5);
  EXPECT_EQ(j["published_within_tolerance"].get<int>(), j["published_gold_dates"].get<int>());
  EXPECT_EQ(j["no_confident_date_where_gold_null"].get<int>(), j["gold_null_dates"].get<int>());
  // The September 2023 summit alone; the June 2024 visit's four reports together; one thread.
  EXPECT_TRUE(j["story_partition_matches_gold"].get<bool>()) << j["story_partition"].dump();
  EXPECT_EQ(j["threads"].get<int>(), 1);
  for (const auto& doc : j["per_document"]) {
    const std::string file = doc["file"];
    if (file.rfind("001_", 0) == 0 || file.rfind("003_", 0) == 0) {
      EXPECT_TRUE(doc["boilerplate_lines_kept"].empty()) << file;
    }
  }
}

}  // namespace
}  // namespace newsloom::eval
