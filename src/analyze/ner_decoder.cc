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

// AllowedAfter(prev, last) at [2 * (prev + 1) + last], for the decoder's inner loop.
const std::array<uint32_t, 2 * (L + 1)> kAllowedAfter = [] {
  std::array<uint32_t, 2 * (L + 1)> table;
  for (int prev = -1; prev < L; ++prev) {
    table[2 * (prev + 1)] = AllowedAfter(prev, false);
    table[2 * (prev + 1) + 1] = AllowedAfter(prev, true);
  }
  return table;
}();

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

constexpr float kNone = -1e30f;

// Labels that close a chunk (O, L-*, U-*): after them any label may follow.
constexpr uint32_t kClosedLabels = [] {
  uint32_t mask = 1;
  for (int t = 0; t < kNumNerTypes; ++t)
    mask |= 1u << (1 + 4 * t + static_cast<int>(BilouPart::kL)) |
            1u << (1 + 4 * t + static_cast<int>(BilouPart::kU));
  return mask;
}();

// Candidate previous labels for token i > 0, given the scores of token i - 1 (labels in `scored`
// have one): the kBeam best, plus the best label that closes a chunk, so that a beam full of
// open chunks cannot force the token into one. Returns how many.
int BeamCandidates(const float* row, uint32_t scored, int prevs[kBeam + 1]) {
  float top[kBeam];  // row[prevs[k]], best first
  int num_prevs = 0;
  int closed = -1;
  float closed_score = kNone;
  for (uint32_t bits = scored; bits; bits &= bits - 1) {
    const int l = __builtin_ctz(bits);
    const float v = row[l];
    if (v <= kNone) continue;
    if (((kClosedLabels >> l) & 1) && (closed < 0 || v > closed_score)) {
      closed = l;
      closed_score = v;
    }
    int k;
    if (num_prevs < kBeam) {
      k = num_prevs++;
    } else {
      if (v <= top[kBeam - 1]) continue;
      k = kBeam - 1;
    }
    // Ties keep the lower label first.
    while (k > 0 && top[k - 1] < v) {
      top[k] = top[k - 1];
      prevs[k] = prevs[k - 1];
      --k;
    }
    top[k] = v;
    prevs[k] = l;
  }
  if (closed >= 0 && std::find(prevs, prevs + num_prevs, closed) == prevs + num_prevs) {
    prevs[num_prevs++] = closed;
  }
  return num_prevs;
}

// The label-conjoined features' keys as far as they do not depend on the token, for each previous
// label p (index p + 1): NerFeatureKey(t, p + 2, v) is MixHash(seed[p + 1], v).
struct TransitionSeeds {
  uint64_t tag1[L + 1];  // whole keys: the previous label alone
  uint64_t word[L + 1];
  uint64_t shape[L + 1];
};

const TransitionSeeds& Seeds() {
  static const TransitionSeeds seeds = [] {
    TransitionSeeds s;
    for (int prev = -1; prev < L; ++prev) {
      s.tag1[prev + 1] = NerFeatureKey(kTag1, prev + 2);
      s.word[prev + 1] = MixHash(kTagWord * 0x100000001b3ULL, prev + 2);
      s.shape[prev + 1] = MixHash(kTagShape * 0x100000001b3ULL, prev + 2);
    }
    return s;
  }();
  return seeds;
}

}  // namespace

void TransitionRows(const SentenceFeatures& sf, int i, int prev, uint64_t mask, uint32_t out[3]) {
  const TransitionSeeds& seeds = Seeds();
  out[0] = static_cast<uint32_t>(seeds.tag1[prev + 1] & mask);
  out[1] = static_cast<uint32_t>(MixHash(seeds.word[prev + 1], sf.norm_hash[i]) & mask);
  out[2] = static_cast<uint32_t>(MixHash(seeds.shape[prev + 1], sf.sshape_hash[i]) & mask);
}

