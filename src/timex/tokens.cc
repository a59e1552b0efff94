#include "timex/tokens.h"

#include <algorithm>

namespace newsloom::timex {
namespace {

bool IsAlpha(unsigned char c) { return (c | 32) >= 'a' && (c | 32) <= 'z'; }
bool IsSpace(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Bytes of a UTF-8 sequence from its lead byte (1 for stray continuation bytes).
size_t SeqLen(unsigned char c) {
  if (c < 0xC0) return 1;
  if (c < 0xE0) return 2;
  if (c < 0xF0) return 3;
  return 4;
}

// U+2000..U+206F (dashes, quotes, ellipsis) are punctuation; other non-ASCII letters join words.
bool IsUnicodePunct(std::string_view s, size_t i) {
  return static_cast<unsigned char>(s[i]) == 0xE2 && i + 1 < s.size() &&
         static_cast<unsigned char>(s[i + 1]) == 0x80;
}

bool IsWordByte(std::string_view s, size_t i) {
  const unsigned char c = s[i];
  if (c < 0x80) return IsAlpha(c);
  return !IsUnicodePunct(s, i) &&
         !(c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0);
}

}  // namespace

std::vector<Tok> Tokenize(std::string_view s) {
  std::vector<Tok> toks;
  toks.reserve(s.size() / 5 + 4);
  size_t i = 0;
  bool space = true;
  int newlines = 0;
  while (i < s.size()) {
    const unsigned char c = s[i];
    if (IsSpace(c)) {
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
    size_t j = i;
    if (IsDigit(c)) {
      long v = 0;
      while (j < s.size() && IsDigit(s[j])) {
        if (j - i < 9) v = v * 10 + (s[j] - '0');
        ++j;
      }
      t.kind = Kind::kNumber;
      t.digits = static_cast<int>(j - i);
      t.num = t.digits <= 9 ? v : -1;
      if (j + 1 < s.size()) {
        const char a = static_cast<char>(s[j] | 32), b = static_cast<char>(s[j + 1] | 32);
        const bool alone = j + 2 >= s.size() || !IsAlpha(s[j + 2]);
        if (alone && ((a == 's' && b == 't') || (a == 'n' && b == 'd') || (a == 'r' && b == 'd') ||
                      (a == 't' && b == 'h'))) {
          t.ordinal = true;
          j += 2;
        }
      }
      t.low.assign(s.substr(i, t.digits));
    } else if (IsWordByte(s, i)) {
      while (j < s.size() && IsWordByte(s, j)) ++j;
      // "a.m.", "p.m.", "U.S.": single letters joined by periods are one word.
      if (j - i == 1 && j + 1 < s.size() && s[j] == '.' && IsAlpha(s[j + 1])) {
        while (j + 1 < s.size() && s[j] == '.' && IsAlpha(s[j + 1]) &&
               (j + 2 >= s.size() || !IsAlpha(s[j + 2]))) {
          j += 2;
        }
        if (j < s.size() && s[j] == '.') ++j;
      }
      // "o'clock"
      if (j - i == 1 && (c | 32) == 'o' && j + 1 < s.size() && s[j] == '\'' && IsAlpha(s[j + 1])) {
        j += 1;
        while (j < s.size() && IsAlpha(s[j])) ++j;
      }
      t.kind = Kind::kWord;
      t.cap = c >= 'A' && c <= 'Z';
      t.low.resize(j - i);
      for (size_t k = i; k < j; ++k) {
        const unsigned char b = s[k];
        t.low[k - i] = static_cast<char>(b >= 'A' && b <= 'Z' ? b | 32 : b);
      }
      t.lex = LookUp(t.low);
    } else {
      j = i + std::min(SeqLen(c), s.size() - i);
      t.kind = Kind::kPunct;
      t.low.assign(s.substr(i, j - i));
    }
    t.end = static_cast<uint32_t>(j);
    toks.push_back(std::move(t));
    i = j;
  }
  return toks;
}

}  // namespace newsloom::timex
