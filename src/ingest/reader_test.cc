#include "ingest/reader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

namespace newsloom::ingest {
namespace {

namespace fs = std::filesystem;
using ::testing::ElementsAre;
using ::testing::Field;
using ::testing::IsEmpty;

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

std::string WarcRecord(const std::string& type, const std::string& uri, const std::string& block,
                       const std::string& content_type = "application/http; msgtype=response") {
  std::string out = "WARC/1.0\r\nWARC-Type: " + type + "\r\nWARC-Target-URI: " + uri +
                    "\r\nWARC-Date: 2024-06-19T10:00:00Z\r\nContent-Type: " + content_type +
                    "\r\nContent-Length: " + std::to_string(block.size()) + "\r\n\r\n";
  return out + block + "\r\n\r\n";
}

std::string HttpResponse(const std::string& status, const std::string& headers,
                         const std::string& body) {
  return "HTTP/1.1 " + status + "\r\n" + headers + "\r\n" + body;
}

// Three records of a news crawl: warcinfo, request and response, then a 404 and a chunked page.
std::vector<std::string> SampleWarcRecords() {
  return {
      WarcRecord("warcinfo", "", "software: test\r\n", "application/warc-fields"),
      WarcRecord("request", "https://example.org/a", "GET /a HTTP/1.1\r\nHost: example.org\r\n\r\n",
                 "application/http; msgtype=request"),
      WarcRecord("response", "https://example.org/a",
                 HttpResponse("200 OK", "Content-Type: text/html; charset=ISO-8859-1\r\n",
                              "<html><body><p>Caf\xE9 news</p></body></html>")),
      WarcRecord("response", "https://example.org/missing",
                 HttpResponse("404 Not Found", "Content-Type: text/html\r\n", "<html></html>")),
      WarcRecord("response", "https://example.org/b",
                 HttpResponse("200 OK", "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\n",
                              "6\r\n<html>\r\n11\r\n<body>Hello</body\r\n1\r\n>\r\n0\r\n\r\n")),
  };
}

class ReaderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("newsloom_reader_test_" + std::to_string(std::random_device{}()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Write(const std::string& name, const std::string& bytes) {
    const fs::path path = dir_ / name;
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << bytes;
    return path.string();
  }

  void Read(const std::vector<std::string>& paths, ReadOptions options = {}) {
    pages_.clear();
    skipped_.clear();
    ASSERT_TRUE(ReadInputs(
                    paths, options, [this](RawPage&& page) { pages_.push_back(std::move(page)); },
                    [this](Skipped&& s) { skipped_.push_back(std::move(s)); })
                    .ok());
  }

  fs::path dir_;
  std::vector<RawPage> pages_;
  std::vector<Skipped> skipped_;
};

TEST_F(ReaderTest, FormatsAreRecognisedByContentAndName) {
  struct Case {
    std::string name;
    std::string bytes;
    std::string content_type;
  };
  const std::vector<Case> cases = {
      {"a.txt", "Title\n\nA paragraph of text.\n", "text/plain"},
      {"noext", "Title\n\nA paragraph of text.\n", "text/plain"},
      {"page.html", "Just text but named html", "text/html"},
      {"page.dat", "<!DOCTYPE html><html><body><p>x</p></body></html>", "text/html"},
      {"frag", "  <div><p>Some paragraph</p></div>", "text/html"},
      {"notes.txt", "<not a tag> but a text starting with a bracket", "text/plain"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    const std::string path = Write(c.name, c.bytes);
    Read({path});
    ASSERT_EQ(pages_.size(), 1u);
    EXPECT_THAT(skipped_, IsEmpty());
    EXPECT_EQ(pages_[0].content_type, c.content_type);
    EXPECT_EQ(pages_[0].bytes, c.bytes);
    EXPECT_EQ(pages_[0].source, path);
  }
}

TEST_F(ReaderTest, JsonlRecordsCarryTheirFields) {
  const std::string path = Write(
      "pages.jsonl",
      "{\"id\":\"a1\",\"url\":\"https://x.org/1\",\"title\":\"T\",\"published\":\"2024-06-19\","
      "\"text\":\"Body one.\"}\n"
      "\n"
      "{\"html\":\"<p>Body two</p>\",\"id\":7}\n"
      "{not json}\n"
      "{\"title\":\"Headline only\",\"fetched_at\":\"2024-06-20T10:00:00Z\"}\n"
      "{\"id\":\"nothing\"}\n");
  Read({path});
  ASSERT_EQ(pages_.size(), 3u);
  EXPECT_EQ(pages_[0].source, path + "#1");
  EXPECT_EQ(pages_[0].given_id, "a1");
  EXPECT_EQ(pages_[0].given_title, "T");
  EXPECT_EQ(pages_[0].given_published, "2024-06-19");
  EXPECT_EQ(pages_[0].url, "https://x.org/1");
  EXPECT_EQ(pages_[0].content_type, "text/plain");
  EXPECT_EQ(pages_[0].bytes, "Body one.");
  EXPECT_EQ(pages_[1].source, path + "#2");
  EXPECT_EQ(pages_[1].given_id, "7");
  EXPECT_EQ(pages_[1].content_type, "text/html");
  EXPECT_EQ(pages_[1].given_title, std::nullopt);
  // A record with a title and no text is a headline-only page.
  EXPECT_EQ(pages_[2].source, path + "#4");
  EXPECT_EQ(pages_[2].given_title, "Headline only");
  EXPECT_EQ(pages_[2].bytes, "");
  EXPECT_EQ(pages_[2].fetched_at, "2024-06-20T10:00:00Z");
  ASSERT_EQ(skipped_.size(), 2u);
  EXPECT_EQ(skipped_[0].source, path + "#3");
  EXPECT_EQ(skipped_[0].reason, "invalid JSON");
  EXPECT_EQ(skipped_[1].source, path + "#5");
  EXPECT_EQ(skipped_[1].reason, "no text or html field");
}

TEST_F(ReaderTest, JsonlIsRecognisedWithoutItsExtension) {
  Read({Write("dump", "{\"text\":\"Body\"}\n{\"text\":\"Other\"}\n")});
  EXPECT_EQ(pages_.size(), 2u);
}

TEST_F(ReaderTest, JsonDocumentsAreReadWhole) {
  const std::string array =
      Write("pages.json", "[\n  {\"id\": \"a\", \"text\": \"One\"},\n  {\"text\": \"Two\"}\n]\n");
  const std::string record = Write("one.json", "{\n  \"title\": \"T\",\n  \"text\": \"Body\"\n}\n");
  const std::string other = Write("answers.json", "{\n  \"pages\": [1, 2, 3]\n}\n");
  Read({array, record, other});
  ASSERT_EQ(pages_.size(), 3u);
  EXPECT_EQ(pages_[0].source, array + "#1");
  EXPECT_EQ(pages_[0].given_id, "a");
  EXPECT_EQ(pages_[1].bytes, "Two");
  EXPECT_EQ(pages_[2].source, record);
  EXPECT_EQ(pages_[2].given_title, "T");
  ASSERT_EQ(skipped_.size(), 1u);
  EXPECT_EQ(skipped_[0].source, other);
  EXPECT_EQ(skipped_[0].reason, "JSON without text or html");
}

void ExpectSampleWarcPages(const std::vector<RawPage>& pages, const std::vector<Skipped>& skipped,
                           const std::string& path) {
  ASSERT_EQ(pages.size(), 2u);
  EXPECT_EQ(pages[0].source, path + "#3");
  EXPECT_EQ(pages[0].url, "https://example.org/a");
  EXPECT_EQ(pages[0].fetched_at, "2024-06-19T10:00:00Z");
  EXPECT_EQ(pages[0].content_type, "text/html; charset=iso-8859-1");
  EXPECT_EQ(pages[0].bytes, "<html><body><p>Caf\xE9 news</p></body></html>");
  EXPECT_EQ(pages[1].source, path + "#5");
  EXPECT_EQ(pages[1].bytes, "<html><body>Hello</body>");
  ASSERT_EQ(skipped.size(), 1u);
  EXPECT_EQ(skipped[0].source, path + "#4");
  EXPECT_EQ(skipped[0].reason, "HTTP status 404");
}

TEST_F(ReaderTest, WarcResponsesBecomePages) {
  std::string warc;
  for (const std::string& record : SampleWarcRecords()) warc += record;
  const std::string path = Write("crawl.warc", warc);
  Read({path});
  ExpectSampleWarcPages(pages_, skipped_, path);
}

TEST_F(ReaderTest, WarcGzWithOneMemberPerRecord) {
  std::string warc;
  for (const std::string& record : SampleWarcRecords()) warc += Gzip(record);
  const std::string path = Write("crawl.warc.gz", warc);
  Read({path});
  ExpectSampleWarcPages(pages_, skipped_, path);
}

TEST_F(ReaderTest, WetConversionRecordsArePlainText) {
  const std::string path =
      Write("crawl.warc.wet", WarcRecord("conversion", "https://example.org/c",
                                         "Title\n\nText of the page.\n", "text/plain"));
  Read({path});
  ASSERT_EQ(pages_.size(), 1u);
  EXPECT_EQ(pages_[0].content_type, "text/plain");
  EXPECT_EQ(pages_[0].url, "https://example.org/c");
}

TEST_F(ReaderTest, GzipAroundPlainTextAndJsonl) {
  Read({Write("a.txt.gz", Gzip("Plain page.\n")), Write("b.jsonl.gz", Gzip("{\"text\":\"x\"}\n"))});
  ASSERT_EQ(pages_.size(), 2u);
  EXPECT_EQ(pages_[0].bytes, "Plain page.\n");
  EXPECT_EQ(pages_[0].content_type, "text/plain");
  EXPECT_EQ(pages_[1].bytes, "x");
  EXPECT_THAT(skipped_, IsEmpty());
}

TEST_F(ReaderTest, DirectoriesAreReadRecursivelyInPathOrder) {
  Write("d/b.txt", "b");
  Write("d/a/z.txt", "az");
  Write("d/a/c.txt", "ac");
  Write("d/.hidden", "hidden");
  Write("d/c.txt", "c");
  Read({(dir_ / "d").string()});
  std::vector<std::string> bytes;
  for (const RawPage& page : pages_) bytes.push_back(page.bytes);
  EXPECT_THAT(bytes, ElementsAre("ac", "az", "b", "c"));
}

// Bad input: each case is reported with its file and reason, and the next input is still read.
struct BadCase {
  std::string name;
  std::string bytes;
  std::string reason;
};

void PrintTo(const BadCase& c, std::ostream* os) { *os << c.name; }

std::string NoisyText(size_t size) {
  std::mt19937 random(7);
  std::string out;
  while (out.size() < size) out += "word" + std::to_string(random() % 100000) + " ";
  return out;
}

class BadInputTest : public ReaderTest, public ::testing::WithParamInterface<BadCase> {};

TEST_P(BadInputTest, IsSkippedWithReasonAndReadingGoesOn) {
  const BadCase& c = GetParam();
  const std::string bad = Write(c.name, c.bytes);
  const std::string good = Write("zz_good.txt", "A good page.\n");
  Read({bad, good});
  ASSERT_EQ(skipped_.size(), 1u);
  EXPECT_EQ(skipped_[0].source, bad);
  EXPECT_EQ(skipped_[0].reason, c.reason);
  ASSERT_EQ(pages_.size(), 1u);
  EXPECT_EQ(pages_[0].source, good);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, BadInputTest,
    ::testing::Values(
        BadCase{"binary.txt",
                std::string("\x7f"
                            "ELF\0\0\0\x01\x02\x03\0\0\0\0 binary",
                            20),
                "binary content"},
        BadCase{"latin1.txt", "Caf\xE9 au lait\n", "invalid UTF-8"},
        BadCase{"empty.txt", "", "empty file"}, BadCase{"blank.txt", " \n\n \n", "empty file"},
        BadCase{"long.txt", "start " + std::string(3u << 20, 'x') + "\nend\n", "line too long"},
        BadCase{"broken.txt.gz", Gzip(NoisyText(100000)).substr(0, 2000), "truncated gzip"},
        BadCase{"garbage.gz",
                std::string("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03") + std::string(64, '\xff'),
                "corrupt gzip"}),
    [](const ::testing::TestParamInfo<BadCase>& info) {
      std::string name;
      for (char c : info.param.name) name += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
      return name;
    });

TEST_F(ReaderTest, MissingPathIsReportedAndReadingGoesOn) {
  const std::string good = Write("good.txt", "Page.\n");
  Read({(dir_ / "nope.txt").string(), good});
  ASSERT_EQ(skipped_.size(), 1u);
  EXPECT_EQ(skipped_[0].reason, "not found");
  EXPECT_EQ(pages_.size(), 1u);
}

TEST_F(ReaderTest, HugeJsonlLineIsSkippedWithoutLosingOtherRecords) {
  // 100 MB on one line, written in pieces so that the test itself stays small in memory.
  const fs::path path = dir_ / "huge.jsonl";
  {
    std::ofstream out(path, std::ios::binary);
    out << "{\"text\":\"first\"}\n{\"text\":\"";
    const std::string piece(1 << 20, 'y');
    for (int i = 0; i < 100; ++i) out << piece;
    out << "\"}\n{\"text\":\"last\"}\n";
  }
  Read({path.string()});
  ASSERT_EQ(pages_.size(), 2u);
  EXPECT_EQ(pages_[0].bytes, "first");
  EXPECT_EQ(pages_[1].bytes, "last");
  EXPECT_EQ(pages_[1].source, path.string() + "#3");
  ASSERT_EQ(skipped_.size(), 1u);
  EXPECT_EQ(skipped_[0].source, path.string() + "#2");
  EXPECT_EQ(skipped_[0].reason, "line too long");
}

TEST_F(ReaderTest, HugePlainTextLineIsSkipped) {
  const fs::path path = dir_ / "huge.txt";
  {
    std::ofstream out(path, std::ios::binary);
    const std::string piece(1 << 20, 'z');
    for (int i = 0; i < 100; ++i) out << piece;
  }
  Read({path.string()});
  EXPECT_THAT(pages_, IsEmpty());
  ASSERT_EQ(skipped_.size(), 1u);
  EXPECT_EQ(skipped_[0].reason, "line too long");
}

TEST_F(ReaderTest, TruncatedWarcGzKeepsTheRecordsBeforeTheDamage) {
  std::string warc;
  const auto records = SampleWarcRecords();
  for (const std::string& record : records) warc += Gzip(record);
  // Cut inside the last member.
  const std::string path = Write("cut.warc.gz", warc.substr(0, warc.size() - 20));
  Read({path});
  ASSERT_EQ(pages_.size(), 1u);
  EXPECT_EQ(pages_[0].source, path + "#3");
  ASSERT_EQ(skipped_.size(), 2u);
  EXPECT_EQ(skipped_[0].reason, "HTTP status 404");
  EXPECT_EQ(skipped_[1].source, path + "#5");
  EXPECT_EQ(skipped_[1].reason, "truncated gzip");
}

TEST_F(ReaderTest, TruncatedWarcKeepsTheRecordsBeforeTheDamage) {
  std::string warc;
  for (const std::string& record : SampleWarcRecords()) warc += record;
  const std::string path = Write("cut.warc", warc.substr(0, warc.size() - 30));
  Read({path});
  ASSERT_EQ(pages_.size(), 1u);
  ASSERT_EQ(skipped_.size(), 2u);
  EXPECT_EQ(skipped_[1].source, path + "#5");
  EXPECT_EQ(skipped_[1].reason, "truncated WARC record");
}

TEST_F(ReaderTest, HtmlInDeclaredLegacyCharsetIsKeptAsBytes) {
  const std::string bytes =
      "<html><head><meta charset=\"windows-1252\"></head><body><p>Caf\xE9</p></body></html>";
  Read({Write("legacy.html", bytes)});
  ASSERT_EQ(pages_.size(), 1u);
  EXPECT_EQ(pages_[0].bytes, bytes);
  EXPECT_THAT(skipped_, IsEmpty());
}

TEST_F(ReaderTest, InvalidUtf8InJsonlIsReported) {
  const std::string path = Write("bad.jsonl", "{\"text\":\"Caf\xE9\"}\n{\"text\":\"ok\"}\n");
  Read({path});
  ASSERT_EQ(pages_.size(), 1u);
  ASSERT_EQ(skipped_.size(), 1u);
  EXPECT_EQ(skipped_[0].source, path + "#1");
}

TEST(ReadBytesTest, ReadsAnInMemoryInput) {
  std::vector<RawPage> pages;
  ASSERT_TRUE(ReadBytes(
                  "mem.jsonl", "{\"text\":\"a\"}\n{\"text\":\"b\"}\n", {},
                  [&](RawPage&& p) { pages.push_back(std::move(p)); }, [](Skipped&&) {})
                  .ok());
  EXPECT_THAT(pages, ElementsAre(Field(&RawPage::bytes, "a"), Field(&RawPage::bytes, "b")));
}

}  // namespace
}  // namespace newsloom::ingest
