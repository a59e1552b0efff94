// Small helpers the entity tagger's parts share: hash mixing, a little-endian binary format and
// reading a whole file.
#ifndef NEWSLOOM_ANALYZE_NER_IO_H_
#define NEWSLOOM_ANALYZE_NER_IO_H_

#include <cstdint>
#include <cstring>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "newsloom/status.h"

namespace newsloom::analyze {

// Combines two 64-bit hashes (splitmix64 finaliser over a rotate-xor); order matters.
inline uint64_t MixHash(uint64_t a, uint64_t b) {
  uint64_t x = a ^ (b + 0x9e3779b97f4a7c15ULL + (a << 6) + (a >> 2));
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

inline void PutU32(std::string* out, uint32_t v) {
  for (int i = 0; i < 4; ++i) out->push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}
inline void PutF32(std::string* out, float f) {
  uint32_t v;
  std::memcpy(&v, &f, 4);
  PutU32(out, v);
}
inline void PutString(std::string* out, std::string_view s) {
  PutU32(out, static_cast<uint32_t>(s.size()));
  out->append(s);
}
inline bool GetU32(std::string_view in, size_t* pos, uint32_t* v) {
  if (in.size() < 4 || *pos > in.size() - 4) return false;
  *v = 0;
  for (int i = 0; i < 4; ++i)
    *v |= static_cast<uint32_t>(static_cast<uint8_t>(in[*pos + i])) << (8 * i);
  *pos += 4;
  return true;
}
inline bool GetF32(std::string_view in, size_t* pos, float* f) {
  uint32_t v;
  if (!GetU32(in, pos, &v)) return false;
  std::memcpy(f, &v, 4);
  return true;
}
inline bool GetString(std::string_view in, size_t* pos, std::string* s) {
  uint32_t n;
  if (!GetU32(in, pos, &n) || n > in.size() - *pos) return false;
  s->assign(in.substr(*pos, n));
  *pos += n;
  return true;
}

// The bytes of the file at `path`. kNotFound ("cannot open PATH") or kIoError naming the path.
inline Status ReadFileBytes(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("cannot open " + path);
  in.seekg(0, std::ios::end);
  std::streamoff size = in.tellg();
  if (size < 0) return Status::IoError("cannot size " + path);
  in.seekg(0);
  out->resize(static_cast<size_t>(size));
  in.read(out->data(), size);
  if (in.gcount() != size) return Status::IoError("error reading " + path);
  return Status::Ok();
}

// Writes `bytes` to `path`, replacing it. kIoError naming the path.
inline Status WriteFileBytes(const std::string& path, std::string_view bytes) {
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  if (!file) return Status::IoError("cannot write " + path);
  file.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  file.close();
  if (!file) return Status::IoError("error writing " + path);
  return Status::Ok();
}

// Open-addressing map from 64-bit hash keys to 32-bit values, for lookups on the tagging path
// (several per token), where std::unordered_map's node chasing shows in profiles.
class FlatHashMap {
 public:
  // Inserts or overwrites.
  void Set(uint64_t key, uint32_t value) {
    if ((size_ + 1) * 2 > slots_.size()) Grow();
    size_t i = Find(Fix(key));
    if (slots_[i].key == 0) ++size_;
    slots_[i] = {Fix(key), value};
  }
  // The value for `key`, or null.
  const uint32_t* Get(uint64_t key) const {
    if (slots_.empty()) return nullptr;
    size_t i = Find(Fix(key));
    return slots_[i].key == 0 ? nullptr : &slots_[i].value;
  }
  size_t size() const { return size_; }
  void clear() {
    slots_.clear();
    size_ = 0;
  }

 private:
  struct Slot {
    uint64_t key = 0;  // 0 = empty
    uint32_t value = 0;
  };
  static uint64_t Fix(uint64_t key) { return key ? key : 1; }
  size_t Find(uint64_t key) const {
    size_t mask = slots_.size() - 1;
    size_t i = (key ^ (key >> 29)) & mask;
    while (slots_[i].key != 0 && slots_[i].key != key) i = (i + 1) & mask;
    return i;
  }
  void Grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 64 : old.size() * 2, Slot{});
    for (const Slot& s : old) {
      if (s.key) slots_[Find(s.key)] = s;
    }
  }
  std::vector<Slot> slots_;
  size_t size_ = 0;
};

}  // namespace newsloom::analyze

#endif  // NEWSLOOM_ANALYZE_NER_IO_H_
