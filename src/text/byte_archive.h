// Versioned binary blobs of in-memory state: one field list per type, walked by a writer to save
// and by a reader to restore, so the two directions cannot drift apart. A blob starts with its
// kind, its format version and a hash of the payload; a reader refuses any blob that is not
// exactly what a writer of that version made.
#ifndef NEWSLOOM_TEXT_BYTE_ARCHIVE_H_
#define NEWSLOOM_TEXT_BYTE_ARCHIVE_H_

#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "newsloom/status.h"
#include "text/hash.h"

namespace newsloom::text {

// Types stored as their bytes: trivially copyable ones, and pairs of them.
template <typename T>
inline constexpr bool kStoredAsBytes = std::is_trivially_copyable_v<T>;
template <typename A, typename B>
inline constexpr bool kStoredAsBytes<std::pair<A, B>> = kStoredAsBytes<A>&& kStoredAsBytes<B>;

// Appends fields to a blob. Fields are passed by non-const reference, as a reader takes them.
class ByteWriter {
 public:
  static constexpr bool kReading = false;

  template <typename T>
  void Value(T& v) {
    static_assert(kStoredAsBytes<T>);
    bytes_.append(reinterpret_cast<const char*>(&v), sizeof(T));
  }
  template <typename T>
  void Array(std::vector<T>& v) {
    static_assert(kStoredAsBytes<T>);
    Size(v);
    bytes_.append(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T));
  }
  void Text(std::string& s) {
    uint64_t n = s.size();
    Value(n);
    bytes_ += s;
  }
  template <typename T>
  void Optional(std::optional<T>& v) {
    uint8_t has = v.has_value();
    Value(has);
    if (has) Value(*v);
  }
  // The element count of a container whose elements the caller then walks one by one.
  template <typename C>
  void Size(C& c) {
    uint64_t n = c.size();
    Value(n);
  }
  uint64_t Count(uint64_t n) {
    Value(n);
    return n;
  }
  bool ok() const { return true; }

  // The blob: kind, version, payload hash, payload.
  std::string Finish(std::string_view kind, uint32_t version) const {
    std::string out(kind);
    out += '\0';
    out.append(reinterpret_cast<const char*>(&version), sizeof(version));
    const uint64_t hash = Hash64(bytes_);
    out.append(reinterpret_cast<const char*>(&hash), sizeof(hash));
    return out + bytes_;
  }

 private:
  std::string bytes_;
};

// Reads fields back in the order they were written. After the first short or malformed read
// every later read is a no-op and ok() is false.
class ByteReader {
 public:
  static constexpr bool kReading = true;

  // kCorrupt unless `blob` is of `kind`, of `version` and intact.
  static Result<ByteReader> Open(std::string_view blob, std::string_view kind, uint32_t version) {
    const size_t header = kind.size() + 1 + sizeof(uint32_t) + sizeof(uint64_t);
    if (blob.size() < header || blob.substr(0, kind.size()) != kind || blob[kind.size()] != '\0') {
      return Status::Corrupt("not a " + std::string(kind) + " state");
    }
    uint32_t found = 0;
    uint64_t hash = 0;
    std::memcpy(&found, blob.data() + kind.size() + 1, sizeof(found));
    std::memcpy(&hash, blob.data() + kind.size() + 1 + sizeof(found), sizeof(hash));
    if (found != version) {
      return Status::Corrupt(std::string(kind) + " state of version " + std::to_string(found) +
                             ", expected " + std::to_string(version));
    }
    ByteReader reader(blob.substr(header));
    if (Hash64(reader.rest_) != hash) return Status::Corrupt(std::string(kind) + " state damaged");
    return reader;
  }

  template <typename T>
  void Value(T& v) {
    static_assert(kStoredAsBytes<T>);
    if (!Take(sizeof(T))) return;
    std::memcpy(&v, rest_.data() - sizeof(T), sizeof(T));
  }
  template <typename T>
  void Array(std::vector<T>& v) {
    static_assert(kStoredAsBytes<T>);
    const uint64_t n = Count(0);
    if (!ok_ || n > rest_.size() / std::max<size_t>(1, sizeof(T))) return Fail();
    v.resize(n);
    if (n > 0) std::memcpy(static_cast<void*>(v.data()), rest_.data(), n * sizeof(T));
    rest_.remove_prefix(n * sizeof(T));
  }
  void Text(std::string& s) {
    const uint64_t n = Count(0);
    if (!ok_ || n > rest_.size()) return Fail();
    s.assign(rest_.substr(0, n));
    rest_.remove_prefix(n);
  }
  template <typename T>
  void Optional(std::optional<T>& v) {
    uint8_t has = 0;
    Value(has);
    v.reset();
    if (has) {
      T x{};
      Value(x);
      v = x;
    }
  }
  template <typename C>
  void Size(C& c) {
    const uint64_t n = Count(0);
    // Every element takes at least one byte, so a count beyond what is left is damage.
    if (!ok_ || n > rest_.size()) return Fail();
    c.resize(n);
  }
  uint64_t Count(uint64_t) {
    uint64_t n = 0;
    Value(n);
    return ok_ ? n : 0;
  }
  // True when every read succeeded; with `at_end`, also when nothing is left over.
  bool ok() const { return ok_; }
  bool AtEnd() const { return ok_ && rest_.empty(); }
  void Fail() {
    ok_ = false;
    rest_ = {};
  }

 private:
  explicit ByteReader(std::string_view payload) : rest_(payload) {}
  bool Take(size_t n) {
    if (!ok_ || rest_.size() < n) {
      Fail();
      return false;
    }
    rest_.remove_prefix(n);
    return true;
  }

  std::string_view rest_;
  bool ok_ = true;
};

}  // namespace newsloom::text

#endif  // NEWSLOOM_TEXT_BYTE_ARCHIVE_H_
