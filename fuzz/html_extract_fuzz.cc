// Fuzzes HTML extraction: any bytes as a page named "page.html", extracted end to end; what comes
// back must keep its paragraphs inside the body.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "extract/extract.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  newsloom::RawPage page;
  page.source = "page.html";
  page.url = "https://example.org/2024/06/19/page";
  page.content_type = "text/html";
  page.bytes.assign(reinterpret_cast<const char*>(data), size);
  auto article = newsloom::extract::Extract(page, nullptr);
  if (article.ok()) {
    for (const auto& p : article->paragraphs) {
      if (p.span.begin > p.span.end || p.span.end > article->body.size()) std::abort();
    }
  }
  return 0;
}
