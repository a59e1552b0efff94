#include "text/charset.h"

#include <unicode/ucnv.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "text/chars.h"
#include "text/utf8.h"

namespace newsloom::text {
namespace {

// The value after `key` in `s` (from `pos`): optional quotes, up to a delimiter.
std::string ValueAfter(const std::string& s, size_t pos) {
  while (pos < s.size() && (s[pos] == ' ' || s[pos] == '=' || s[pos] == '"' || s[pos] == '\''))
    ++pos;
  size_t end = pos;
  while (end < s.size() && (std::isalnum(static_cast<unsigned char>(s[end])) || s[end] == '-' ||
                            s[end] == '_' || s[end] == ':' || s[end] == '.')) {
    ++end;
  }
  return s.substr(pos, end - pos);
}

bool Convert(std::string_view bytes, const char* from, std::string* out) {
  UErrorCode status = U_ZERO_ERROR;
  const int32_t needed = ucnv_convert("UTF-8", from, nullptr, 0, bytes.data(),
                                      static_cast<int32_t>(bytes.size()), &status);
  if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status)) return false;
  out->assign(static_cast<size_t>(needed) + 1, '\0');
  status = U_ZERO_ERROR;
  const int32_t written = ucnv_convert("UTF-8", from, out->data(), needed + 1, bytes.data(),
                                       static_cast<int32_t>(bytes.size()), &status);
  if (U_FAILURE(status)) return false;
  out->resize(static_cast<size_t>(written));
  return true;
}

bool HasMultibyteUtf8(std::string_view bytes) {
  const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
  const int32_t length = static_cast<int32_t>(bytes.size());
  int32_t i = 0;
  while (i < length) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c >= 0x80 && i - start >= 2) return true;
  }
  return false;
}

// Whether `bytes` are well-formed UTF-8. Runs of ASCII, most of an HTML page, are skipped eight
// bytes at a time.
bool IsValidUtf8(std::string_view bytes) {
  const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
  const size_t n = bytes.size();
  size_t i = 0;
  while (i < n) {
    if (i + 8 <= n) {
      uint64_t word;
      std::memcpy(&word, s + i, 8);
      if ((word & 0x8080808080808080ull) == 0) {
        i += 8;
        continue;
      }
    }
    if (s[i] < 0x80) {
      ++i;
      continue;
    }
    // A multi-byte sequence: ICU checks it (no more than 4 bytes, so the int32 bound is safe).
    const int32_t length = static_cast<int32_t>(std::min<size_t>(n - i, 4));
    int32_t k = 0;
    UChar32 c;
    U8_NEXT(s + i, k, length, c);
    if (c < 0) return false;
    i += static_cast<size_t>(k);
  }
  return true;
}

// Whether `text` holds the marks of UTF-8 read as windows-1252 and written out as UTF-8 again:
// "Ã" or "Â" followed by a character of U+0080..U+00BF ("Ã¤" for "ä", "Â " for a no-break space),
// or "â€" (the lead of "’", "“", "–").
bool HasMojibakeMarks(std::string_view text) {
  for (size_t i = text.find('\xc3'); i != std::string_view::npos && i + 3 < text.size();
       i = text.find('\xc3', i + 1)) {
    const auto b1 = static_cast<unsigned char>(text[i + 1]);
    const auto b2 = static_cast<unsigned char>(text[i + 2]);
    const auto b3 = static_cast<unsigned char>(text[i + 3]);
    if ((b1 == 0x82 || b1 == 0x83) && b2 == 0xc2 && b3 >= 0x80 && b3 <= 0xbf) return true;
    if ((b1 == 0x82 || b1 == 0x83) && (b2 == 0xc5 || b2 == 0xcb || b2 == 0xe2)) return true;
    if (b1 == 0xa2 && b2 == 0xe2 && b3 == 0x82) return true;
  }
  return false;
}

