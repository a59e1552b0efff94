// Folding of words to a script- and accent-free form, so that one name written in several
// languages compares equal: "Teherán", "Téhéran" and "Teheran" all fold to "teheran".
#ifndef NEWSLOOM_TEXT_FOLD_H_
#define NEWSLOOM_TEXT_FOLD_H_

#include <string>
#include <string_view>

namespace newsloom::text {

// `s` transliterated to Latin, with accents and ligatures reduced to ASCII (ICU's
// "Any-Latin; Latin-ASCII"), lower-cased. ASCII input is only lower-cased. Thread-safe.
std::string FoldToAscii(std::string_view s);

}  // namespace newsloom::text

#endif  // NEWSLOOM_TEXT_FOLD_H_
