#include "analyze/ner_decoder.h"

#include <gtest/gtest.h>

namespace newsloom::analyze {
namespace {

// The decoder mixes the token's values into keys hashed ahead; the rows are those of the features'
// own keys.
TEST(NerDecoderTest, TransitionRowsAreTheFeatureKeysRows) {
  SentenceFeatures sf;
  sf.n = 2;
  sf.norm_hash = {0x1234, 0xfeedbeef};
  sf.sshape_hash = {0x99, 0x4242};
  const uint64_t mask = (uint64_t{1} << 20) - 1;
  for (int i = 0; i < sf.n; ++i) {
    for (int prev = -1; prev < kNumNerLabels; ++prev) {
      uint32_t rows[3];
      TransitionRows(sf, i, prev, mask, rows);
      EXPECT_EQ(rows[0], NerFeatureKey(kTag1, prev + 2) & mask);
      EXPECT_EQ(rows[1], NerFeatureKey(kTagWord, prev + 2, sf.norm_hash[i]) & mask);
      EXPECT_EQ(rows[2], NerFeatureKey(kTagShape, prev + 2, sf.sshape_hash[i]) & mask);
    }
  }
}

}  // namespace
}  // namespace newsloom::analyze
