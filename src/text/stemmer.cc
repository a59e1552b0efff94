#include "text/stemmer.h"

#include <libstemmer.h>

namespace newsloom::text {

void Stemmer::Deleter::operator()(sb_stemmer* s) const { sb_stemmer_delete(s); }

Result<Stemmer> Stemmer::Create(std::string_view algorithm) {
  const std::string name(algorithm);
  sb_stemmer* s = sb_stemmer_new(name.c_str(), "UTF_8");
  if (s == nullptr) return Status::NotFound("no Snowball stemmer for '" + name + "'");
  return Stemmer(s);
}

std::string Stemmer::Stem(std::string_view word) {
  const sb_symbol* stem =
      sb_stemmer_stem(stemmer_.get(), reinterpret_cast<const sb_symbol*>(word.data()),
                      static_cast<int>(word.size()));
  // Null only when memory runs out; the word itself is then the best answer.
  if (stem == nullptr) return std::string(word);
  return std::string(reinterpret_cast<const char*>(stem), sb_stemmer_length(stemmer_.get()));
}

}  // namespace newsloom::text
