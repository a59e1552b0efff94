#include "analyze/ner_features.h"

#include <algorithm>

#include "text/hash.h"

namespace newsloom::analyze {
namespace {

// Character classes of one code point, read from UTF-8. Only ASCII and the Latin-1 letters
// (U+00C0..U+00FE, 2-byte sequences starting 0xC3) are told apart by case; other letters count as
// lower case, which is what matters for the features.
enum CharClass { kUpper, kLowerCh, kDigit, kOtherCh };

CharClass ClassAt(std::string_view w, size_t i, size_t* len) {
  unsigned char c = w[i];
  *len = 1;
  if (c >= 'A' && c <= 'Z') return kUpper;
  if (c >= 'a' && c <= 'z') return kLowerCh;
  if (c >= '0' && c <= '9') return kDigit;
  if (c < 0x80) return kOtherCh;
  size_t n = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
  if (i + n > w.size()) n = w.size() - i;
  *len = n;
  if (c == 0xc3 && n == 2) {
    unsigned char d = w[i + 1];
    if (d == 0x97 || d == 0xb7) return kOtherCh;  // multiplication and division signs
    return d < 0x9f ? kUpper : kLowerCh;
  }
  return c >= 0xc4 && c < 0xe0 ? kLowerCh : kOtherCh;
}

std::string CaseMap(std::string_view word, bool digits_to_zero, bool title) {
  std::string out(word);
  bool first = true;
  for (size_t i = 0; i < out.size();) {
    size_t len;
    CharClass cls = ClassAt(out, i, &len);
    bool to_lower = title ? !first : true;
    if (cls == kUpper && to_lower) {
      if (len == 1) out[i] = static_cast<char>(out[i] - 'A' + 'a');
      if (len == 2) out[i + 1] = static_cast<char>(out[i + 1] + 0x20);
    } else if (cls == kDigit && digits_to_zero) {
      out[i] = '0';
    }
    if (cls == kUpper || cls == kLowerCh) first = false;
    i += len;
  }
  return out;
}

uint64_t H(std::string_view s) { return text::Hash64(s, 0x6e6572); }

// Capitalised occurrences of one word whose contexts feed the context-aggregation features.
constexpr size_t kMaxAggregated = 12;

}  // namespace

std::string NerNorm(std::string_view word) { return CaseMap(word, true, false); }
std::string NerLower(std::string_view word) { return CaseMap(word, false, false); }
std::string NerTitleCase(std::string_view word) { return CaseMap(word, false, true); }

std::string NerShape(std::string_view word) {
  std::string out;
  for (size_t i = 0; i < word.size() && out.size() < 16;) {
    size_t len;
    switch (ClassAt(word, i, &len)) {
      case kUpper:
        out += 'X';
        break;
      case kLowerCh:
        out += 'x';
        break;
      case kDigit:
        out += 'd';
        break;
      default:
        out.append(word.substr(i, len));
    }
    i += len;
  }
  return out;
}

std::string NerShortShape(std::string_view word) {
  std::string shape = NerShape(word), out;
  for (char c : shape) {
    if (out.empty() || out.back() != c) out += c;
  }
  return out;
}

NerCasing NerCasingOf(std::string_view word) {
  int upper = 0, lower = 0, digit = 0;
  bool first_upper = false, first_letter = true;
  for (size_t i = 0; i < word.size();) {
    size_t len;
    CharClass cls = ClassAt(word, i, &len);
    if (cls == kUpper) ++upper;
    if (cls == kLowerCh) ++lower;
    if (cls == kDigit) ++digit;
    if (first_letter && (cls == kUpper || cls == kLowerCh)) {
      first_upper = cls == kUpper;
      first_letter = false;
    }
    i += len;
  }
  if (upper + lower == 0) return digit ? NerCasing::kDigits : NerCasing::kOther;
  if (digit) return NerCasing::kAlnum;
  if (lower == 0) return NerCasing::kAllCaps;
  if (upper == 0) return NerCasing::kLower;
  return first_upper ? NerCasing::kInitCap : NerCasing::kMixed;
}

namespace {

constexpr uint64_t kSentenceStart = 0x5354415254ULL;
constexpr uint64_t kSentenceEnd = 0x454e44ULL;

// What a token contributes whatever its neighbours: a function of the word, its casing class and
// its place (first in the sentence, in an all-caps headline) only.
struct WordFeatures {
  uint64_t norm_h = 0;
  uint64_t sshape_h = 0;
  int cluster = -1;      // word-cluster path, -1 for none
  uint64_t gaz_key = 0;  // Gazetteer::TokenKey of the word as looked up
  // Rows of the word's own features (bias, word, norm, shape, casing, flags, affixes), in order.
  uint32_t rows[16];
  int num_rows = 0;
};

WordFeatures DescribeWord(const NerModel& m, std::string_view w, NerCasing casing, bool first,
                          bool headline) {
  const NerFeatureGroups& g = m.groups;
  WordFeatures f;
  auto add = [&](uint64_t key) { f.rows[f.num_rows++] = static_cast<uint32_t>(key & m.mask); };
  const std::string norm = NerNorm(w);
  f.norm_h = H(norm);
  f.sshape_h = H(NerShortShape(w));
  // In all-caps headlines, look names and clusters up in title case ("JAPAN" -> "Japan").
  const bool title = headline && casing == NerCasing::kAllCaps && w.size() > 3;
  std::string title_case;
  if (title) title_case = NerTitleCase(w);
  const std::string_view lookup = title ? std::string_view(title_case) : w;
  if (g.gazetteer) f.gaz_key = Gazetteer::TokenKey(lookup);
  if (g.clusters) {
    f.cluster = m.clusters.Lookup(lookup);
    if (f.cluster < 0 && casing != NerCasing::kLower) f.cluster = m.clusters.Lookup(NerLower(w));
  }

  add(NerFeatureKey(kBias));
  add(NerFeatureKey(kWord, H(w)));
  add(NerFeatureKey(kNorm, f.norm_h));
  if (g.shape) {
    add(NerFeatureKey(kShape, H(NerShape(w))));
    add(NerFeatureKey(kShortShape, f.sshape_h));
    add(NerFeatureKey(kCasing,
                      static_cast<uint64_t>(casing) | (first ? 8 : 0) | (headline ? 16 : 0)));
    uint64_t flags = (w.find('-') != std::string_view::npos) |
                     (w.find('.') != std::string_view::npos) << 1 |
                     (w.find('\'') != std::string_view::npos) << 2 | (w.size() == 1) << 3;
    add(NerFeatureKey(kFlags, flags));
  }
  if (g.affix) {
    const std::string_view n(norm);
    for (size_t k = 1; k <= 4 && k < n.size(); ++k) {
      add(NerFeatureKey(kPrefix + k - 1, H(n.substr(0, k))));
      add(NerFeatureKey(kSuffix + k - 1, H(n.substr(n.size() - k))));
    }
  }
  return f;
}

// One token of a document, as the document-level features see it.
struct TokenInfo {
  NerCasing casing;
  WordFeatures word;
};

// Occurrences of one capitalised word whose contexts feed the context-aggregation features.
struct Occurrence {
  uint32_t sentence, index;
};

// The document as the non-local features see it.
struct DocContext {
  std::vector<std::vector<TokenInfo>> tokens;
  std::vector<bool> headline;  // all-caps sentences
  // With a word cache: each sentence's word scores (kNumNerLabels per token), and the tokens'
  // WordFeatures list no rows.
  std::vector<std::vector<float>> word_scores;
  // Bits of how each word (by norm) is cased elsewhere: 1 lower case inside a sentence, 2 initial
  // capital inside a sentence (not a headline), 4 all caps outside headlines.
  std::unordered_map<uint64_t, uint32_t> casing_elsewhere;
  // Context aggregation (Ratinov & Roth): the places of a word's first capitalised occurrences in
  // the document, so that "Magna said" informs "Magna 's" elsewhere.
  std::unordered_map<uint64_t, std::vector<Occurrence>> occurrences;

