// The site a page belongs to: its outlet, from what the page says or else from the URL's
// registrable domain, and its title without the site's name or a "read more" tail.
#ifndef NEWSLOOM_EXTRACT_SITE_H_
#define NEWSLOOM_EXTRACT_SITE_H_

#include <string>
#include <string_view>

namespace newsloom::extract {

// The registrable domain of a URL's host by the Public Suffix List ("www.bbc.co.uk" ->
// "bbc.co.uk", "uk.news.yahoo.com" -> "yahoo.com"); "" when the URL has no host.
std::string RegistrableDomain(std::string_view url);

// A plain-text page's address when its text opens with one, as some crawls write their pages
// (a first line holding only an http(s) URL); "" otherwise.
std::string LeadingUrl(std::string_view text);

// `title` without the site's name before or after it ("Site: Title", "Title | Site",
// "Title - example.com") and without a trailing "read more". The name is recognised as the
// outlet or the domain (spacing, case and punctuation aside), or, after a strong separator
// (" | ", " :: ", " » "), as a short tail.
std::string CleanTitle(std::string_view title, std::string_view outlet, std::string_view domain);

}  // namespace newsloom::extract

#endif  // NEWSLOOM_EXTRACT_SITE_H_
