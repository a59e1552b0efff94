// Read access to the tokens of one text for the grammar: positions outside the text read as an
// end token, so rules look ahead and behind without bounds checks.
#ifndef NEWSLOOM_TIMEX_TOKEN_VIEW_H_
#define NEWSLOOM_TIMEX_TOKEN_VIEW_H_

#include <initializer_list>
#include <string_view>
#include <vector>

#include "timex/lexicon.h"
#include "timex/tokens.h"

namespace newsloom::timex {

inline bool In(std::string_view w, std::initializer_list<std::string_view> list) {
  for (std::string_view x : list) {
    if (x == w) return true;
  }
  return false;
}

// Whether a token's lower-cased text is `w`: sizes first, where std::string == const char* would
// measure the literal and compare bytes every time (the rules do this for every token).
inline bool LowIs(const Tok& t, std::string_view w) { return std::string_view(t.low) == w; }

class TokenView {
 public:
  explicit TokenView(const std::vector<Tok>& toks)
      : toks_(toks), n_(static_cast<int>(toks.size())) {}

  int size() const { return n_; }

  const Tok& T(int i) const {
    static const Tok kEnd;
    return i >= 0 && i < n_ ? toks_[i] : kEnd;
  }
  // The word `w` (lower case) at i.
  bool W(int i, std::string_view w) const {
    return i >= 0 && i < n_ && toks_[i].kind == Kind::kWord && toks_[i].low == w;
  }
  // The punctuation `p` at i.
  bool P(int i, std::string_view p) const {
    return i >= 0 && i < n_ && toks_[i].kind == Kind::kPunct && toks_[i].low == p;
  }
  // No space between token i and the one before.
  bool Adjacent(int i) const { return i >= 0 && i < n_ && !toks_[i].space_before; }
  bool IsHyphen(int i) const {
    return P(i, "-") || P(i, "\xE2\x80\x93") || P(i, "\xE2\x80\x94") || P(i, "\xE2\x80\x90") ||
           P(i, "\xE2\x80\x91");
  }
  const LexEntry* Lex(int i) const { return i >= 0 && i < n_ ? toks_[i].lex : nullptr; }
  Unit UnitAt(int i) const { return Lex(i) ? Lex(i)->unit : Unit::kNone; }

 private:
  const std::vector<Tok>& toks_;
  const int n_;
};

}  // namespace newsloom::timex

#endif  // NEWSLOOM_TIMEX_TOKEN_VIEW_H_
