#include "store/codec.h"

#include <zstd.h>

#include <cstring>

namespace newsloom::store {

namespace {

void PutVarint(std::string* out, uint64_t v) {
  while (v >= 0x80) {
    out->push_back(static_cast<char>(v | 0x80));
    v >>= 7;
  }
  out->push_back(static_cast<char>(v));
}

void PutFixed32(std::string* out, uint32_t v) {
  for (int i = 0; i < 4; ++i) out->push_back(static_cast<char>(v >> (8 * i)));
}

class Decoder {
 public:
  explicit Decoder(std::string_view in) : in_(in) {}
  bool Varint(uint64_t* v) {
    *v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (in_.empty()) return false;
      const auto byte = static_cast<uint8_t>(in_.front());
      in_.remove_prefix(1);
      *v |= static_cast<uint64_t>(byte & 0x7f) << shift;
      if ((byte & 0x80) == 0) return true;
    }
    return false;
  }
  bool Fixed32(uint32_t* v) {
    if (in_.size() < 4) return false;
    *v = 0;
    for (int i = 0; i < 4; ++i)
      *v |= static_cast<uint32_t>(static_cast<uint8_t>(in_[i])) << (8 * i);
    in_.remove_prefix(4);
    return true;
  }
  bool Bytes(size_t n, std::string* out) {
    if (in_.size() < n) return false;
    out->assign(in_.substr(0, n));
    in_.remove_prefix(n);
    return true;
  }
  bool Byte(uint8_t* b) {
    if (in_.empty()) return false;
    *b = static_cast<uint8_t>(in_.front());
    in_.remove_prefix(1);
    return true;
  }
  bool done() const { return in_.empty(); }

 private:
  std::string_view in_;
};

Status Bad(const char* what) { return Status::Corrupt(std::string("damaged ") + what + " blob"); }

}  // namespace

std::string EncodeTokens(const std::vector<Token>& tokens) {
  std::string out;
  PutVarint(&out, tokens.size());
  uint32_t previous = 0;
  for (const Token& t : tokens) {
    // Offsets as deltas: tokens are in text order, so the numbers stay small.
    PutVarint(&out, static_cast<uint32_t>(t.span.begin - previous));
    PutVarint(&out, t.span.size());
    out.push_back(static_cast<char>((t.is_word ? 1 : 0) | (t.capitalized ? 2 : 0)));
    PutVarint(&out, t.norm.size());
    out += t.norm;
    previous = t.span.begin;
  }
  return Compress(out);
}

Result<std::vector<Token>> DecodeTokens(std::string_view blob) {
  auto raw = Decompress(blob);
  if (!raw.ok()) return raw.status();
  Decoder d(*raw);
  uint64_t count = 0;
  if (!d.Varint(&count) || count > raw->size()) return Bad("token");
  std::vector<Token> tokens(count);
  uint32_t previous = 0;
  for (Token& t : tokens) {
    uint64_t delta, size, norm_size;
    uint8_t flags;
    if (!d.Varint(&delta) || !d.Varint(&size) || !d.Byte(&flags) || !d.Varint(&norm_size) ||
        !d.Bytes(norm_size, &t.norm)) {
      return Bad("token");
    }
    t.span.begin = static_cast<uint32_t>(previous + delta);
    t.span.end = static_cast<uint32_t>(t.span.begin + size);
    t.is_word = flags & 1;
    t.capitalized = flags & 2;
    previous = t.span.begin;
  }
  return tokens;
}

std::string EncodeTerms(const std::vector<Term>& terms) {
  std::string out;
  PutVarint(&out, terms.size());
  for (const Term& t : terms) {
    PutVarint(&out, t.term.size());
    out += t.term;
    uint32_t bits;
    std::memcpy(&bits, &t.weight, 4);
    PutFixed32(&out, bits);
  }
  return Compress(out);
}

Result<std::vector<Term>> DecodeTerms(std::string_view blob) {
  auto raw = Decompress(blob);
  if (!raw.ok()) return raw.status();
  Decoder d(*raw);
  uint64_t count = 0;
  if (!d.Varint(&count) || count > raw->size()) return Bad("term");
  std::vector<Term> terms(count);
  for (Term& t : terms) {
    uint64_t size;
    uint32_t bits;
    if (!d.Varint(&size) || !d.Bytes(size, &t.term) || !d.Fixed32(&bits)) return Bad("term");
    std::memcpy(&t.weight, &bits, 4);
  }
  return terms;
}

std::string EncodeMinhash(const std::vector<uint32_t>& minhash) {
  std::string out;
  out.reserve(minhash.size() * 4);
  for (uint32_t v : minhash) PutFixed32(&out, v);
  return out;
}

Result<std::vector<uint32_t>> DecodeMinhash(std::string_view blob) {
  if (blob.size() % 4 != 0) return Bad("MinHash");
  Decoder d(blob);
  std::vector<uint32_t> out(blob.size() / 4);
  for (uint32_t& v : out) d.Fixed32(&v);
  return out;
}

std::string Compress(std::string_view bytes) {
  // One context per thread: creating a context costs more than compressing a small page.
  struct Context {
    ZSTD_CCtx* cctx = ZSTD_createCCtx();
    ~Context() { ZSTD_freeCCtx(cctx); }
  };
  thread_local Context context;
  std::string out(ZSTD_compressBound(bytes.size()), '\0');
  // Level 3 (zstd's default): fast enough to keep up with ingest, about 3x on news text.
  const size_t n =
      ZSTD_compressCCtx(context.cctx, out.data(), out.size(), bytes.data(), bytes.size(), 3);
  out.resize(ZSTD_isError(n) ? 0 : n);
  return out;
}

Result<std::string> Decompress(std::string_view blob) {
  const unsigned long long size = ZSTD_getFrameContentSize(blob.data(), blob.size());
  if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN || size > (1ull << 32)) {
    return Status::Corrupt("damaged compressed blob");
  }
  struct Context {
    ZSTD_DCtx* dctx = ZSTD_createDCtx();
    ~Context() { ZSTD_freeDCtx(dctx); }
  };
  thread_local Context context;
  std::string out(size, '\0');
  const size_t n =
      ZSTD_decompressDCtx(context.dctx, out.data(), out.size(), blob.data(), blob.size());
  if (ZSTD_isError(n) || n != size) return Status::Corrupt("damaged compressed blob");
  return out;
}

}  // namespace newsloom::store
