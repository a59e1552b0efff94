// Decoding for the entity tagger: the best legal BILOU labels of each sentence under the weights,
// sentence by sentence through a document, with the label history (what the same capitalised word
// was tagged earlier in the document) as features of later sentences.
#ifndef NEWSLOOM_ANALYZE_NER_DECODER_H_
#define NEWSLOOM_ANALYZE_NER_DECODER_H_

#include <cstdint>
#include <functional>
#include <vector>

#include "analyze/ner_features.h"
#include "analyze/ner_model.h"

namespace newsloom::analyze {

// A dense table of 2^hash_bits rows of kNumNerLabels weights (training).
struct DenseWeights {
  const float* w;
  const float* Row(uint32_t r) const { return w + static_cast<size_t>(r) * kNumNerLabels; }
};

// Rows of the features that join the previous label `prev` (-1 = sentence start) to token i: the
// previous label alone, with the word's norm, with its short shape.
void TransitionRows(const SentenceFeatures& sf, int i, int prev, uint64_t mask, uint32_t out[3]);

// Called after each sentence is decoded, before its labels enter the label history, with the
// sentence's index, every token's label-independent rows (history rows included) and the labels.
// Training updates the weights here.
using SentenceDecoded =
    std::function<void(size_t sentence, const std::vector<std::vector<uint32_t>>& rows,
                       const std::vector<int>& labels)>;

// Labels of every sentence of `doc` under the model's weights (tagging), or under `weights` with
// the model's feature groups and mask (training). `after` may be null.
std::vector<std::vector<int>> DecodeDocument(const NerModel& model, const DocFeatures& doc);
std::vector<std::vector<int>> DecodeDocument(const DenseWeights& weights, const NerModel& model,
                                             const DocFeatures& doc, const SentenceDecoded* after);

}  // namespace newsloom::analyze

#endif  // NEWSLOOM_ANALYZE_NER_DECODER_H_
