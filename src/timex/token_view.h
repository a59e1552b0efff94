// Read access to the tokens of one text for the grammar: positions outside the text read as an
// end token, so rules look ahead and behind without bounds checks. Rules name words by concept
// ("the", "last", "ago"), which each language's table gives its words (lexicon.h).
#ifndef NEWSLOOM_TIMEX_TOKEN_VIEW_H_
#define NEWSLOOM_TIMEX_TOKEN_VIEW_H_

#include <initializer_list>
#include <string_view>
#include <vector>

#include "timex/lexicon.h"
#include "timex/tokens.h"

namespace newsloom::timex {

// Whether a token's lower-cased text is `w`: sizes first, where std::string == const char* would
// measure the literal and compare bytes every time. For notations that are no words of a language
// ("T" of "2024-06-19T15:57", "Q" of "Q1"); words are compared by concept.
inline bool LowIs(const Tok& t, std::string_view w) { return std::string_view(t.low) == w; }

// Whether token t is a word with concept `c`.
inline bool Is(const Tok& t, Concept c) {
  return t.kind == Kind::kWord && t.lex != nullptr && t.lex->Is(c);
}

class TokenView {
 public:
  TokenView(const std::vector<Tok>& toks, const Lexicon& lexicon)
      : toks_(toks), n_(static_cast<int>(toks.size())), lexicon_(lexicon) {}

  int size() const { return n_; }
  const Lexicon& lexicon() const { return lexicon_; }

  const Tok& T(int i) const {
    static const Tok kEnd;
    return i >= 0 && i < n_ ? toks_[i] : kEnd;
  }
  // A word with concept `c` at i.
  bool W(int i, Concept c) const { return i >= 0 && i < n_ && Is(toks_[i], c); }
  // A word with any of the concepts at i.
  bool Any(int i, std::initializer_list<Concept> concepts) const {
    if (i < 0 || i >= n_ || toks_[i].kind != Kind::kWord || toks_[i].lex == nullptr) return false;
    for (Concept c : concepts) {
      if (toks_[i].lex->Is(c)) return true;
    }
    return false;
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
  // A name of a month, weekday or holiday may be at i: capitalised, or any word in a language
  // that writes them in lower case ("juin", "mardi").
  bool Named(int i) const { return T(i).cap || lexicon_.names_in_lower_case(); }
  const LexEntry* Lex(int i) const { return i >= 0 && i < n_ ? toks_[i].lex : nullptr; }
  Unit UnitAt(int i) const { return Lex(i) ? Lex(i)->unit : Unit::kNone; }

 private:
  const std::vector<Tok>& toks_;
  const int n_;
  const Lexicon& lexicon_;
};

}  // namespace newsloom::timex

#endif  // NEWSLOOM_TIMEX_TOKEN_VIEW_H_
