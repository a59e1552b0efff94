#include "ingest/byte_stream.h"

#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace newsloom::ingest {

namespace {
constexpr size_t kChunk = 64 << 10;
}  // namespace

FileStream::~FileStream() {
  if (owned_ && file_ != nullptr) std::fclose(file_);
}

Result<std::unique_ptr<ByteStream>> FileStream::Open(const std::string& path) {
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) return Status::IoError(path + ": " + std::strerror(errno));
  return std::unique_ptr<ByteStream>(new FileStream(file, /*owned=*/true));
}

Result<size_t> FileStream::Read(char* buffer, size_t size) {
  const size_t n = std::fread(buffer, 1, size, file_);
  if (n == 0 && std::ferror(file_)) return Status::IoError(std::strerror(errno));
  return n;
}

Result<size_t> MemoryStream::Read(char* buffer, size_t size) {
  const size_t n = std::min(size, bytes_.size());
  std::memcpy(buffer, bytes_.data(), n);
  bytes_.remove_prefix(n);
  return n;
}

struct GzipStream::State {
  z_stream z{};
  bool initialised = false;
  bool member_done = false;  // the current member ended; another may follow
  bool finished = false;
  std::string input;  // compressed bytes read from inner but not yet inflated
  size_t input_pos = 0;
  bool inner_eof = false;
};

GzipStream::GzipStream(std::unique_ptr<ByteStream> inner)
    : inner_(std::move(inner)), state_(std::make_unique<State>()) {
  // 16 + MAX_WBITS: gzip framing only.
  state_->initialised = inflateInit2(&state_->z, 16 + MAX_WBITS) == Z_OK;
}

GzipStream::~GzipStream() {
  if (state_->initialised) inflateEnd(&state_->z);
}

Result<size_t> GzipStream::Read(char* buffer, size_t size) {
  State& s = *state_;
  if (!s.initialised) return Status::Internal("zlib could not be initialised");
  if (s.finished || size == 0) return size_t{0};
  size_t produced = 0;
  while (produced == 0) {
    if (s.input_pos == s.input.size() && !s.inner_eof) {
      s.input.resize(kChunk);
      auto n = inner_->Read(s.input.data(), kChunk);
      if (!n.ok()) return n.status();
      s.input.resize(*n);
      s.input_pos = 0;
      if (*n == 0) s.inner_eof = true;
    }
    const size_t available = s.input.size() - s.input_pos;
    if (s.member_done) {
      // Concatenated members (one per WARC record): go on when another gzip header follows;
      // anything else after a complete member (padding) ends the stream.
      if (available == 0 && s.inner_eof) {
        s.finished = true;
        return size_t{0};
      }
      if (available == 0) continue;
      if (static_cast<unsigned char>(s.input[s.input_pos]) != 0x1f) {
        s.finished = true;
        return size_t{0};
      }
      inflateReset(&s.z);
      s.member_done = false;
    }
    if (available == 0 && s.inner_eof) return Status::Corrupt("truncated gzip");
    s.z.next_in = reinterpret_cast<Bytef*>(s.input.data() + s.input_pos);
    s.z.avail_in = static_cast<uInt>(available);
    s.z.next_out = reinterpret_cast<Bytef*>(buffer);
    s.z.avail_out = static_cast<uInt>(size);
    const int rc = inflate(&s.z, Z_NO_FLUSH);
    s.input_pos += available - s.z.avail_in;
    produced = size - s.z.avail_out;
    if (rc == Z_STREAM_END) {
      s.member_done = true;
    } else if (rc == Z_BUF_ERROR) {
      // No progress possible with this input: needs more, which the next round reads.
      if (s.inner_eof && s.input_pos == s.input.size() && produced == 0) {
        return Status::Corrupt("truncated gzip");
      }
    } else if (rc != Z_OK) {
      return Status::Corrupt("corrupt gzip");
    }
  }
  return produced;
}

void BufferedReader::ReadMore(size_t want) {
  Compact();
  const size_t old = buffer_.size();
  buffer_.resize(old + want);
  auto n = stream_->Read(buffer_.data() + old, want);
  if (!n.ok()) {
    buffer_.resize(old);
    error_ = n.status();
    eof_ = true;
    return;
  }
  buffer_.resize(old + *n);
  if (*n == 0) eof_ = true;
}

