#include <algorithm>
#include <limits>
#include <map>
#include <string>
#include <string_view>

#include "analyze/analyze.h"
#include "newsloom/dedup.h"
#include "text/byte_archive.h"
#include "text/hash.h"
#include "text/union_find.h"

namespace newsloom::dedup {
namespace {

constexpr int32_t kNoDay = std::numeric_limits<int32_t>::min();
constexpr uint32_t kEmpty = std::numeric_limits<uint32_t>::max();
constexpr size_t kMaxParagraphArticles = 32;
constexpr size_t kMaxSameGroupChecks = 16;

// A multimap from 32-bit keys (already hashes) to 32-bit article indices in one flat array with
// linear probing: 8 bytes per entry over the load factor, against some 50 for a node-based map
// of vectors. Entries are never removed.
class FlatMultimap {
 public:
  void Insert(uint32_t key, uint32_t value) {
    if ((size_ + 1) * 5 > slots_.size() * 4) Grow();
    Place(key, value);
    ++size_;
  }
  // Calls fn(value) for every entry under `key`, in insertion order of equal keys.
  template <typename Fn>
  void ForEach(uint32_t key, Fn&& fn) const {
    if (slots_.empty()) return;
    for (size_t i = Home(key);; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.value == kEmpty) return;
      if (s.key == key) fn(s.value);
    }
  }
  // How many entries `key` has, counting no further than `limit`.
  size_t CountUpTo(uint32_t key, size_t limit) const {
    size_t n = 0;
    if (slots_.empty()) return 0;
    for (size_t i = Home(key); n < limit; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.value == kEmpty) break;
      n += s.key == key;
    }
    return n;
  }
  size_t Bytes() const { return slots_.capacity() * sizeof(Slot); }
  // Saves or restores the table as it is, slot for slot, so that lookups keep their order.
  template <typename Archive>
  void Transfer(Archive& ar) {
    ar.Array(slots_);
    ar.Value(mask_);
    ar.Value(size_);
    if constexpr (Archive::kReading) {
      const bool power_of_two = (slots_.size() & (slots_.size() - 1)) == 0;
      if (!power_of_two || (!slots_.empty() && mask_ != slots_.size() - 1)) ar.Fail();
    }
  }

 private:
  struct Slot {
    uint32_t key = 0;
    uint32_t value = kEmpty;
  };
  size_t Home(uint32_t key) const {
    return static_cast<size_t>((key * 0x9E3779B97F4A7C15ull) >> 32) & mask_;
  }
  void Place(uint32_t key, uint32_t value) {
    size_t i = Home(key);
    while (slots_[i].value != kEmpty) i = (i + 1) & mask_;
    slots_[i] = Slot{key, value};
  }
  void Grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 1024 : old.size() * 2, Slot{});
    mask_ = slots_.size() - 1;
    // Reinserting in slot order would reorder equal keys; values ascend with insertion, so
    // sorting by value restores it.
    std::vector<Slot> live;
    live.reserve(size_);
    for (const Slot& s : old) {
      if (s.value != kEmpty) live.push_back(s);
    }
    std::sort(live.begin(), live.end(), [](const Slot& a, const Slot& b) {
      return a.value != b.value ? a.value < b.value : a.key < b.key;
    });
    for (const Slot& s : live) Place(s.key, s.value);
  }

  std::vector<Slot> slots_;
  size_t mask_ = 0;
  size_t size_ = 0;
};

// Hashes of the paragraphs with at least `min_words` words, over their normalised words, so
// that a paragraph reused with other punctuation or case still matches.
std::vector<uint32_t> ParagraphHashes(const AnalyzedArticle& a, int min_words) {
  std::vector<uint32_t> out;
  std::string words;
  int count = 0;
  auto flush = [&] {
    if (count >= min_words) out.push_back(static_cast<uint32_t>(text::Hash64(words) >> 32));
    words.clear();
    count = 0;
  };
  const std::string& body = a.article.body;
  size_t next_newline = body.find('\n');
  for (const Token& t : a.tokens) {
    // Tokens never span a '\n'; passing one ends a paragraph.
    if (next_newline < t.span.begin) {
      flush();
      next_newline = body.find('\n', t.span.begin);
    }
    if (!t.is_word) continue;
    if (count > 0) words += ' ';
    words += t.norm;
    ++count;
  }
  flush();
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

// The bottom-k estimate of Jaccard: among the k smallest hashes of the union, the share that
// both sketches hold. Sketches are sorted, padded with kEmpty.
double SketchJaccard(const uint32_t* a, const uint32_t* b, size_t k) {
  size_t i = 0, j = 0, taken = 0, common = 0;
  while (taken < k && (i < k || j < k)) {
    const uint32_t x = i < k ? a[i] : kEmpty;
    const uint32_t y = j < k ? b[j] : kEmpty;
    if (x == kEmpty && y == kEmpty) break;
    if (x == y) {
      ++common;
      ++i;
      ++j;
    } else if (x < y) {
      ++i;
    } else {
      ++j;
    }
    ++taken;
  }
  return taken == 0 ? 1.0 : static_cast<double>(common) / static_cast<double>(taken);
}

}  // namespace

