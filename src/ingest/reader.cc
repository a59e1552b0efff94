#include "ingest/reader.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string_view>
#include <system_error>

#include "ingest/byte_stream.h"
#include "text/chars.h"
#include "text/utf8.h"

namespace newsloom::ingest {

namespace {

namespace fs = std::filesystem;

constexpr size_t kSniffBytes = 64 << 10;
constexpr size_t kMaxHeaderLine = 64 << 10;
constexpr int kMaxGzipNesting = 3;

struct Context {
  const ReadOptions& options;
  const std::function<void(RawPage&&)>& sink;
  const std::function<void(Skipped&&)>& skip;

  void Skip(const std::string& source, std::string reason) const {
    skip(Skipped{source, std::move(reason)});
  }
};

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

bool IsBlank(std::string_view s) { return Trim(s).empty(); }

bool IsGzip(std::string_view head) {
  return head.size() >= 2 && static_cast<unsigned char>(head[0]) == 0x1f &&
         static_cast<unsigned char>(head[1]) == 0x8b;
}

bool LooksBinary(std::string_view head) {
  return head.find('\0') != std::string_view::npos || text::ControlByteShare(head) > 0.05;
}

// kJsonl covers JSON documents too (see ReadStream).
enum class Format { kText, kHtml, kJsonl, kWarc };

// The format of a stream, from its first bytes and, where they leave room for doubt, its name.
Format Sniff(std::string_view name, std::string_view head) {
  if (head.substr(0, 5) == "WARC/") return Format::kWarc;
  const std::string lower_name = text::AsciiLower(name);
  std::string_view body = head;
  if (body.substr(0, 3) == "\xEF\xBB\xBF") body.remove_prefix(3);
  body = Trim(body);
  const bool html_name = EndsWith(lower_name, ".html") || EndsWith(lower_name, ".htm") ||
                         EndsWith(lower_name, ".xhtml");
  const bool text_name = EndsWith(lower_name, ".txt");
  const bool jsonl_name = EndsWith(lower_name, ".jsonl") || EndsWith(lower_name, ".ndjson");
  if (jsonl_name || EndsWith(lower_name, ".json")) return Format::kJsonl;
  if (!html_name && !text_name && !body.empty()) {
    if (body.front() == '{') return Format::kJsonl;
    // An array of records.
    if (body.front() == '[' && Trim(body.substr(1)).substr(0, 1) == "{") return Format::kJsonl;
  }
  if (html_name) return Format::kHtml;
  if (!body.empty() && body.front() == '<') {
    const std::string start = text::AsciiLower(body.substr(0, 4096));
    for (const char* tag : {"<!doctype html", "<html", "<head", "<body", "<meta", "<title", "<div",
                            "<p>", "<p ", "<article", "<!--"}) {
      if (start.find(tag) != std::string::npos) return Format::kHtml;
    }
  }
  return Format::kText;
}

// Reads a whole single-page stream, up to the page size limit; for plain text also enforces the
// line length limit as it goes, so that a huge line is never read in full.
Status ReadPageBytes(BufferedReader& reader, const ReadOptions& options, bool check_lines,
                     std::string* out) {
  out->clear();
  std::string chunk(64 << 10, '\0');
  uint64_t line_length = 0;
  for (;;) {
    auto n = reader.Read(chunk.data(), chunk.size());
    if (!n.ok()) return n.status();
    if (*n == 0) return Status::Ok();
    if (out->size() + *n > options.max_page_bytes) return Status::InvalidArgument("page too large");
    if (check_lines) {
      for (size_t i = 0; i < *n; ++i) {
        if (chunk[i] == '\n') {
          line_length = 0;
        } else if (++line_length > options.max_line_bytes) {
          return Status::InvalidArgument("line too long");
        }
      }
    }
    out->append(chunk.data(), *n);
  }
}

// Checks a plain-text page and hands it on, or reports why not.
void EmitText(const Context& ctx, RawPage page) {
  if (IsBlank(page.bytes)) return ctx.Skip(page.source, "empty page");
  if (LooksBinary(std::string_view(page.bytes).substr(0, kSniffBytes))) {
    return ctx.Skip(page.source, "binary content");
  }
  if (text::FirstInvalidUtf8(page.bytes) != std::string::npos) {
    return ctx.Skip(page.source, "invalid UTF-8");
  }
  ctx.sink(std::move(page));
}

void EmitHtml(const Context& ctx, RawPage page) {
  if (IsBlank(page.bytes)) return ctx.Skip(page.source, "empty page");
  if (LooksBinary(std::string_view(page.bytes).substr(0, kSniffBytes))) {
    return ctx.Skip(page.source, "binary content");
  }
  // Bytes stay as they are: a page in a declared legacy charset is converted by extraction.
  ctx.sink(std::move(page));
}

// One JSONL record (or JSON array element): {"id", "url", "title", "published", "fetched_at",
// "text" or "html"}; a record with a title and no text is a headline-only page.
void EmitJsonRecord(const Context& ctx, const std::string& record_source,
                    const nlohmann::json& json) {
  if (!json.is_object()) return ctx.Skip(record_source, "invalid JSON");
  auto text_field = [&json](const char* key) -> std::optional<std::string> {
    auto it = json.find(key);
    if (it == json.end() || it->is_null()) return std::nullopt;
    if (it->is_string()) return it->get<std::string>();
    if (it->is_number_integer()) return std::to_string(it->get<int64_t>());
    return std::nullopt;
  };
  const auto text = text_field("text");
  const auto html = text_field("html");
  RawPage page;
  page.source = record_source;
  page.given_id = text_field("id");
  page.given_title = text_field("title");
  page.given_published = text_field("published");
  page.url = text_field("url").value_or("");
  page.fetched_at = text_field("fetched_at").value_or("");
  const bool has_title = page.given_title && !IsBlank(*page.given_title);
  if (!html && (!text || IsBlank(*text))) {
    // A headline-only record is still an article; with neither there is nothing to read.
    if (!has_title) return ctx.Skip(record_source, text ? "empty page" : "no text or html field");
    page.content_type = "text/plain";
    return ctx.sink(std::move(page));
  }
  if (html) {
    page.content_type = "text/html";
    page.bytes = *html;
    return EmitHtml(ctx, std::move(page));
  }
  page.content_type = "text/plain";
  page.bytes = *text;
  EmitText(ctx, std::move(page));
}

// A whole JSON document: an array of records, or one record.
void ReadJsonDocument(const std::string& source, BufferedReader& reader, const Context& ctx) {
  std::string bytes;
  Status read = ReadPageBytes(reader, ctx.options, /*check_lines=*/false, &bytes);
  if (!read.ok()) return ctx.Skip(source, read.message());
  const nlohmann::json json = nlohmann::json::parse(bytes, nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded()) return ctx.Skip(source, "invalid JSON");
  if (json.is_array()) {
    for (size_t i = 0; i < json.size(); ++i) {
      EmitJsonRecord(ctx, source + "#" + std::to_string(i + 1), json[i]);
    }
    return;
  }
  if (json.is_object() && !json.contains("text") && !json.contains("html") &&
      !json.contains("title")) {
    return ctx.Skip(source, "JSON without text or html");
  }
  EmitJsonRecord(ctx, source, json);
}

void ReadJsonl(const std::string& source, BufferedReader& reader, const Context& ctx) {
  std::string line;
  int record = 0;
  for (;;) {
    auto result = reader.ReadLine(ctx.options.max_line_bytes, &line);
    if (!result.ok()) {
      return ctx.Skip(source + "#" + std::to_string(record + 1), result.status().message());
    }
    if (*result == BufferedReader::LineResult::kEnd) return;
    if (*result == BufferedReader::LineResult::kLine && IsBlank(line)) continue;
    const std::string record_source = source + "#" + std::to_string(++record);
    if (*result == BufferedReader::LineResult::kTooLong) {
      ctx.Skip(record_source, "line too long");
      continue;
    }
    nlohmann::json json = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    EmitJsonRecord(ctx, record_source, json);
  }
}

// Header value of `name` (lower case) in "Name: value" lines, or empty.
std::string HeaderValue(const std::vector<std::pair<std::string, std::string>>& headers,
                        std::string_view name) {
  for (const auto& [key, value] : headers) {
    if (key == name) return value;
  }
  return "";
}

// Parses "Name: value" lines up to the first empty line of `block`, starting at `*pos`.
std::vector<std::pair<std::string, std::string>> ParseHeaders(std::string_view block, size_t* pos) {
  std::vector<std::pair<std::string, std::string>> headers;
  while (*pos < block.size()) {
    size_t end = block.find('\n', *pos);
    if (end == std::string_view::npos) end = block.size();
    std::string_view line = block.substr(*pos, end - *pos);
    *pos = std::min(block.size(), end + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) break;
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    headers.emplace_back(text::AsciiLower(Trim(line.substr(0, colon))),
                         std::string(Trim(line.substr(colon + 1))));
  }
  return headers;
}

// Decodes a chunked HTTP body; nullopt when the chunk framing is damaged.
std::optional<std::string> Dechunk(std::string_view body) {
  std::string out;
  size_t pos = 0;
  while (pos < body.size()) {
    const size_t eol = body.find('\n', pos);
    if (eol == std::string_view::npos) return std::nullopt;
    std::string_view size_line = Trim(body.substr(pos, eol - pos));
    const size_t semicolon = size_line.find(';');
    if (semicolon != std::string_view::npos) size_line = size_line.substr(0, semicolon);
    uint64_t size = 0;
    if (size_line.empty() || size_line.size() > 15) return std::nullopt;
    for (char c : size_line) {
      if (!std::isxdigit(static_cast<unsigned char>(c))) return std::nullopt;
      size = size * 16 + static_cast<uint64_t>(std::isdigit(static_cast<unsigned char>(c))
                                                   ? c - '0'
                                                   : std::tolower(c) - 'a' + 10);
    }
    pos = eol + 1;
    if (size == 0) return out;
    if (size > body.size() - pos) return std::nullopt;
    out.append(body.substr(pos, size));
    pos += size;
    // The CRLF after the chunk data.
    while (pos < body.size() && (body[pos] == '\r' || body[pos] == '\n')) ++pos;
  }
  return out;  // a missing last chunk is tolerated: the data is all there
}

std::optional<std::string> Inflate(std::string_view bytes, uint64_t limit) {
  GzipStream stream(std::make_unique<MemoryStream>(bytes));
  std::string out;
  std::string chunk(64 << 10, '\0');
  for (;;) {
    auto n = stream.Read(chunk.data(), chunk.size());
    if (!n.ok()) return std::nullopt;
    if (*n == 0) return out;
    out.append(chunk.data(), *n);
    if (out.size() > limit) return std::nullopt;
  }
}

// Media type and charset of a Content-Type value: ("text/html", "iso-8859-1").
std::pair<std::string, std::string> SplitContentType(std::string_view value) {
  const std::string lower = text::AsciiLower(value);
  const size_t semicolon = lower.find(';');
  std::string media(Trim(std::string_view(lower).substr(0, semicolon)));
  std::string charset;
  const size_t at = lower.find("charset=");
  if (at != std::string::npos) {
    std::string_view rest = std::string_view(lower).substr(at + 8);
    rest = rest.substr(0, rest.find(';'));
    rest = Trim(rest);
    if (!rest.empty() && (rest.front() == '"' || rest.front() == '\'')) rest.remove_prefix(1);
    if (!rest.empty() && (rest.back() == '"' || rest.back() == '\'')) rest.remove_suffix(1);
    charset = std::string(rest);
  }
  return {media, charset};
}

// One WARC response (an HTTP message) or conversion/resource record (the page itself).
void EmitWarcRecord(const Context& ctx, const std::string& record_source, std::string_view type,
                    const std::vector<std::pair<std::string, std::string>>& warc_headers,
                    std::string_view block) {
  RawPage page;
  page.source = record_source;
  page.url = HeaderValue(warc_headers, "warc-target-uri");
  if (page.url.size() >= 2 && page.url.front() == '<' && page.url.back() == '>') {
    page.url = page.url.substr(1, page.url.size() - 2);
  }
  page.fetched_at = HeaderValue(warc_headers, "warc-date");
  std::string content_type;
  std::string body;
  if (type == "response") {
    size_t pos = 0;
    const size_t eol = block.find('\n');
    const std::string_view status_line = block.substr(0, eol);
    if (status_line.substr(0, 5) != "HTTP/") return ctx.Skip(record_source, "not an HTTP response");
    const size_t space = status_line.find(' ');
    const int status = space == std::string_view::npos
                           ? 0
                           : std::atoi(std::string(status_line.substr(space + 1, 3)).c_str());
    if (status < 200 || status > 299) {
      return ctx.Skip(record_source, "HTTP status " + std::to_string(status));
    }
    pos = eol == std::string_view::npos ? block.size() : eol + 1;
    const auto http_headers = ParseHeaders(block, &pos);
    body = std::string(block.substr(pos));
    if (text::AsciiLower(HeaderValue(http_headers, "transfer-encoding")).find("chunked") !=
        std::string::npos) {
      auto decoded = Dechunk(body);
      if (!decoded) return ctx.Skip(record_source, "corrupt chunked body");
      body = std::move(*decoded);
    }
    const std::string encoding = text::AsciiLower(HeaderValue(http_headers, "content-encoding"));
    if (encoding == "gzip" || encoding == "x-gzip") {
      auto inflated = Inflate(body, ctx.options.max_page_bytes);
      if (!inflated) return ctx.Skip(record_source, "corrupt gzip body");
      body = std::move(*inflated);
    } else if (!encoding.empty() && encoding != "identity") {
      return ctx.Skip(record_source, "unsupported content encoding " + encoding);
    }
    content_type = HeaderValue(http_headers, "content-type");
  } else {
    body = std::string(block);
    content_type = HeaderValue(warc_headers, "content-type");
  }
  auto [media, charset] = SplitContentType(content_type);
  if (media.empty()) {
    media = Sniff("", std::string_view(body).substr(0, kSniffBytes)) == Format::kHtml
                ? "text/html"
                : "text/plain";
  }
  if (media == "text/html" || media == "application/xhtml+xml") {
    page.content_type = charset.empty() ? "text/html" : "text/html; charset=" + charset;
    page.bytes = std::move(body);
    return EmitHtml(ctx, std::move(page));
  }
  if (media == "text/plain") {
    page.bytes = std::move(body);
    if (!charset.empty() && charset != "utf-8" && charset != "utf8" && charset != "us-ascii") {
      page.content_type = "text/plain; charset=" + charset;
      if (IsBlank(page.bytes)) return ctx.Skip(record_source, "empty page");
      return ctx.sink(std::move(page));
    }
    page.content_type = "text/plain";
    return EmitText(ctx, std::move(page));
  }
  ctx.Skip(record_source, "not a text page (" + media + ")");
}

void ReadWarc(const std::string& source, BufferedReader& reader, const Context& ctx) {
  std::string line;
  int record = 0;
  for (;;) {
    // The version line, after the blank lines that end the previous record.
    BufferedReader::LineResult result;
    do {
      auto r = reader.ReadLine(kMaxHeaderLine, &line);
      if (!r.ok()) {
        return ctx.Skip(source + "#" + std::to_string(record + 1), r.status().message());
      }
      result = *r;
    } while (result == BufferedReader::LineResult::kLine && IsBlank(line));
    if (result == BufferedReader::LineResult::kEnd) return;
    const std::string record_source = source + "#" + std::to_string(++record);
    if (result == BufferedReader::LineResult::kTooLong || line.substr(0, 5) != "WARC/") {
      // Without a record header the framing is lost; what came before is kept.
      return ctx.Skip(record_source, "corrupt WARC record header");
    }
    std::string header_block;
    for (;;) {
      auto r = reader.ReadLine(kMaxHeaderLine, &line);
      if (!r.ok()) return ctx.Skip(record_source, r.status().message());
      if (*r == BufferedReader::LineResult::kEnd) {
        return ctx.Skip(record_source, "truncated WARC record");
      }
      if (*r == BufferedReader::LineResult::kTooLong) {
        return ctx.Skip(record_source, "corrupt WARC record header");
      }
      if (line.empty() || line == "\r") break;
      header_block += line;
      header_block += '\n';
    }
    size_t pos = 0;
    const auto headers = ParseHeaders(header_block, &pos);
    const std::string length_value = HeaderValue(headers, "content-length");
    char* end = nullptr;
    const unsigned long long length = std::strtoull(length_value.c_str(), &end, 10);
    if (length_value.empty() || end == nullptr || *end != '\0') {
      return ctx.Skip(record_source, "WARC record without Content-Length");
    }
    const std::string type = text::AsciiLower(HeaderValue(headers, "warc-type"));
    const bool page_record = type == "response" || type == "conversion" || type == "resource";
    if (!page_record || length > ctx.options.max_page_bytes + kMaxHeaderLine) {
      Status skipped = reader.Skip(length);
      if (!skipped.ok()) {
        return ctx.Skip(record_source, skipped.message() == "truncated" ? "truncated WARC record"
                                                                        : skipped.message());
      }
      if (page_record) ctx.Skip(record_source, "page too large");
      continue;
    }
    std::string block;
    block.reserve(length);
    Status read = reader.ReadExact(length, &block);
    if (!read.ok()) {
      return ctx.Skip(record_source,
                      read.message() == "truncated" ? "truncated WARC record" : read.message());
    }
    EmitWarcRecord(ctx, record_source, type, headers, block);
  }
}

// Reads one input stream of any format; `name` (the path, or "-") decides only where content
// leaves room for doubt.
void ReadStream(const std::string& source, std::unique_ptr<ByteStream> stream, const Context& ctx) {
  std::string name = source;
  auto reader = std::make_unique<BufferedReader>(std::move(stream));
  for (int depth = 0;; ++depth) {
    auto head = reader->Peek(kSniffBytes);
    if (!head.ok()) return ctx.Skip(source, head.status().message());
    if (!IsGzip(*head)) break;
    if (depth == kMaxGzipNesting) return ctx.Skip(source, "binary content");
    if (EndsWith(text::AsciiLower(name), ".gz")) name.resize(name.size() - 3);
    reader = std::make_unique<BufferedReader>(std::make_unique<GzipStream>(std::move(reader)));
  }
  auto head_result = reader->Peek(kSniffBytes);
  if (!head_result.ok()) return ctx.Skip(source, head_result.status().message());
  const std::string_view head = *head_result;
  if (head.empty()) return ctx.Skip(source, "empty file");
  const Format format = Sniff(name, head);
  if (format == Format::kWarc) return ReadWarc(source, *reader, ctx);
  if (LooksBinary(head)) return ctx.Skip(source, "binary content");
  if (format == Format::kJsonl) {
    // JSONL when the first line is a JSON value of its own; else one JSON document (pretty-printed
    // or an array of records).
    const size_t eol = head.find('\n');
    const bool first_line_complete = eol != std::string_view::npos;
    const std::string lower_name = text::AsciiLower(name);
    const bool jsonl = EndsWith(lower_name, ".jsonl") || EndsWith(lower_name, ".ndjson") ||
                       !first_line_complete ||
                       !nlohmann::json::parse(head.substr(0, eol), nullptr, false).is_discarded();
    if (!jsonl) return ReadJsonDocument(source, *reader, ctx);
    return ReadJsonl(source, *reader, ctx);
  }
  RawPage page;
  page.source = source;
  Status read = ReadPageBytes(*reader, ctx.options, format == Format::kText, &page.bytes);
  if (!read.ok()) return ctx.Skip(source, read.message());
  if (IsBlank(page.bytes)) return ctx.Skip(source, "empty file");
  if (format == Format::kHtml) {
    page.content_type = "text/html";
    return EmitHtml(ctx, std::move(page));
  }
  page.content_type = "text/plain";
  EmitText(ctx, std::move(page));
}

void ReadPath(const std::string& path, const Context& ctx) {
  if (path == "-") {
    return ReadStream(path, std::make_unique<FileStream>(stdin, /*owned=*/false), ctx);
  }
  std::error_code error;
  const fs::file_status status = fs::status(path, error);
  if (error || !fs::exists(status)) return ctx.Skip(path, "not found");
  if (fs::is_directory(status)) {
    std::vector<std::string> files;
    fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, error);
    if (error) return ctx.Skip(path, "cannot list directory: " + error.message());
    for (; it != fs::recursive_directory_iterator(); it.increment(error)) {
      if (error) {
        ctx.Skip(path, "cannot list directory: " + error.message());
        break;
      }
      const std::string file_name = it->path().filename().string();
      if (!file_name.empty() && file_name.front() == '.') {
        // Hidden files and folders (editor backups, version control) are not inputs.
        if (it->is_directory(error)) it.disable_recursion_pending();
        continue;
      }
      if (it->is_regular_file(error)) files.push_back(it->path().string());
    }
    // Sorted by path: the same folder gives the same order on every file system.
    std::sort(files.begin(), files.end());
    for (const std::string& file : files) ReadPath(file, ctx);
    return;
  }
  if (!fs::is_regular_file(status)) return ctx.Skip(path, "not a regular file");
  auto stream = FileStream::Open(path);
  if (!stream.ok()) return ctx.Skip(path, "cannot open: " + stream.status().message());
  ReadStream(path, std::move(*stream), ctx);
}

}  // namespace

Status ReadInputs(const std::vector<std::string>& paths, const ReadOptions& options,
                  const std::function<void(RawPage&&)>& sink,
                  const std::function<void(Skipped&&)>& skip) {
  if (paths.empty()) return Status::InvalidArgument("no input paths");
  const Context ctx{options, sink, skip};
  for (const std::string& path : paths) ReadPath(path, ctx);
  return Status::Ok();
}

Status ReadBytes(const std::string& source, std::string_view bytes, const ReadOptions& options,
                 const std::function<void(RawPage&&)>& sink,
                 const std::function<void(Skipped&&)>& skip) {
  const Context ctx{options, sink, skip};
  ReadStream(source, std::make_unique<MemoryStream>(bytes), ctx);
  return Status::Ok();
}

}  // namespace newsloom::ingest
