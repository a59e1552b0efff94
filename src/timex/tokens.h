// The tokens the temporal-expression grammar matches on: words (looked up once in the word
// tables), digit runs and punctuation, with byte offsets and whether space came before.
#ifndef NEWSLOOM_TIMEX_TOKENS_H_
#define NEWSLOOM_TIMEX_TOKENS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "timex/lexicon.h"

namespace newsloom::timex {

enum class Kind : uint8_t { kWord, kNumber, kPunct, kEnd };

struct Tok {
  uint32_t begin = 0;
  uint32_t end = 0;
  Kind kind = Kind::kEnd;
  bool space_before = true;   // whitespace between the previous token and this one
  bool break_before = false;  // a blank line before: a new paragraph
  bool cap = false;           // starts with an upper-case letter (ASCII or Latin-1)
  bool ordinal = false;       // digits with an ordinal suffix: "19th"
  int digits = 0;
  long num = -1;  // value of a digit run, -1 when too long
  std::string low;
  const LexEntry* lex = nullptr;
  const std::vector<Lexicon::Phrase>* phrases = nullptr;  // phrases of the tables starting here
};

// Splits `s` into tokens. Words are lower-cased (ASCII and Latin-1) and looked up in `lexicon`;
// "a.m.", "U.S." and words of the tables with an apostrophe ("o'clock") are single words, and so
// are the phrases of the tables ("il y a"); "19th" is one number with `ordinal` set. The
// typographic apostrophe reads as "'". Any bytes are accepted.
std::vector<Tok> Tokenize(std::string_view s, const Lexicon& lexicon);

}  // namespace newsloom::timex

#endif  // NEWSLOOM_TIMEX_TOKENS_H_
