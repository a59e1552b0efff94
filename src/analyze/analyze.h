// Article -> AnalyzedArticle: ICU sentences and tokens, temporal expressions resolved against the
// publication date, MinHash fingerprints, and the term vector (raw term frequencies;
// clustering weights them with its own document frequencies).
#ifndef NEWSLOOM_ANALYZE_ANALYZE_H_
#define NEWSLOOM_ANALYZE_ANALYZE_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "newsloom/analyzed_article.h"
#include "newsloom/status.h"

namespace newsloom::analyze {

struct AnalyzeOptions {
  int shingle_words = 5;      // word shingles for MinHash
  int minhash_size = 128;     // signature length
  uint32_t lead_bytes = 400;  // the opening of the body whose words are lead terms
};

// Thread-safe. Fails when the entity model cannot be loaded (the error names the paths tried, see
// SharedNerTagger in ner.h) and on internal errors (ICU could not be initialised).
//
// Term vector: the raw frequency of every content word (stop words dropped), plus name terms
// "n:<words>" for runs of capitalised words that are not just the first word of a sentence, the
// headline's content words as "t:<word>" and those of the headline and the body's first
// lead_bytes as "l:<word>", sorted by term. Dates are tagged against article.published (unanchored
// when it is null). Entities come from the English tagger (SharedNerTagger("en") in ner.h), loaded
// once per process on first use.
Result<AnalyzedArticle> Analyze(Article article, const AnalyzeOptions& options = {});

// Sets the article's quotes and figures from its body, tokens, sentences, dates and language. The
// store keeps neither: Analyze and the story briefs both derive them here.
void FindQuotesAndFigures(AnalyzedArticle* article);

// The fingerprint building blocks, public so dedup and tests can use the same definitions.

// Hashes of the word shingles (`shingle_words` consecutive word tokens; one shingle of all words
// when there are fewer), sorted and unique. Empty when there are no word tokens.
std::vector<uint64_t> ShingleHashes(const std::vector<Token>& tokens, int shingle_words);

// MinHash signature of a shingle set: `size` values, by one-permutation hashing with densification
// (each value the minimum of one bin of a single hash over the set). An empty set gives all
// 0xFFFFFFFF.
std::vector<uint32_t> MinHashSignature(const std::vector<uint64_t>& shingles, int size);

// How many elements two sorted, unique sets share.
size_t SharedCount(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b);

// Exact Jaccard similarity of two sorted, unique sets (1 when both are empty).
template <typename T>
double Jaccard(const std::vector<T>& a, const std::vector<T>& b) {
  if (a.empty() && b.empty()) return 1;
  size_t i = 0, j = 0, common = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] < b[j]) {
      ++i;
    } else if (b[j] < a[i]) {
      ++j;
    } else {
      ++common;
      ++i;
      ++j;
    }
  }
  return static_cast<double>(common) / static_cast<double>(a.size() + b.size() - common);
}

// The MinHash estimate of Jaccard: the share of equal positions (0 when sizes differ).
double EstimateJaccard(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b);

}  // namespace newsloom::analyze

#endif  // NEWSLOOM_ANALYZE_ANALYZE_H_
