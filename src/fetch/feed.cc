#include "fetch/feed.h"

#include <libxml/tree.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "fetch/feed_date.h"
#include "fetch/html_links.h"
#include "fetch/markup.h"
#include "fetch/url.h"
#include "ingest/byte_stream.h"
#include "text/chars.h"
#include "text/charset.h"
#include "text/utf8.h"

namespace newsloom::fetch {
namespace {

using markup::IsElement;
using markup::NodeText;
using nlohmann::json;

constexpr size_t kMaxTitleBytes = 500;

bool IsGzip(std::string_view bytes) {
  return bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0x1f &&
         static_cast<unsigned char>(bytes[1]) == 0x8b;
}

Status Gunzip(std::string_view bytes, uint64_t max_bytes, std::string* out) {
  ingest::GzipStream stream(std::make_unique<ingest::MemoryStream>(bytes));
  char buffer[64 * 1024];
  while (true) {
    Result<size_t> n = stream.Read(buffer, sizeof buffer);
    if (!n.ok()) return Status::Corrupt(n.status().message());
    if (*n == 0) return Status::Ok();
    out->append(buffer, *n);
    if (out->size() > max_bytes) {
      return Status::Corrupt("document over the limit of " + std::to_string(max_bytes) +
                             " bytes once inflated");
    }
  }
}

// The encoding of the bytes: a byte-order mark, then the HTTP charset, then the declaration.
std::string ChooseCharset(std::string_view bytes, std::string_view content_type) {
  if (bytes.substr(0, 2) == "\xff\xfe") return "utf-16le";
  if (bytes.substr(0, 2) == "\xfe\xff") return "utf-16be";
  std::string charset = CharsetOf(content_type);
  return charset.empty() ? text::DeclaredCharset(bytes) : charset;
}

// The name of the first element of a markup document, lower-cased and without prefix; "!doctype
// html" counts as "html".
std::string FirstElementName(std::string_view body) {
  size_t pos = 0;
  while ((pos = body.find('<', pos)) != std::string_view::npos) {
    const std::string_view rest = body.substr(pos + 1);
    if (rest.substr(0, 3) == "!--") {
      pos = body.find("-->", pos);
      if (pos == std::string_view::npos) return "";
      continue;
    }
    if (!rest.empty() && (rest[0] == '?' || rest[0] == '!')) {
      if (text::AsciiLower(rest.substr(0, 13)) == "!doctype html") return "html";
      ++pos;
      continue;
    }
    size_t end = 0;
    while (end < rest.size() && rest[end] != ' ' && rest[end] != '>' && rest[end] != '/' &&
           rest[end] != '\t' && rest[end] != '\n' && rest[end] != '\r') {
      ++end;
    }
    std::string name = text::AsciiLower(rest.substr(0, end));
    const size_t colon = name.find(':');
    return colon == std::string::npos ? name : name.substr(colon + 1);
  }
  return "";
}

bool IsHtmlElementName(std::string_view name) {
  return name == "html" || name == "head" || name == "body" || name == "meta" || name == "title" ||
         name == "div" || name == "p" || name == "script";
}

// The first direct child element of `node` named `name`.
const xmlNode* Child(const xmlNode* node, std::string_view name) {
  for (const xmlNode* c = node->children; c != nullptr; c = c->next) {
    if (IsElement(c, name)) return c;
  }
  return nullptr;
}

std::string ChildText(const xmlNode* node, std::string_view name, size_t max_bytes) {
  const xmlNode* child = Child(node, name);
  return child == nullptr ? "" : NodeText(child, max_bytes);
}

// Text of an element that may hold escaped markup (RSS descriptions, Atom type="html").
std::string ChildPlainText(const xmlNode* node, std::string_view name, size_t max_bytes) {
  const xmlNode* child = Child(node, name);
  if (child == nullptr) return "";
  // Escaped markup may be long before its text starts; read generously, then cut.
  return markup::PlainText(NodeText(child, max_bytes * 8 + 4096), max_bytes);
}

std::string FirstDate(const xmlNode* node, std::initializer_list<std::string_view> names) {
  for (std::string_view name : names) {
    if (const xmlNode* child = Child(node, name)) {
      if (auto date = NormalizeFeedDate(NodeText(child, 100))) return *date;
    }
  }
  return "";
}

std::string FirstPlainText(const xmlNode* node, std::initializer_list<std::string_view> names,
                           size_t max_bytes) {
  for (std::string_view name : names) {
    std::string text = ChildPlainText(node, name, max_bytes);
    if (!text.empty()) return text;
  }
  return "";
}

// An RSS 2.0 or RSS 1.0 item. Its URL: feedburner's original link, else <link> (its text, or the
// href of an Atom link), else a permalink <guid>, else the rdf:about of RSS 1.0.
FeedItem ReadRssItem(const xmlNode* item, const ParseOptions& options) {
  FeedItem out;
  for (const char* name : {"origLink", "link"}) {
    for (const xmlNode* c = item->children; c != nullptr && out.url.empty(); c = c->next) {
      if (!IsElement(c, name)) continue;
      std::string href = NodeText(c, 4096);
      if (href.empty()) href = markup::Attribute(c, "href");  // <atom:link href=...>
      out.url = markup::ResolveHref(c, href);
    }
    if (!out.url.empty()) break;
  }
  if (const xmlNode* guid = Child(item, "guid");
      out.url.empty() && guid != nullptr &&
      text::AsciiLower(markup::Attribute(guid, "isPermaLink")) != "false") {
    out.url = markup::ResolveHref(guid, NodeText(guid, 4096));
  }
  if (out.url.empty()) {
    const std::string about = markup::Attribute(item, "about");  // rdf:about of RSS 1.0
    if (!about.empty()) out.url = markup::ResolveHref(item, about);
  }
  out.title = markup::PlainText(ChildText(item, "title", kMaxTitleBytes * 4), kMaxTitleBytes);
  out.published =
      FirstDate(item, {"pubDate", "published", "date", "issued", "updated", "modified"});
  out.summary = FirstPlainText(item, {"description", "summary", "encoded", "content"},
                               options.max_summary_bytes);
  return out;
}

// An Atom entry: the alternate link (an HTML one preferred), else its id when that is a URL.
FeedItem ReadAtomEntry(const xmlNode* entry, const ParseOptions& options) {
  FeedItem out;
  int best = -1;
  for (const xmlNode* c = entry->children; c != nullptr; c = c->next) {
    if (!IsElement(c, "link")) continue;
    const std::string rel = text::AsciiLower(markup::Attribute(c, "rel"));
    const std::string type = text::AsciiLower(markup::Attribute(c, "type"));
    if (!rel.empty() && rel != "alternate") continue;
    const int score = type.empty() || type.find("html") != std::string::npos ? 1 : 0;
    const std::string href = markup::ResolveHref(c, markup::Attribute(c, "href"));
    if (!href.empty() && score > best) {
      out.url = href;
      best = score;
    }
  }
  if (const xmlNode* id = Child(entry, "id"); out.url.empty() && id != nullptr) {
    const std::string text = NodeText(id, 4096);  // often a tag: URI, which names no page
    if (text::AsciiLower(text).rfind("http", 0) == 0) out.url = markup::ResolveHref(id, text);
  }
  out.title = markup::PlainText(ChildText(entry, "title", kMaxTitleBytes * 4), kMaxTitleBytes);
  out.published = FirstDate(entry, {"published", "issued", "updated", "modified", "date"});
  out.summary = FirstPlainText(entry, {"summary", "content"}, options.max_summary_bytes);
  return out;
}

// A sitemap <url>: its location, and the title and date of the news extension, else <lastmod>.
FeedItem ReadSitemapUrl(const xmlNode* url) {
  FeedItem out;
  if (const xmlNode* loc = Child(url, "loc")) {
    out.url = markup::ResolveHref(loc, NodeText(loc, 4096));
  }
  if (const xmlNode* news = Child(url, "news")) {
    out.title = markup::PlainText(ChildText(news, "title", kMaxTitleBytes * 4), kMaxTitleBytes);
    out.published = FirstDate(news, {"publication_date"});
  }
  if (out.published.empty()) out.published = FirstDate(url, {"lastmod"});
  return out;
}

class ChildList {
 public:
  ChildList(ParsedDocument* doc, size_t max) : doc_(doc), max_(max) {}
  void Add(const std::string& url) {
    if (url.empty()) return;
    const Result<std::string> key = CanonicalUrl(url);
    if (!key.ok() || !seen_.insert(*key).second) return;
    ++doc_->total_children;
    if (doc_->children.size() < max_) doc_->children.push_back(url);
  }

