// Fuzzes the parsers of live sources on one input: as a feed, sitemap, OPML list or front page
// (the first byte picks the Content-Type it arrives with), as robots.txt, as a feed date and as a
// URL. Items must keep their limits and be absolute http(s) URLs; canonical URLs and normalised
// dates must be fixed points.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "fetch/feed.h"
#include "fetch/feed_date.h"
#include "fetch/robots.h"
#include "fetch/url.h"
#include "text/utf8.h"

namespace {

using namespace newsloom::fetch;

void CheckDocument(std::string_view bytes, std::string_view content_type) {
  ParseOptions options;
  options.max_items = 50;
  options.max_children = 10;
  options.max_summary_bytes = 200;
  const auto doc = ParseDocument(bytes, content_type, "https://example.com/feeds/a.xml", options);
  if (!doc.ok()) return;
  if (doc->items.size() > options.max_items || doc->items.size() > doc->total_items) std::abort();
  if (doc->children.size() > options.max_children) std::abort();
  for (const FeedItem& item : doc->items) {
    if (!item.url.empty() && !CanonicalUrl(item.url).ok()) std::abort();
    if (item.summary.size() > options.max_summary_bytes) std::abort();
    for (const std::string* text : {&item.title, &item.summary, &item.published}) {
      if (newsloom::text::FirstInvalidUtf8(*text) != std::string_view::npos) std::abort();
    }
    if (!item.published.empty() && NormalizeFeedDate(item.published) != item.published) {
      std::abort();
    }
  }
  for (const std::string& child : doc->children) {
    if (!CanonicalUrl(child).ok()) std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  static constexpr std::string_view kTypes[] = {
      "", "application/rss+xml", "text/html; charset=windows-1251", "application/feed+json",
      "text/xml; charset=utf-16"};
  const std::string_view type = kTypes[data[0] % std::size(kTypes)];
  const std::string_view bytes(reinterpret_cast<const char*>(data + 1), size - 1);
  CheckDocument(bytes, type);

  const RobotsRules rules = ParseRobots(bytes, "newsloom");
  for (std::string_view path : {"/", "/robots.txt", "/a/b.html?q=1", "/%7Ex/caf%C3%A9"}) {
    rules.Allowed(path);
  }
  if (!rules.Allowed("/robots.txt")) std::abort();

  const std::string_view head = bytes.substr(0, 200);
  if (const auto date = NormalizeFeedDate(head)) {
    if (NormalizeFeedDate(*date) != *date) std::abort();
  }
  if (const auto url = CanonicalUrl(head); url.ok()) {
    const auto again = CanonicalUrl(*url);
    if (!again.ok() || *again != *url) std::abort();
  }
  return 0;
}
