// Main text and metadata out of a page: boilerplate removal for plain text (line classifier plus
// lines repeated across pages) and for HTML (DOM text and link density); title, subtitle, byline,
// outlet, publication date (telling a template's "today" date from the real one), language.
#ifndef NEWSLOOM_EXTRACT_EXTRACT_H_
#define NEWSLOOM_EXTRACT_EXTRACT_H_

#include <cstdint>
#include <string_view>
#include <unordered_map>

#include "newsloom/article.h"
#include "newsloom/raw_page.h"
#include "newsloom/status.h"

namespace newsloom::extract {

// Counts, for each normalised line, how many pages carry it, over the batch and over each site's
// plain-text pages, so that site-template lines can be told from article lines. Feed it every
// page of a batch before extracting any of them. Not thread-safe for writing; const methods may
// be called concurrently.
class LineStats {
 public:
  void AddPage(const RawPage& page);
  int PagesWithLine(std::string_view line) const;
  int pages() const { return pages_; }

  // A page's site: the host of its URL (without "www."), else the folder of its source, else "".
  static std::string SiteOf(std::string_view url, std::string_view source);
  // Plain-text pages of `site`, and those of them carrying `line`.
  int SitePages(std::string_view site) const;
  int SitePagesWithLine(std::string_view site, std::string_view line) const;

 private:
  std::unordered_map<uint64_t, int> pages_with_line_;
  std::unordered_map<uint64_t, int> site_pages_;
  std::unordered_map<uint64_t, int>
      site_pages_with_line_;  // keyed by the line's hash seeded by the site's
  int pages_ = 0;
};

// Extracts one page. `corpus` may be null (no cross-page evidence). Fails with kCorrupt when the
// page has no text to speak of. Thread-safe.
Result<Article> Extract(const RawPage& page, const LineStats* corpus);

}  // namespace newsloom::extract

#endif  // NEWSLOOM_EXTRACT_EXTRACT_H_
