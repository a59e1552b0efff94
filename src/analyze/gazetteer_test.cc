#include "analyze/gazetteer.h"

#include <gtest/gtest.h>

namespace newsloom::analyze {
namespace {

std::vector<uint64_t> Keys(const std::vector<std::string>& words) {
  std::vector<uint64_t> keys;
  for (const auto& w : words) keys.push_back(Gazetteer::TokenKey(w));
  return keys;
}

TEST(GazetteerTest, MarksPhrasePositionsAndLeavesExcludedOut) {
  Gazetteer gaz;
  gaz.Add({"New", "York"}, Gazetteer::kTrainLoc);
  gaz.Add({"York"}, Gazetteer::kCity);
  gaz.Add({"Buenos", "Aires"}, Gazetteer::kCity);
  gaz.Add({"a", "", "b"}, Gazetteer::kCity);                       // empty token: ignored
  gaz.Add({"1", "2", "3", "4", "5", "6", "7"}, Gazetteer::kCity);  // too long: ignored
  EXPECT_EQ(gaz.size(), 3u);
  std::vector<uint32_t> bits;
  gaz.Match(Keys({"in", "New", "York", "and", "Buenos", "Aires"}), nullptr, &bits);
  auto bit = [](int list, int part) { return 1u << (list * 4 + part); };
  EXPECT_EQ(bits[0], 0u);
  EXPECT_EQ(bits[1], bit(Gazetteer::kTrainLoc, 0));
  EXPECT_EQ(bits[2], bit(Gazetteer::kTrainLoc, 2) | bit(Gazetteer::kCity, 3));
  EXPECT_EQ(bits[4], bit(Gazetteer::kCity, 0));
  EXPECT_EQ(bits[5], bit(Gazetteer::kCity, 2));

  // The one training document that contributed "New York" is left out of its own lookups.
  std::vector<uint64_t> phrase = Keys({"New", "York"});
  std::unordered_map<uint64_t, uint32_t> excluded = {
      {Gazetteer::PhraseKey(phrase.data(), 2), 1u << Gazetteer::kTrainLoc}};
  gaz.Match(Keys({"New", "York"}), &excluded, &bits);
  EXPECT_EQ(bits[0], 0u);
  EXPECT_EQ(bits[1], bit(Gazetteer::kCity, 3));

  // A phrase whose beginnings are no phrases is found whole, and only whole.
  gaz.Add({"Bank", "of", "England"}, Gazetteer::kTrainOrg);
  gaz.Match(Keys({"Bank", "of", "England", "Bank", "of", "France"}), nullptr, &bits);
  EXPECT_EQ(bits, (std::vector<uint32_t>{bit(Gazetteer::kTrainOrg, 0), bit(Gazetteer::kTrainOrg, 1),
                                         bit(Gazetteer::kTrainOrg, 2), 0, 0, 0}));

  // Lookups only from the tokens a phrase may start with find the same.
  std::vector<uint64_t> keys = Keys({"in", "New", "York", "City", "of", "Buenos", "Aires", "Bank"});
  std::vector<uint8_t> starts;
  for (uint64_t k : keys) starts.push_back(gaz.StartsPhrase(k));
  EXPECT_EQ(starts, (std::vector<uint8_t>{0, 1, 1, 0, 0, 1, 0, 1}));
  std::vector<uint32_t> from_starts;
  gaz.Match(keys, nullptr, &bits);
  gaz.Match(keys, nullptr, &from_starts, &starts);
  EXPECT_EQ(from_starts, bits);

  std::string bytes;
  gaz.Serialize(&bytes);
  Gazetteer copy;
  size_t pos = 0;
  ASSERT_TRUE(copy.Deserialize(bytes, &pos).ok());
  EXPECT_EQ(pos, bytes.size());
  std::string again;
  copy.Serialize(&again);
  EXPECT_EQ(again, bytes);
  pos = 0;
  EXPECT_EQ(copy.Deserialize(std::string_view(bytes).substr(0, bytes.size() - 3), &pos).code(),
            Status::Code::kCorrupt);
}

}  // namespace
}  // namespace newsloom::analyze
