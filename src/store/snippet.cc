#include "store/snippet.h"

#include <algorithm>
#include <cctype>

namespace newsloom::store {

namespace {

// Words shown before the first match, so that it reads in context.
constexpr size_t kWordsBefore = 3;

bool IsWordByte(unsigned char c) { return std::isalnum(c) || c >= 0x80; }

char Lower(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u < 0x80 ? static_cast<char>(std::tolower(u)) : c;
}

bool EqualsLowered(std::string_view text, std::string_view lowered) {
  if (text.size() != lowered.size()) return false;
  for (size_t i = 0; i < text.size(); ++i) {
    if (Lower(text[i]) != lowered[i]) return false;
  }
  return true;
}

struct Word {
  size_t begin, end;
  bool match;
};

}  // namespace

std::string Snippet(std::string_view body, const std::vector<std::string>& query_words,
                    int max_words) {
  std::vector<std::string> wanted;
  for (const std::string& w : query_words) {
    std::string lowered(w.size(), ' ');
    std::transform(w.begin(), w.end(), lowered.begin(), Lower);
    wanted.push_back(std::move(lowered));
  }
  const size_t limit = static_cast<size_t>(std::max(1, max_words));
  // Words up to the first match and one past the window after it (or all, when none matches).
  std::vector<Word> words;
  size_t first_match = std::string_view::npos;
  for (size_t i = 0; i < body.size();) {
    if (!IsWordByte(body[i])) {
      ++i;
      continue;
    }
    size_t end = i;
    while (end < body.size() && IsWordByte(body[end])) ++end;
    const std::string_view text = body.substr(i, end - i);
    const bool match = std::any_of(wanted.begin(), wanted.end(),
                                   [&](const std::string& w) { return EqualsLowered(text, w); });
    if (match && first_match == std::string_view::npos) first_match = words.size();
    words.push_back({i, end, match});
    i = end;
    if (first_match != std::string_view::npos && words.size() > first_match + limit) break;
  }
  if (words.empty()) return "";
  const size_t start =
      first_match == std::string_view::npos ? 0 : first_match - std::min(first_match, kWordsBefore);
  const size_t stop = std::min(words.size(), start + limit);
  std::string out = start > 0 ? "..." : "";
  for (size_t w = start; w < stop; ++w) {
    if (w > start) {
      // What lies between two words, with each run of white space as one space.
      bool space = false;
      for (size_t i = words[w - 1].end; i < words[w].begin; ++i) {
        if (std::isspace(static_cast<unsigned char>(body[i]))) {
          if (!space) out += ' ';
          space = true;
        } else {
          out += body[i];
          space = false;
        }
      }
    }
    const std::string_view text = body.substr(words[w].begin, words[w].end - words[w].begin);
    if (words[w].match) {
      out += '[';
      out += text;
      out += ']';
    } else {
      out += text;
    }
  }
  if (stop < words.size()) out += "...";
  return out;
}

}  // namespace newsloom::store
