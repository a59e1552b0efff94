// Metrics of the clustering evaluation, public so they can be tested on their own.
#ifndef NEWSLOOM_EVAL_CLUSTERING_EVAL_H_
#define NEWSLOOM_EVAL_CLUSTERING_EVAL_H_

#include <string>
#include <vector>

namespace newsloom::eval {

struct BCubed {
  double precision = 0;
  double recall = 0;
  double f1 = 0;
};

// B-cubed precision, recall and F1 of a predicted partition against a gold one; both give one
// cluster label per item, in the same order. All zero when the sizes differ or there are no items.
BCubed ScoreBCubed(const std::vector<std::string>& predicted, const std::vector<std::string>& gold);

}  // namespace newsloom::eval

#endif  // NEWSLOOM_EVAL_CLUSTERING_EVAL_H_
