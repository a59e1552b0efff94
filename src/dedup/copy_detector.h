// Exact and near-duplicate articles, found as they stream in: a hash of the normalised body for
// exact copies, MinHash with LSH banding for candidates, each verified by Jaccard.
#ifndef NEWSLOOM_DEDUP_COPY_DETECTOR_H_
#define NEWSLOOM_DEDUP_COPY_DETECTOR_H_

#include <memory>
#include <vector>

#include "newsloom/analyzed_article.h"
#include "newsloom/story.h"

namespace newsloom::dedup {

struct DedupOptions {
  double near_duplicate_jaccard = 0.8;  // at or above: a copy
  double rewrite_jaccard = 0.3;         // at or above (and below a copy): a rewrite
  int bands = 32;                       // LSH bands over the MinHash signature
  // Rewrites also show as shared paragraphs: at or above this share of the shorter article's
  // paragraphs (of at least min_paragraph_words words), and at least two of them.
  double rewrite_shared_paragraphs = 0.5;
  int min_paragraph_words = 8;
  int shingle_words = 5;  // must match analysis (AnalyzeOptions::shingle_words)
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
  // Groups of two or more articles, and their first publisher.
  std::vector<CopyGroup> Groups() const;
  // Approximate heap bytes held by the detector's index (entries, hash tables, lists), for
  // benchmarks.
  size_t ApproximateBytes() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace newsloom::dedup

#endif  // NEWSLOOM_DEDUP_COPY_DETECTOR_H_
