// ASCII case and whitespace helpers for the protocol text of live sources (URLs, header values,
// robots.txt keys, element names), where case folding beyond ASCII would be wrong.
#ifndef NEWSLOOM_FETCH_ASCII_H_
#define NEWSLOOM_FETCH_ASCII_H_

#include <string>
#include <string_view>

namespace newsloom::fetch {

inline char AsciiLower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

inline std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = AsciiLower(c);
  return out;
}

inline bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (AsciiLower(a[i]) != AsciiLower(b[i])) return false;
  }
  return true;
}

// `s` without leading and trailing spaces and control characters.
inline std::string_view TrimAscii(std::string_view s) {
  while (!s.empty() && static_cast<unsigned char>(s.front()) <= ' ') s.remove_prefix(1);
  while (!s.empty() && static_cast<unsigned char>(s.back()) <= ' ') s.remove_suffix(1);
  return s;
}

}  // namespace newsloom::fetch

#endif  // NEWSLOOM_FETCH_ASCII_H_
