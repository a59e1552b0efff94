#include "newsloom/entity_index.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace newsloom {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

StoryEntity Entity(std::string id, std::string name, std::vector<std::string> variants,
                   std::vector<std::pair<std::string, std::string>> mentions) {
  StoryEntity e{
      .id = std::move(id), .name = std::move(name), .type = "PER", .variants = std::move(variants)};
  for (auto& [article, text] : mentions) e.mentions.push_back({article, {}, text});
  return e;
}

TEST(EntityIndexTest, OneEntryPerEntityAcrossStories) {
  Story first{.id = "s1", .title = "Summit"};
  first.entities = {Entity("e1", "Olaf Müller", {"Olaf Müller", "Müller"},
                           {{"a1", "Olaf Müller"}, {"a1", "Müller"}, {"a2", "Müller"}}),
                    Entity("e2", "Ann Lee", {"Ann Lee"}, {{"a1", "Ann Lee"}})};
  first.entities[0].roles = {"Minister"};
  Story second{.id = "s2", .title = "Visit"};
  second.entities = {Entity("e1", "Olaf Müller", {"O. Müller"}, {{"a3", "O. Müller"}})};
  EntityIndex index;
  index.Add(first);
  index.Add(second);

  const EntityAcrossStories* e = index.Find("e1");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->mentions, 4);
  EXPECT_EQ(e->article_ids.size(), 3u);
  EXPECT_THAT(e->variants, ElementsAre("Olaf Müller", "Müller", "O. Müller"));
  EXPECT_EQ(e->variant_counts.at("Müller"), 2);
  EXPECT_THAT(e->roles, ElementsAre("Minister"));
  ASSERT_EQ(e->stories.size(), 2u);
  EXPECT_EQ(e->stories[0].story_id, "s1");
  EXPECT_EQ(e->stories[0].mentions, 3);
  EXPECT_EQ(e->stories[0].articles, 2);
  EXPECT_EQ(e->stories[1].story_title, "Visit");
  EXPECT_EQ(index.Find("e3"), nullptr);

  // Names compared as names are, and a person by the surname alone.
  EXPECT_THAT(index.IdsNamed("olaf müller"), ElementsAre("e1"));
  EXPECT_THAT(index.IdsNamed("Mr. Ann Lee's"), ElementsAre("e2"));
  EXPECT_THAT(index.IdsNamed("Lee"), ElementsAre("e2"));
  EXPECT_THAT(index.IdsNamed("Nobody"), IsEmpty());
  EXPECT_THAT(index.SearchNames("Lee"), ElementsAre("Lee", "Ann Lee"));
  EXPECT_THAT(index.SearchNames("e1"), ElementsAre("Olaf Müller", "Müller", "O. Müller"));

  const auto ranked = index.MostMentioned();
  ASSERT_EQ(ranked.size(), 2u);
  EXPECT_EQ(ranked[0]->id, "e1");
  EXPECT_EQ(ranked[1]->id, "e2");
}

}  // namespace
}  // namespace newsloom
