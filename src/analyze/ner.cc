#include "analyze/ner.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <ctime>
#include <deque>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <ostream>
#include <random>
#include <sstream>
#include <unordered_map>

#include "analyze/gazetteer.h"
#include "analyze/ner_features.h"
#include "analyze/ner_io.h"
#include "analyze/word_clusters.h"
#include "text/hash.h"

#ifndef NEWSLOOM_NER_MODEL_DIR
#define NEWSLOOM_NER_MODEL_DIR "models"
#endif

namespace newsloom::analyze {

constexpr int L = kNumNerLabels;
constexpr char kMagic[8] = {'N', 'L', 'N', 'E', 'R', '0', '0', '1'};

struct NerTagger::Model {
  NerFeatureGroups groups;
  int hash_bits = 20;
  uint64_t mask = 0;
  Gazetteer gazetteer;
  WordClusters clusters;
  // Averaged weights of the rows that have any: row r's weights are weights[slot[r] * L ...];
  // slot 0 is all zeros and stands for every empty row.
  std::vector<uint32_t> slot;
  std::vector<float> weights;
  size_t nonzero_rows = 0;
};

namespace {

// Feature template ids; each feature is MixHash of its template and its values.
enum Template : uint64_t {
  kBias = 1,
  kWord,
  kNorm,
  kShape,
  kShortShape,
  kCasing,
  kFlags,
  kPrefix,
  kSuffix = kPrefix + 4,
  kPrev1 = kSuffix + 4,
  kNext1,
  kPrev2,
  kNext2,
  kBigramLeft,
  kBigramRight,
  kShapeTrigram,
  kPrevWordShape,
  kWordNextShape,
  kGaz,
  kGazPrev,
  kGazNext,
  kCluster,
  kClusterPrev = kCluster + 3,
  kClusterNext,
  kDocCasing,
  kAggPrev,
  kAggNext,
  kTag1,
  kTagWord,
  kTagShape,
  kHistType,
  kHistMajority,
};

inline uint64_t F(uint64_t t, uint64_t a = 0, uint64_t b = 0) {
  return MixHash(MixHash(t * 0x100000001b3ULL, a), b);
}

uint64_t H(std::string_view s) { return text::Hash64(s, 0x6e6572); }

// `word` with typographic quotes and apostrophes (U+2018/2019/201C/201D) replaced by ASCII ones;
// a rewritten copy is kept in `storage`.
std::string_view AsciiQuotes(std::string_view word, std::deque<std::string>* storage) {
  if (word.find("\xE2\x80") == std::string_view::npos) return word;
  std::string out;
  for (size_t i = 0; i < word.size(); ++i) {
    if (i + 2 < word.size() && word.compare(i, 2, "\xE2\x80") == 0) {
      unsigned char c = word[i + 2];
      if (c == 0x98 || c == 0x99 || c == 0x9c || c == 0x9d) {
        out += c <= 0x99 ? '\'' : '"';
        i += 2;
        continue;
      }
    }
    out += word[i];
  }
  storage->push_back(std::move(out));
  return storage->back();
}

// Occurrences of one word whose contexts feed the context-aggregation features.
constexpr size_t kMaxAggregated = 12;

// What a document's tokens contribute before any label is chosen.
struct SentenceFeatures {
  int n = 0;
  std::vector<uint32_t> offsets;    // n + 1 offsets into rows
  std::vector<uint32_t> rows;       // static feature rows
  std::vector<uint64_t> norm_hash;  // for label-conjoined features
  std::vector<uint64_t> sshape_hash;
  std::vector<uint64_t> hist_key;  // 0 when the token keeps no label history
};

struct DocFeatures {
  std::vector<SentenceFeatures> sentences;
};

DocFeatures Featurize(const NerTagger::Model& m,
                      const std::vector<std::vector<std::string_view>>& doc,
                      const std::unordered_map<uint64_t, uint32_t>* gaz_excluded) {
  const NerFeatureGroups& g = m.groups;
  auto row = [&](uint64_t f) { return static_cast<uint32_t>(f & m.mask); };

  // Document-level casing of every word (non-local features): how the word appears away from the
  // start of a sentence and outside all-caps headlines.
  struct Info {
    std::string norm;
    uint64_t norm_h;
    NerCasing casing;
  };
  std::vector<std::vector<Info>> infos(doc.size());
  std::vector<bool> headline(doc.size(), false);
  std::unordered_map<uint64_t, uint32_t> doc_casing;
  for (size_t s = 0; s < doc.size(); ++s) {
    bool any_lower = false, any_upper = false;
    infos[s].reserve(doc[s].size());
    for (std::string_view w : doc[s]) {
      std::string norm = NerNorm(w);
      NerCasing c = NerCasingOf(w);
      any_lower |= c == NerCasing::kLower || c == NerCasing::kInitCap || c == NerCasing::kMixed;
      any_upper |= c == NerCasing::kAllCaps;
      const uint64_t norm_h = H(norm);
      infos[s].push_back({std::move(norm), norm_h, c});
    }
    headline[s] = any_upper && !any_lower;
    if (!g.nonlocal) continue;
    for (size_t i = 0; i < infos[s].size(); ++i) {
      const Info& info = infos[s][i];
      uint32_t bit = 0;
      if (info.casing == NerCasing::kLower && i > 0) bit = 1;
      if (info.casing == NerCasing::kInitCap && i > 0 && !headline[s]) bit = 2;
      if (info.casing == NerCasing::kAllCaps && !headline[s]) bit = 4;
      doc_casing[info.norm_h] |= bit;
    }
  }
  // Context aggregation (Ratinov & Roth): the words around every capitalised occurrence of a word
  // in the document, so that "Magna said" informs "Magna 's" elsewhere.
  struct Occurrence {
    uint32_t sentence, index;
  };
  std::unordered_map<uint64_t, std::vector<Occurrence>> occurrences;
  if (g.nonlocal) {
    for (size_t s = 0; s < doc.size(); ++s) {
      for (size_t i = 0; i < infos[s].size(); ++i) {
        NerCasing c = infos[s][i].casing;
        if (c != NerCasing::kInitCap && c != NerCasing::kAllCaps) continue;
        auto& list = occurrences[infos[s][i].norm_h];
        if (list.size() < kMaxAggregated)
          list.push_back({static_cast<uint32_t>(s), static_cast<uint32_t>(i)});
      }
    }
  }
  auto norm_of = [&](size_t s, long i) -> uint64_t {
    if (i < 0) return 0x5354415254ULL;
    if (i >= static_cast<long>(infos[s].size())) return 0x454e44ULL;
    return infos[s][i].norm_h;
  };

  DocFeatures out;
  out.sentences.resize(doc.size());
  std::vector<uint64_t> word_h, sshape_h, gaz_keys;
  std::vector<int> cluster;
  std::vector<uint32_t> gaz_bits;
  for (size_t s = 0; s < doc.size(); ++s) {
    const auto& words = doc[s];
    const auto& info = infos[s];
    const int n = static_cast<int>(words.size());
    SentenceFeatures& sf = out.sentences[s];
    sf.n = n;
    sf.offsets.assign(1, 0);
    sf.offsets.reserve(static_cast<size_t>(n) + 1);
    sf.rows.reserve(static_cast<size_t>(n) * 40);  // about what a token of running text takes
    sf.norm_hash.resize(n);
    sf.sshape_hash.resize(n);
    sf.hist_key.assign(n, 0);
    word_h.resize(n);
    sshape_h.resize(n);
    gaz_keys.resize(n);
    cluster.assign(n, -1);
    for (int i = 0; i < n; ++i) {
      word_h[i] = H(words[i]);
      sshape_h[i] = H(NerShortShape(words[i]));
      sf.norm_hash[i] = info[i].norm_h;
      sf.sshape_hash[i] = sshape_h[i];
      // In all-caps headlines, look names and clusters up in title case ("JAPAN" -> "Japan").
      bool title = headline[s] && info[i].casing == NerCasing::kAllCaps && words[i].size() > 3;
      std::string title_case;
      if (title) title_case = NerTitleCase(words[i]);
      const std::string_view lookup = title ? std::string_view(title_case) : words[i];
      if (g.gazetteer) gaz_keys[i] = Gazetteer::TokenKey(lookup);
      if (g.clusters) {
        cluster[i] = m.clusters.Lookup(lookup);
        if (cluster[i] < 0 && info[i].casing != NerCasing::kLower) {
          cluster[i] = m.clusters.Lookup(NerLower(words[i]));
        }
      }
      if (g.nonlocal &&
          (info[i].casing == NerCasing::kInitCap || info[i].casing == NerCasing::kAllCaps)) {
        sf.hist_key[i] = info[i].norm_h;
      }
    }
    if (g.gazetteer) {
      m.gazetteer.Match(gaz_keys, gaz_excluded, &gaz_bits);
    }
    auto norm_at = [&](int i) {
      return i < 0 ? 0x5354415254ULL + i : i >= n ? 0x454e44ULL + i - n : info[i].norm_h;
    };
    auto sshape_at = [&](int i) { return i < 0 || i >= n ? 0x4f5554ULL : sshape_h[i]; };
    for (int i = 0; i < n; ++i) {
      std::string_view w = words[i];
      sf.rows.push_back(row(F(kBias)));
      sf.rows.push_back(row(F(kWord, word_h[i])));
      sf.rows.push_back(row(F(kNorm, info[i].norm_h)));
      if (g.shape) {
        sf.rows.push_back(row(F(kShape, H(NerShape(w)))));
        sf.rows.push_back(row(F(kShortShape, sshape_h[i])));
        uint64_t casing =
            static_cast<uint64_t>(info[i].casing) | (i == 0 ? 8 : 0) | (headline[s] ? 16 : 0);
        sf.rows.push_back(row(F(kCasing, casing)));
        uint64_t flags = (w.find('-') != std::string_view::npos) |
                         (w.find('.') != std::string_view::npos) << 1 |
                         (w.find('\'') != std::string_view::npos) << 2 | (w.size() == 1) << 3;
        sf.rows.push_back(row(F(kFlags, flags)));
      }
      if (g.affix) {
        const std::string& norm = info[i].norm;
        for (size_t k = 1; k <= 4 && k < norm.size(); ++k) {
          sf.rows.push_back(row(F(kPrefix + k - 1, H(std::string_view(norm).substr(0, k)))));
          sf.rows.push_back(
              row(F(kSuffix + k - 1, H(std::string_view(norm).substr(norm.size() - k)))));
        }
      }
      if (g.context) {
        sf.rows.push_back(row(F(kPrev1, norm_at(i - 1))));
        sf.rows.push_back(row(F(kNext1, norm_at(i + 1))));
        sf.rows.push_back(row(F(kPrev2, norm_at(i - 2))));
        sf.rows.push_back(row(F(kNext2, norm_at(i + 2))));
        sf.rows.push_back(row(F(kBigramLeft, norm_at(i - 1), norm_at(i))));
        sf.rows.push_back(row(F(kBigramRight, norm_at(i), norm_at(i + 1))));
        if (g.shape) {
          sf.rows.push_back(
              row(F(kShapeTrigram, MixHash(sshape_at(i - 1), sshape_at(i)), sshape_at(i + 1))));
          sf.rows.push_back(row(F(kPrevWordShape, norm_at(i - 1), sshape_at(i))));
          sf.rows.push_back(row(F(kWordNextShape, sshape_at(i), norm_at(i + 1))));
        }
      }
      if (g.gazetteer) {
        for (uint32_t bits = gaz_bits[i]; bits; bits &= bits - 1) {
          sf.rows.push_back(row(F(kGaz, static_cast<uint64_t>(__builtin_ctz(bits)))));
        }
        auto lists = [&](int k) {
          uint32_t b = gaz_bits[k], out = 0;
          for (int list = 0; list < Gazetteer::kNumLists; ++list) {
            if ((b >> (list * 4)) & 0xf) out |= 1u << list;
          }
          return out;
        };
        if (i > 0) {
          for (uint32_t b = lists(i - 1); b; b &= b - 1)
            sf.rows.push_back(row(F(kGazPrev, __builtin_ctz(b))));
        }
        if (i + 1 < n) {
          for (uint32_t b = lists(i + 1); b; b &= b - 1)
            sf.rows.push_back(row(F(kGazNext, __builtin_ctz(b))));
        }
      }
      if (g.clusters) {
        if (cluster[i] >= 0) {
          for (int level = 1; level <= WordClusters::kLevels; ++level) {
            sf.rows.push_back(
                row(F(kCluster + level - 1, WordClusters::Prefix(cluster[i], level))));
          }
        }
        int prev = i > 0 ? cluster[i - 1] : -2, next = i + 1 < n ? cluster[i + 1] : -2;
        sf.rows.push_back(row(F(kClusterPrev, prev < 0 ? prev : WordClusters::Prefix(prev, 2))));
        sf.rows.push_back(row(F(kClusterNext, next < 0 ? next : WordClusters::Prefix(next, 2))));
      }
      if (g.nonlocal && info[i].casing != NerCasing::kLower &&
          info[i].casing != NerCasing::kOther) {
        uint64_t key =
            static_cast<uint64_t>(info[i].casing) | (i == 0 ? 8 : 0) | (headline[s] ? 16 : 0);
        sf.rows.push_back(row(F(kDocCasing, key, doc_casing[info[i].norm_h])));
        auto it = occurrences.find(info[i].norm_h);
        if (it != occurrences.end()) {
          size_t first = sf.rows.size();
          for (const Occurrence& o : it->second) {
            if (o.sentence == s && o.index == static_cast<uint32_t>(i)) continue;
            sf.rows.push_back(
                row(F(kAggPrev, norm_of(o.sentence, static_cast<long>(o.index) - 1))));
            sf.rows.push_back(
                row(F(kAggNext, norm_of(o.sentence, static_cast<long>(o.index) + 1))));
          }
          // Each context counts once.
          std::sort(sf.rows.begin() + first, sf.rows.end());
          sf.rows.erase(std::unique(sf.rows.begin() + first, sf.rows.end()), sf.rows.end());
        }
      }
      sf.offsets.push_back(static_cast<uint32_t>(sf.rows.size()));
    }
  }
  return out;
}

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
    if (h[k]) rows->push_back(static_cast<uint32_t>(F(kHistType, k) & mask));
    if (h[k] > h[best]) best = k;
  }
  rows->push_back(static_cast<uint32_t>(F(kHistMajority, best) & mask));
}

