#include "fetch/html_links.h"

#include <libxml/tree.h>

#include <set>
#include <string>

#include "fetch/markup.h"
#include "fetch/url.h"
#include "text/chars.h"

namespace newsloom::fetch {
namespace {

bool HasToken(std::string_view list, std::string_view token) {
  const std::string lower = text::AsciiLower(list);
  size_t start = 0;
  while (start < lower.size()) {
    size_t end = lower.find_first_of(" \t\n\r\f", start);
    if (end == std::string::npos) end = lower.size();
    if (std::string_view(lower).substr(start, end - start) == token) return true;
    start = end + 1;
  }
  return false;
}

bool IsFeedType(std::string_view type) {
  std::string t = text::AsciiLower(type.substr(0, type.find(';')));
  while (!t.empty() && t.back() == ' ') t.pop_back();
  return t == "application/rss+xml" || t == "application/atom+xml" || t == "application/rdf+xml" ||
         t == "application/feed+json" || t == "application/json" || t == "text/xml" ||
         t == "application/xml";
}

std::vector<std::string> PathSegments(std::string_view url) {
  std::string path = PathAndQueryOf(url);
  path = path.substr(0, path.find('?'));
  std::vector<std::string> segments;
  size_t start = 1;
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    if (end > start) segments.push_back(text::AsciiLower(path.substr(start, end - start)));
    start = end + 1;
  }
  return segments;
}

std::string_view Extension(std::string_view segment) {
  const size_t dot = segment.rfind('.');
  return dot == std::string_view::npos ? std::string_view() : segment.substr(dot + 1);
}

bool IsFileExtension(std::string_view ext) {
  static const std::set<std::string_view> kFiles = {
      "jpg",  "jpeg", "png",  "gif",  "webp",  "svg", "ico",  "bmp",  "tif",  "tiff",
      "avif", "css",  "js",   "json", "xml",   "rss", "atom", "rdf",  "pdf",  "zip",
      "gz",   "tgz",  "rar",  "7z",   "mp3",   "mp4", "m4a",  "m3u8", "webm", "ogg",
      "wav",  "avi",  "mov",  "woff", "woff2", "ttf", "eot",  "txt",  "csv",  "doc",
      "docx", "xls",  "xlsx", "ppt",  "pptx",  "exe", "dmg",  "apk",  "epub"};
  return kFiles.count(ext) > 0;
}

// Path segments that name a part of the site rather than an article.
bool IsSectionWord(std::string_view segment) {
  static const std::set<std::string_view> kWords = {
      "tag",        "tags",          "topic",
      "topics",     "category",      "categories",
      "author",     "authors",       "profile",
      "profiles",   "search",        "login",
      "logout",     "signin",        "sign-in",
      "signup",     "sign-up",       "register",
      "subscribe",  "subscription",  "subscriptions",
      "account",    "newsletter",    "newsletters",
      "about",      "about-us",      "contact",
      "contact-us", "privacy",       "privacy-policy",
      "terms",      "terms-of-use",  "terms-of-service",
      "cookies",    "cookie-policy", "imprint",
      "impressum",  "feed",          "feeds",
      "rss",        "advertise",     "careers",
      "jobs",       "help",          "faq",
      "sitemap",    "wp-admin",      "wp-login.php",
      "cart",       "shop",          "page",
      "print",      "share"};
  return kWords.count(segment) > 0;
}

bool HasDate(const std::vector<std::string>& segments) {
  auto number = [](std::string_view s) {
    int v = 0;
    for (char c : s) {
      if (!text::IsAsciiDigit(c)) return -1;
      v = v * 10 + (c - '0');
    }
    return s.empty() ? -1 : v;
  };
  for (size_t i = 0; i < segments.size(); ++i) {
    const std::string& s = segments[i];
    // /2024/06/ or /2024/6/
    if (s.size() == 4 && number(s) >= 1990 && number(s) <= 2100 && i + 1 < segments.size() &&
        segments[i + 1].size() <= 2) {
      const int month = number(segments[i + 1]);
      if (month >= 1 && month <= 12) return true;
    }
    // 2024-06-14 inside a segment
    for (size_t p = 0; p + 10 <= s.size(); ++p) {
      const std::string_view v = std::string_view(s).substr(p, 10);
      const int year = number(v.substr(0, 4)), month = number(v.substr(5, 2)),
                day = number(v.substr(8, 2));
      if (v[4] == '-' && v[7] == '-' && year >= 1990 && year <= 2100 && month >= 1 && month <= 12 &&
          day >= 1 && day <= 31) {
        return true;
      }
    }
  }
  return false;
}

bool HasLongNumber(const std::vector<std::string>& segments) {
  for (const std::string& s : segments) {
    size_t run = 0;
    for (char c : s) {
      run = text::IsAsciiDigit(c) ? run + 1 : 0;
      if (run >= 5) return true;
    }
  }
  return false;
}

bool IsSlug(std::string_view segment) {
  const std::string_view ext = Extension(segment);
  if (!ext.empty()) segment.remove_suffix(ext.size() + 1);
  size_t words = 0;
  size_t start = 0;
  while (start <= segment.size()) {
    size_t end = segment.find_first_of("-_", start);
    if (end == std::string_view::npos) end = segment.size();
    const std::string_view word = segment.substr(start, end - start);
    bool has_letter = false;
    for (char c : word) has_letter = has_letter || (c >= 'a' && c <= 'z') || (c & 0x80);
    if (has_letter) ++words;
    start = end + 1;
  }
  return words >= 4 || (words >= 3 && segment.size() >= 20);
}

}  // namespace