  uint64_t NormAt(size_t s, long i) const {
    if (i < 0) return kSentenceStart;
    if (i >= static_cast<long>(tokens[s].size())) return kSentenceEnd;
    return tokens[s][i].word.norm_h;
  }
};

// Where a word stands, as far as its own features care: first in its sentence (1), in an all-caps
// headline (2).
uint8_t WordContext(size_t i, bool headline) { return (i == 0 ? 1 : 0) | (headline ? 2 : 0); }

// The word features of every token through the cache: cached words are copied, the others
// described, summed and stored.
void DescribeWordsCached(const NerModel& m, const std::vector<std::vector<std::string_view>>& doc,
                         NerWordCache* cache, DocContext* ctx) {
  std::vector<NerWordCache::Key> keys;
  for (size_t s = 0; s < doc.size(); ++s) {
    for (size_t i = 0; i < doc[s].size(); ++i)
      keys.push_back(NerWordCache::MakeKey(doc[s][i], WordContext(i, ctx->headline[s])));
  }
  std::vector<CachedWord> values;
  std::vector<size_t> missing;
  cache->Lookup(keys, &values, &missing);
  for (size_t k : missing) {
    const NerWordCache::Key& key = keys[k];
    const WordFeatures f =
        DescribeWord(m, key.word, NerCasingOf(key.word), key.context & 1, key.context & 2);
    CachedWord& v = values[k];
    v = CachedWord{f.norm_h, f.sshape_h, f.gaz_key, f.cluster, {}};
    for (int r = 0; r < f.num_rows; ++r) AddWeightRow(v.scores, m.Row(f.rows[r]));
  }
  cache->Insert(keys, missing, values);
  ctx->word_scores.resize(doc.size());
  size_t k = 0;
  for (size_t s = 0; s < doc.size(); ++s) {
    std::vector<float>& scores = ctx->word_scores[s];
    scores.resize(doc[s].size() * kNumNerLabels);
    for (size_t i = 0; i < doc[s].size(); ++i, ++k) {
      const CachedWord& v = values[k];
      WordFeatures& f = ctx->tokens[s][i].word;
      f.norm_h = v.norm_h;
      f.sshape_h = v.sshape_h;
      f.gaz_key = v.gaz_key;
      f.cluster = v.cluster;
      std::copy(v.scores, v.scores + kNumNerLabels, &scores[i * kNumNerLabels]);
    }
  }
}

DocContext ReadDocument(const NerModel& m, const std::vector<std::vector<std::string_view>>& doc,
                        NerWordCache* cache) {
  DocContext ctx;
  ctx.tokens.resize(doc.size());
  ctx.headline.assign(doc.size(), false);
  for (size_t s = 0; s < doc.size(); ++s) {
    std::vector<TokenInfo>& tokens = ctx.tokens[s];
    bool any_lower = false, any_upper = false;
    tokens.resize(doc[s].size());
    for (size_t i = 0; i < doc[s].size(); ++i) {
      NerCasing c = NerCasingOf(doc[s][i]);
      tokens[i].casing = c;
      any_lower |= c == NerCasing::kLower || c == NerCasing::kInitCap || c == NerCasing::kMixed;
      any_upper |= c == NerCasing::kAllCaps;
    }
    ctx.headline[s] = any_upper && !any_lower;
    if (cache) continue;
    for (size_t i = 0; i < doc[s].size(); ++i) {
      tokens[i].word = DescribeWord(m, doc[s][i], tokens[i].casing, i == 0, ctx.headline[s]);
    }
  }
  if (cache) DescribeWordsCached(m, doc, cache, &ctx);
  if (!m.groups.nonlocal) return ctx;
  for (size_t s = 0; s < doc.size(); ++s) {
    for (size_t i = 0; i < ctx.tokens[s].size(); ++i) {
      const TokenInfo& t = ctx.tokens[s][i];
      uint32_t bit = 0;
      if (t.casing == NerCasing::kLower && i > 0) bit = 1;
      if (t.casing == NerCasing::kInitCap && i > 0 && !ctx.headline[s]) bit = 2;
      if (t.casing == NerCasing::kAllCaps && !ctx.headline[s]) bit = 4;
      ctx.casing_elsewhere[t.word.norm_h] |= bit;
    }
  }
  for (size_t s = 0; s < doc.size(); ++s) {
    for (size_t i = 0; i < ctx.tokens[s].size(); ++i) {
      const TokenInfo& t = ctx.tokens[s][i];
      if (t.casing != NerCasing::kInitCap && t.casing != NerCasing::kAllCaps) continue;
      auto& list = ctx.occurrences[t.word.norm_h];
      if (list.size() < kMaxAggregated)
        list.push_back({static_cast<uint32_t>(s), static_cast<uint32_t>(i)});
    }
  }
  return ctx;
}

// Which lists (bit per Gazetteer::List) cover a token, from its Gazetteer::Match bits.
uint32_t GazetteerLists(uint32_t match_bits) {
  uint32_t out = 0;
  for (int list = 0; list < Gazetteer::kNumLists; ++list) {
    if ((match_bits >> (list * 4)) & 0xf) out |= 1u << list;
  }
  return out;
}

// Appends the rows of token i of sentence s that depend on its neighbours or the document.
void AddContextRows(const NerModel& m, const DocContext& ctx, size_t s, int i,
                    const std::vector<uint32_t>& gaz_bits, std::vector<uint32_t>* rows) {
  const NerFeatureGroups& g = m.groups;
  const std::vector<TokenInfo>& tokens = ctx.tokens[s];
  const int n = static_cast<int>(tokens.size());
  auto add = [&](uint64_t key) { rows->push_back(static_cast<uint32_t>(key & m.mask)); };
  auto norm_at = [&](int k) {
    return k < 0 ? kSentenceStart + k : k >= n ? kSentenceEnd + k - n : tokens[k].word.norm_h;
  };
  auto sshape_at = [&](int k) { return k < 0 || k >= n ? 0x4f5554ULL : tokens[k].word.sshape_h; };
  if (g.context) {
    add(NerFeatureKey(kPrev1, norm_at(i - 1)));
    add(NerFeatureKey(kNext1, norm_at(i + 1)));
    add(NerFeatureKey(kPrev2, norm_at(i - 2)));
    add(NerFeatureKey(kNext2, norm_at(i + 2)));
    add(NerFeatureKey(kBigramLeft, norm_at(i - 1), norm_at(i)));
    add(NerFeatureKey(kBigramRight, norm_at(i), norm_at(i + 1)));
    if (g.shape) {
      add(NerFeatureKey(kShapeTrigram, MixHash(sshape_at(i - 1), sshape_at(i)), sshape_at(i + 1)));
      add(NerFeatureKey(kPrevWordShape, norm_at(i - 1), sshape_at(i)));
      add(NerFeatureKey(kWordNextShape, sshape_at(i), norm_at(i + 1)));
    }
  }
  if (g.gazetteer) {
    for (uint32_t bits = gaz_bits[i]; bits; bits &= bits - 1) {
      add(NerFeatureKey(kGaz, static_cast<uint64_t>(__builtin_ctz(bits))));
    }
    if (i > 0) {
      for (uint32_t b = GazetteerLists(gaz_bits[i - 1]); b; b &= b - 1)
        add(NerFeatureKey(kGazPrev, __builtin_ctz(b)));
    }
    if (i + 1 < n) {
      for (uint32_t b = GazetteerLists(gaz_bits[i + 1]); b; b &= b - 1)
        add(NerFeatureKey(kGazNext, __builtin_ctz(b)));
    }
  }
  if (g.clusters) {
    const int cluster = tokens[i].word.cluster;
    if (cluster >= 0) {
      for (int level = 1; level <= WordClusters::kLevels; ++level) {
        add(NerFeatureKey(kCluster + level - 1, WordClusters::Prefix(cluster, level)));
      }
    }
    int prev = i > 0 ? tokens[i - 1].word.cluster : -2;
    int next = i + 1 < n ? tokens[i + 1].word.cluster : -2;
    add(NerFeatureKey(kClusterPrev, prev < 0 ? prev : WordClusters::Prefix(prev, 2)));
    add(NerFeatureKey(kClusterNext, next < 0 ? next : WordClusters::Prefix(next, 2)));
  }
  const NerCasing casing = tokens[i].casing;
  if (g.nonlocal && casing != NerCasing::kLower && casing != NerCasing::kOther) {
    const uint64_t norm_h = tokens[i].word.norm_h;
    uint64_t key = static_cast<uint64_t>(casing) | (i == 0 ? 8 : 0) | (ctx.headline[s] ? 16 : 0);
    auto elsewhere = ctx.casing_elsewhere.find(norm_h);
    add(NerFeatureKey(kDocCasing, key,
                      elsewhere == ctx.casing_elsewhere.end() ? 0 : elsewhere->second));
    auto it = ctx.occurrences.find(norm_h);
    if (it != ctx.occurrences.end()) {
      size_t first = rows->size();
      for (const Occurrence& o : it->second) {
        if (o.sentence == s && o.index == static_cast<uint32_t>(i)) continue;
        add(NerFeatureKey(kAggPrev, ctx.NormAt(o.sentence, static_cast<long>(o.index) - 1)));
        add(NerFeatureKey(kAggNext, ctx.NormAt(o.sentence, static_cast<long>(o.index) + 1)));
      }
      // Each context counts once.
      std::sort(rows->begin() + first, rows->end());
      rows->erase(std::unique(rows->begin() + first, rows->end()), rows->end());
    }
  }
}

}  // namespace

DocFeatures Featurize(const NerModel& m, const std::vector<std::vector<std::string_view>>& doc,
                      const GazetteerExclusions* gaz_excluded, NerWordCache* cache) {
  DocContext ctx = ReadDocument(m, doc, cache);
  DocFeatures out;
  out.sentences.resize(doc.size());
  std::vector<uint64_t> gaz_keys;
  std::vector<uint32_t> gaz_bits;
  for (size_t s = 0; s < doc.size(); ++s) {
    const std::vector<TokenInfo>& tokens = ctx.tokens[s];
    const int n = static_cast<int>(tokens.size());
    SentenceFeatures& sf = out.sentences[s];
    sf.n = n;
    if (cache) sf.word_scores = std::move(ctx.word_scores[s]);
    sf.offsets.assign(1, 0);
    sf.offsets.reserve(static_cast<size_t>(n) + 1);
    sf.rows.reserve(static_cast<size_t>(n) * 40);  // about what a token of running text takes
    sf.norm_hash.resize(n);
    sf.sshape_hash.resize(n);
    sf.hist_key.assign(n, 0);
    gaz_keys.resize(n);
    for (int i = 0; i < n; ++i) {
      const TokenInfo& t = tokens[i];
      sf.norm_hash[i] = t.word.norm_h;
      sf.sshape_hash[i] = t.word.sshape_h;
      gaz_keys[i] = t.word.gaz_key;
      if (m.groups.nonlocal && (t.casing == NerCasing::kInitCap || t.casing == NerCasing::kAllCaps))
        sf.hist_key[i] = t.word.norm_h;
    }
    if (m.groups.gazetteer) m.gazetteer.Match(gaz_keys, gaz_excluded, &gaz_bits);
    for (int i = 0; i < n; ++i) {
      const WordFeatures& w = tokens[i].word;
      sf.rows.insert(sf.rows.end(), w.rows, w.rows + w.num_rows);
      AddContextRows(m, ctx, s, i, gaz_bits, &sf.rows);
      sf.offsets.push_back(static_cast<uint32_t>(sf.rows.size()));
    }
  }
  return out;
}

}  // namespace newsloom::analyze
