#include "analyze/ner_model.h"

#include <gtest/gtest.h>

#include <random>

namespace newsloom::analyze {
namespace {

// A small model: two name lists, a few clusters, some weight rows.
NerModel SmallModel() {
  NerModel m;
  m.hash_bits = 10;
  m.mask = (1u << 10) - 1;
  m.gazetteer.Add({"New", "York"}, Gazetteer::kTrainLoc);
  m.gazetteer.Add({"Paris"}, Gazetteer::kCity);
  m.clusters.Add("Monday", 0x010203);
  m.clusters.Add("Paris", 0x020101);
  std::vector<float> dense((size_t{1} << 10) * kNumNerLabels, 0.0f);
  for (size_t r : {3, 17, 500, 1023}) {
    for (int l = 0; l < kNumNerLabels; ++l)
      dense[r * kNumNerLabels + l] = 0.25f * static_cast<float>(l) - static_cast<float>(r);
  }
  m.SetWeights(dense);
  return m;
}

TEST(NerModelTest, BytesRoundTrip) {
  NerModel m = SmallModel();
  EXPECT_EQ(m.nonzero_rows, 4u);
  const std::string bytes = SerializeNerModel(m);
  Result<NerModel> back = ParseNerModel(bytes, "small.bin");
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(SerializeNerModel(*back), bytes);
  EXPECT_EQ(back->Row(17)[5], m.Row(17)[5]);
  EXPECT_EQ(back->Row(18)[5], 0.0f);  // a row without weights reads as zeros
}

// Bad input is routine: every truncation and random damage is refused or read, never a crash,
// and a refusal names the file.
TEST(NerModelTest, DamagedBytesAreRefusedWithThePath) {
  const std::string bytes = SerializeNerModel(SmallModel());
  for (size_t n = 0; n < bytes.size(); ++n) {
    Result<NerModel> cut = ParseNerModel(bytes.substr(0, n), "cut.bin");
    ASSERT_FALSE(cut.ok()) << n;
    EXPECT_EQ(cut.status().code(), Status::Code::kCorrupt);
    EXPECT_EQ(cut.status().message().rfind("cut.bin: ", 0), 0u) << cut.status().message();
  }
  std::mt19937 rng(7);
  for (int round = 0; round < 2000; ++round) {
    std::string damaged = bytes;
    for (int k = 0; k < 3; ++k) damaged[rng() % damaged.size()] = static_cast<char>(rng());
    Result<NerModel> m = ParseNerModel(damaged, "damaged.bin");
    if (!m.ok()) EXPECT_EQ(m.status().code(), Status::Code::kCorrupt);
  }
}

}  // namespace
}  // namespace newsloom::analyze
