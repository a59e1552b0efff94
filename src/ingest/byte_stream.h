// Byte streams for the readers: files, stdin, memory, and gzip around any of them, with a buffered
// reader that hands out lines and fixed-size blocks without holding more than it must in memory.
#ifndef NEWSLOOM_INGEST_BYTE_STREAM_H_
#define NEWSLOOM_INGEST_BYTE_STREAM_H_

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

#include "newsloom/status.h"

namespace newsloom::ingest {

// A source of bytes. Read returns the number of bytes read, 0 at the end, or an error (for example
// kCorrupt "truncated gzip" when a compressed stream ends early).
class ByteStream {
 public:
  virtual ~ByteStream() = default;
  virtual Result<size_t> Read(char* buffer, size_t size) = 0;
};

// Reads a FILE*; closes it on destruction when `owned`.
class FileStream : public ByteStream {
 public:
  FileStream(std::FILE* file, bool owned) : file_(file), owned_(owned) {}
  ~FileStream() override;
  static Result<std::unique_ptr<ByteStream>> Open(const std::string& path);
  Result<size_t> Read(char* buffer, size_t size) override;

 private:
  std::FILE* file_;
  bool owned_;
};

// Reads a buffer the caller keeps alive.
class MemoryStream : public ByteStream {
 public:
  explicit MemoryStream(std::string_view bytes) : bytes_(bytes) {}
  Result<size_t> Read(char* buffer, size_t size) override;

 private:
  std::string_view bytes_;
};

// Inflates gzip (one member or several concatenated, as in .warc.gz) from `inner`.
// Fails with kCorrupt "truncated gzip" when the input ends inside a member and "corrupt gzip" when
// the deflate data is damaged.
class GzipStream : public ByteStream {
 public:
  explicit GzipStream(std::unique_ptr<ByteStream> inner);
  ~GzipStream() override;
  Result<size_t> Read(char* buffer, size_t size) override;

 private:
  struct State;
  std::unique_ptr<ByteStream> inner_;
  std::unique_ptr<State> state_;
};

// Buffered reading over a ByteStream: peeking, lines with a length limit, and exact blocks. It is a
// ByteStream itself (what is buffered first), so that a peeked gzip header can be unwrapped.
class BufferedReader : public ByteStream {
 public:
  explicit BufferedReader(std::unique_ptr<ByteStream> stream) : stream_(std::move(stream)) {}

  Result<size_t> Read(char* buffer, size_t size) override;

  // Up to `size` bytes from the current position, without consuming them (fewer at the end).
  Result<std::string_view> Peek(size_t size);

  enum class LineResult { kLine, kTooLong, kEnd };
  // The next line without its '\n' (a trailing '\r' is kept). A line longer than `max_bytes` is
  // consumed without being held in memory and returns kTooLong. kEnd when nothing is left.
  Result<LineResult> ReadLine(size_t max_bytes, std::string* line);

  // Appends exactly `size` bytes to `out`; kCorrupt "truncated" when the input ends first (what was
  // available is still appended).
  Status ReadExact(size_t size, std::string* out);
  // Consumes `size` bytes without keeping them; kCorrupt "truncated" when the input ends first.
  Status Skip(size_t size);

  // Total bytes consumed so far.
  uint64_t position() const { return consumed_; }

 private:
  // Makes at least `size` bytes available after pos_ when the stream has them. Returns the number
  // available.
  Result<size_t> Fill(size_t size);
  // Reads up to `want` more bytes into the buffer. A stream error ends the input; it is kept in
  // error_ and reported once the bytes before it have been consumed.
  void ReadMore(size_t want);
  void Compact();

  std::unique_ptr<ByteStream> stream_;
  std::string buffer_;
  size_t pos_ = 0;
  bool eof_ = false;
  Status error_;
  uint64_t consumed_ = 0;
};

}  // namespace newsloom::ingest

#endif  // NEWSLOOM_INGEST_BYTE_STREAM_H_
