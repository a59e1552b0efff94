#include "analyze/ner_decoder.h"

#include <algorithm>
#include <array>
#include <unordered_map>

namespace newsloom::analyze {
namespace {

constexpr int L = kNumNerLabels;

// Labels allowed after `prev` (-1 at the start of a sentence), as a bit mask. BILOU chunks must be
// finished inside the sentence, so the last token may not open or continue one.
uint32_t AllowedAfter(int prev, bool last) {
  if (prev > 0 && (NerLabelPart(prev) == BilouPart::kB || NerLabelPart(prev) == BilouPart::kI)) {
    int t = NerLabelType(prev);
    uint32_t mask = 1u << NerLabel(t, BilouPart::kL);
    if (!last) mask |= 1u << NerLabel(t, BilouPart::kI);
    return mask;
  }
  uint32_t mask = 1u;
  for (int t = 0; t < kNumNerTypes; ++t) {
    mask |= 1u << NerLabel(t, BilouPart::kU);
    if (!last) mask |= 1u << NerLabel(t, BilouPart::kB);
  }
  return mask;
}

// Label-history features of a sentence's tokens: the labels given earlier in the document to the
// same capitalised word (O and each type), as Ratinov & Roth's extended prediction history.
using History = std::unordered_map<uint64_t, std::array<uint16_t, kNumNerTypes + 1>>;

void AddHistoryRows(const History& history, const SentenceFeatures& sf, int i, uint64_t mask,
                    std::vector<uint32_t>* rows) {
  if (!sf.hist_key[i]) return;
  auto it = history.find(sf.hist_key[i]);
  if (it == history.end()) return;
  const auto& h = it->second;
  int best = 0;
  for (int k = 0; k <= kNumNerTypes; ++k) {
    if (h[k]) rows->push_back(static_cast<uint32_t>(NerFeatureKey(kHistType, k) & mask));
    if (h[k] > h[best]) best = k;
  }
  rows->push_back(static_cast<uint32_t>(NerFeatureKey(kHistMajority, best) & mask));
}

void RecordHistory(const SentenceFeatures& sf, const std::vector<int>& labels, History* history) {
  for (int i = 0; i < sf.n; ++i) {
    if (!sf.hist_key[i]) continue;
    auto& h = (*history)[sf.hist_key[i]];
    int k = labels[i] == 0 ? 0 : NerLabelType(labels[i]) + 1;
    if (h[k] < 65535) ++h[k];
  }
}

// Best BILOU sequence of one sentence: first-order Viterbi over legal transitions, extending only
// the kBeam best labels of each token (the label-conjoined features make every extension cost
// memory reads; a narrow beam loses nothing measurable).
constexpr int kBeam = 4;
// `rows[i]` are token i's label-independent feature rows; `w` the weight table.
// acc += row over the L labels. The first 16 in a fixed-count loop, which compilers vectorise
// even at -O2; this sum is most of the tagging time.
inline void AddRow(float* __restrict acc, const float* __restrict row) {
  static_assert(L == 17);
  for (int l = 0; l < 16; ++l) acc[l] += row[l];
  acc[16] += row[16];
}

std::vector<int> Viterbi(WeightView w, uint64_t mask, bool tags, const SentenceFeatures& sf,
                         const std::vector<std::vector<uint32_t>>& rows) {
  const int n = sf.n;
  std::vector<int> out(n, 0);
  if (n == 0) return out;
  constexpr float kNone = -1e30f;
  std::vector<float> best(static_cast<size_t>(n) * L, kNone);
  std::vector<int8_t> back(static_cast<size_t>(n) * L, -1);
  float local[L];
  uint32_t trans[3];
  // Weights of the previous-label feature alone, the same for every token.
  float prev_weights[L + 1][L];
  if (tags) {
    for (int prev = -1; prev < L; ++prev) {
      const float* wr = w.Row(static_cast<uint32_t>(NerFeatureKey(kTag1, prev + 2) & mask));
      std::copy(wr, wr + L, prev_weights[prev + 1]);
    }
  }
  for (int i = 0; i < n; ++i) {
    std::fill(local, local + L, 0.0f);
    for (uint32_t r : rows[i]) {
      const float* wr = w.Row(r);
      AddRow(local, wr);
    }
    const bool last = i + 1 == n;
    // Candidate previous labels: the sentence start for the first token, else the kBeam best, plus
    // the best label that closes a chunk, so that a beam full of open chunks cannot force the
    // token into one.
    int prevs[kBeam + 1];
    int num_prevs = 0;
    if (i == 0) {
      prevs[num_prevs++] = -1;
    } else {
      const float* row = &best[static_cast<size_t>(i - 1) * L];
      for (int l = 0; l < L; ++l) {
        if (row[l] <= kNone) continue;
        int k = num_prevs < kBeam ? num_prevs++ : kBeam;
        if (k == kBeam) {
          if (row[l] <= row[prevs[kBeam - 1]]) continue;
          k = kBeam - 1;
        }
        while (k > 0 && row[prevs[k - 1]] < row[l]) {
          prevs[k] = prevs[k - 1];
          --k;
        }
        prevs[k] = l;
      }
      int closed = -1;
      for (int l = 0; l < L; ++l) {
        if (row[l] <= kNone ||
            (l > 0 && (NerLabelPart(l) == BilouPart::kB || NerLabelPart(l) == BilouPart::kI)))
          continue;
        if (closed < 0 || row[l] > row[closed]) closed = l;
      }
      if (closed >= 0 && std::find(prevs, prevs + num_prevs, closed) == prevs + num_prevs) {
        prevs[num_prevs++] = closed;
      }
    }
    for (int p = 0; p < num_prevs; ++p) {
      const int prev = prevs[p];
      const float base = prev >= 0 ? best[static_cast<size_t>(i - 1) * L + prev] : 0.0f;
      float score[L];
      for (int l = 0; l < L; ++l) score[l] = base + local[l];
      if (tags) {
        TransitionRows(sf, i, prev, mask, trans);
        const float* w0 = prev_weights[prev + 1];
        const float* w1 = w.Row(trans[1]);
        const float* w2 = w.Row(trans[2]);
        AddRow(score, w0);
        AddRow(score, w1);
        AddRow(score, w2);
      }
      uint32_t allowed = AllowedAfter(prev, last);
      float* cur = &best[static_cast<size_t>(i) * L];
      int8_t* bp = &back[static_cast<size_t>(i) * L];
      for (int l = 0; l < L; ++l) {
        if (((allowed >> l) & 1) && score[l] > cur[l]) {
          cur[l] = score[l];
          bp[l] = static_cast<int8_t>(prev);
        }
      }
    }
  }
  int label = 0;
  const float* last_row = &best[static_cast<size_t>(n - 1) * L];
  for (int l = 1; l < L; ++l) {
    if (last_row[l] > last_row[label]) label = l;
  }
  for (int i = n - 1; i >= 0; --i) {
    out[i] = label;
    label = back[static_cast<size_t>(i) * L + label];
    if (label < 0) label = 0;
  }
  return out;
}

}  // namespace

std::vector<std::vector<int>> DecodeDocument(WeightView w, uint64_t mask, const NerFeatureGroups& g,
                                             const DocFeatures& doc, const SentenceDecoded* after) {
  History history;
  std::vector<std::vector<uint32_t>> rows;
  std::vector<std::vector<int>> labels(doc.sentences.size());
  for (size_t s = 0; s < doc.sentences.size(); ++s) {
    const SentenceFeatures& sf = doc.sentences[s];
    rows.resize(sf.n);
    for (int i = 0; i < sf.n; ++i) {
      rows[i].assign(sf.rows.begin() + sf.offsets[i], sf.rows.begin() + sf.offsets[i + 1]);
      if (g.nonlocal) AddHistoryRows(history, sf, i, mask, &rows[i]);
    }
    labels[s] = Viterbi(w, mask, g.tags, sf, rows);
    if (after) (*after)(s, rows, labels[s]);
    if (g.nonlocal) RecordHistory(sf, labels[s], &history);
  }
  return labels;
}

}  // namespace newsloom::analyze
