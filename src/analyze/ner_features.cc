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
constexpr uint64_t kNoShape = 0x4f5554ULL;

// Keys of the features whose only value is a small number, hashed once per process.
struct SmallKeys {
  uint64_t gaz[32];                         // by Gazetteer::Match bit
  uint64_t gaz_prev[Gazetteer::kNumLists];  // by list
  uint64_t gaz_next[Gazetteer::kNumLists];
  uint64_t agg_prev_start, agg_next_end;  // occurrences at a sentence edge
};

const SmallKeys& Keys() {
  static const SmallKeys keys = [] {
    SmallKeys k;
    for (uint64_t b = 0; b < 32; ++b) k.gaz[b] = NerFeatureKey(kGaz, b);
    for (int l = 0; l < Gazetteer::kNumLists; ++l) {
      k.gaz_prev[l] = NerFeatureKey(kGazPrev, l);
      k.gaz_next[l] = NerFeatureKey(kGazNext, l);
    }
    k.agg_prev_start = NerFeatureKey(kAggPrev, kSentenceStart);
    k.agg_next_end = NerFeatureKey(kAggNext, kSentenceEnd);
    return k;
  }();
  return keys;
}

// Everything about a token that depends only on its word, its casing class and its place (first
// in the sentence, in an all-caps headline): what it is to its own and its neighbours' features,
// and the rows of its own features.
struct WordFeatures {
  NerWordInfo info;
  // Rows of the word's own features (bias, word, norm, shape, casing, flags, affixes), in order.
  uint32_t rows[16];
  int num_rows = 0;
};

