#include "eval/eval.h"

namespace newsloom::eval {

Result<nlohmann::json> RunSeedsEval(const EvalOptions&) {
  return Status::Unsupported("seeds evaluation is not available yet");
}

}  // namespace newsloom::eval