void RecordHistory(const SentenceFeatures& sf, const std::vector<int>& labels, History* history) {
  for (int i = 0; i < sf.n; ++i) {
    if (!sf.hist_key[i]) continue;
    auto& h = (*history)[sf.hist_key[i]];
    int k = labels[i] == 0 ? 0 : NerLabelType(labels[i]) + 1;
    if (h[k] < 65535) ++h[k];
  }
}

// Rows of the features that join the previous label `prev` (-1 = sentence start) to token i.
inline void TransitionRows(const SentenceFeatures& sf, int i, int prev, uint64_t mask,
                           uint32_t out[3]) {
  out[0] = static_cast<uint32_t>(F(kTag1, prev + 2) & mask);
  out[1] = static_cast<uint32_t>(F(kTagWord, prev + 2, sf.norm_hash[i]) & mask);
  out[2] = static_cast<uint32_t>(F(kTagShape, prev + 2, sf.sshape_hash[i]) & mask);
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

// The weight table as decoding reads it: dense (training) or through a row -> slot index.
struct WeightView {
  const float* w;
  const uint32_t* slot;  // null: dense
  const float* Row(uint32_t r) const { return w + static_cast<size_t>(slot ? slot[r] : r) * L; }
};

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
      const float* wr = w.Row(static_cast<uint32_t>(F(kTag1, prev + 2) & mask));
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

// Decodes a document sentence by sentence. `after(s, rows, labels)` sees each sentence's feature
// rows and predicted labels before they enter the label history (training updates the weights).
template <typename After>
void DecodeDocument(WeightView w, uint64_t mask, const NerFeatureGroups& g, const DocFeatures& doc,
                    After&& after, std::vector<std::vector<int>>* labels) {
  History history;
  std::vector<std::vector<uint32_t>> rows;
  labels->resize(doc.sentences.size());
  for (size_t s = 0; s < doc.sentences.size(); ++s) {
    const SentenceFeatures& sf = doc.sentences[s];
    rows.resize(sf.n);
    for (int i = 0; i < sf.n; ++i) {
      rows[i].assign(sf.rows.begin() + sf.offsets[i], sf.rows.begin() + sf.offsets[i + 1]);
      if (g.nonlocal) AddHistoryRows(history, sf, i, mask, &rows[i]);
    }
    (*labels)[s] = Viterbi(w, mask, g.tags, sf, rows);
    after(s, rows, (*labels)[s]);
    if (g.nonlocal) RecordHistory(sf, (*labels)[s], &history);
  }
}

Status ReadFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("cannot open " + path);
  in.seekg(0, std::ios::end);
  std::streamoff size = in.tellg();
  if (size < 0) return Status::IoError("cannot size " + path);
  in.seekg(0);
  out->resize(static_cast<size_t>(size));
  in.read(out->data(), size);
  if (in.gcount() != size) return Status::IoError("error reading " + path);
  return Status::Ok();
}

