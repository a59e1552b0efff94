// The sources a user names: URLs, and files listing them (one a line, or an OPML export of a
// feed reader).
#ifndef NEWSLOOM_SOURCE_LIST_H_
#define NEWSLOOM_SOURCE_LIST_H_

#include <string>
#include <string_view>
#include <vector>

namespace newsloom::fetch {

struct SourceList {
  std::vector<std::string> urls;      // absolute http(s) URLs, in order, without repeats
  std::vector<std::string> problems;  // "NAME:LINE: reason" for what could not be read
};

// Reads a list of sources named `name`: an OPML document gives the xmlUrl of its outlines;
// otherwise one source a line, '#' starting a comment, blank lines skipped, a bare host or path
// without a scheme ("example.com/feed") read as https.
SourceList ParseSourceList(std::string_view text, std::string_view name);

// Each argument is an http(s) URL, or a file that ParseSourceList reads. Files that cannot be read
// are reported in `problems`.
SourceList ExpandSources(const std::vector<std::string>& arguments);

}  // namespace newsloom::fetch

#endif  // NEWSLOOM_SOURCE_LIST_H_