namespace {

// `local_scores` holds each token's label-independent scores (n * L); `w` is the weight table
// (NerModel or DenseWeights).
// The best score of each label at each token and the previous label it came from, kept from
// sentence to sentence.
struct Lattice {
  std::vector<float> best;
  std::vector<int8_t> back;
};

template <typename Weights>
std::vector<int> Viterbi(const Weights& w, uint64_t mask, bool tags, const SentenceFeatures& sf,
                         const float* local_scores, Lattice* lattice) {
  const int n = sf.n;
  std::vector<int> out(n, 0);
  if (n == 0) return out;
  std::vector<float>& best = lattice->best;
  std::vector<int8_t>& back = lattice->back;
  best.assign(static_cast<size_t>(n) * L, kNone);
  back.assign(static_cast<size_t>(n) * L, -1);
  const TransitionSeeds& seeds = Seeds();
  // Weights of the previous-label feature alone, the same for every token.
  const float* prev_weights[L + 1];
  if (tags) {
    for (int prev = -1; prev < L; ++prev)
      prev_weights[prev + 1] = w.Row(static_cast<uint32_t>(seeds.tag1[prev + 1] & mask));
  }
  uint32_t scored = 0;  // labels of the previous token that have a score
  for (int i = 0; i < n; ++i) {
    const float* local = local_scores + static_cast<size_t>(i) * L;
    const bool last = i + 1 == n;
    int prevs[kBeam + 1] = {-1};
    const int num_prevs =
        i == 0 ? 1 : BeamCandidates(&best[static_cast<size_t>(i - 1) * L], scored, prevs);
    scored = 0;
    for (int p = 0; p < num_prevs; ++p) {
      const int prev = prevs[p];
      const float base = prev >= 0 ? best[static_cast<size_t>(i - 1) * L + prev] : 0.0f;
      const float* rows[3] = {nullptr, nullptr, nullptr};
      if (tags) {  // as TransitionRows, without the previous label alone (in prev_weights)
        rows[0] = prev_weights[prev + 1];
        rows[1] =
            w.Row(static_cast<uint32_t>(MixHash(seeds.word[prev + 1], sf.norm_hash[i]) & mask));
        rows[2] =
            w.Row(static_cast<uint32_t>(MixHash(seeds.shape[prev + 1], sf.sshape_hash[i]) & mask));
      }
      const uint32_t allowed = kAllowedAfter[2 * (prev + 1) + last];
      scored |= allowed;
      float* cur = &best[static_cast<size_t>(i) * L];
      int8_t* bp = &back[static_cast<size_t>(i) * L];
      for (uint32_t bits = allowed; bits; bits &= bits - 1) {
        const int l = __builtin_ctz(bits);
        float score = base + local[l];
        if (tags) {
          score += rows[0][l];
          score += rows[1][l];
          score += rows[2][l];
        }
        if (score > cur[l]) {
          cur[l] = score;
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

template <typename Weights>
std::vector<std::vector<int>> Decode(const Weights& w, uint64_t mask, const NerFeatureGroups& g,
                                     const DocFeatures& doc, const SentenceDecoded* after) {
  History history;
  std::vector<std::vector<uint32_t>> rows;  // for `after` only
  std::vector<uint32_t> history_rows;
  std::vector<float> local;
  Lattice lattice;
  std::vector<const float*> row_ptrs;
  std::vector<std::vector<int>> labels(doc.sentences.size());
  for (size_t s = 0; s < doc.sentences.size(); ++s) {
    const SentenceFeatures& sf = doc.sentences[s];
    // Each token's scores: its word's own features, its other static rows, its history rows, added
    // in that order (the order training summed them in).
    if (sf.word_scores.empty()) {
      local.assign(static_cast<size_t>(sf.n) * L, 0.0f);
    } else {
      local.assign(sf.word_scores.begin(), sf.word_scores.end());
    }
    if (after) rows.resize(sf.n);
    // The sentence's rows looked up ahead of the sums, so that their memory reads overlap.
    row_ptrs.resize(sf.rows.size());
    for (size_t j = 0; j < sf.rows.size(); ++j) {
      row_ptrs[j] = w.Row(sf.rows[j]);
      __builtin_prefetch(row_ptrs[j]);
      __builtin_prefetch(row_ptrs[j] + 16);
    }
    for (int i = 0; i < sf.n; ++i) {
      float* scores = &local[static_cast<size_t>(i) * L];
      const uint32_t* begin = sf.rows.data() + sf.offsets[i];
      const uint32_t* end = sf.rows.data() + sf.offsets[i + 1];
      RowSum sum(scores);
      for (uint32_t j = sf.offsets[i]; j < sf.offsets[i + 1]; ++j) sum.Add(row_ptrs[j]);
      history_rows.clear();
      if (g.nonlocal) AddHistoryRows(history, sf, i, mask, &history_rows);
      for (uint32_t r : history_rows) sum.Add(w.Row(r));
      sum.Store(scores);
      if (after) {
        rows[i].assign(begin, end);
        rows[i].insert(rows[i].end(), history_rows.begin(), history_rows.end());
      }
    }
    labels[s] = Viterbi(w, mask, g.tags, sf, local.data(), &lattice);
    if (after) (*after)(s, rows, labels[s]);
    if (g.nonlocal) RecordHistory(sf, labels[s], &history);
  }
  return labels;
}

}  // namespace

std::vector<std::vector<int>> DecodeDocument(const NerModel& model, const DocFeatures& doc) {
  return Decode(model, model.mask, model.groups, doc, nullptr);
}

std::vector<std::vector<int>> DecodeDocument(const DenseWeights& weights, const NerModel& model,
                                             const DocFeatures& doc, const SentenceDecoded* after) {
  return Decode(weights, model.mask, model.groups, doc, after);
}

}  // namespace newsloom::analyze