// Unlabelled text for clusters: .jsonl lines' "text" fields, other files whole, folders recursively
// in sorted order. Unreadable jsonl lines are skipped.
Status CollectTexts(const std::string& path, std::vector<std::string>* texts) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    std::vector<std::string> files;
    for (const auto& entry : fs::recursive_directory_iterator(path, ec)) {
      if (entry.is_regular_file()) files.push_back(entry.path().string());
    }
    if (ec) return Status::IoError("cannot list " + path);
    std::sort(files.begin(), files.end());
    for (const std::string& f : files) {
      if (f.ends_with(".jsonl") || f.ends_with(".txt"))
        NEWSLOOM_RETURN_IF_ERROR(CollectTexts(f, texts));
    }
    return Status::Ok();
  }
  std::string content;
  NEWSLOOM_RETURN_IF_ERROR(ReadFile(path, &content));
  if (!path.ends_with(".jsonl")) {
    texts->push_back(std::move(content));
    return Status::Ok();
  }
  std::istringstream lines(content);
  for (std::string line; std::getline(lines, line);) {
    nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object() || !j.contains("text") || !j["text"].is_string())
      continue;
    texts->push_back(j["text"].get<std::string>());
  }
  return Status::Ok();
}

std::vector<std::vector<std::string_view>> Words(const ConllDocument& doc) {
  std::vector<std::vector<std::string_view>> out;
  for (const ConllSentence& s : doc.sentences) {
    out.emplace_back(s.words.begin(), s.words.end());
  }
  return out;
}

}  // namespace

