#include "text/utf8.h"

#include <unicode/utf8.h>

#include <cstdint>

namespace newsloom::text {
namespace {

// Moves *i past the UTF-8 sequence that starts at bytes[*i] (past the ill-formed bytes ICU skips
// as one unit); false when the sequence is ill-formed.
bool StepUtf8(std::string_view bytes, int32_t* i) {
  UChar32 c;
  U8_NEXT(reinterpret_cast<const uint8_t*>(bytes.data()), *i, static_cast<int32_t>(bytes.size()),
          c);
  return c >= 0;
}

}  // namespace

size_t FirstInvalidUtf8(std::string_view bytes) {
  for (int32_t i = 0; i < static_cast<int32_t>(bytes.size());) {
    const int32_t start = i;
    if (!StepUtf8(bytes, &i)) return static_cast<size_t>(start);
  }
  return std::string_view::npos;
}

double ControlByteShare(std::string_view bytes) {
  if (bytes.empty()) return 0;
  size_t control = 0;
  for (unsigned char c : bytes) {
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7f) ++control;
  }
  return static_cast<double>(control) / static_cast<double>(bytes.size());
}

std::string RepairUtf8(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size());
  for (int32_t i = 0; i < static_cast<int32_t>(bytes.size());) {
    const int32_t start = i;
    if (!StepUtf8(bytes, &i)) {
      out += "\xEF\xBF\xBD";
    } else {
      out.append(bytes.data() + start, static_cast<size_t>(i - start));
    }
  }
  return out;
}

}  // namespace newsloom::text
