// The entity tagger's model and its file: which feature groups are on, the name lists, the word
// clusters and the averaged perceptron weights (hashed feature rows of kNumNerLabels weights).
#ifndef NEWSLOOM_ANALYZE_NER_MODEL_H_
#define NEWSLOOM_ANALYZE_NER_MODEL_H_

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "analyze/gazetteer.h"
#include "analyze/ner_conll.h"
#include "analyze/word_clusters.h"
#include "newsloom/status.h"

namespace newsloom::analyze {

// Feature groups that can be switched off (for ablation). Word identity and bias are always on.
struct NerFeatureGroups {
  bool shape = true;      // word shape, casing class, sentence position, digit/hyphen flags
  bool affix = true;      // prefixes and suffixes up to 4 characters
  bool context = true;    // neighbouring words (+-2) and word bigrams
  bool tags = true;       // previous one and two labels
  bool gazetteer = true;  // name-list matches
  bool clusters = true;   // word-cluster path prefixes
  bool nonlocal = true;   // casing elsewhere in the document, earlier labels of the same word
  uint32_t Bits() const;
  static NerFeatureGroups FromBits(uint32_t bits);
};

struct NerModel {
  NerFeatureGroups groups;
  int hash_bits = 20;  // 2^hash_bits weight rows
  uint64_t mask = 0;   // 2^hash_bits - 1: a feature hash & mask is its row
  Gazetteer gazetteer;
  WordClusters clusters;
  // Averaged weights of the rows that have any: row r's weights are weights[slot[r] * L ...];
  // slot 0 is all zeros and stands for every empty row.
  std::vector<uint32_t> slot;
  std::vector<float> weights;
  size_t nonzero_rows = 0;

  // Keeps the non-zero rows of a dense table of 2^hash_bits rows.
  void SetWeights(const std::vector<float>& dense);
  // The kNumNerLabels weights of row r (< 2^hash_bits).
  const float* Row(uint32_t r) const {
    return weights.data() + static_cast<size_t>(slot[r]) * kNumNerLabels;
  }
};

// A sum of weight rows, label by label, kept in registers (four 4-float vectors and one float).
// Rows are always added in feature order, one at a time, so that a sum computed ahead
// (NerWordCache) equals the one it stands for to the last bit.
class RowSum {
 public:
  // Starts from `start` (kNumNerLabels scores) or from zeros.
  explicit RowSum(const float* start = nullptr) {
    static_assert(kNumNerLabels == 17);
    if (!start) return;
    a_ = Load(start);
    b_ = Load(start + 4);
    c_ = Load(start + 8);
    d_ = Load(start + 12);
    last_ = start[16];
  }
  void Add(const float* row) {
    a_ += Load(row);
    b_ += Load(row + 4);
    c_ += Load(row + 8);
    d_ += Load(row + 12);
    last_ += row[16];
  }
  void Store(float* out) const {
    std::memcpy(out, &a_, sizeof(a_));
    std::memcpy(out + 4, &b_, sizeof(b_));
    std::memcpy(out + 8, &c_, sizeof(c_));
    std::memcpy(out + 12, &d_, sizeof(d_));
    out[16] = last_;
  }

 private:
  typedef float V4 __attribute__((vector_size(16)));
  static V4 Load(const float* p) {
    V4 v;
    std::memcpy(&v, p, sizeof(v));
    return v;
  }
  V4 a_ = {}, b_ = {}, c_ = {}, d_ = {};
  float last_ = 0;
};

// The model's bytes: a header, the gazetteer, the clusters, then the non-zero rows in row order.
// Equal models give equal bytes.
std::string SerializeNerModel(const NerModel& model);
// Reads what SerializeNerModel wrote. kCorrupt with `path` and the reason when it is not a model,
// is truncated or has a bad header.
Result<NerModel> ParseNerModel(std::string_view bytes, const std::string& path);

}  // namespace newsloom::analyze

#endif  // NEWSLOOM_ANALYZE_NER_MODEL_H_