uint32_t NerFeatureGroups::Bits() const {
  return shape | affix << 1 | context << 2 | tags << 3 | gazetteer << 4 | clusters << 5 |
         nonlocal << 6;
}

NerFeatureGroups NerFeatureGroups::FromBits(uint32_t b) {
  NerFeatureGroups g;
  g.shape = b & 1;
  g.affix = b & 2;
  g.context = b & 4;
  g.tags = b & 8;
  g.gazetteer = b & 16;
  g.clusters = b & 32;
  g.nonlocal = b & 64;
  return g;
}

Result<NerFeatureGroups> ParseDisabledNerGroups(std::string_view names) {
  NerFeatureGroups g;
  while (!names.empty()) {
    size_t comma = names.find(',');
    std::string_view name = names.substr(0, comma);
    names = comma == std::string_view::npos ? std::string_view() : names.substr(comma + 1);
    if (name.empty()) continue;
    if (name == "shape")
      g.shape = false;
    else if (name == "affix")
      g.affix = false;
    else if (name == "context")
      g.context = false;
    else if (name == "tags")
      g.tags = false;
    else if (name == "gazetteer")
      g.gazetteer = false;
    else if (name == "clusters")
      g.clusters = false;
    else if (name == "nonlocal")
      g.nonlocal = false;
    else
      return Status::InvalidArgument(
          "unknown feature group '" + std::string(name) +
          "' (shape, affix, context, tags, gazetteer, clusters, nonlocal)");
  }
  return g;
}

