// What a fetched HTML page says about other URLs: the feeds a front page announces, the links on
// it that look like articles of the same site, and a page's own canonical URL.
#ifndef NEWSLOOM_FETCH_HTML_LINKS_H_
#define NEWSLOOM_FETCH_HTML_LINKS_H_

#include <string>
#include <string_view>
#include <vector>

namespace newsloom::fetch {

struct PageLink {
  std::string url;   // absolute http(s), as linked (not canonicalised)
  std::string text;  // the anchor's text, whitespace collapsed
};

struct FrontPage {
  // <link rel="alternate"> to RSS, Atom or JSON feeds, in document order, without repeats;
  // comment feeds left out.
  std::vector<std::string> feeds;
  // Same-site links that look like articles (LooksLikeArticleUrl), in document order, one per
  // canonical URL.
  std::vector<PageLink> article_links;
  std::string canonical;  // <link rel="canonical"> as an absolute URL, "" when none
};

// Reads an HTML page (UTF-8) fetched from `page_url`, keeping at most `max_links` article links.
FrontPage ReadFrontPage(std::string_view html, std::string_view page_url, size_t max_links);

// The absolute http(s) URL of the page's <link rel="canonical">, "" when it has none.
std::string CanonicalLinkOf(std::string_view html, std::string_view page_url);

// Whether `url`, linked from the front page `page_url`, looks like an article: on the same site
// (registrable domain), not the page itself, not a file such as an image or a stylesheet, not a
// site section (tag, author, search, login, subscription, legal pages, feeds), and either dated
// in its path (/2024/06/14/, 2024-06-14), numbered with a long id (at least 5 digits) or named by
// a slug of several words ("new-bridge-opens-after-two-years").
bool LooksLikeArticleUrl(std::string_view url, std::string_view page_url);

}  // namespace newsloom::fetch

#endif  // NEWSLOOM_FETCH_HTML_LINKS_H_
