// Text cut into lines, for the line-based formats the program reads (source lists, robots.txt,
// word tables).
#ifndef NEWSLOOM_TEXT_LINES_H_
#define NEWSLOOM_TEXT_LINES_H_

#include <string_view>
#include <vector>

namespace newsloom::text {

// The lines of `text`: the pieces between the bytes of `breaks`, without them. A break at the very
// end starts no further line, so "a\nb\n" is {"a", "b"}; "" has no lines.
inline std::vector<std::string_view> SplitLines(std::string_view text,
                                                std::string_view breaks = "\n") {
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find_first_of(breaks, start);
    if (end == std::string_view::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

}  // namespace newsloom::text

#endif  // NEWSLOOM_TEXT_LINES_H_
