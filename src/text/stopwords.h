// Stop lists: words that carry no topic, each list named for the question it answers. Lists are
// lower-case and compare with token norms (text::Segment) and text::Words output.
#ifndef NEWSLOOM_TEXT_STOPWORDS_H_
#define NEWSLOOM_TEXT_STOPWORDS_H_

#include <string_view>

namespace newsloom::text {

enum class StopList {
  // Function words of English, German, French, Spanish, Italian, Portuguese and Dutch at once: how
  // much of a line is running text (many function words) rather than navigation, headlines and
  // lists. Pages are judged before their language is known.
  kMultilingual,
  // English function words, auxiliaries, honorifics and reporting verbs ("said", "told"): the words
  // left out of term vectors, timeline sentence vectors and ROUGE's stop-word setting.
  kEnglish,
  // Words that never name what a number counts ("3 times", "5 pm", "2 of the"), for figures. Kept
  // apart from kEnglish, which holds words that do follow counts ("3 new cases", "2 more").
  kNotCounted,
  // kEnglish and the words that stand near any figure ("last year", "at least", "nearly"): what is
  // left around a figure says what it counts, for comparing figures across sources.
  kFigureContext,
};

// True when `word` (lower case) is on `list`. Thread-safe.
bool IsStopword(std::string_view word, StopList list = StopList::kMultilingual);

// True when `word` (lower case) is a function word of `language` (ISO 639-1, as Article::language):
// kEnglish for English (and for "" or "un", unknown), Snowball's stop list for Danish, Dutch,
// Finnish, French, German, Hungarian, Italian, Norwegian, Portuguese, Russian, Spanish, Swedish and
// Turkish; false for any other language, whose words are then weighed by their document frequencies
// alone.
bool IsFunctionWord(std::string_view word, std::string_view language);

}  // namespace newsloom::text

#endif  // NEWSLOOM_TEXT_STOPWORDS_H_