// The windows-1252 byte that reads as `c`, or -1: U+0080..U+00FF stand for themselves (the
// bytes windows-1252 leaves undefined come through as C1 controls), and the characters it puts at
// 0x80..0x9F for those bytes.
int Cp1252Byte(UChar32 c) {
  if (c >= 0x80 && c <= 0xff) return static_cast<int>(c);
  static constexpr struct {
    UChar32 c;
    int byte;
  } kHigh[] = {{0x20ac, 0x80}, {0x201a, 0x82}, {0x0192, 0x83}, {0x201e, 0x84}, {0x2026, 0x85},
               {0x2020, 0x86}, {0x2021, 0x87}, {0x02c6, 0x88}, {0x2030, 0x89}, {0x0160, 0x8a},
               {0x2039, 0x8b}, {0x0152, 0x8c}, {0x017d, 0x8e}, {0x2018, 0x91}, {0x2019, 0x92},
               {0x201c, 0x93}, {0x201d, 0x94}, {0x2022, 0x95}, {0x2013, 0x96}, {0x2014, 0x97},
               {0x02dc, 0x98}, {0x2122, 0x99}, {0x0161, 0x9a}, {0x203a, 0x9b}, {0x0153, 0x9c},
               {0x017e, 0x9e}, {0x0178, 0x9f}};
  for (const auto& h : kHigh) {
    if (h.c == c) return h.byte;
  }
  return -1;
}

// A line of mojibake back to the UTF-8 it was, sequence by sequence: each run of characters
// whose windows-1252 bytes form one well-formed multi-byte UTF-8 character becomes that
// character; everything else (ASCII, characters windows-1252 lacks, correct text the line
// mixes in) stays as it is.
void RepairMojibakeLine(std::string_view line, std::string* out) {
  if (!HasMojibakeMarks(line)) {
    out->append(line);
    return;
  }
  struct Char {
    size_t begin, end;  // bytes in `line`
    int byte;           // Cp1252Byte, or -1
  };
  std::vector<Char> chars;
  for (size_t i = 0; i < line.size();) {
    const size_t begin = i;
    UChar32 c;
    U8_NEXT(line.data(), i, line.size(), c);
    chars.push_back({begin, i, c < 0 ? -1 : Cp1252Byte(c)});
  }
  for (size_t k = 0; k < chars.size();) {
    const int lead = chars[k].byte;
    const size_t tail = lead >= 0xc2 && lead <= 0xdf   ? 1
                        : lead >= 0xe0 && lead <= 0xef ? 2
                        : lead >= 0xf0 && lead <= 0xf4 ? 3
                                                       : 0;
    std::string bytes;
    if (tail > 0 && k + tail < chars.size()) {
      bytes.push_back(static_cast<char>(lead));
      for (size_t t = 1; t <= tail && bytes.size() == t; ++t) {
        const int b = chars[k + t].byte;
        if (b >= 0x80 && b <= 0xbf) bytes.push_back(static_cast<char>(b));
      }
    }
    if (tail > 0 && bytes.size() == tail + 1 && IsValidUtf8(bytes)) {
      out->append(bytes);
      k += tail + 1;
    } else {
      out->append(line.substr(chars[k].begin, chars[k].end - chars[k].begin));
      ++k;
    }
  }
}

}  // namespace

std::string RepairMojibake(std::string_view text) {
  if (!HasMojibakeMarks(text)) return std::string(text);
  std::string out;
  out.reserve(text.size());
  size_t pos = 0;
  while (pos < text.size()) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    RepairMojibakeLine(text.substr(pos, eol - pos), &out);
    if (eol < text.size()) out.push_back('\n');
    pos = eol + 1;
  }
  return out;
}

std::string DeclaredCharset(std::string_view html) {
  const std::string head = AsciiLower(html.substr(0, 4096));
  for (std::string_view key : {"charset", "encoding"}) {
    for (size_t p = head.find(key); p != std::string::npos; p = head.find(key, p + 1)) {
      std::string v = ValueAfter(head, p + key.size());
      if (!v.empty()) return v;
    }
  }
  return "";
}

std::string ToUtf8(std::string_view bytes, std::string_view charset) {
  if (bytes.substr(0, 3) == "\xef\xbb\xbf") bytes.remove_prefix(3);
  if (IsValidUtf8(bytes)) return RepairMojibake(bytes);
  std::string cs = AsciiLower(charset);
  // Declared UTF-8, or undeclared with some well-formed multi-byte sequences: UTF-8 with damage.
  if (cs == "utf-8" || cs == "utf8" || (cs.empty() && HasMultibyteUtf8(bytes))) {
    return text::RepairUtf8(bytes);
  }
  // Browsers read latin-1 and ASCII labels as windows-1252; so do we.
  if (cs.empty() || cs == "iso-8859-1" || cs == "latin1" || cs == "us-ascii" || cs == "ascii") {
    cs = "windows-1252";
  }
  std::string out;
  if (Convert(bytes, cs.c_str(), &out) || Convert(bytes, "windows-1252", &out)) {
    return text::RepairUtf8(out);
  }
  return text::RepairUtf8(bytes);
}

}  // namespace newsloom::text
