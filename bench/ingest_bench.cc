// Reader throughput on in-memory inputs of each format (bytes/s and pages/s).
#include <benchmark/benchmark.h>
#include <zlib.h>

#include <random>
#include <string>

#include "ingest/reader.h"

namespace newsloom::ingest {
namespace {

// About 4 KB of news-like text in paragraphs.
std::string PageText(int n) {
  std::mt19937 random(static_cast<unsigned>(n));
  static const char* kWords[] = {"the",   "minister", "said",   "on",      "Tuesday", "that",
                                 "talks", "would",    "resume", "after",   "a",       "storm",
                                 "hit",   "coast",    "and",    "markets", "were",    "calm"};
  std::string text = "Headline number " + std::to_string(n) + "\n\n";
  for (int p = 0; p < 8; ++p) {
    for (int w = 0; w < 80; ++w) {
      text += kWords[random() % std::size(kWords)];
      text += w % 15 == 14 ? ". " : " ";
    }
    text += "\n\n";
  }
  return text;
}

std::string Gzip(const std::string& bytes) {
  z_stream z{};
  deflateInit2(&z, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&z, bytes.size()) + 64, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  z.avail_in = static_cast<uInt>(bytes.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

std::string JsonEscape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '\n') {
      out += "\\n";
    } else if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else {
      out += c;
    }
  }
  return out;
}

std::string WarcRecord(int n, bool gzip) {
  const std::string html =
      "<html><head><title>Page</title></head><body><p>" + PageText(n) + "</p></body></html>";
  const std::string http =
      "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html;
  std::string record =
      "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://example.org/" +
      std::to_string(n) +
      "\r\nWARC-Date: 2024-06-19T10:00:00Z\r\nContent-Length: " + std::to_string(http.size()) +
      "\r\n\r\n" + http + "\r\n\r\n";
  return gzip ? Gzip(record) : record;
}

void Run(benchmark::State& state, const std::string& name, const std::string& input) {
  int64_t pages = 0;
  for (auto _ : state) {
    ReadBytes(
        name, input, {},
        [&](RawPage&& page) {
          benchmark::DoNotOptimize(page.bytes.data());
          ++pages;
        },
        [](Skipped&&) {});
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(input.size()));
  state.counters["pages/s"] =
      benchmark::Counter(static_cast<double>(pages), benchmark::Counter::kIsRate);
}

void BM_ReadPlainText(benchmark::State& state) { Run(state, "page.txt", PageText(1)); }
BENCHMARK(BM_ReadPlainText);

void BM_ReadHtml(benchmark::State& state) {
  Run(state, "page", "<!DOCTYPE html><html><body><p>" + PageText(1) + "</p></body></html>");
}
BENCHMARK(BM_ReadHtml);

void BM_ReadJsonl(benchmark::State& state) {
  std::string input;
  for (int n = 0; n < 100; ++n) {
    input +=
        "{\"id\":\"" + std::to_string(n) + "\",\"text\":\"" + JsonEscape(PageText(n)) + "\"}\n";
  }
  Run(state, "pages.jsonl", input);
}
BENCHMARK(BM_ReadJsonl);

void BM_ReadWarc(benchmark::State& state) {
  std::string input;
  for (int n = 0; n < 100; ++n) input += WarcRecord(n, false);
  Run(state, "crawl.warc", input);
}
BENCHMARK(BM_ReadWarc);

void BM_ReadWarcGz(benchmark::State& state) {
  std::string input;
  for (int n = 0; n < 100; ++n) input += WarcRecord(n, true);
  Run(state, "crawl.warc.gz", input);
}
BENCHMARK(BM_ReadWarcGz);

}  // namespace
}  // namespace newsloom::ingest
