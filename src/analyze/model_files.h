// Where the model files newsloom ships (the entity tagger's ner-<lang>.bin, the background
// document frequencies df-<lang>.tsv) are found.
#ifndef NEWSLOOM_ANALYZE_MODEL_FILES_H_
#define NEWSLOOM_ANALYZE_MODEL_FILES_H_

#include <string>
#include <string_view>
#include <vector>

#include "newsloom/status.h"

namespace newsloom::analyze {

// Two or three lower-case letters (an ISO 639 code).
bool IsLanguageCode(std::string_view language);

// Where a model file is looked for, in order:
//   1. $NEWSLOOM_MODEL_DIR, when set; then nowhere else;
//   2. <directory of the running binary>/../share/newsloom (an installed binary);
//   3. <directory of the running binary>/models (a binary shipped beside its models);
//   4. <install prefix>/share/newsloom;
//   5. the source tree's models/ (a binary run from its build tree).
std::vector<std::string> ModelCandidates(std::string_view file);

// The first candidate that exists. kNotFound naming `what` and every path tried when there is
// none.
Result<std::string> FindModelFile(std::string_view file, std::string_view what);

}  // namespace newsloom::analyze

#endif  // NEWSLOOM_ANALYZE_MODEL_FILES_H_
