// The sample pages as whole-page tests: fields and line decisions checked against gold.json.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "extract/extract.h"

namespace newsloom::extract {
namespace {

const std::string kSeeds = std::string(NEWSLOOM_SHARED_DIR) + "/corpus/seeds";

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

class SeedsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(std::filesystem::exists(kSeeds + "/gold.json"))
        << "sample pages missing: expected " << kSeeds
        << "/gold.json (the shared data beside the checkout)";
    gold_ = nlohmann::json::parse(ReadAll(kSeeds + "/gold.json"));
    for (const auto& doc : gold_["documents"]) {
      RawPage page;
      page.source = doc["file"].get<std::string>();
      page.content_type = "text/plain";
      page.bytes = ReadAll(kSeeds + "/" + page.source);
      ASSERT_FALSE(page.bytes.empty()) << page.source;
      pages_.push_back(std::move(page));
    }
    for (const RawPage& p : pages_) stats_.AddPage(p);
  }

  nlohmann::json gold_;
  std::vector<RawPage> pages_;
  LineStats stats_;
};

TEST_F(SeedsTest, BodyLinesTitlesAndDates) {
  for (size_t i = 0; i < pages_.size(); ++i) {
    const nlohmann::json& doc = gold_["documents"][i];
    SCOPED_TRACE(pages_[i].source);
    Result<Article> a = Extract(pages_[i], &stats_);
    ASSERT_TRUE(a.ok()) << a.status().ToString();
    std::set<int> kept;
    for (const Paragraph& p : a->paragraphs) kept.insert(p.line);
    for (int line : doc["body_lines"])
      EXPECT_TRUE(kept.count(line)) << "body line " << line << " dropped";
    for (int line : doc["boilerplate_lines"])
      EXPECT_FALSE(kept.count(line)) << "boilerplate line " << line << " kept";
    EXPECT_EQ(a->title, doc["title"].get<std::string>());
    EXPECT_EQ(a->language, "en");
    if (doc["published"].is_null()) {
      EXPECT_TRUE(!a->published || a->published_confidence < 0.5);
    } else {
      ASSERT_TRUE(a->published.has_value());
      const Date gold = *Date::FromIso(doc["published"].get<std::string>());
      EXPECT_LE(std::labs(a->published->DaysSinceEpoch() - gold.DaysSinceEpoch()),
                doc.value("published_tolerance_days", 0));
    }
    if (doc.contains("masthead_date") && doc["masthead_date"].is_string()) {
      ASSERT_TRUE(a->masthead_date.has_value());
      EXPECT_EQ(a->masthead_date->ToIso(), doc["masthead_date"].get<std::string>());
    }
    if (doc.contains("byline") && doc["byline"].is_string()) {
      EXPECT_EQ(a->byline, doc["byline"].get<std::string>());
    }
    if (doc.contains("subtitle")) EXPECT_EQ(a->subtitle, doc["subtitle"].get<std::string>());
    if (doc.contains("outlet")) EXPECT_EQ(a->outlet, doc["outlet"].get<std::string>());
    // Captions go to captions, never to the body.
    std::set<int> captions;
    for (const Paragraph& c : a->captions) captions.insert(c.line);
    for (int line : doc["caption_lines"]) {
      EXPECT_FALSE(kept.count(line)) << "caption line " << line << " in body";
      EXPECT_TRUE(captions.count(line)) << "caption line " << line << " not in captions";
    }
  }
}

TEST_F(SeedsTest, SameInputSameOutput) {
  for (const RawPage& p : pages_) {
    Result<Article> a = Extract(p, &stats_);
    Result<Article> b = Extract(p, &stats_);
    ASSERT_TRUE(a.ok() && b.ok());
    EXPECT_EQ(a->id, b->id);
    EXPECT_EQ(a->body, b->body);
    EXPECT_EQ(a->removed.size(), b->removed.size());
  }
}

}  // namespace
}  // namespace newsloom::extract
