// The words of a user's search, as both store backends read them: runs of letters and digits
// (any non-ASCII byte counts as a letter), everything else a separator. Each backend quotes every
// word so that punctuation and query operators stay literal, and requires them all.
#ifndef NEWSLOOM_STORE_SEARCH_WORDS_H_
#define NEWSLOOM_STORE_SEARCH_WORDS_H_

#include <cctype>
#include <string>
#include <string_view>
#include <vector>

namespace newsloom::store {

inline std::vector<std::string> SearchWords(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || u >= 0x80) {
      word += c;
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

}  // namespace newsloom::store

#endif  // NEWSLOOM_STORE_SEARCH_WORDS_H_
