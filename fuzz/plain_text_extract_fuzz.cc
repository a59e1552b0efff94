// Fuzzes plain-text extraction: any bytes as a crawled text page, extracted end to end, once alone
// and once with cross-page line counts; paragraphs must stay inside the body and name input lines.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "extract/extract.h"

namespace {

void Check(const newsloom::Result<newsloom::Article>& article, size_t line_count) {
  if (!article.ok()) return;
  for (const auto& p : article->paragraphs) {
    if (p.span.begin > p.span.end || p.span.end > article->body.size()) std::abort();
    if (p.line < 0 || static_cast<size_t>(p.line) > line_count) std::abort();
  }
  if (article->published_confidence < 0 || article->published_confidence > 1) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  newsloom::RawPage page;
  page.source = "page.txt";
  page.content_type = "text/plain";
  page.bytes.assign(reinterpret_cast<const char*>(data), size);
  size_t line_count = 1;
  for (char c : page.bytes) line_count += c == '\n' || c == '\r';  // an upper bound

  Check(newsloom::extract::Extract(page, nullptr), line_count);

  // The same page twice in the batch: every line is then a "repeated" line.
  newsloom::extract::LineStats corpus;
  corpus.AddPage(page);
  corpus.AddPage(page);
  Check(newsloom::extract::Extract(page, &corpus), line_count);
  return 0;
}
