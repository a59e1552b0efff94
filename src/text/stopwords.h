// Function words of the main European languages, for telling running text (many function words)
// from navigation, headlines and lists (few). Lists are lower-case and match text::Words output.
#ifndef NEWSLOOM_TEXT_STOPWORDS_H_
#define NEWSLOOM_TEXT_STOPWORDS_H_

#include <string_view>

namespace newsloom::text {

// True when `word` (lower-case) is a function word of English, German, French, Spanish, Italian,
// Portuguese or Dutch. Thread-safe.
bool IsStopword(std::string_view word);

}  // namespace newsloom::text

#endif  // NEWSLOOM_TEXT_STOPWORDS_H_
