#include "extract/extract.h"

#include <algorithm>
#include <string>
#include <unordered_set>

#include "extract/charset.h"
#include "extract/dates.h"
#include "extract/html.h"
#include "extract/language.h"
#include "extract/plain_text.h"
#include "extract/publication.h"
#include "extract/site.h"
#include "text/hash.h"
#include "text/normalize.h"

namespace newsloom::extract {
namespace {

bool LooksLikeHtml(const RawPage& page) {
  if (page.content_type == "text/html") return true;
  if (page.content_type == "text/plain") return false;
  std::string head = text::NormalizeForCompare(std::string_view(page.bytes).substr(0, 1024));
  return head.find("<!doctype html") != std::string::npos ||
         head.find("<html") != std::string::npos || head.find("<head") != std::string::npos ||
         head.find("<body") != std::string::npos;
}

std::string PageText(const RawPage& page, bool html) {
  return ToUtf8(page.bytes, html ? DeclaredCharset(page.bytes) : "");
}

}  // namespace

void LineStats::AddPage(const RawPage& page) {
  ++pages_;
  if (LooksLikeHtml(page)) return;  // HTML pages are judged by their DOM, not by lines
  const std::string text = PageText(page, false);
  const uint64_t site = text::Hash64(SiteOf(page.url, page.source));
  ++site_pages_[site];
  std::unordered_set<uint64_t> seen;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string::npos) eol = text.size();
    const std::string key = LineKey(std::string_view(text).substr(pos, eol - pos));
    if (!key.empty() && seen.insert(text::Hash64(key)).second) {
      ++site_pages_with_line_[text::Hash64(key, site)];
    }
    pos = eol + 1;
  }
  for (uint64_t h : seen) ++pages_with_line_[h];
}

std::string LineStats::SiteOf(std::string_view url, std::string_view source) {
  const size_t scheme = url.find("://");
  if (scheme != std::string_view::npos) {
    std::string_view host = url.substr(scheme + 3);
    host = host.substr(0, host.find_first_of("/:?#"));
    if (host.starts_with("www.")) host.remove_prefix(4);
    if (!host.empty()) return text::NormalizeForCompare(host);
  }
  const size_t slash = source.rfind('/');
  return slash == std::string_view::npos ? "" : std::string(source.substr(0, slash));
}

int LineStats::SitePages(std::string_view site) const {
  auto it = site_pages_.find(text::Hash64(site));
  return it == site_pages_.end() ? 0 : it->second;
}

int LineStats::SitePagesWithLine(std::string_view site, std::string_view line) const {
  const std::string key = LineKey(line);
  if (key.empty()) return 0;
  auto it = site_pages_with_line_.find(text::Hash64(key, text::Hash64(site)));
  return it == site_pages_with_line_.end() ? 0 : it->second;
}

int LineStats::PagesWithLine(std::string_view line) const {
  const std::string key = LineKey(line);
  if (key.empty()) return 0;
  auto it = pages_with_line_.find(text::Hash64(key));
  return it == pages_with_line_.end() ? 0 : it->second;
}

namespace {

// A record that carries a title and nothing else (a headline-only JSONL record or feed item) is
// still an article: it joins a story by its title.
bool HeadlineOnly(const RawPage& page) {
  return page.given_title && !text::Trim(*page.given_title).empty() &&
         text::Trim(page.bytes).empty();
}

// The dates, outlet and title decided over everything the page and its container say.
void SettleMetadata(const RawPage& page, std::string_view text, Article* article) {
  DateSignals signals = PageDateSignals(page.given_published, page.fetched_at, article->url, text);
  if (article->published_source == DateSource::kMetadata) {
    signals.metadata = article->published;
    signals.metadata_confidence = article->published_confidence;
  } else if (article->published_source == DateSource::kDateLine) {
    // A "Published ..." line outranks a crawl's date line; an update's stamp does not.
    if (!signals.date_line || article->published_confidence >= signals.date_line_confidence) {
      signals.date_line = article->published;
      signals.date_line_confidence = article->published_confidence;
    }
  }
  signals.masthead = article->masthead_date;
  // Date lines taken out of the body ("Bonn, 11.10.2021") still date the text.
  std::string dated;
  for (const RemovedLine& r : article->removed) {
    if (r.reason == "date" || r.reason == "published-line") dated += r.text + "\n";
  }
  dated += article->body;
  for (const Paragraph& c : article->captions) dated += "\n" + c.text;
  ResolvePublication(signals, dated, article);

  const std::string domain = RegistrableDomain(article->url);
  if (article->outlet.empty()) article->outlet = domain;
  if (page.given_title && !page.given_title->empty()) article->title = *page.given_title;
  article->title = CleanTitle(article->title, article->outlet, domain);
}

}  // namespace

Result<Article> Extract(const RawPage& page, const LineStats* corpus) {
  Article article;
  article.source = page.source;
  article.url = page.url;
  if (page.given_id && !page.given_id->empty()) {
    article.id = *page.given_id;
  } else if (!page.url.empty()) {
    article.id = text::HexId(text::Hash64(page.url));
  } else {
    article.id = text::HexId(text::Hash64(page.bytes));
  }
  const bool html = LooksLikeHtml(page);
  std::string text = PageText(page, html);
  if (!html) {
    // A crawl that writes a page's address as its first line: the address is metadata. The line
    // is blanked rather than cut so that line numbers still count the input's lines.
    const std::string leading_url = LeadingUrl(text);
    if (!leading_url.empty()) {
      if (article.url.empty()) article.url = leading_url;
      const size_t at = text.find(leading_url);
      text.replace(at, leading_url.size(), "");
    }
  }
  if (!HeadlineOnly(page)) {
    Status status =
        html ? ExtractHtml(text, page.url, &article) : ExtractPlainText(text, corpus, &article);
    // A text page whose only words are its headline is a headline-only article too.
    const bool headline = !html && status.code() == Status::Code::kCorrupt &&
                          article.paragraphs.empty() && !article.title.empty();
    if (!status.ok() && !headline) {
      if (status.code() == Status::Code::kCorrupt)
        return Status::Corrupt(page.source + ": " + status.message());
      return status;
    }
  }
  // The language first: the dates of the text are read in it.
  article.language = DetectLanguage(article.title + "\n" + article.body);
  SettleMetadata(page, text, &article);
  if (article.title.empty() && article.body.empty()) {
    return Status::Corrupt(page.source + ": no article text");
  }
  return article;
}

}  // namespace newsloom::extract
