// Character classes and case mapping that every stage shares: ASCII tests for protocol text and
// number syntax, where folding beyond ASCII would be wrong, and the cheap UTF-8 steps that do not
// need ICU. Full Unicode case folding of words is text::NormalizeWord (segment.h).
#ifndef NEWSLOOM_TEXT_CHARS_H_
#define NEWSLOOM_TEXT_CHARS_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace newsloom::text {

constexpr bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
constexpr bool IsAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }
constexpr bool IsAsciiLower(char c) { return c >= 'a' && c <= 'z'; }
constexpr bool IsAsciiAlpha(char c) { return IsAsciiUpper(c) || IsAsciiLower(c); }
constexpr bool IsAsciiAlnum(char c) { return IsAsciiAlpha(c) || IsAsciiDigit(c); }
// Space, tab, line feed, carriage return, form feed, vertical tab.
constexpr bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

constexpr char AsciiLower(char c) { return IsAsciiUpper(c) ? static_cast<char>(c - 'A' + 'a') : c; }

// `s` with A-Z lower-cased; every other byte kept.
inline std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = AsciiLower(c);
  return out;
}

inline bool EqualsIgnoreAsciiCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (AsciiLower(a[i]) != AsciiLower(b[i])) return false;
  }
  return true;
}

// `s` without leading and trailing spaces and control characters (bytes up to 0x20).
inline std::string_view TrimAscii(std::string_view s) {
  while (!s.empty() && static_cast<unsigned char>(s.front()) <= ' ') s.remove_prefix(1);
  while (!s.empty() && static_cast<unsigned char>(s.back()) <= ' ') s.remove_suffix(1);
  return s;
}

// Bytes of the UTF-8 sequence that `lead` starts (1 for ASCII and stray continuation bytes).
constexpr size_t Utf8SequenceLength(char lead) {
  const auto c = static_cast<unsigned char>(lead);
  return c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
}

// `s` with ASCII and the Latin-1 letters lower-cased ("Février ÉTÉ" -> "février été"); other bytes
// kept. A cheap fold for word tables written in lower case; NormalizeWord folds all of Unicode.
std::string LowerAsciiAndLatin1(std::string_view s);

}  // namespace newsloom::text

#endif  // NEWSLOOM_TEXT_CHARS_H_
