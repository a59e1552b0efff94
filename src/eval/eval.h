// `newsloom eval TASK --data PATH`: each task reads a development set and returns one JSON object
// of figures. A task fails with kNotFound, naming the path, when its data is absent.
#ifndef NEWSLOOM_EVAL_EVAL_H_
#define NEWSLOOM_EVAL_EVAL_H_

#include <nlohmann/json.hpp>
#include <string>

#include "newsloom/status.h"

namespace newsloom::eval {

struct EvalOptions {
  std::string data;    // --data: the set's folder or file
  std::string output;  // --output: where to write predictions, when the task supports it
};

// One function per task, each in its own <task>_eval.cc.
Result<nlohmann::json> RunSeedsEval(const EvalOptions& options);
// Entity tagger on a CoNLL-2003 file (the committed model); --output writes "token gold predicted".
Result<nlohmann::json> RunNerEval(const EvalOptions& options);

}  // namespace newsloom::eval

#endif  // NEWSLOOM_EVAL_EVAL_H_