NerTagger::NerTagger() = default;
NerTagger::~NerTagger() = default;
NerTagger::NerTagger(NerTagger&&) noexcept = default;
NerTagger& NerTagger::operator=(NerTagger&&) noexcept = default;

const NerFeatureGroups& NerTagger::groups() const { return model_->groups; }
size_t NerTagger::weight_rows() const { return model_->nonzero_rows; }
size_t NerTagger::gazetteer_size() const { return model_->gazetteer.size(); }
size_t NerTagger::cluster_words() const { return model_->clusters.size(); }

Result<NerTagger> NerTagger::Train(const std::vector<ConllDocument>& docs,
                                   const NerTrainOptions& options) {
  if (options.hash_bits < 10 || options.hash_bits > 26) {
    return Status::InvalidArgument("hash_bits must be in 10..26");
  }
  auto m = std::make_unique<Model>();
  m->groups = options.groups;
  m->hash_bits = options.hash_bits;
  m->mask = (1ULL << options.hash_bits) - 1;

  // Gold chunks once; training-data name lists count documents, so that each training document can
  // be left out of its own lookups.
  std::vector<std::vector<std::vector<Chunk>>> gold(docs.size());
  std::vector<std::unordered_map<uint64_t, uint32_t>> excluded(docs.size());
  for (size_t d = 0; d < docs.size(); ++d) {
    std::map<std::string, std::pair<std::vector<std::string>, uint32_t>> phrases;
    for (const ConllSentence& s : docs[d].sentences) {
      gold[d].push_back(ChunksFromTags(s.tags));
      for (const Chunk& c : gold[d].back()) {
        int t = NerTypeIndex(c.type);
        if (t < 0) continue;
        std::vector<std::string> tokens(s.words.begin() + c.begin, s.words.begin() + c.end);
        std::string key;
        for (const auto& w : tokens) key += w + " ";
        auto& entry = phrases[key];
        entry.first = tokens;
        entry.second |= 1u << t;
      }
    }
    for (const auto& [key, entry] : phrases) {
      if (static_cast<int>(entry.first.size()) > Gazetteer::kMaxPhraseTokens) continue;
      std::vector<uint64_t> keys;
      for (const auto& w : entry.first) keys.push_back(Gazetteer::TokenKey(w));
      excluded[d][Gazetteer::PhraseKey(keys.data(), static_cast<int>(keys.size()))] = entry.second;
      if (!m->groups.gazetteer) continue;
      for (int t = 0; t < kNumNerTypes; ++t) {
        if ((entry.second >> t) & 1) m->gazetteer.Add(entry.first, static_cast<Gazetteer::List>(t));
      }
    }
  }
  if (m->groups.gazetteer) {
    if (!options.iso_codes_dir.empty())
      NEWSLOOM_RETURN_IF_ERROR(m->gazetteer.AddIsoCodes(options.iso_codes_dir));
    if (!options.zone_tab.empty())
      NEWSLOOM_RETURN_IF_ERROR(m->gazetteer.AddZoneTab(options.zone_tab));
  }
  if (m->groups.clusters) {
    std::vector<std::string> texts;
    for (const ConllDocument& doc : docs) {
      std::string text;
      for (const ConllSentence& s : doc.sentences) {
        for (const auto& w : s.words) text += w + " ";
        text += "\n";
      }
      texts.push_back(std::move(text));
    }
    for (const std::string& path : options.unlabelled)
      NEWSLOOM_RETURN_IF_ERROR(CollectTexts(path, &texts));
    m->clusters = WordClusters::Learn(texts, WordClusterOptions{});
  }

  std::vector<DocFeatures> features;
  features.reserve(docs.size());
  for (size_t d = 0; d < docs.size(); ++d) {
    features.push_back(Featurize(*m, Words(docs[d]), &excluded[d]));
  }
  std::vector<std::vector<std::vector<int>>> gold_labels(docs.size());
  for (size_t d = 0; d < docs.size(); ++d) {
    for (size_t s = 0; s < docs[d].sentences.size(); ++s) {
      gold_labels[d].push_back(
          BilouFromChunks(gold[d][s], static_cast<int>(docs[d].sentences[s].words.size())));
    }
  }

  // Averaged perceptron: w holds the current weights, acc the updates weighted by the step they
  // were made at, so the average over all steps is w - acc / steps.
  const size_t rows = size_t{1} << options.hash_bits;
  std::vector<float> w(rows * L, 0.0f);
  std::vector<double> acc(rows * L, 0.0);
  double step = 1;
  std::vector<size_t> order(docs.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::mt19937_64 rng(options.seed);
  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    // Fisher-Yates with the raw generator: the same order on every standard library.
    for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng() % i]);
    long tokens = 0, correct = 0;
    for (size_t d : order) {
      std::vector<std::vector<int>> predicted;
      auto update = [&](size_t s, const std::vector<std::vector<uint32_t>>& rows,
                        const std::vector<int>& guess) {
        const std::vector<int>& truth = gold_labels[d][s];
        const SentenceFeatures& sf = features[d].sentences[s];
        auto add = [&](uint32_t r, int label, float delta) {
          size_t k = static_cast<size_t>(r) * L + label;
          w[k] += delta;
          acc[k] += delta * step;
        };
        uint32_t trans[3];
        for (int i = 0; i < sf.n; ++i) {
          ++tokens;
          correct += guess[i] == truth[i];
          int gp = i ? truth[i - 1] : -1, pp = i ? guess[i - 1] : -1;
          if (guess[i] == truth[i] && gp == pp) continue;
          if (guess[i] != truth[i]) {
            for (uint32_t r : rows[i]) {
              add(r, truth[i], 1);
              add(r, guess[i], -1);
            }
          }
          if (m->groups.tags) {
            TransitionRows(sf, i, gp, m->mask, trans);
            for (uint32_t r : trans) add(r, truth[i], 1);
            TransitionRows(sf, i, pp, m->mask, trans);
            for (uint32_t r : trans) add(r, guess[i], -1);
          }
        }
        step += 1;
      };
      DecodeDocument(WeightView{w.data(), nullptr}, m->mask, m->groups, features[d], update,
                     &predicted);
    }
    if (options.progress)
      options.progress(epoch, tokens ? static_cast<double>(correct) / tokens : 0);
  }

  for (size_t k = 0; k < w.size(); ++k) w[k] = static_cast<float>(w[k] - acc[k] / step);
  m->slot.assign(rows, 0);
  m->weights.assign(L, 0.0f);
  for (size_t r = 0; r < rows; ++r) {
    const float* wr = &w[r * L];
    if (std::all_of(wr, wr + L, [](float v) { return v == 0; })) continue;
    m->slot[r] = static_cast<uint32_t>(m->weights.size() / L);
    m->weights.insert(m->weights.end(), wr, wr + L);
    ++m->nonzero_rows;
  }
  NerTagger tagger;
  tagger.model_ = std::move(m);
  return tagger;
}

