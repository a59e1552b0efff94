// The documents a live source serves, recognised by content and read into items: RSS 2.0,
// RSS 1.0 (RDF), Atom 1.0 and JSON Feed 1.1 feeds, sitemaps (with Google's news extension) and
// sitemap indexes, OPML lists of feeds, and HTML front pages.
#ifndef NEWSLOOM_FETCH_FEED_H_
#define NEWSLOOM_FETCH_FEED_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "newsloom/fetch.h"
#include "newsloom/status.h"

namespace newsloom::fetch {

// One entry of a feed or sitemap, or one article link of a front page.
struct FeedItem {
  std::string url;        // absolute http(s); "" when the entry links nowhere (still an item)
  std::string title;      // plain text, "" when none
  std::string published;  // ISO 8601 as NormalizeFeedDate writes it, "" when none or unreadable
  std::string summary;    // plain text (markup removed), "" when none
};

enum class DocumentKind { kRss, kRdf, kAtom, kJsonFeed, kSitemap, kSitemapIndex, kOpml, kHtml };

// "rss", "rdf", "atom", "json-feed", "sitemap", "sitemap-index", "opml", "html".
std::string_view KindName(DocumentKind kind);

struct ParsedDocument {
  DocumentKind kind = DocumentKind::kHtml;
  std::string title;
  std::vector<FeedItem> items;  // in document order, at most max_items
  size_t total_items = 0;       // entries in the document, kept or not
  // Further sources it names, in document order, without repeats: the sitemaps of an index, the
  // feeds of an OPML list, the feeds a front page announces. At most max_children.
  std::vector<std::string> children;
  size_t total_children = 0;
};

// Recognises and reads one fetched document. `content_type` is the HTTP Content-Type (its charset
// decides the encoding, else the document's own declaration; everything is read as UTF-8, see
// text/charset.h). A gzip body (a .xml.gz sitemap) is inflated first. Relative links resolve
// against `base_url`. A front page (kHtml) lists the feeds it announces as children; when it
// announces none, its article links are its items.
// Corrupt, naming the reason, when the bytes are empty, binary, larger than max_bytes, unreadable
// as XML, or a well-formed document of another kind ("not a feed: root element <foo>").
Result<ParsedDocument> ParseDocument(std::string_view bytes, std::string_view content_type,
                                     std::string_view base_url, const ParseOptions& options);

// The charset parameter of a Content-Type header, lower-cased; "" when none.
std::string CharsetOf(std::string_view content_type);

// Whether bytes look binary: a NUL byte or more than 5% control characters in the first 4 KiB.
bool LooksBinary(std::string_view bytes);

}  // namespace newsloom::fetch

#endif  // NEWSLOOM_FETCH_FEED_H_
