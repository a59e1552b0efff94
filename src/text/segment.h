// Sentence and word segmentation with ICU, and the token normalisation every stage shares.
// All offsets are UTF-8 byte offsets into the text given.
#ifndef NEWSLOOM_TEXT_SEGMENT_H_
#define NEWSLOOM_TEXT_SEGMENT_H_

#include <string>
#include <string_view>
#include <vector>

#include "newsloom/analyzed_article.h"
#include "newsloom/status.h"

namespace newsloom::text {

struct Segmentation {
  std::vector<Span> sentences;  // in order, trimmed of surrounding white space, never empty
  std::vector<Token> tokens;    // in order; white space is not a token, punctuation is
};

// Cuts `text` into sentences and tokens. A sentence never crosses a '\n' (paragraph boundary),
// and standard English abbreviations ("Mr.", "U.S.") do not end one (ICU's filtered sentence
// break). `text` should be valid UTF-8; ill-formed bytes are treated as U+FFFD and kept inside
// the token around them. Thread-safe: ICU iterators are cloned per thread. Fails only when ICU
// cannot be initialised.
Result<Segmentation> Segment(std::string_view text);

// `tokens` (of one text, in order) with hyphenated compounds made single words: a word token, a
// "-" and a word token with nothing between them ("three-day", "al-Assad", "5-10") become one word
// token spanning all three, its norm the norms joined by "-", capitalised as its first part. The
// word breaker splits at hyphens; the rules that read figures, quotes and claims want the compound.
std::vector<Token> JoinHyphenated(std::vector<Token> tokens);

// NFKC and Unicode case folding (NFKC_Casefold); ASCII takes a fast path. Never fails: text that
// ICU cannot process is returned lower-cased byte by byte.
std::string NormalizeWord(std::string_view word);

}  // namespace newsloom::text

#endif  // NEWSLOOM_TEXT_SEGMENT_H_