// Per-article fields in parallel flat arrays (index = Add order), so that an article out of the
// exact window costs a few dozen bytes plus its sketch and its hash-table entries.
struct CopyDetector::Impl {
  DedupOptions options;
  size_t sketch_size;
  size_t window;
  std::string id_chars;             // all ids, back to back
  std::vector<uint32_t> id_end;     // end of each id in id_chars
  std::vector<int32_t> published;   // days since the epoch, or kNoDay
  std::vector<uint64_t> body_hash;  // 0 for an article without words
  std::vector<uint32_t> paragraph_count;
  std::vector<uint32_t> sketches;  // sketch_size per article
  text::UnionFind copies;          // copy groups; the root is the earliest-ingested member
  std::vector<std::vector<uint32_t>> recent;  // ring over the window: 32-bit shingle hashes
  FlatMultimap bands, bodies, paragraphs;
  std::vector<CopyLink> links;

  explicit Impl(DedupOptions o) : options(std::move(o)) {
    options.bands = std::max(1, options.bands);
    sketch_size = static_cast<size_t>(std::max(1, options.sketch_size));
    window = static_cast<size_t>(std::max(1, options.exact_window));
    recent.resize(window);
  }

  size_t Count() const { return id_end.size(); }
  std::string Id(size_t i) const {
    const size_t begin = i == 0 ? 0 : id_end[i - 1];
    return id_chars.substr(begin, id_end[i] - begin);
  }
  bool InWindow(size_t i) const { return Count() - i <= window; }
  // The window holds the latest `window` articles, the newest one included.
  const std::vector<uint32_t>& Shingles(size_t i) const { return recent[i % window]; }

  // Shingle similarity of two articles: exact when both sets are in the window, else the sketch
  // estimate.
  std::pair<double, bool> Similarity(size_t a, size_t b) const {
    if (body_hash[a] != 0 && body_hash[a] == body_hash[b]) return {1.0, true};
    if (InWindow(a) && InWindow(b)) return {analyze::Jaccard(Shingles(a), Shingles(b)), true};
    return {SketchJaccard(&sketches[a * sketch_size], &sketches[b * sketch_size], sketch_size),
            false};
  }

