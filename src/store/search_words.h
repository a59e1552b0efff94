// The words of a user's search, as both store backends read them: runs of letters and digits
// (any non-ASCII byte counts as a letter), everything else a separator. Each backend quotes every
// word so that punctuation and query operators stay literal, and requires them all.
#ifndef NEWSLOOM_STORE_SEARCH_WORDS_H_
#define NEWSLOOM_STORE_SEARCH_WORDS_H_

#include <cctype>
#include <string>
#include <string_view>
#include <vector>

#include "newsloom/store.h"

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

// The words a hit's snippet marks: the query's, or with none, the words of the entity names it
// filters by (what both backends then search for).
inline std::vector<std::string> SnippetWords(const SearchQuery& query) {
  std::vector<std::string> words = SearchWords(query.text);
  if (!words.empty()) return words;
  for (const std::string& name : query.entity_names) {
    for (std::string& w : SearchWords(name)) words.push_back(std::move(w));
  }
  return words;
}

}  // namespace newsloom::store

#endif  // NEWSLOOM_STORE_SEARCH_WORDS_H_
