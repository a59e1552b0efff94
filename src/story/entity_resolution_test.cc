#include "story/entity_resolution.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "story/country_names.h"

namespace newsloom::story {
namespace {

using ::testing::ElementsAre;
using ::testing::UnorderedElementsAre;

struct Tagged {
  std::string text;
  std::string type;
};

// An article whose body is the given pieces joined by `sep`, each tagged piece an entity mention.
// Untagged pieces have an empty type.
AnalyzedArticle MakeArticle(const std::string& id, const std::vector<Tagged>& pieces) {
  AnalyzedArticle a;
  a.article.id = id;
  for (const Tagged& p : pieces) {
    const auto begin = static_cast<uint32_t>(a.article.body.size());
    a.article.body += p.text;
    if (!p.type.empty()) {
      a.entities.push_back(
          EntityMention{Span{begin, static_cast<uint32_t>(a.article.body.size())}, p.text, p.type});
    }
  }
  return a;
}

// The entity whose variants hold `variant`, or null.
const StoryEntity* EntityOf(const ResolvedEntities& r, const std::string& variant) {
  for (const StoryEntity& e : r.entities) {
    for (const std::string& v : e.variants) {
      if (v == variant) return &e;
    }
  }
  return nullptr;
}

ResolvedEntities Resolve(const std::vector<AnalyzedArticle>& articles) {
  std::vector<const AnalyzedArticle*> ptrs;
  for (const auto& a : articles) ptrs.push_back(&a);
  return ResolveEntities(ptrs);
}

std::string ReasonFor(const ResolvedEntities& r, const std::string& a, const std::string& b) {
  for (const EntityMerge& m : r.merges) {
    if ((m.a == a && m.b == b) || (m.a == b && m.b == a)) return m.reason;
  }
  return "";
}

TEST(EntityKeyTest, NormalisesHonorificsHyphensDotsAndPossessives) {
  struct Case {
    std::string in, key;
  } cases[] = {
      {"Mr. Kim Jong-un's", "kim jong un"},
      {"Kim Jong Un", "kim jong un"},
      {"U.S.", "us"},
      {"Dr Smith", "smith"},
      {"Russia\xE2\x80\x99s", "russia"},
      {"Mr.", "mr"},  // an honorific alone stays
      {"  ", ""},
  };
  for (const Case& c : cases) EXPECT_EQ(EntityKey(c.in), c.key) << c.in;
}

TEST(EditDistanceTest, Levenshtein) {
  EXPECT_EQ(EditDistance("", ""), 0);
  EXPECT_EQ(EditDistance("abc", ""), 3);
  EXPECT_EQ(EditDistance("kitten", "sitting"), 3);
  EXPECT_EQ(EditDistance("mantrurov", "manturov"), 1);
}

TEST(ResolveEntitiesTest, ShortFormsHonorificsAndTitles) {
  std::vector<AnalyzedArticle> arts = {
      MakeArticle("a", {{"Foreign Minister ", ""},
                        {"Maria Lopez", "PER"},
                        {" met ", ""},
                        {"Tomas Berg", "PER"},
                        {". ", ""},
                        {"Mrs. Lopez", "PER"},
                        {" said ", ""},
                        {"Berg", "PER"},
                        {" agreed.", ""}}),
      MakeArticle("b", {{"Lopez", "PER"}, {" spoke.", ""}}),
  };
  ResolvedEntities r = Resolve(arts);
  const StoryEntity* lopez = EntityOf(r, "Maria Lopez");
  ASSERT_NE(lopez, nullptr);
  EXPECT_EQ(lopez->name, "Maria Lopez");
  EXPECT_EQ(lopez->type, "PER");
  EXPECT_THAT(lopez->variants, ElementsAre("Maria Lopez", "Mrs. Lopez", "Lopez"));
  EXPECT_THAT(lopez->roles, ElementsAre("Foreign Minister"));
  EXPECT_EQ(lopez->mentions.size(), 3u);
  EXPECT_EQ(EntityOf(r, "Lopez"), lopez);
  EXPECT_EQ(EntityOf(r, "Berg"), EntityOf(r, "Tomas Berg"));
  EXPECT_NE(EntityOf(r, "Berg"), lopez);
  EXPECT_EQ(ReasonFor(r, "Maria Lopez", "Lopez"), "short form");
  // The most mentioned entity comes first.
  EXPECT_EQ(r.entities.front().name, "Maria Lopez");
}

TEST(ResolveEntitiesTest, TitleInsideTheMentionBecomesTheRole) {
  ResolvedEntities r = Resolve({MakeArticle(
      "a", {{"Defense Minister Ivan Petrov", "PER"}, {" and ", ""}, {"Ivan Petrov", "PER"}})});
  ASSERT_EQ(r.entities.size(), 1u);
  EXPECT_EQ(r.entities[0].name, "Ivan Petrov");
  EXPECT_THAT(r.entities[0].roles, ElementsAre("Defense Minister"));
}

TEST(ResolveEntitiesTest, FamilyNameFirstAndHyphenation) {
  ResolvedEntities r = Resolve({MakeArticle("a", {{"Park Min-jun", "PER"},
                                                  {" and ", ""},
                                                  {"Park Min Jun", "PER"},
                                                  {"; ", ""},
                                                  {"Park", "PER"},
                                                  {" near ", ""},
                                                  {"Park Sung Ho", "PER"},
                                                  {" at ", ""},
                                                  {"Park Sung Ho Square", "LOC"}})});
  const StoryEntity* e = EntityOf(r, "Park Min-jun");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(EntityOf(r, "Park Min Jun"), e);
  EXPECT_EQ(EntityOf(r, "Park"), e);  // the most mentioned full name
  EXPECT_NE(EntityOf(r, "Park Sung Ho"), e);
  EXPECT_NE(EntityOf(r, "Park Sung Ho Square"), EntityOf(r, "Park Sung Ho"));
  EXPECT_EQ(EntityOf(r, "Park Sung Ho Square")->type, "LOC");
}

TEST(ResolveEntitiesTest, PlaceTypeWordMakesAPersonTagAPlace) {
  ResolvedEntities r = Resolve(
      {MakeArticle("a", {{"Ana Silva", "PER"}, {" at ", ""}, {"Ana Silva Airport", "PER"}})});
  ASSERT_EQ(r.entities.size(), 2u);
  EXPECT_EQ(EntityOf(r, "Ana Silva Airport")->type, "LOC");
}

TEST(ResolveEntitiesTest, AcronymsAndAbbreviations) {
  ResolvedEntities r = Resolve({MakeArticle("a", {{"Federal Republic of Testland", "LOC"},
                                                  {" (", ""},
                                                  {"FRT", "ORG"},
                                                  {") and the ", ""},
                                                  {"United States", "LOC"},
                                                  {", the ", ""},
                                                  {"U.S.", "LOC"},
                                                  {" and ", ""},
                                                  {"US", "LOC"},
                                                  {" at the ", ""},
                                                  {"UN Security Council", "ORG"},
                                                  {" or ", ""},
                                                  {"United Nations Security Council", "ORG"}})});
  EXPECT_EQ(EntityOf(r, "FRT"), EntityOf(r, "Federal Republic of Testland"));
  EXPECT_EQ(EntityOf(r, "US"), EntityOf(r, "United States"));
  EXPECT_EQ(EntityOf(r, "U.S."), EntityOf(r, "United States"));
  EXPECT_EQ(EntityOf(r, "United States")->name, "United States");
  EXPECT_EQ(EntityOf(r, "UN Security Council"), EntityOf(r, "United Nations Security Council"));
  EXPECT_EQ(ReasonFor(r, "Federal Republic of Testland", "FRT"), "acronym");
  EXPECT_EQ(ReasonFor(r, "United Nations Security Council", "UN Security Council"), "abbreviation");
}

TEST(ResolveEntitiesTest, StateFormOfAPlaceName) {
  ResolvedEntities r = Resolve(
      {MakeArticle("a", {{"Freedonia", "LOC"}, {" is the ", ""}, {"Freedonian Republic", "LOC"}})});
  ASSERT_EQ(r.entities.size(), 1u);
  EXPECT_EQ(r.entities[0].name, "Freedonia");
  EXPECT_EQ(r.merges[0].reason, "country name");
}

TEST(ResolveEntitiesTest, SpellingVariantsNeedLongNamesAndAgreeingContext) {
  // Shared context: the same other names in both articles.
  std::vector<AnalyzedArticle> arts = {
      MakeArticle("a", {{"Oleg Sarkisov", "PER"},
                        {" with ", ""},
                        {"Maria Lopez", "PER"},
                        {" in ", ""},
                        {"Arland", "LOC"},
                        {" near ", ""},
                        {"Severny Spaceport", "LOC"}}),
      MakeArticle("b", {{"Oleg Sarkissov", "PER"},
                        {" with ", ""},
                        {"Maria Lopez", "PER"},
                        {" in ", ""},
                        {"Arland", "LOC"},
                        {" near ", ""},
                        {"Severnyy Cosmodrome", "LOC"}}),
  };
  ResolvedEntities r = Resolve(arts);
  EXPECT_EQ(EntityOf(r, "Oleg Sarkisov"), EntityOf(r, "Oleg Sarkissov"));
  EXPECT_EQ(EntityOf(r, "Severny Spaceport"), EntityOf(r, "Severnyy Cosmodrome"));
  EXPECT_EQ(ReasonFor(r, "Oleg Sarkisov", "Oleg Sarkissov"), "spelling variant, shared context");

  // No shared context: kept apart.
  ResolvedEntities apart = Resolve({MakeArticle("a", {{"Oleg Sarkisov", "PER"}}),
                                    MakeArticle("b", {{"Oleg Sarkissov", "PER"}})});
  EXPECT_EQ(apart.entities.size(), 2u);

  // The same role is enough; different roles keep them apart.
  ResolvedEntities role =
      Resolve({MakeArticle("a", {{"Trade Minister ", ""}, {"Oleg Sarkisov", "PER"}}),
               MakeArticle("b", {{"Trade Minister ", ""}, {"Oleg Sarkissov", "PER"}})});
  ASSERT_EQ(role.entities.size(), 1u);
  EXPECT_EQ(role.merges[0].reason, "spelling variant, same role");
  ResolvedEntities roles_differ = Resolve({MakeArticle("a", {{"Trade Minister ", ""},
                                                             {"Oleg Sarkisov", "PER"},
                                                             {" ", ""},
                                                             {"Maria Lopez", "PER"},
                                                             {" ", ""},
                                                             {"Arland", "LOC"}}),
                                           MakeArticle("b", {{"Army General ", ""},
                                                             {"Oleg Sarkissov", "PER"},
                                                             {" ", ""},
                                                             {"Maria Lopez", "PER"},
                                                             {" ", ""},
                                                             {"Arland", "LOC"}})});
  EXPECT_NE(EntityOf(roles_differ, "Oleg Sarkisov"), EntityOf(roles_differ, "Oleg Sarkissov"));

  // Short names never merge by spelling.
  ResolvedEntities short_names = Resolve({MakeArticle("a", {{"Kim Jong Un", "PER"},
                                                            {" ", ""},
                                                            {"Kim Jong Il", "PER"},
                                                            {" ", ""},
                                                            {"Kim Il Sung", "PER"}})});
  EXPECT_EQ(short_names.entities.size(), 3u);
}

TEST(ResolveEntitiesTest, TaggerSpanRepairs) {
  // An honorific tagged alone joins the next name; a person's name cut at a hyphen is completed;
  // a known acronym tagged with a person's name is split off.
  AnalyzedArticle a;
  a.article.id = "a";
  a.article.body = "Mr. Lee met Lee Min-ho at the UN. UN envoy UN Choi Ji Hoon spoke.";
  auto tag = [&](const std::string& text, size_t from, const std::string& type) {
    const auto begin = static_cast<uint32_t>(a.article.body.find(text, from));
    a.entities.push_back(
        EntityMention{Span{begin, static_cast<uint32_t>(begin + text.size())}, text, type});
  };
  tag("Mr", 0, "PER");
  tag("Lee", 2, "PER");
  tag("Lee Min", 8, "PER");
  tag("UN", 20, "ORG");
  tag("UN", 33, "ORG");
  tag("UN Choi Ji Hoon", 38, "ORG");
  ResolvedEntities r = ResolveEntities({&a});
  const StoryEntity* lee = EntityOf(r, "Lee Min-ho");
  ASSERT_NE(lee, nullptr);
  EXPECT_EQ(EntityOf(r, "Mr. Lee"), lee);
  EXPECT_EQ(lee->name, "Lee Min-ho");
  EXPECT_EQ(EntityOf(r, "Mr"), nullptr);
  const StoryEntity* choi = EntityOf(r, "Choi Ji Hoon");
  ASSERT_NE(choi, nullptr);
  EXPECT_EQ(choi->type, "PER");
  EXPECT_NE(EntityOf(r, "UN"), choi);
}

TEST(ResolveEntitiesTest, CountryNamesFromIsoCodes) {
  ASSERT_GT(kCountryNameCount, 249u);  // every country of ISO 3166-1, most with several names
  ResolvedEntities r = Resolve({MakeArticle("a", {{"Viet Nam", "LOC"},
                                                  {" is the ", ""},
                                                  {"Socialist Republic of Viet Nam", "ORG"},
                                                  {" or ", ""},
                                                  {"Vietnam", "LOC"},
                                                  {", not ", ""},
                                                  {"South Korea", "LOC"},
                                                  {" or ", ""},
                                                  {"North Korea", "LOC"}})});
  EXPECT_EQ(EntityOf(r, "Viet Nam"), EntityOf(r, "Socialist Republic of Viet Nam"));
  EXPECT_EQ(EntityOf(r, "Vietnam"), EntityOf(r, "Viet Nam"));
  EXPECT_NE(EntityOf(r, "South Korea"), EntityOf(r, "North Korea"));
}

TEST(ResolveEntitiesTest, BadSpansAreSkippedAndOutputIsDeterministic) {
  AnalyzedArticle a = MakeArticle("a", {{"Maria Lopez", "PER"}, {" and ", ""}, {"Lopez", "PER"}});
  a.entities.push_back(EntityMention{Span{5, 500}, "x", "PER"});
  a.entities.push_back(EntityMention{Span{3, 3}, "", "PER"});
  ResolvedEntities r1 = ResolveEntities({&a, nullptr});
  ResolvedEntities r2 = ResolveEntities({&a, nullptr});
  ASSERT_EQ(r1.entities.size(), 1u);
  EXPECT_EQ(r1.entities[0].mentions.size(), 2u);
  EXPECT_EQ(r1.entities[0].id, r2.entities[0].id);
  EXPECT_EQ(r1.entities[0].id, EntityId("PER", "Maria Lopez"));
  EXPECT_TRUE(ResolveEntities({}).entities.empty());
}

}  // namespace
}  // namespace newsloom::story
