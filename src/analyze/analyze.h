// Article -> AnalyzedArticle: ICU sentences and tokens, temporal expressions resolved against the
// publication date, MinHash and SimHash fingerprints, and the term vector (raw term frequencies;
// clustering weights them with its own document frequencies).
#ifndef NEWSLOOM_ANALYZE_ANALYZE_H_
#define NEWSLOOM_ANALYZE_ANALYZE_H_

#include "newsloom/analyzed_article.h"
#include "newsloom/status.h"

namespace newsloom::analyze {

struct AnalyzeOptions {
  int shingle_words = 5;    // word shingles for MinHash
  int minhash_size = 128;   // signature length
};

// Thread-safe. Fails only on internal errors (ICU could not be initialised).
Result<AnalyzedArticle> Analyze(Article article, const AnalyzeOptions& options = {});

}  // namespace newsloom::analyze

#endif  // NEWSLOOM_ANALYZE_ANALYZE_H_
