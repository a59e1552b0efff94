// Fuzzes HTML extraction: any bytes as a page named "page.html", extracted end to end; what comes
// back must keep its paragraphs inside the body, and a page that fails must say why.
// An input starting with byte 1, 2 or 3 is a generator rather than a page, so that the fuzzer
// reaches the shapes that cost most: the next two bytes give a count N (up to 65,535), the rest is
// a fragment F, and the page is F repeated N times (1: deep nesting when F opens elements),
// one element with N attributes named after F (2), or N blocks holding F (3).
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "extract/extract.h"

namespace {

std::string Generate(uint8_t shape, size_t count, std::string_view fragment) {
  std::string page = "<html><body>";
  switch (shape) {
    case 1:
      for (size_t i = 0; i < count; ++i) page += fragment;
      break;
    case 2:
      page += "<div";
      for (size_t i = 0; i < count; ++i) {
        page += ' ';
        page += fragment;
        page += std::to_string(i);
      }
      page += ">text</div>";
      break;
    default:
      for (size_t i = 0; i < count; ++i) {
        page += "<p>";
        page += fragment;
        page += "</p>";
      }
      break;
  }
  return page + "</body></html>";
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  newsloom::RawPage page;
  page.source = "page.html";
  page.url = "https://example.org/2024/06/19/page";
  page.content_type = "text/html";
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  if (size >= 3 && data[0] >= 1 && data[0] <= 3) {
    const size_t count = static_cast<size_t>(data[1]) << 8 | data[2];
    page.bytes = Generate(data[0], count, input.substr(3, 64));
  } else {
    page.bytes.assign(input);
  }
  auto article = newsloom::extract::Extract(page, nullptr);
  if (article.ok()) {
    for (const auto& p : article->paragraphs) {
      if (p.span.begin > p.span.end || p.span.end > article->body.size()) std::abort();
    }
  } else if (article.status().message().empty()) {
    std::abort();
  }
  return 0;
}