  void Add(const AnalyzedArticle& a, const std::vector<uint64_t>& wide) {
    const uint32_t idx = static_cast<uint32_t>(Count());
    id_chars += a.article.id;
    id_end.push_back(static_cast<uint32_t>(id_chars.size()));
    published.push_back(
        a.article.published ? static_cast<int32_t>(a.article.published->DaysSinceEpoch()) : kNoDay);
    std::vector<uint32_t> shingles;
    {
      shingles.reserve(wide.size());
      for (uint64_t h : wide) shingles.push_back(static_cast<uint32_t>(h >> 32));
      std::sort(shingles.begin(), shingles.end());
      shingles.erase(std::unique(shingles.begin(), shingles.end()), shingles.end());
    }
    body_hash.push_back(shingles.empty() ? 0 : (a.body_hash == 0 ? 1 : a.body_hash));
    const std::vector<uint32_t> paras = ParagraphHashes(a, options.min_paragraph_words);
    paragraph_count.push_back(static_cast<uint32_t>(paras.size()));
    for (size_t i = 0; i < sketch_size; ++i) {
      sketches.push_back(i < shingles.size() ? shingles[i] : kEmpty);
    }
    copies.Add();
    recent[idx % window] = std::move(shingles);
    const bool has_words = body_hash.back() != 0;

    // Candidates, with the paragraphs each shares with this article.
    std::vector<std::pair<uint32_t, uint32_t>> candidates;  // (index, shared paragraphs)
    const uint32_t body_key = static_cast<uint32_t>(body_hash.back() >> 32);
    if (has_words) {
      bodies.ForEach(body_key, [&](uint32_t c) { candidates.emplace_back(c, 0); });
    }
    // LSH banding: articles that agree on every row of some band are candidates.
    std::vector<uint32_t> band_keys;
    const size_t rows = a.minhash.size() / static_cast<size_t>(options.bands);
    if (rows > 0 && has_words) {
      for (int b = 0; b < options.bands; ++b) {
        const uint64_t key =
            text::Hash64(std::string_view(reinterpret_cast<const char*>(&a.minhash[b * rows]),
                                          rows * sizeof(uint32_t)),
                         static_cast<uint64_t>(b));
        band_keys.push_back(static_cast<uint32_t>(key >> 32));
        bands.ForEach(band_keys.back(), [&](uint32_t c) { candidates.emplace_back(c, 0); });
      }
    }
    // A paragraph that many articles share is boilerplate (a site's notice, a newsletter
    // call), not evidence of a copy: past kMaxParagraphArticles articles it is neither looked up
    // nor indexed any more.
    std::vector<uint32_t> indexed_paras;
    for (uint32_t p : paras) {
      if (paragraphs.CountUpTo(p, kMaxParagraphArticles) >= kMaxParagraphArticles) continue;
      indexed_paras.push_back(p);
      paragraphs.ForEach(p, [&](uint32_t c) { candidates.emplace_back(c, 1); });
    }
    std::sort(candidates.begin(), candidates.end());
    size_t out = 0;
    for (size_t i = 0; i < candidates.size();) {
      size_t j = i;
      uint32_t shared = 0;
      for (; j < candidates.size() && candidates[j].first == candidates[i].first; ++j) {
        shared += candidates[j].second;
      }
      candidates[out++] = {candidates[i].first, shared};
      i = j;
    }
    candidates.resize(out);

    // Candidates in other groups are all verified; of those already in this article's group
    // only the latest few, so that the links hold the pairs near each other in the stream
    // without a quadratic cost when many articles repeat one text.
    size_t same_group_checked = 0;
    const size_t first_new_link = links.size();
    for (auto it = candidates.rbegin(); it != candidates.rend(); ++it) {
      const auto [c, shared] = *it;
      if (copies.Find(c) == copies.Find(idx) && ++same_group_checked > kMaxSameGroupChecks) {
        continue;
      }
      const auto [sim, exact] = Similarity(c, idx);
      const size_t fewer = std::min(paragraph_count[c], paragraph_count[idx]);
      const bool by_paragraphs =
          shared >= 2 && static_cast<double>(shared) >=
                             options.rewrite_shared_paragraphs * static_cast<double>(fewer);
      if (sim >= options.rewrite_jaccard || by_paragraphs) {
        copies.Union(c, idx);
        links.push_back(CopyLink{c, idx, static_cast<float>(sim), exact});
      }
    }
    std::sort(links.begin() + static_cast<long>(first_new_link), links.end(),
              [](const CopyLink& x, const CopyLink& y) { return x.first < y.first; });
    if (has_words) bodies.Insert(body_key, idx);
    for (uint32_t key : band_keys) bands.Insert(key, idx);
    for (uint32_t p : indexed_paras) paragraphs.Insert(p, idx);
  }

  // Every field a later Add or Groups reads; the options come from the constructor.
  template <typename Archive>
  void Transfer(Archive& ar) {
    ar.Text(id_chars);
    ar.Array(id_end);
    ar.Array(published);
    ar.Array(body_hash);
    ar.Array(paragraph_count);
    ar.Array(sketches);
    // The copy groups as each article's root: the sets are all that Find and Union depend on.
    std::vector<uint32_t> roots;
    if constexpr (!Archive::kReading) {
      for (size_t i = 0; i < copies.size(); ++i)
        roots.push_back(static_cast<uint32_t>(copies.Find(i)));
    }
    ar.Array(roots);
    if constexpr (Archive::kReading) {
      copies = text::UnionFind(roots.size());
      for (size_t i = 0; i < roots.size(); ++i) {
        if (roots[i] > i) return ar.Fail();  // a root is the smallest item of its set
        copies.Union(i, roots[i]);
      }
    }
    ar.Size(recent);
    for (std::vector<uint32_t>& set : recent) ar.Array(set);
    bands.Transfer(ar);
    bodies.Transfer(ar);
    paragraphs.Transfer(ar);
    ar.Array(links);
    if constexpr (Archive::kReading) {
      const size_t n = id_end.size();
      if (recent.size() != window || published.size() != n || body_hash.size() != n ||
          paragraph_count.size() != n || copies.size() != n || sketches.size() != n * sketch_size) {
        ar.Fail();
      }
    }
  }

  size_t ApproximateBytes() const {
    size_t bytes = id_chars.capacity() + id_end.capacity() * 4 + published.capacity() * 4 +
                   body_hash.capacity() * 8 + paragraph_count.capacity() * 4 +
                   sketches.capacity() * 4 + copies.MemoryBytes() +
                   links.capacity() * sizeof(CopyLink) + bands.Bytes() + bodies.Bytes() +
                   paragraphs.Bytes() + recent.capacity() * sizeof(recent[0]);
    for (const auto& set : recent) bytes += set.capacity() * 4;
    return bytes;
  }

