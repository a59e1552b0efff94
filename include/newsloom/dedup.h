// Exact and near-duplicate articles, found as they stream in: a hash of the normalised body for
// exact copies, MinHash with LSH banding for candidates, each verified by Jaccard.
#ifndef NEWSLOOM_DEDUP_H_
#define NEWSLOOM_DEDUP_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "newsloom/analyzed_article.h"
#include "newsloom/status.h"

namespace newsloom {

// How an article relates to the other members of its copy group.
enum class CopyRole { kOriginal, kCopy, kRewrite };

// "original", "copy", "rewrite".
const char* CopyRoleName(CopyRole role);
// The inverse of CopyRoleName; nullopt for any other string.
std::optional<CopyRole> CopyRoleFromName(std::string_view name);

// Articles that copy or rewrite one another, and which of them was published first.
struct CopyGroup {
  std::string id;
  std::vector<std::string> article_ids;  // ingest order
  std::string first_publisher;           // article id: earliest date, ties by ingest order
  std::vector<CopyRole> roles;           // parallel to article_ids
  std::vector<double> similarity;        // to the first publisher, parallel to article_ids
};

}  // namespace newsloom

namespace newsloom::dedup {

struct DedupOptions {
  double near_duplicate_jaccard = 0.8;  // at or above: a copy
  double rewrite_jaccard = 0.3;         // at or above (and below a copy): a rewrite
  // LSH bands over the MinHash signature (rows = signature length / bands): 20 bands of 6 rows
  // make a candidate of 99.8% of pairs at Jaccard 0.8 and of 0.1% of pairs at 0.3.
  int bands = 20;
  // Rewrites also show as shared paragraphs: at or above this share of the shorter article's
  // paragraphs (of at least min_paragraph_words words), and at least two of them.
  double rewrite_shared_paragraphs = 0.5;
  int min_paragraph_words = 8;
  int shingle_words = 5;  // must match analysis (AnalyzeOptions::shingle_words)
  // The shingle sets of the latest exact_window articles are kept whole, and candidates among
  // them are verified by exact Jaccard; older articles keep only a bottom-k sketch of
  // sketch_size shingle hashes, which estimates it. Copies mostly follow their original within
  // days, and the window bounds the memory the sets take.
  int exact_window = 5000;
  int sketch_size = 24;
};

// A verified pair of articles: a copy or rewrite link (indices in Add order, first < second).
struct CopyLink {
  uint32_t first = 0;
  uint32_t second = 0;
  float similarity = 0;  // shingle Jaccard (1 for the same normalised body)
  bool exact = true;     // false when estimated from sketches (first out of the window)
};

// Articles are linked when they have the same normalised body, when the exact Jaccard similarity
// of their word-shingle sets (candidates from MinHash LSH) reaches rewrite_jaccard, or when they
// share many paragraphs; a group is a connected set of linked articles. Within a group the first
// publisher is the `original`; a member whose Jaccard similarity to it reaches
// near_duplicate_jaccard is a `copy`, any other a `rewrite`.
// Not thread-safe. Deterministic for a given order of Add calls.
class CopyDetector {
 public:
  explicit CopyDetector(DedupOptions options = {});
  ~CopyDetector();
  void Add(const AnalyzedArticle& article);
  // The same, with the article's shingle hashes (analyze::ShingleHashes over its tokens with
  // shingle_words) when the caller has them already.
  void Add(const AnalyzedArticle& article, const std::vector<uint64_t>& shingles);
  // Groups of two or more articles, and their first publisher.
  std::vector<CopyGroup> Groups() const;
  // Every linked pair verified so far, ordered by second then first.
  const std::vector<CopyLink>& Links() const;
  // Heap bytes held by the detector (per-article fields, hash tables, the window's shingle
  // sets, links), for benchmarks.
  size_t ApproximateBytes() const;
  // Everything a later Add or Groups depends on, as a versioned blob.
  std::string SaveState() const;
  // Takes the state of a saved detector, which must have had the same options: the next Adds
  // give what they would have given there. kCorrupt, leaving this detector empty, when the blob
  // is damaged or of another format version.
  Status RestoreState(std::string_view blob);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace newsloom::dedup

#endif  // NEWSLOOM_DEDUP_H_
