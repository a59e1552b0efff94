#include "timex/tokens.h"

#include <algorithm>
#include <string>

#include "text/chars.h"

namespace newsloom::timex {
namespace {

// U+2000..U+206F (dashes, quotes, ellipsis) are punctuation; other non-ASCII letters join words.
bool IsUnicodePunct(std::string_view s, size_t i) {
  return static_cast<unsigned char>(s[i]) == 0xE2 && i + 1 < s.size() &&
         static_cast<unsigned char>(s[i + 1]) == 0x80;
}

bool IsWordByte(std::string_view s, size_t i) {
  const unsigned char c = s[i];
  if (c < 0x80) return text::IsAsciiAlpha(c);
  return !IsUnicodePunct(s, i) &&
         !(c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0);
}

// An apostrophe at i: ' or the typographic U+2019; its length in bytes, or 0.
size_t ApostropheAt(std::string_view s, size_t i) {
  if (i < s.size() && s[i] == '\'') return 1;
  if (i + 2 < s.size() && static_cast<unsigned char>(s[i]) == 0xE2 &&
      static_cast<unsigned char>(s[i + 1]) == 0x80 &&
      static_cast<unsigned char>(s[i + 2]) == 0x99) {
    return 3;
  }
  return 0;
}

// Digits at [i, j) and what follows them: their value, and an ordinal suffix of the language
// ("19th", "1er") taken into the token.
size_t ReadNumber(std::string_view s, size_t i, const Lexicon& lexicon, Tok* t) {
  size_t j = i;
  long v = 0;
  while (j < s.size() && text::IsAsciiDigit(s[j])) {
    if (j - i < 9) v = v * 10 + (s[j] - '0');
    ++j;
  }
  t->kind = Kind::kNumber;
  t->digits = static_cast<int>(j - i);
  t->num = t->digits <= 9 ? v : -1;
  t->low.assign(s.substr(i, t->digits));
  if (!lexicon.ordinal_suffixes().empty() && j < s.size() && IsWordByte(s, j) &&
      !text::IsAsciiDigit(s[j])) {
    size_t k = j;
    while (k < s.size() && IsWordByte(s, k) && !text::IsAsciiDigit(s[k])) ++k;
    const std::string suffix = text::LowerAsciiAndLatin1(s.substr(j, k - j));
    for (const std::string& o : lexicon.ordinal_suffixes()) {
      if (suffix == o) {
        t->ordinal = true;
        return k;
      }
    }
  }
  return j;
}

// A word from i: letters and other non-ASCII bytes, "a.m." and "U.S." (single letters joined by
// periods), words of the tables with an apostrophe ("o'clock", "aujourd'hui"), and an elided
// article with its apostrophe ("l'" of "l'année").
size_t ReadWord(std::string_view s, size_t i, const Lexicon& lexicon, Tok* t) {
  size_t j = i;
  while (j < s.size() && IsWordByte(s, j)) ++j;
  if (j - i == 1 && j + 1 < s.size() && s[j] == '.' && text::IsAsciiAlpha(s[j + 1])) {
    while (j + 1 < s.size() && s[j] == '.' && text::IsAsciiAlpha(s[j + 1]) &&
           (j + 2 >= s.size() || !text::IsAsciiAlpha(s[j + 2]))) {
      j += 2;
    }
    if (j < s.size() && s[j] == '.') ++j;
  }
  t->kind = Kind::kWord;
  const unsigned char c = s[i];
  t->cap = (c >= 'A' && c <= 'Z') ||
           (c == 0xC3 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0x80 &&
            static_cast<unsigned char>(s[i + 1]) <= 0x9E);
  t->low = text::LowerAsciiAndLatin1(s.substr(i, j - i));
  if (const size_t apostrophe = ApostropheAt(s, j); apostrophe > 0 && j + apostrophe < s.size() &&
                                                    IsWordByte(s, j + apostrophe) &&
                                                    !lexicon.empty()) {
    const std::vector<std::string>& elisions = lexicon.elisions();
    if (std::find(elisions.begin(), elisions.end(), t->low) != elisions.end()) {
      t->low += '\'';
      return j + apostrophe;
    }
    size_t k = j + apostrophe;
    while (k < s.size() && IsWordByte(s, k)) ++k;
    std::string joined =
        t->low + "'" + text::LowerAsciiAndLatin1(s.substr(j + apostrophe, k - j - apostrophe));
    if (lexicon.Find(joined) != nullptr) {
      t->low = std::move(joined);
      return k;
    }
  }
  return j;
}

// Tokens that together spell a phrase of the tables ("il y a", "v. Chr.") become one word token.
void JoinPhrases(const Lexicon& lexicon, std::vector<Tok>* toks) {
  std::vector<Tok>& in = *toks;
  size_t out = 0;
  for (size_t i = 0; i < in.size();) {
    const std::vector<Lexicon::Phrase>* phrases = in[i].phrases;
    const Lexicon::Phrase* found = nullptr;
    if (phrases != nullptr) {
      for (const Lexicon::Phrase& p : *phrases) {
        if (i + p.pieces.size() > in.size()) continue;
        bool match = true;
        for (size_t k = 1; k < p.pieces.size() && match; ++k) {
          const Tok& t = in[i + k];
          match = t.low == p.pieces[k] && !t.break_before;
        }
        if (match) {
          found = &p;
          break;
        }
      }
    }
    if (found != nullptr) {
      Tok joined = std::move(in[i]);
      joined.end = in[i + found->pieces.size() - 1].end;
      joined.low = found->text;
      joined.kind = Kind::kWord;
      joined.lex = lexicon.Find(found->text);
      joined.phrases = nullptr;
      in[out++] = std::move(joined);
      i += found->pieces.size();
    } else {
      if (out != i) in[out] = std::move(in[i]);
      ++out;
      ++i;
    }
  }
  in.resize(out);
}

}  // namespace

std::vector<Tok> Tokenize(std::string_view s, const Lexicon& lexicon) {
  std::vector<Tok> toks;
  toks.reserve(s.size() / 5 + 4);
  size_t i = 0;
  bool space = true;
  int newlines = 0;
  while (i < s.size()) {
    const unsigned char c = s[i];
    if (text::IsAsciiSpace(c)) {
      space = true;
      if (c == '\n') ++newlines;
      ++i;
      continue;
    }
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
      space = true;  // no-break space
      i += 2;
      continue;
    }
    Tok t;
    t.begin = static_cast<uint32_t>(i);
    t.space_before = space;
    t.break_before = newlines >= 2;
    space = false;
    newlines = 0;
    size_t j;
    if (text::IsAsciiDigit(c)) {
      j = ReadNumber(s, i, lexicon, &t);
    } else if (IsWordByte(s, i)) {
      j = ReadWord(s, i, lexicon, &t);
      if (const Lexicon::Word* w = lexicon.Lookup(t.low)) {
        if (w->known) t.lex = &w->entry;
        if (!w->phrases.empty()) t.phrases = &w->phrases;
      }
    } else {
      j = i + std::min(text::Utf8SequenceLength(c), s.size() - i);
      t.kind = Kind::kPunct;
      t.low.assign(s.substr(i, j - i));
      if (ApostropheAt(s, i) == 3) t.low = "'";
    }
    t.end = static_cast<uint32_t>(j);
    toks.push_back(std::move(t));
    i = j;
  }
  JoinPhrases(lexicon, &toks);
  return toks;
}

}  // namespace newsloom::timex