  // Similarity of a member to the first publisher: from their link when they were verified as
  // a pair, else computed now.
  std::pair<double, bool> MemberSimilarity(size_t m, size_t first) const {
    const uint32_t lo = static_cast<uint32_t>(std::min(m, first));
    const uint32_t hi = static_cast<uint32_t>(std::max(m, first));
    auto it = std::lower_bound(links.begin(), links.end(), std::make_pair(hi, lo),
                               [](const CopyLink& l, const std::pair<uint32_t, uint32_t>& key) {
                                 return std::make_pair(l.second, l.first) < key;
                               });
    if (it != links.end() && it->second == hi && it->first == lo) {
      return {it->similarity, it->exact};
    }
    return Similarity(lo, hi);
  }

  std::vector<CopyGroup> Groups() {
    std::map<int, std::vector<int>> components;  // root (earliest member) -> members, in order
    for (int i = 0; i < static_cast<int>(Count()); ++i)
      components[static_cast<int>(copies.Find(i))].push_back(i);
    std::vector<CopyGroup> out;
    for (const auto& [root, members] : components) {
      if (members.size() < 2) continue;
      // First publisher: the earliest date; undated articles after dated ones; ties by ingest.
      int first = members.front();
      for (int m : members) {
        const int32_t pm = published[m];
        const int32_t pf = published[first];
        if (pm != kNoDay && (pf == kNoDay || pm < pf)) first = m;
      }
      CopyGroup g;
      g.id = text::HexId(text::Hash64("copies:" + Id(root)));
      g.first_publisher = Id(first);
      for (int m : members) {
        g.article_ids.push_back(Id(m));
        if (m == first) {
          g.roles.push_back(CopyRole::kOriginal);
          g.similarity.push_back(1.0);
          continue;
        }
        const double sim = MemberSimilarity(m, first).first;
        g.roles.push_back(sim >= options.near_duplicate_jaccard ? CopyRole::kCopy
                                                                : CopyRole::kRewrite);
        g.similarity.push_back(sim);
      }
      out.push_back(std::move(g));
    }
    return out;
  }
};

CopyDetector::CopyDetector(DedupOptions options)
    : impl_(std::make_unique<Impl>(std::move(options))) {}
CopyDetector::~CopyDetector() = default;

void CopyDetector::Add(const AnalyzedArticle& article) {
  impl_->Add(article, analyze::ShingleHashes(article.tokens, impl_->options.shingle_words));
}

void CopyDetector::Add(const AnalyzedArticle& article, const std::vector<uint64_t>& shingles) {
  impl_->Add(article, shingles);
}

std::vector<CopyGroup> CopyDetector::Groups() const { return impl_->Groups(); }

const std::vector<CopyLink>& CopyDetector::Links() const { return impl_->links; }

size_t CopyDetector::ApproximateBytes() const { return impl_->ApproximateBytes(); }

namespace {
constexpr const char* kStateKind = "newsloom.copy_detector";
constexpr uint32_t kStateVersion = 1;  // bump whenever Impl::Transfer changes
}  // namespace

std::string CopyDetector::SaveState() const {
  text::ByteWriter writer;
  // The writer only reads the fields; one field list serves both directions.
  const_cast<Impl&>(*impl_).Transfer(writer);
  return writer.Finish(kStateKind, kStateVersion);
}

Status CopyDetector::RestoreState(std::string_view blob) {
  auto fresh = std::make_unique<Impl>(impl_->options);
  auto reader = text::ByteReader::Open(blob, kStateKind, kStateVersion);
  if (reader.ok()) fresh->Transfer(*reader);
  if (!reader.ok() || !reader->AtEnd()) {
    impl_ = std::make_unique<Impl>(impl_->options);
    return reader.ok() ? Status::Corrupt("copy detector state malformed") : reader.status();
  }
  impl_ = std::move(fresh);
  return Status::Ok();
}

}  // namespace newsloom::dedup

namespace newsloom {

namespace {

constexpr std::pair<CopyRole, const char*> kCopyRoleNames[] = {
    {CopyRole::kOriginal, "original"},
    {CopyRole::kCopy, "copy"},
    {CopyRole::kRewrite, "rewrite"},
};

}  // namespace

const char* CopyRoleName(CopyRole role) {
  for (const auto& [r, name] : kCopyRoleNames) {
    if (r == role) return name;
  }
  return "original";
}

std::optional<CopyRole> CopyRoleFromName(std::string_view name) {
  for (const auto& [r, n] : kCopyRoleNames) {
    if (n == name) return r;
  }
  return std::nullopt;
}

}  // namespace newsloom
