#include "dedup/copy_detector.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <optional>
#include <string>
#include <unordered_map>

#include "analyze/analyze.h"
#include "text/hash.h"

namespace newsloom::dedup {
namespace {

struct Entry {
  std::string id;
  std::optional<Date> published;
  uint64_t body_hash = 0;
  std::vector<uint64_t> shingles;    // sorted, unique
  std::vector<uint64_t> paragraphs;  // hashes of long paragraphs' words, sorted, unique
};

// Hashes of the paragraphs with at least `min_words` words, over their normalised words, so
// that a paragraph reused with other punctuation or case still matches.
std::vector<uint64_t> ParagraphHashes(const AnalyzedArticle& a, int min_words) {
  std::vector<uint64_t> out;
  std::string words;
  int count = 0;
  auto flush = [&] {
    if (count >= min_words) out.push_back(text::Hash64(words));
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

}  // namespace

struct CopyDetector::Impl {
  DedupOptions options;
  std::vector<Entry> entries;  // ingest order
  std::vector<int> parent;     // union-find over entries
  std::unordered_map<uint64_t, int> by_body;
  std::unordered_map<uint64_t, std::vector<int>> buckets;     // LSH band key -> entries
  std::unordered_map<uint64_t, std::vector<int>> paragraphs;  // paragraph hash -> entries

  explicit Impl(DedupOptions o) : options(std::move(o)) {
    options.bands = std::max(1, options.bands);
  }

  int Find(int x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  }
  void Union(int a, int b) {
    a = Find(a);
    b = Find(b);
    if (a == b) return;
    if (b < a) std::swap(a, b);
    parent[b] = a;  // the root is the earliest-ingested member
  }

  bool Linked(const Entry& a, const Entry& b) const {
    if (a.body_hash == b.body_hash && !a.shingles.empty()) return true;
    if (analyze::Jaccard(a.shingles, b.shingles) >= options.rewrite_jaccard) return true;
    const size_t shared = analyze::SharedCount(a.paragraphs, b.paragraphs);
    const size_t fewer = std::min(a.paragraphs.size(), b.paragraphs.size());
    return shared >= 2 && static_cast<double>(shared) >=
                              options.rewrite_shared_paragraphs * static_cast<double>(fewer);
  }

  void Add(const AnalyzedArticle& a) {
    const int idx = static_cast<int>(entries.size());
    Entry e;
    e.id = a.article.id;
    e.published = a.article.published;
    e.body_hash = a.body_hash;
    e.shingles = analyze::ShingleHashes(a.tokens, options.shingle_words);
    e.paragraphs = ParagraphHashes(a, options.min_paragraph_words);

    std::vector<int> candidates;
    if (!e.shingles.empty()) {
      auto it = by_body.find(e.body_hash);
      if (it != by_body.end()) candidates.push_back(it->second);
    }
    // LSH banding: articles that agree on every row of some band are candidates.
    std::vector<uint64_t> band_keys;
    const size_t rows = a.minhash.size() / static_cast<size_t>(options.bands);
    if (rows > 0 && !e.shingles.empty()) {
      for (int b = 0; b < options.bands; ++b) {
        const uint64_t key =
            text::Hash64(std::string_view(reinterpret_cast<const char*>(&a.minhash[b * rows]),
                                          rows * sizeof(uint32_t)),
                         static_cast<uint64_t>(b));
        band_keys.push_back(key);
        auto bucket = buckets.find(key);
        if (bucket != buckets.end()) {
          candidates.insert(candidates.end(), bucket->second.begin(), bucket->second.end());
        }
      }
    }
    for (uint64_t p : e.paragraphs) {
      auto it = paragraphs.find(p);
      if (it != paragraphs.end()) {
        candidates.insert(candidates.end(), it->second.begin(), it->second.end());
      }
    }
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());

    entries.push_back(std::move(e));
    parent.push_back(idx);
    const Entry& mine = entries.back();
    for (int c : candidates) {
      if (Find(c) == Find(idx)) continue;
      if (Linked(entries[c], mine)) Union(c, idx);
    }
    if (!mine.shingles.empty()) by_body.emplace(mine.body_hash, idx);
    for (uint64_t key : band_keys) buckets[key].push_back(idx);
    for (uint64_t p : mine.paragraphs) paragraphs[p].push_back(idx);
  }

  // Vector capacities, plus a node, its key and a bucket pointer per hash-table entry.
  size_t ApproximateBytes() const {
    constexpr size_t kNode = 16 + sizeof(void*);
    size_t bytes = entries.capacity() * sizeof(Entry) + parent.capacity() * sizeof(int);
    for (const Entry& e : entries) {
      bytes += e.shingles.capacity() * 8 + e.paragraphs.capacity() * 8;
      if (e.id.capacity() > 15) bytes += e.id.capacity() + 1;
    }
    bytes += by_body.size() * (kNode + 16) + by_body.bucket_count() * sizeof(void*);
    for (const auto* table : {&buckets, &paragraphs}) {
      bytes += table->bucket_count() * sizeof(void*);
      for (const auto& [key, list] : *table) {
        bytes += kNode + sizeof(key) + sizeof(list) + list.capacity() * sizeof(int);
      }
    }
    return bytes;
  }

  std::vector<CopyGroup> Groups() {
    std::map<int, std::vector<int>> components;  // root (earliest member) -> members, in order
    for (int i = 0; i < static_cast<int>(entries.size()); ++i) components[Find(i)].push_back(i);
    std::vector<CopyGroup> out;
    for (const auto& [root, members] : components) {
      if (members.size() < 2) continue;
      // First publisher: the earliest date; undated articles after dated ones; ties by ingest.
      int first = members.front();
      for (int m : members) {
        const auto& pm = entries[m].published;
        const auto& pf = entries[first].published;
        if (pm && (!pf || *pm < *pf)) first = m;
      }
      CopyGroup g;
      g.id = text::HexId(text::Hash64("copies:" + entries[root].id));
      g.first_publisher = entries[first].id;
      for (int m : members) {
        g.article_ids.push_back(entries[m].id);
        if (m == first) {
          g.roles.push_back(CopyRole::kOriginal);
          g.similarity.push_back(1.0);
          continue;
        }
        const bool same_body = entries[m].body_hash == entries[first].body_hash;
        const double sim =
            same_body ? 1.0 : analyze::Jaccard(entries[m].shingles, entries[first].shingles);
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

void CopyDetector::Add(const AnalyzedArticle& article) { impl_->Add(article); }

std::vector<CopyGroup> CopyDetector::Groups() const { return impl_->Groups(); }

size_t CopyDetector::ApproximateBytes() const { return impl_->ApproximateBytes(); }

}  // namespace newsloom::dedup