 private:
  ParsedDocument* doc_;
  size_t max_;
  std::set<std::string> seen_;
};

ParsedDocument ReadXml(const xmlNode* root, DocumentKind kind, const ParseOptions& options) {
  ParsedDocument doc;
  doc.kind = kind;
  ChildList children(&doc, options.max_children);
  const xmlNode* channel = kind == DocumentKind::kRss ? Child(root, "channel") : nullptr;
  const xmlNode* head = kind == DocumentKind::kOpml ? Child(root, "head") : nullptr;
  const xmlNode* titled = channel != nullptr ? channel : head != nullptr ? head : root;
  doc.title = markup::PlainText(ChildText(titled, "title", kMaxTitleBytes * 4), kMaxTitleBytes);
  if (kind == DocumentKind::kRdf) {
    if (const xmlNode* rdf_channel = Child(root, "channel")) {
      doc.title =
          markup::PlainText(ChildText(rdf_channel, "title", kMaxTitleBytes * 4), kMaxTitleBytes);
    }
  }
  const std::string_view entry_name = kind == DocumentKind::kAtom           ? "entry"
                                      : kind == DocumentKind::kSitemap      ? "url"
                                      : kind == DocumentKind::kSitemapIndex ? "sitemap"
                                      : kind == DocumentKind::kOpml         ? "outline"
                                                                            : "item";
  for (const xmlNode* n = root; n != nullptr;) {
    bool descend = true;
    if (n != root && IsElement(n, entry_name)) {
      switch (kind) {
        case DocumentKind::kSitemapIndex:
          descend = false;
          if (const xmlNode* loc = Child(n, "loc")) {
            children.Add(markup::ResolveHref(loc, NodeText(loc, 4096)));
          }
          break;
        case DocumentKind::kOpml: {  // outlines nest (folders); every one with a feed counts
          std::string feed = markup::Attribute(n, "xmlUrl");
          if (!feed.empty()) children.Add(markup::ResolveHref(n, feed));
          break;
        }
        default:
          descend = false;
          ++doc.total_items;
          if (doc.items.size() < options.max_items) {
            doc.items.push_back(kind == DocumentKind::kAtom      ? ReadAtomEntry(n, options)
                                : kind == DocumentKind::kSitemap ? ReadSitemapUrl(n)
                                                                 : ReadRssItem(n, options));
          }
      }
    }
    n = markup::NextNode(n, root, descend);
  }
  return doc;
}

std::string JsonString(const json& object, const char* key) {
  const auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : "";
}

Result<ParsedDocument> ReadJsonFeed(std::string_view body, std::string_view base_url,
                                    const ParseOptions& options) {
  const json feed = json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (feed.is_discarded()) return Status::Corrupt("unreadable JSON");
  const auto items = feed.is_object() ? feed.find("items") : feed.end();
  if (!feed.is_object() || items == feed.end() || !items->is_array()) {
    return Status::Corrupt("JSON that is not a JSON Feed (no items array)");
  }
  ParsedDocument doc;
  doc.kind = DocumentKind::kJsonFeed;
  doc.title = markup::PlainText(JsonString(feed, "title"), kMaxTitleBytes);
  for (const json& item : *items) {
    if (!item.is_object()) continue;
    ++doc.total_items;
    if (doc.items.size() >= options.max_items) continue;
    FeedItem out;
    for (const char* key : {"url", "external_url", "id"}) {
      const std::string value = JsonString(item, key);
      if (value.empty()) continue;
      Result<std::string> url = ResolveUrl(base_url, value);
      if (url.ok() &&
          (std::string_view(key) != "id" || text::AsciiLower(value).rfind("http", 0) == 0)) {
        out.url = *url;
        break;
      }
    }
    out.title = markup::PlainText(JsonString(item, "title"), kMaxTitleBytes);
    for (const char* key : {"date_published", "date_modified"}) {
      if (auto date = NormalizeFeedDate(JsonString(item, key))) {
        out.published = *date;
        break;
      }
    }
    for (const char* key : {"summary", "content_text", "content_html"}) {
      out.summary = markup::PlainText(JsonString(item, key), options.max_summary_bytes);
      if (!out.summary.empty()) break;
    }
    doc.items.push_back(std::move(out));
  }
  return doc;
}

ParsedDocument ReadHtml(std::string_view body, std::string_view base_url,
                        const ParseOptions& options) {
  ParsedDocument doc;
  doc.kind = DocumentKind::kHtml;
  const FrontPage page = ReadFrontPage(body, base_url, options.max_items);
  ChildList children(&doc, options.max_children);
  for (const std::string& feed : page.feeds) children.Add(feed);
  if (doc.children.empty()) {
    for (const PageLink& link : page.article_links) {
      doc.items.push_back({link.url, markup::PlainText(link.text, kMaxTitleBytes), "", ""});
    }
    doc.total_items = doc.items.size();
  }
  return doc;
}

}  // namespace

std::string_view KindName(DocumentKind kind) {
  switch (kind) {
    case DocumentKind::kRss:
      return "rss";
    case DocumentKind::kRdf:
      return "rdf";
    case DocumentKind::kAtom:
      return "atom";
    case DocumentKind::kJsonFeed:
      return "json-feed";
    case DocumentKind::kSitemap:
      return "sitemap";
    case DocumentKind::kSitemapIndex:
      return "sitemap-index";
    case DocumentKind::kOpml:
      return "opml";
    case DocumentKind::kHtml:
      return "html";
  }
  return "";
}

std::string CharsetOf(std::string_view content_type) {
  const std::string lower = text::AsciiLower(content_type);
  const size_t at = lower.find("charset=");
  if (at == std::string::npos) return "";
  std::string value = lower.substr(at + 8);
  value = value.substr(0, value.find_first_of(";, \t"));
  if (!value.empty() && (value.front() == '"' || value.front() == '\'')) value.erase(0, 1);
  if (!value.empty() && (value.back() == '"' || value.back() == '\'')) value.pop_back();
  return value;
}

bool LooksBinary(std::string_view bytes) {
  const std::string_view head = bytes.substr(0, 4096);
  return head.find('\0') != std::string_view::npos || text::ControlByteShare(head) > 0.05;
}

Result<ParsedDocument> ParseDocument(std::string_view bytes, std::string_view content_type,
                                     std::string_view base_url, const ParseOptions& options) {
  std::string inflated;
  if (IsGzip(bytes)) {
    NEWSLOOM_RETURN_IF_ERROR(Gunzip(bytes, options.max_bytes, &inflated));
    bytes = inflated;
  }
  if (bytes.size() > options.max_bytes) {
    return Status::Corrupt("document of " + std::to_string(bytes.size()) +
                           " bytes, over the limit of " + std::to_string(options.max_bytes));
  }
  const std::string charset = ChooseCharset(bytes, content_type);
  const bool utf16 = charset.rfind("utf-16", 0) == 0;
  if (!utf16 && LooksBinary(bytes)) return Status::Corrupt("binary content");
  const std::string utf8 = text::ToUtf8(bytes, charset);
  std::string_view body = utf8;
  while (!body.empty() && static_cast<unsigned char>(body.front()) <= ' ') body.remove_prefix(1);
  if (body.empty()) return Status::Corrupt("empty document");

  if (body.front() == '{' || body.front() == '[') return ReadJsonFeed(body, base_url, options);
  const std::string first = FirstElementName(body);
  if (IsHtmlElementName(first)) return ReadHtml(body, base_url, options);
  markup::Doc doc = markup::ParseXml(body, base_url);
  const xmlNode* root = doc != nullptr ? xmlDocGetRootElement(doc.get()) : nullptr;
  if (root == nullptr) {
    if (first.empty()) return Status::Corrupt("neither markup nor JSON");
    return Status::Corrupt("unreadable XML");
  }
  const std::string name = text::AsciiLower(markup::LocalName(root));
  if (name == "rss") return ReadXml(root, DocumentKind::kRss, options);
  if (name == "rdf") return ReadXml(root, DocumentKind::kRdf, options);
  if (name == "feed") return ReadXml(root, DocumentKind::kAtom, options);
  if (name == "urlset") return ReadXml(root, DocumentKind::kSitemap, options);
  if (name == "sitemapindex") return ReadXml(root, DocumentKind::kSitemapIndex, options);
  if (name == "opml") return ReadXml(root, DocumentKind::kOpml, options);
  if (name == "html") return ReadHtml(body, base_url, options);
  return Status::Corrupt("not a feed, sitemap or page: root element <" + name + ">");
}

}  // namespace newsloom::fetch
