// HTML extraction over the development pages (trafilatura evaluation set): the parse alone with
// libxml2 (what extraction uses) and with gumbo (the reference it was chosen over), each on the
// page as it is and on the markup extraction hands the parser (scripts and styles set aside); the
// parse with segmentation and scoring (ExtractHtml); and the whole extraction of a page (charset,
// HTML, metadata, language). Items are pages; bytes are HTML bytes. Fails (exit 1) when the data
// is absent.
#include <benchmark/benchmark.h>
#include <gumbo.h>
#include <zlib.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "extract/extract.h"
#include "extract/html.h"
#include "extract/html_dom.h"
#include "extract/html_source.h"

namespace {

// The bytes of a gzip file, empty when it cannot be read.
std::string ReadGzip(const std::string& path) {
  std::string out;
  gzFile f = gzopen(path.c_str(), "rb");
  if (f == nullptr) return out;
  char buf[1 << 16];
  int n;
  while ((n = gzread(f, buf, sizeof buf)) > 0) out.append(buf, static_cast<size_t>(n));
  gzclose(f);
  return out;
}

const std::vector<newsloom::RawPage>& Pages() {
  static const std::vector<newsloom::RawPage>* const pages = [] {
    auto* out = new std::vector<newsloom::RawPage>;
    const std::filesystem::path root =
        std::filesystem::path(NEWSLOOM_SHARED_DIR) / "data/extraction/trafilatura-eval/html";
    std::vector<std::filesystem::path> files;
    std::error_code ec;
    for (auto it = std::filesystem::directory_iterator(root, ec);
         !ec && it != std::filesystem::directory_iterator(); it.increment(ec)) {
      files.push_back(it->path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& path : files) {
      newsloom::RawPage page;
      page.source = path.string();
      page.content_type = "text/html";
      page.bytes = ReadGzip(path.string());
      if (!page.bytes.empty()) out->push_back(std::move(page));
    }
    if (out->empty()) {
      std::fprintf(stderr, "extract_bench: no HTML pages under %s\n", root.c_str());
      std::exit(1);
    }
    return out;
  }();
  return *pages;
}

size_t TotalBytes() {
  size_t bytes = 0;
  for (const auto& p : Pages()) bytes += p.bytes.size();
  return bytes;
}

// Items and bytes of one pass over the pages (bytes of the pages as they are, for all kernels).
void CountPages(benchmark::State& state) {
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * Pages().size()));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * TotalBytes()));
}

void GumboParse(const std::string& html) {
  GumboOutput* output = gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size());
  benchmark::DoNotOptimize(output);
  gumbo_destroy_output(&kGumboDefaultOptions, output);
}

void Libxml2Parse(const std::string& html) {
  newsloom::extract::HtmlDoc doc = newsloom::extract::ParseHtml(html);
  benchmark::DoNotOptimize(doc.get());
}

void BM_GumboParse(benchmark::State& state) {
  for (auto _ : state) {
    for (const auto& p : Pages()) GumboParse(p.bytes);
  }
  CountPages(state);
}
BENCHMARK(BM_GumboParse)->Unit(benchmark::kMillisecond);

void BM_Libxml2Parse(benchmark::State& state) {
  for (auto _ : state) {
    for (const auto& p : Pages()) Libxml2Parse(p.bytes);
  }
  CountPages(state);
}
BENCHMARK(BM_Libxml2Parse)->Unit(benchmark::kMillisecond);

// PrepareHtml and the parse: what extraction spends before it reads the tree.
void BM_PrepareAndGumboParse(benchmark::State& state) {
  for (auto _ : state) {
    for (const auto& p : Pages()) GumboParse(newsloom::extract::PrepareHtml(p.bytes).markup);
  }
  CountPages(state);
}
BENCHMARK(BM_PrepareAndGumboParse)->Unit(benchmark::kMillisecond);

void BM_PrepareAndLibxml2Parse(benchmark::State& state) {
  for (auto _ : state) {
    for (const auto& p : Pages()) Libxml2Parse(newsloom::extract::PrepareHtml(p.bytes).markup);
  }
  CountPages(state);
}
BENCHMARK(BM_PrepareAndLibxml2Parse)->Unit(benchmark::kMillisecond);

// Parse, segmentation, scoring and metadata; the pages are read as UTF-8 as they are.
void BM_ExtractHtml(benchmark::State& state) {
  const auto& pages = Pages();
  size_t kept = 0;
  for (auto _ : state) {
    for (const auto& p : pages) {
      newsloom::Article article;
      if (newsloom::extract::ExtractHtml(p.bytes, p.url, &article).ok())
        kept += article.body.size();
    }
  }
  benchmark::DoNotOptimize(kept);
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * pages.size()));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * TotalBytes()));
}
BENCHMARK(BM_ExtractHtml)->Unit(benchmark::kMillisecond);

// End to end: charset detection and conversion, HTML, metadata, language (pages per second is
// items_per_second).
void BM_ExtractPages(benchmark::State& state) {
  const auto& pages = Pages();
  size_t ok = 0;
  for (auto _ : state) {
    for (const auto& p : pages) ok += newsloom::extract::Extract(p, nullptr).ok();
  }
  benchmark::DoNotOptimize(ok);
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * pages.size()));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * TotalBytes()));
}
BENCHMARK(BM_ExtractPages)->Unit(benchmark::kMillisecond);

}  // namespace

namespace {

// Generated pages that stress one cost each (pages per second is the inverse of the time per
// page): 200,000 nested <div>s (2.2 MB), 100,000 <p> blocks (2 MB), a tag with 100,000 attributes
// (a page over its budget: the time is that of finding out), 100,000 tiny text lines.
std::string GeneratedPage(int kind) {
  std::string page = "<html><head><title>Generated page</title></head><body>";
  switch (kind) {
    case 0:
      for (int i = 0; i < 200000; ++i) page += "<div>";
      page += "<p>The text at the bottom of the nesting is one sentence long, and it is kept.</p>";
      for (int i = 0; i < 200000; ++i) page += "</div>";
      break;
    case 1:
      for (int i = 0; i < 100000; ++i) page += "<p>A short block of words.</p>";
      break;
    case 2:
      page += "<div";
      for (int i = 0; i < 100000; ++i) page += " a" + std::to_string(i) + "=\"v\"";
      page += ">Text.</div>";
      break;
    default:
      page.clear();
      for (int i = 0; i < 100000; ++i) page += "Line " + std::to_string(i % 7) + "\n";
      return page;
  }
  return page + "</body></html>";
}

void BM_ExtractGenerated(benchmark::State& state) {
  newsloom::RawPage page;
  page.source = "generated";
  page.bytes = GeneratedPage(static_cast<int>(state.range(0)));
  page.content_type = state.range(0) == 3 ? "text/plain" : "text/html";
  for (auto _ : state) benchmark::DoNotOptimize(newsloom::extract::Extract(page, nullptr).ok());
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * page.bytes.size()));
}
BENCHMARK(BM_ExtractGenerated)->DenseRange(0, 3)->Unit(benchmark::kMillisecond);

}  // namespace
