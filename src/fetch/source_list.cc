#include "newsloom/source_list.h"

#include <fstream>
#include <set>
#include <sstream>

#include "fetch/feed.h"
#include "fetch/url.h"
#include "text/chars.h"
#include "text/lines.h"

namespace newsloom::fetch {
namespace {

constexpr size_t kMaxListBytes = 16u << 20;

bool HasScheme(std::string_view s) {
  const size_t colon = s.find("://");
  return colon != std::string_view::npos && s.find_first_of("/?#") > colon;
}

class Collector {
 public:
  explicit Collector(SourceList* out) : out_(out) {}
  // Adds `url` unless it is a repeat; returns the reason when it is not an http(s) URL.
  std::string Add(std::string_view text) {
    std::string url(text);
    if (!HasScheme(url)) url = "https://" + url;
    const Result<std::string> key = CanonicalUrl(url);
    if (!key.ok()) return key.status().message();
    if (seen_.insert(*key).second) out_->urls.push_back(url);
    return "";
  }

 private:
  SourceList* out_;
  std::set<std::string> seen_;
};

}  // namespace

SourceList ParseSourceList(std::string_view text, std::string_view name) {
  SourceList out;
  Collector collector(&out);
  if (text.substr(0, 3) == "\xef\xbb\xbf") text.remove_prefix(3);
  const std::string_view head = text::TrimAscii(text.substr(0, 1024));
  if (!head.empty() && head.front() == '<') {
    Result<ParsedDocument> doc = ParseDocument(
        text, "text/xml", "",
        ParseOptions{.max_bytes = kMaxListBytes, .max_items = 0, .max_children = 100000});
    if (!doc.ok() || doc->kind != DocumentKind::kOpml) {
      out.problems.push_back(std::string(name) + ": not an OPML list" +
                             (doc.ok() ? "" : " (" + doc.status().message() + ")"));
      return out;
    }
    for (const std::string& url : doc->children) collector.Add(url);
    return out;
  }
  size_t line_number = 0;
  for (std::string_view line : text::SplitLines(text)) {
    ++line_number;
    // '#' starts a comment at the start of a line or after a space: URLs may hold '#'.
    line = text::TrimAscii(line.substr(0, line.find('#') == 0 ? 0 : line.find(" #")));
    if (line.empty()) continue;
    const std::string reason = collector.Add(line);
    if (!reason.empty()) {
      out.problems.push_back(std::string(name) + ":" + std::to_string(line_number) + ": " + reason);
    }
  }
  return out;
}

SourceList ExpandSources(const std::vector<std::string>& arguments) {
  SourceList out;
  Collector collector(&out);
  for (const std::string& argument : arguments) {
    if (HasScheme(argument)) {
      const std::string reason = collector.Add(argument);
      if (!reason.empty()) out.problems.push_back(argument + ": " + reason);
      continue;
    }
    std::ifstream file(argument, std::ios::binary);
    if (!file) {
      out.problems.push_back(argument + ": neither a URL nor a readable file");
      continue;
    }
    std::string text(kMaxListBytes + 1, '\0');
    file.read(text.data(), static_cast<std::streamsize>(text.size()));
    text.resize(static_cast<size_t>(file.gcount()));
    if (text.size() > kMaxListBytes) {
      out.problems.push_back(argument + ": larger than " + std::to_string(kMaxListBytes) +
                             " bytes");
      continue;
    }
    SourceList listed = ParseSourceList(text, argument);
    for (const std::string& url : listed.urls) collector.Add(url);
    out.problems.insert(out.problems.end(), listed.problems.begin(), listed.problems.end());
  }
  return out;
}

}  // namespace newsloom::fetch