WordFeatures DescribeWord(const NerModel& m, std::string_view w, NerCasing casing, bool first,
                          bool headline) {
  const NerFeatureGroups& g = m.groups;
  auto row = [&](uint64_t key) { return static_cast<uint32_t>(key & m.mask); };
  WordFeatures f;
  NerWordInfo& info = f.info;
  auto add = [&](uint64_t key) { f.rows[f.num_rows++] = row(key); };
  const std::string norm = NerNorm(w);
  info.casing = static_cast<uint8_t>(casing);
  info.norm_h = H(norm);
  info.sshape_h = H(NerShortShape(w));
  // In all-caps headlines, look names and clusters up in title case ("JAPAN" -> "Japan").
  const bool title = headline && casing == NerCasing::kAllCaps && w.size() > 3;
  std::string title_case;
  if (title) title_case = NerTitleCase(w);
  const std::string_view lookup = title ? std::string_view(title_case) : w;
  if (g.gazetteer) {
    info.gaz_key = Gazetteer::TokenKey(lookup);
    info.starts_phrase = m.gazetteer.StartsPhrase(info.gaz_key);
  }
  if (g.clusters) {
    info.cluster = m.clusters.Lookup(lookup);
    if (info.cluster < 0 && casing != NerCasing::kLower)
      info.cluster = m.clusters.Lookup(NerLower(w));
    for (int level = 1; level <= WordClusters::kLevels && info.cluster >= 0; ++level) {
      info.cluster_rows[level - 1] =
          row(NerFeatureKey(kCluster + level - 1, WordClusters::Prefix(info.cluster, level)));
    }
    const int neighbour = info.cluster < 0 ? info.cluster : WordClusters::Prefix(info.cluster, 2);
    info.as_cluster_prev = row(NerFeatureKey(kClusterPrev, neighbour));
    info.as_cluster_next = row(NerFeatureKey(kClusterNext, neighbour));
  }
  info.as_prev1 = row(NerFeatureKey(kPrev1, info.norm_h));
  info.as_prev2 = row(NerFeatureKey(kPrev2, info.norm_h));
  info.as_next1 = row(NerFeatureKey(kNext1, info.norm_h));
  info.as_next2 = row(NerFeatureKey(kNext2, info.norm_h));
  info.as_agg_prev = row(NerFeatureKey(kAggPrev, info.norm_h));
  info.as_agg_next = row(NerFeatureKey(kAggNext, info.norm_h));

  add(NerFeatureKey(kBias));
  add(NerFeatureKey(kWord, H(w)));
  add(NerFeatureKey(kNorm, info.norm_h));
  if (g.shape) {
    add(NerFeatureKey(kShape, H(NerShape(w))));
    add(NerFeatureKey(kShortShape, info.sshape_h));
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

// Occurrences of one capitalised word whose contexts feed the context-aggregation features.
struct Occurrence {
  uint32_t sentence, index;
};

// The document as the non-local features see it.
struct DocContext {
  std::vector<std::vector<NerWordInfo>> words;
  std::vector<bool> headline;  // all-caps sentences
  // Without a word cache: each token's own rows. With one: each sentence's word scores
  // (kNumNerLabels per token) instead.
  std::vector<std::vector<WordFeatures>> own;
  std::vector<std::vector<float>> word_scores;
  // Bits of how each word (by norm) is cased elsewhere: 1 lower case inside a sentence, 2 initial
  // capital inside a sentence (not a headline), 4 all caps outside headlines.
  FlatHashMap casing_elsewhere;
  // Context aggregation (Ratinov & Roth): the places of a word's first capitalised occurrences in
  // the document, so that "Magna said" informs "Magna 's" elsewhere. `groups` maps a norm to
  // its group g, whose occurrences are occurrences[group_start[g] .. group_start[g + 1]).
  FlatHashMap groups;
  std::vector<uint32_t> group_start;
  std::vector<Occurrence> occurrences;
};

NerCasing CasingOf(const NerWordInfo& info) { return static_cast<NerCasing>(info.casing); }

bool IsHeadline(const std::vector<NerWordInfo>& words) {
  bool any_lower = false, any_upper = false;
  for (const NerWordInfo& w : words) {
    const NerCasing c = CasingOf(w);
    any_lower |= c == NerCasing::kLower || c == NerCasing::kInitCap || c == NerCasing::kMixed;
    any_upper |= c == NerCasing::kAllCaps;
  }
  return any_upper && !any_lower;
}

// Where a word stands, as far as its own features care: first in its sentence (1), in an all-caps
// headline (2).
uint8_t WordContext(size_t i, bool headline) { return (i == 0 ? 1 : 0) | (headline ? 2 : 0); }

// Every token's word features without a cache (training: each token's own rows are kept).
void DescribeWords(const NerModel& m, const std::vector<std::vector<std::string_view>>& doc,
                   DocContext* ctx) {
  ctx->own.resize(doc.size());
  for (size_t s = 0; s < doc.size(); ++s) {
    std::vector<NerWordInfo>& words = ctx->words[s];
    for (size_t i = 0; i < doc[s].size(); ++i)
      words[i].casing = static_cast<uint8_t>(NerCasingOf(doc[s][i]));
    ctx->headline[s] = IsHeadline(words);
    for (size_t i = 0; i < doc[s].size(); ++i) {
      ctx->own[s].push_back(
          DescribeWord(m, doc[s][i], CasingOf(words[i]), i == 0, ctx->headline[s]));
      words[i] = ctx->own[s].back().info;
    }
  }
}

// Every token's word features through the cache: cached words are copied, the others described,
// their own rows summed, and stored. Words are first looked up as if no sentence were a headline
// (all but a few are not); a cached word gives its casing, which decides that.
void DescribeWordsCached(const NerModel& m, const std::vector<std::vector<std::string_view>>& doc,
                         NerWordCache* cache, DocContext* ctx) {
  std::vector<NerWordCache::Key> keys;
  for (size_t s = 0; s < doc.size(); ++s) {
    for (size_t i = 0; i < doc[s].size(); ++i)
      keys.push_back(NerWordCache::MakeKey(doc[s][i], WordContext(i, false)));
  }
  std::vector<CachedWord> values;
  std::vector<size_t> missing;
  cache->Lookup(keys, &values, &missing);
  for (size_t k : missing) values[k].info.casing = static_cast<uint8_t>(NerCasingOf(keys[k].word));
  size_t first = 0;
  for (size_t s = 0; s < doc.size(); ++s) {
    const size_t n = doc[s].size();
    std::vector<NerWordInfo>& words = ctx->words[s];
    for (size_t i = 0; i < n; ++i) words[i] = values[first + i].info;
    ctx->headline[s] = IsHeadline(words);
    if (ctx->headline[s]) {
      // Looked up again in the headline context; those not cached join the missing ones.
      std::vector<NerWordCache::Key> again;
      for (size_t i = 0; i < n; ++i)
        again.push_back(NerWordCache::MakeKey(doc[s][i], WordContext(i, true)));
      std::vector<CachedWord> found;
      std::vector<size_t> not_found;
      cache->Lookup(again, &found, &not_found);
      missing.erase(std::remove_if(missing.begin(), missing.end(),
                                   [&](size_t k) { return k >= first && k < first + n; }),
                    missing.end());
      for (size_t i = 0; i < n; ++i) {
        keys[first + i] = again[i];
        values[first + i] = found[i];
      }
      for (size_t i : not_found) missing.push_back(first + i);
    }
    first += n;
  }
  std::sort(missing.begin(), missing.end());
  FlatHashMap described;  // key hash -> a missing token with that key, described already
  for (size_t k : missing) {
    const NerWordCache::Key& key = keys[k];
    const uint32_t* same = described.Get(key.hash);
    if (same && keys[*same].word == key.word && keys[*same].context == key.context) {
      values[k] = values[*same];
      continue;
    }
    const WordFeatures f =
        DescribeWord(m, key.word, NerCasingOf(key.word), key.context & 1, key.context & 2);
    CachedWord& v = values[k];
    v = CachedWord{f.info, {}};
    RowSum sum;
    for (int r = 0; r < f.num_rows; ++r) sum.Add(m.Row(f.rows[r]));
    sum.Store(v.scores);
    described.Set(key.hash, static_cast<uint32_t>(k));
  }
  cache->Insert(keys, missing, values);
  ctx->word_scores.resize(doc.size());
  first = 0;
  for (size_t s = 0; s < doc.size(); ++s) {
    const size_t n = doc[s].size();
    std::vector<float>& scores = ctx->word_scores[s];
    scores.resize(n * kNumNerLabels);
    for (size_t i = 0; i < n; ++i) {
      const CachedWord& v = values[first + i];
      ctx->words[s][i] = v.info;
      std::copy(v.scores, v.scores + kNumNerLabels, &scores[i * kNumNerLabels]);
    }
    first += n;
  }
}

// The document-level facts: how words are cased elsewhere, where capitalised words occur.
void ReadNonlocal(DocContext* ctx) {
  std::vector<uint32_t> group_of;  // by capitalised token, in document order
  std::vector<uint32_t> group_size;
  for (size_t s = 0; s < ctx->words.size(); ++s) {
    for (size_t i = 0; i < ctx->words[s].size(); ++i) {
      const NerWordInfo& w = ctx->words[s][i];
      const NerCasing c = CasingOf(w);
      uint32_t bit = 0;
      if (c == NerCasing::kLower && i > 0) bit = 1;
      if (c == NerCasing::kInitCap && i > 0 && !ctx->headline[s]) bit = 2;
      if (c == NerCasing::kAllCaps && !ctx->headline[s]) bit = 4;
      const uint32_t* had = ctx->casing_elsewhere.Get(w.norm_h);
      ctx->casing_elsewhere.Set(w.norm_h, (had ? *had : 0) | bit);
      if (c != NerCasing::kInitCap && c != NerCasing::kAllCaps) continue;
      const uint32_t* g = ctx->groups.Get(w.norm_h);
      if (!g) {
        ctx->groups.Set(w.norm_h, static_cast<uint32_t>(group_size.size()));
        group_size.push_back(0);
        g = ctx->groups.Get(w.norm_h);
      }
      group_of.push_back(*g);
      group_size[*g] = std::min<uint32_t>(group_size[*g] + 1, kMaxAggregated);
    }
  }
  ctx->group_start.assign(group_size.size() + 1, 0);
  for (size_t g = 0; g < group_size.size(); ++g)
    ctx->group_start[g + 1] = ctx->group_start[g] + group_size[g];
  ctx->occurrences.resize(ctx->group_start.back());
  std::vector<uint32_t> filled(group_size.size(), 0);
  size_t k = 0;
  for (size_t s = 0; s < ctx->words.size(); ++s) {
    for (size_t i = 0; i < ctx->words[s].size(); ++i) {
      const NerCasing c = CasingOf(ctx->words[s][i]);
      if (c != NerCasing::kInitCap && c != NerCasing::kAllCaps) continue;
      const uint32_t g = group_of[k++];
      if (filled[g] == group_size[g]) continue;
      ctx->occurrences[ctx->group_start[g] + filled[g]++] = {static_cast<uint32_t>(s),
                                                             static_cast<uint32_t>(i)};
    }
  }
}

DocContext ReadDocument(const NerModel& m, const std::vector<std::vector<std::string_view>>& doc,
                        NerWordCache* cache) {
  DocContext ctx;
  ctx.words.resize(doc.size());
  for (size_t s = 0; s < doc.size(); ++s) ctx.words[s].resize(doc[s].size());
  ctx.headline.assign(doc.size(), false);
  if (cache) {
    DescribeWordsCached(m, doc, cache, &ctx);
  } else {
    DescribeWords(m, doc, &ctx);
  }
  if (m.groups.nonlocal) ReadNonlocal(&ctx);
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
  const SmallKeys& keys = Keys();
  const std::vector<NerWordInfo>& words = ctx.words[s];
  const int n = static_cast<int>(words.size());
  auto row = [&](uint64_t key) { return static_cast<uint32_t>(key & m.mask); };
  auto add = [&](uint32_t r) { rows->push_back(r); };
  auto norm_at = [&](int k) {
    return k < 0 ? kSentenceStart + k : k >= n ? kSentenceEnd + k - n : words[k].norm_h;
  };
  auto sshape_at = [&](int k) { return k < 0 || k >= n ? kNoShape : words[k].sshape_h; };
  if (g.context) {
    // The neighbours' own words come with their rows; sentence edges are hashed here.
    add(i >= 1 ? words[i - 1].as_prev1 : row(NerFeatureKey(kPrev1, norm_at(i - 1))));
    add(i + 1 < n ? words[i + 1].as_next1 : row(NerFeatureKey(kNext1, norm_at(i + 1))));
    add(i >= 2 ? words[i - 2].as_prev2 : row(NerFeatureKey(kPrev2, norm_at(i - 2))));
    add(i + 2 < n ? words[i + 2].as_next2 : row(NerFeatureKey(kNext2, norm_at(i + 2))));
    add(row(NerFeatureKey(kBigramLeft, norm_at(i - 1), norm_at(i))));
    add(row(NerFeatureKey(kBigramRight, norm_at(i), norm_at(i + 1))));
    if (g.shape) {
      add(row(
          NerFeatureKey(kShapeTrigram, MixHash(sshape_at(i - 1), sshape_at(i)), sshape_at(i + 1))));
      add(row(NerFeatureKey(kPrevWordShape, norm_at(i - 1), sshape_at(i))));
      add(row(NerFeatureKey(kWordNextShape, sshape_at(i), norm_at(i + 1))));
    }
  }
  if (g.gazetteer) {
    for (uint32_t bits = gaz_bits[i]; bits; bits &= bits - 1)
      add(row(keys.gaz[__builtin_ctz(bits)]));
    if (i > 0) {
      for (uint32_t b = GazetteerLists(gaz_bits[i - 1]); b; b &= b - 1)
        add(row(keys.gaz_prev[__builtin_ctz(b)]));
    }
    if (i + 1 < n) {
      for (uint32_t b = GazetteerLists(gaz_bits[i + 1]); b; b &= b - 1)
        add(row(keys.gaz_next[__builtin_ctz(b)]));
    }
  }
  if (g.clusters) {
    if (words[i].cluster >= 0) {
      for (uint32_t r : words[i].cluster_rows) add(r);
    }
    add(i > 0 ? words[i - 1].as_cluster_prev
              : row(NerFeatureKey(kClusterPrev, static_cast<uint64_t>(int64_t{-2}))));
    add(i + 1 < n ? words[i + 1].as_cluster_next
                  : row(NerFeatureKey(kClusterNext, static_cast<uint64_t>(int64_t{-2}))));
  }
  const NerCasing casing = CasingOf(words[i]);
  if (g.nonlocal && casing != NerCasing::kLower && casing != NerCasing::kOther) {
    const uint64_t norm_h = words[i].norm_h;
    uint64_t key = static_cast<uint64_t>(casing) | (i == 0 ? 8 : 0) | (ctx.headline[s] ? 16 : 0);
    const uint32_t* elsewhere = ctx.casing_elsewhere.Get(norm_h);
    add(row(NerFeatureKey(kDocCasing, key, elsewhere ? *elsewhere : 0)));
    if (const uint32_t* group = ctx.groups.Get(norm_h)) {
      size_t first = rows->size();
      for (uint32_t k = ctx.group_start[*group]; k < ctx.group_start[*group + 1]; ++k) {
        const Occurrence& o = ctx.occurrences[k];
        if (o.sentence == s && o.index == static_cast<uint32_t>(i)) continue;
        const std::vector<NerWordInfo>& around = ctx.words[o.sentence];
        add(o.index > 0 ? around[o.index - 1].as_agg_prev : row(keys.agg_prev_start));
        add(o.index + 1 < around.size() ? around[o.index + 1].as_agg_next : row(keys.agg_next_end));
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
  std::vector<uint8_t> gaz_starts;
  std::vector<uint32_t> gaz_bits;
  for (size_t s = 0; s < doc.size(); ++s) {
    const std::vector<NerWordInfo>& words = ctx.words[s];
    const int n = static_cast<int>(words.size());
    SentenceFeatures& sf = out.sentences[s];
    sf.n = n;
    if (cache) sf.word_scores = std::move(ctx.word_scores[s]);
    sf.offsets.assign(1, 0);
    sf.offsets.reserve(static_cast<size_t>(n) + 1);
    sf.rows.reserve(static_cast<size_t>(n) * (cache ? 24 : 40));  // about what a token takes
    sf.norm_hash.resize(n);
    sf.sshape_hash.resize(n);
    sf.hist_key.assign(n, 0);
    gaz_keys.resize(n);
    gaz_starts.resize(n);
    for (int i = 0; i < n; ++i) {
      const NerWordInfo& w = words[i];
      sf.norm_hash[i] = w.norm_h;
      sf.sshape_hash[i] = w.sshape_h;
      gaz_keys[i] = w.gaz_key;
      gaz_starts[i] = w.starts_phrase;
      const NerCasing c = CasingOf(w);
      if (m.groups.nonlocal && (c == NerCasing::kInitCap || c == NerCasing::kAllCaps))
        sf.hist_key[i] = w.norm_h;
    }
    if (m.groups.gazetteer) m.gazetteer.Match(gaz_keys, gaz_excluded, &gaz_bits, &gaz_starts);
    for (int i = 0; i < n; ++i) {
      if (!cache) {
        const WordFeatures& own = ctx.own[s][i];
        sf.rows.insert(sf.rows.end(), own.rows, own.rows + own.num_rows);
      }
      AddContextRows(m, ctx, s, i, gaz_bits, &sf.rows);
      sf.offsets.push_back(static_cast<uint32_t>(sf.rows.size()));
    }
  }
  return out;
}

}  // namespace newsloom::analyze
