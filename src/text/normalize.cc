#include "text/normalize.h"

#include <cstdint>

namespace newsloom::text {
namespace {

// Typographic punctuation that writers and templates use interchangeably with ASCII.
struct Mapping {
  std::string_view from;
  char to;
};
constexpr Mapping kMappings[] = {
    {"\u2018", '\''}, {"\u2019", '\''}, {"\u201a", '\''}, {"\u201b", '\''}, {"\u2032", '\''},
    {"\u201c", '"'},  {"\u201d", '"'},  {"\u201e", '"'},  {"\u00ab", '"'},  {"\u00bb", '"'},
    {"\u2013", '-'},  {"\u2014", '-'},  {"\u2212", '-'},  {"\u00a0", ' '},  {"\u2009", ' '},
    {"\u202f", ' '},  {"\u200b", ' '},
};

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

}  // namespace

std::string NormalizeForCompare(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pending_space = false;
  size_t i = 0;
  while (i < s.size()) {
    char c = s[i];
    size_t advance = 1;
    if (static_cast<unsigned char>(c) >= 0x80) {
      for (const Mapping& m : kMappings) {
        if (s.substr(i, m.from.size()) == m.from) {
          c = m.to;
          advance = m.from.size();
          break;
        }
      }
    }
    if (IsSpace(c)) {
      pending_space = !out.empty();
      i += advance;
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    if (advance == 1 && static_cast<unsigned char>(c) >= 0x80) {
      out.push_back(c);
    } else {
      out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    }
    i += advance;
  }
  return out;
}

std::vector<std::string> Words(std::string_view s) {
  std::vector<std::string> words;
  std::string norm = NormalizeForCompare(s);
  std::string cur;
  for (char c : norm) {
    const auto u = static_cast<unsigned char>(c);
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '\'' || u >= 0x80) {
      cur.push_back(c);
    } else if (!cur.empty()) {
      words.push_back(std::move(cur));
      cur.clear();
    }
  }
  if (!cur.empty()) words.push_back(std::move(cur));
  return words;
}

std::string_view Trim(std::string_view s) {
  auto starts_nbsp = [](std::string_view v) { return v.substr(0, 2) == "\xc2\xa0"; };
  auto ends_nbsp = [](std::string_view v) {
    return v.size() >= 2 && v.substr(v.size() - 2) == "\xc2\xa0";
  };
  while (!s.empty()) {
    if (IsSpace(s.front())) {
      s.remove_prefix(1);
    } else if (starts_nbsp(s)) {
      s.remove_prefix(2);
    } else {
      break;
    }
  }
  while (!s.empty()) {
    if (IsSpace(s.back())) {
      s.remove_suffix(1);
    } else if (ends_nbsp(s)) {
      s.remove_suffix(2);
    } else {
      break;
    }
  }
  return s;
}

}  // namespace newsloom::text