Status NerTagger::Save(const std::string& path) const {
  const Model& m = *model_;
  std::string out(kMagic, sizeof(kMagic));
  PutU32(&out, 1);
  PutU32(&out, static_cast<uint32_t>(m.hash_bits));
  PutU32(&out, L);
  PutU32(&out, m.groups.Bits());
  m.gazetteer.Serialize(&out);
  m.clusters.Serialize(&out);
  const size_t rows = size_t{1} << m.hash_bits;
  PutU32(&out, static_cast<uint32_t>(m.nonzero_rows));
  for (size_t r = 0; r < rows; ++r) {
    if (m.slot[r] == 0) continue;
    const float* wr = &m.weights[static_cast<size_t>(m.slot[r]) * L];
    PutU32(&out, static_cast<uint32_t>(r));
    for (int l = 0; l < L; ++l) PutF32(&out, wr[l]);
  }
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  if (!file) return Status::IoError("cannot write " + path);
  file.write(out.data(), static_cast<std::streamsize>(out.size()));
  file.close();
  if (!file) return Status::IoError("error writing " + path);
  return Status::Ok();
}

Result<NerTagger> NerTagger::Load(const std::string& path) {
  std::string data;
  NEWSLOOM_RETURN_IF_ERROR(ReadFile(path, &data));
  auto corrupt = [&](const std::string& why) { return Status::Corrupt(path + ": " + why); };
  if (data.size() < sizeof(kMagic) ||
      data.compare(0, sizeof(kMagic), kMagic, sizeof(kMagic)) != 0) {
    return corrupt("not an entity tagger model");
  }
  size_t pos = sizeof(kMagic);
  uint32_t version, hash_bits, labels, groups;
  auto m = std::make_unique<Model>();
  if (!GetU32(data, &pos, &version) || !GetU32(data, &pos, &hash_bits) ||
      !GetU32(data, &pos, &labels) || !GetU32(data, &pos, &groups)) {
    return corrupt("truncated header");
  }
  if (version != 1) return corrupt("unsupported model version " + std::to_string(version));
  if (labels != L || hash_bits < 10 || hash_bits > 26) return corrupt("bad header");
  m->hash_bits = static_cast<int>(hash_bits);
  m->mask = (1ULL << hash_bits) - 1;
  m->groups = NerFeatureGroups::FromBits(groups);
  Status st = m->gazetteer.Deserialize(data, &pos);
  if (!st.ok()) return corrupt(st.message());
  st = m->clusters.Deserialize(data, &pos);
  if (!st.ok()) return corrupt(st.message());
  uint32_t count;
  if (!GetU32(data, &pos, &count)) return corrupt("truncated weights");
  const size_t rows = size_t{1} << hash_bits;
  if (count >= rows) return corrupt("bad weight count");
  m->slot.assign(rows, 0);
  m->weights.assign(static_cast<size_t>(count + 1) * L, 0.0f);
  for (uint32_t k = 0; k < count; ++k) {
    uint32_t r;
    if (!GetU32(data, &pos, &r) || r >= rows) return corrupt("truncated weights");
    m->slot[r] = k + 1;
    for (int l = 0; l < L; ++l) {
      if (!GetF32(data, &pos, &m->weights[static_cast<size_t>(k + 1) * L + l]))
        return corrupt("truncated weights");
    }
  }
  m->nonzero_rows = count;
  NerTagger tagger;
  tagger.model_ = std::move(m);
  return tagger;
}

