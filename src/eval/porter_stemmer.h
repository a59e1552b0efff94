// The Porter (1980) stemmer for English, as ROUGE-1.5.5 applies it with -m.
#ifndef NEWSLOOM_EVAL_PORTER_STEMMER_H_
#define NEWSLOOM_EVAL_PORTER_STEMMER_H_

#include <string>
#include <string_view>

namespace newsloom::eval {

// The stem of a lower-case ASCII word ("caresses" -> "caress", "relational" -> "relat").
// Words of one or two letters, and words with other bytes than a-z, come back unchanged.
std::string PorterStem(std::string_view word);

}  // namespace newsloom::eval

#endif  // NEWSLOOM_EVAL_PORTER_STEMMER_H_
