#include <gtest/gtest.h>

#include "newsloom/json.h"

namespace newsloom {
namespace {

using nlohmann::json;

TEST(ApiJsonTest, SearchHitWithoutStoryOrDateHasNulls) {
  SearchHit hit;
  hit.article_id = "a1";
  hit.title = "Storm";
  hit.snippet = "a [storm] hit";
  hit.score = 2.5;
  const json j = hit;
  EXPECT_EQ(j["article_id"], "a1");
  EXPECT_EQ(j["snippet"], "a [storm] hit");
  EXPECT_EQ(j["score"], 2.5);
  EXPECT_TRUE(j["story_id"].is_null());
  EXPECT_TRUE(j["published"].is_null());
}

TEST(ApiJsonTest, SearchHitInAStory) {
  SearchHit hit;
  hit.story_id = "s-1";
  hit.published = Date::FromIso("2024-06-19");
  const json j = hit;
  EXPECT_EQ(j["story_id"], "s-1");
  EXPECT_EQ(j["published"], "2024-06-19");
  EXPECT_EQ(j.size(), 8u);
}

}  // namespace
}  // namespace newsloom