Result<size_t> BufferedReader::Fill(size_t size) {
  while (buffer_.size() - pos_ < size && !eof_) {
    ReadMore(std::max(kChunk, size - (buffer_.size() - pos_)));
  }
  const size_t available = std::min(size, buffer_.size() - pos_);
  if (available == 0 && !error_.ok()) return error_;
  return available;
}

void BufferedReader::Compact() {
  if (pos_ == 0) return;
  buffer_.erase(0, pos_);
  pos_ = 0;
}

Result<std::string_view> BufferedReader::Peek(size_t size) {
  auto n = Fill(size);
  if (!n.ok()) return n.status();
  return std::string_view(buffer_).substr(pos_, *n);
}

Result<BufferedReader::LineResult> BufferedReader::ReadLine(size_t max_bytes, std::string* line) {
  line->clear();
  bool too_long = false;
  size_t scanned = 0;  // bytes after pos_ known to hold no '\n'
  for (;;) {
    const char* begin = buffer_.data() + pos_ + scanned;
    const size_t rest = buffer_.size() - pos_ - scanned;
    const void* nl = std::memchr(begin, '\n', rest);
    if (nl != nullptr) {
      const size_t length = scanned + (static_cast<const char*>(nl) - begin);
      if (!too_long && line->size() + length <= max_bytes) {
        line->append(buffer_, pos_, length);
      } else {
        too_long = true;
        line->clear();
      }
      pos_ += length + 1;
      consumed_ += length + 1;
      return too_long ? LineResult::kTooLong : LineResult::kLine;
    }
    scanned += rest;
    if (line->size() + scanned > max_bytes) {
      // Drop what is buffered so that a huge line never sits in memory as a whole.
      too_long = true;
      line->clear();
      pos_ += scanned;
      consumed_ += scanned;
      scanned = 0;
    } else if (scanned > 4 * kChunk) {
      line->append(buffer_, pos_, scanned);
      pos_ += scanned;
      consumed_ += scanned;
      scanned = 0;
    }
    if (eof_) {
      if (!error_.ok()) return error_;
      if (scanned == 0 && line->empty() && !too_long) return LineResult::kEnd;
      if (!too_long) line->append(buffer_, pos_, scanned);
      pos_ += scanned;
      consumed_ += scanned;
      return too_long ? LineResult::kTooLong : LineResult::kLine;
    }
    ReadMore(kChunk);
  }
}

Result<size_t> BufferedReader::Read(char* buffer, size_t size) {
  if (pos_ == buffer_.size()) {
    if (eof_) {
      if (!error_.ok()) return error_;
      return size_t{0};
    }
    auto n = stream_->Read(buffer, size);
    if (!n.ok()) {
      error_ = n.status();
      eof_ = true;
      return error_;
    }
    if (*n == 0) eof_ = true;
    consumed_ += *n;
    return n;
  }
  const size_t n = std::min(size, buffer_.size() - pos_);
  std::memcpy(buffer, buffer_.data() + pos_, n);
  pos_ += n;
  consumed_ += n;
  return n;
}

Status BufferedReader::ReadExact(size_t size, std::string* out) {
  while (size > 0) {
    auto n = Fill(std::min(size, 4 * kChunk));
    if (!n.ok()) return n.status();
    if (*n == 0) return error_.ok() ? Status::Corrupt("truncated") : error_;
    out->append(buffer_, pos_, *n);
    pos_ += *n;
    consumed_ += *n;
    size -= *n;
  }
  return Status::Ok();
}

Status BufferedReader::Skip(size_t size) {
  while (size > 0) {
    auto n = Fill(std::min(size, kChunk));
    if (!n.ok()) return n.status();
    if (*n == 0) return error_.ok() ? Status::Corrupt("truncated") : error_;
    pos_ += *n;
    consumed_ += *n;
    size -= *n;
  }
  return Status::Ok();
}

}  // namespace newsloom::ingest
