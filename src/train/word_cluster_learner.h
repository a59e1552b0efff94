// Learning the entity tagger's word clusters from unlabelled text: each frequent word gets a vector
// of its left and right neighbours among the most frequent words (PPMI-weighted), and hierarchical
// k-means over those vectors gives every word a path of three cluster choices.
#ifndef NEWSLOOM_TRAIN_WORD_CLUSTER_LEARNER_H_
#define NEWSLOOM_TRAIN_WORD_CLUSTER_LEARNER_H_

#include <string>
#include <string_view>
#include <vector>

#include "analyze/word_clusters.h"
#include "newsloom/status.h"

namespace newsloom::train {

struct WordClusterOptions {
  int min_count = 3;        // words seen fewer times get no cluster
  int max_words = 40000;    // most frequent words clustered
  int context_words = 256;  // most frequent (lower-cased) words used as left and right contexts
  int branching[3] = {16, 8, 8};  // clusters per level: 16, then 8 inside each, then 8
  int iterations = 10;            // k-means iterations per split
};

// Splits running text into tokens roughly as CoNLL-2003 does: whitespace, then quotes and brackets
// and sentence punctuation apart, "'s" apart; keeps "U.S."-style abbreviations whole.
void TokenizeForClusters(std::string_view text, std::vector<std::string_view>* tokens);

// Learns clusters from `texts` (each one document of running text). Deterministic.
analyze::WordClusters LearnWordClusters(const std::vector<std::string>& texts,
                                        const WordClusterOptions& options);

// Appends the unlabelled texts at `path`: the "text" field of each line of a .jsonl file (lines
// that are not such objects are skipped), any other file whole, and the .jsonl and .txt files of a
// folder, recursively, in sorted order. kNotFound / kIoError naming the path.
Status CollectUnlabelledTexts(const std::string& path, std::vector<std::string>* texts);

}  // namespace newsloom::train

#endif  // NEWSLOOM_TRAIN_WORD_CLUSTER_LEARNER_H_