std::vector<std::vector<int>> NerTagger::TagDocument(
    const std::vector<std::vector<std::string_view>>& sentences) const {
  const Model& m = *model_;
  DocFeatures doc = Featurize(m, sentences, nullptr);
  std::vector<std::vector<int>> labels;
  DecodeDocument(
      WeightView{m.weights.data(), m.slot.data()}, m.mask, m.groups, doc,
      [](size_t, const std::vector<std::vector<uint32_t>>&, const std::vector<int>&) {}, &labels);
  return labels;
}

std::vector<EntityMention> NerTagger::Tag(std::string_view body, const std::vector<Token>& tokens,
                                          const std::vector<Span>& sentences) const {
  // Group tokens by sentence: inside sentence k -> group 2k+1, between sentences -> even groups.
  std::vector<std::vector<std::string_view>> words;
  std::vector<std::vector<Span>> spans;
  size_t k = 0;
  long group = -1;
  uint32_t last_end = 0;
  std::deque<std::string> storage;  // rewritten tokens; a deque keeps views into it valid
  for (const Token& t : tokens) {
    // Tokens out of order or overlapping the previous one are skipped, so spans stay well formed.
    if (t.span.begin >= t.span.end || t.span.end > body.size() || t.span.begin < last_end) continue;
    std::string_view w = body.substr(t.span.begin, t.span.size());
    if (std::all_of(w.begin(), w.end(),
                    [](char c) { return std::isspace(static_cast<unsigned char>(c)); }))
      continue;
    while (k < sentences.size() && sentences[k].end <= t.span.begin) ++k;
    long g = k < sentences.size() && sentences[k].begin <= t.span.begin
                 ? 2 * static_cast<long>(k) + 1
                 : 2 * static_cast<long>(k);
    if (g != group || words.empty()) {
      words.emplace_back();
      spans.emplace_back();
      group = g;
    }
    // The model learned from Reuters text: ASCII quotes, and the possessive "'s" as its own token.
    // Word breakers keep "Russia's" whole and news sites use typographic quotes.
    uint32_t suffix = 0;
    for (std::string_view poss : {"'s", "'S", "\xE2\x80\x99s", "\xE2\x80\x99S"}) {
      if (w.size() > poss.size() && w.ends_with(poss)) suffix = static_cast<uint32_t>(poss.size());
    }
    Span stem{t.span.begin, t.span.end - suffix};
    words.back().push_back(AsciiQuotes(body.substr(stem.begin, stem.size()), &storage));
    spans.back().push_back(stem);
    if (suffix) {
      words.back().push_back("'s");
      spans.back().push_back({stem.end, t.span.end});
    }
    last_end = t.span.end;
  }
  std::vector<std::vector<int>> labels = TagDocument(words);
  std::vector<EntityMention> out;
  for (size_t s = 0; s < labels.size(); ++s) {
    for (const Chunk& c : ChunksFromBilou(labels[s])) {
      EntityMention e;
      e.span = {spans[s][c.begin].begin, spans[s][c.end - 1].end};
      e.text = std::string(body.substr(e.span.begin, e.span.size()));
      e.type = c.type;
      out.push_back(std::move(e));
    }
  }
  return out;
}