bool LooksLikeArticleUrl(std::string_view url, std::string_view page_url) {
  const Result<std::string> canonical = CanonicalUrl(url);
  const Result<std::string> page = CanonicalUrl(page_url);
  if (!canonical.ok() || !page.ok() || *canonical == *page) return false;
  if (!SameSite(HostOf(url), HostOf(page_url))) return false;
  const std::vector<std::string> segments = PathSegments(url);
  if (segments.empty()) return false;
  if (IsFileExtension(Extension(segments.back()))) return false;
  for (const std::string& segment : segments) {
    if (IsSectionWord(segment)) return false;
  }
  return HasDate(segments) || HasLongNumber(segments) || IsSlug(segments.back());
}

FrontPage ReadFrontPage(std::string_view html, std::string_view page_url, size_t max_links) {
  FrontPage out;
  markup::Doc doc = markup::ParseHtml(html, page_url);
  if (doc == nullptr) return out;
  const xmlNode* root = xmlDocGetRootElement(doc.get());
  std::set<std::string> feeds_seen, links_seen;
  for (const xmlNode* n = root; n != nullptr; n = markup::NextNode(n, root)) {
    if (markup::IsElement(n, "link")) {
      const std::string rel = markup::Attribute(n, "rel");
      const std::string href = markup::ResolveHref(n, markup::Attribute(n, "href"));
      if (href.empty()) continue;
      if (HasToken(rel, "canonical") && out.canonical.empty()) {
        out.canonical = href;
      } else if (HasToken(rel, "alternate") && IsFeedType(markup::Attribute(n, "type")) &&
                 text::AsciiLower(markup::Attribute(n, "title")).find("comment") ==
                     std::string::npos &&
                 feeds_seen.insert(href).second) {
        out.feeds.push_back(href);
      }
    } else if (markup::IsElement(n, "a") && out.article_links.size() < max_links) {
      const std::string href = markup::ResolveHref(n, markup::Attribute(n, "href"));
      if (href.empty() || !LooksLikeArticleUrl(href, page_url)) continue;
      const Result<std::string> key = CanonicalUrl(href);
      if (key.ok() && links_seen.insert(*key).second) {
        out.article_links.push_back({href, markup::NodeText(n, 300)});
      }
    }
  }
  return out;
}

std::string CanonicalLinkOf(std::string_view html, std::string_view page_url) {
  markup::Doc doc = markup::ParseHtml(html, page_url);
  if (doc == nullptr) return "";
  const xmlNode* root = xmlDocGetRootElement(doc.get());
  for (const xmlNode* n = root; n != nullptr; n = markup::NextNode(n, root)) {
    if (markup::IsElement(n, "link") && HasToken(markup::Attribute(n, "rel"), "canonical")) {
      const std::string href = markup::ResolveHref(n, markup::Attribute(n, "href"));
      if (!href.empty()) return href;
    }
  }
  return "";
}

}  // namespace newsloom::fetch
