// Word stems from Snowball's libstemmer, which has Porter's original English stemmer ("porter"),
// its successor Porter2 ("english") and stemmers for German, French, Spanish and 20 more languages.
#ifndef NEWSLOOM_TEXT_STEMMER_H_
#define NEWSLOOM_TEXT_STEMMER_H_

#include <memory>
#include <string>
#include <string_view>

#include "newsloom/status.h"

struct sb_stemmer;

namespace newsloom::text {

// One Snowball stemmer. Not thread-safe: each thread holds its own.
class Stemmer {
 public:
  // The stemmer of a Snowball algorithm ("porter", "english") or language, by name or ISO 639-1
  // code ("german", "de"); NotFound when libstemmer has none.
  static Result<Stemmer> Create(std::string_view algorithm);

  // The stem of a lower-case UTF-8 word ("caresses" -> "caress").
  std::string Stem(std::string_view word);

 private:
  struct Deleter {
    void operator()(sb_stemmer* s) const;
  };
  explicit Stemmer(sb_stemmer* s) : stemmer_(s) {}
  std::unique_ptr<sb_stemmer, Deleter> stemmer_;
};

}  // namespace newsloom::text

#endif  // NEWSLOOM_TEXT_STEMMER_H_
