#include "extract/charset.h"

#include <unicode/ucnv.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <string>

#include "text/utf8.h"

namespace newsloom::extract {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

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

// A line of mojibake back to the UTF-8 it was: the line written in windows-1252 must give bytes
// that are UTF-8 with at least one multi-byte character. Otherwise the line stays as it is
// (a character that windows-1252 lacks, or bytes that are not UTF-8, mean it was not mojibake).
void RepairMojibakeLine(std::string_view line, std::string* out) {
  if (!HasMojibakeMarks(line)) {
    out->append(line);
    return;
  }
  UErrorCode status = U_ZERO_ERROR;
  UConverter* cp1252 = ucnv_open("windows-1252", &status);
  if (U_FAILURE(status)) {
    out->append(line);
    return;
  }
  ucnv_setFromUCallBack(cp1252, UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  std::string bytes(line.size(), '\0');
  UConverter* utf8 = ucnv_open("UTF-8", &status);
  char* target = bytes.data();
  const char* source = line.data();
  ucnv_convertEx(cp1252, utf8, &target, bytes.data() + bytes.size(), &source,
                 line.data() + line.size(), nullptr, nullptr, nullptr, nullptr, true, true,
                 &status);
  ucnv_close(utf8);
  ucnv_close(cp1252);
  bytes.resize(static_cast<size_t>(target - bytes.data()));
  if (U_FAILURE(status) || !IsValidUtf8(bytes) || !HasMultibyteUtf8(bytes)) {
    out->append(line);
    return;
  }
  out->append(bytes);
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
  const std::string head = Lower(html.substr(0, 4096));
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
  std::string cs = Lower(charset);
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

}  // namespace newsloom::extract