NerEvaluation EvaluateNer(const NerTagger& tagger, const std::vector<ConllDocument>& docs,
                          std::ostream* predictions) {
  NerEvaluation eval;
  for (const ConllDocument& doc : docs) {
    ++eval.documents;
    std::vector<std::vector<std::string_view>> words = Words(doc);
    auto start = std::chrono::steady_clock::now();
    std::clock_t cpu_start = std::clock();
    std::vector<std::vector<int>> labels = tagger.TagDocument(words);
    eval.tag_cpu_seconds += static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;
    eval.tag_seconds +=
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    for (size_t s = 0; s < doc.sentences.size(); ++s) {
      const ConllSentence& sentence = doc.sentences[s];
      std::vector<Chunk> gold = ChunksFromTags(sentence.tags);
      std::vector<Chunk> predicted = ChunksFromBilou(labels[s]);
      eval.score.Add(gold, predicted);
      const int n = static_cast<int>(sentence.words.size());
      std::vector<std::string> gold_tags = Iob1FromChunks(gold, n);
      std::vector<std::string> pred_tags = Iob1FromChunks(predicted, n);
      for (int i = 0; i < n; ++i) {
        ++eval.score.tokens;
        eval.score.tokens_correct += gold_tags[i] == pred_tags[i];
        if (predictions)
          *predictions << sentence.words[i] << ' ' << sentence.tags[i] << ' ' << pred_tags[i]
                       << '\n';
      }
      if (predictions) *predictions << '\n';
      ++eval.sentences;
    }
  }
  return eval;
}

std::string DefaultNerModelPath() { return std::string(NEWSLOOM_NER_MODEL_DIR) + "/ner-en.bin"; }

}  // namespace newsloom::analyze
