#include "text/chars.h"

namespace newsloom::text {

std::string LowerAsciiAndLatin1(std::string_view s) {
  std::string out(s);
  for (size_t k = 0; k < out.size(); ++k) {
    const auto b = static_cast<unsigned char>(out[k]);
    if (IsAsciiUpper(out[k])) {
      out[k] = AsciiLower(out[k]);
    } else if (b == 0xC3 && k + 1 < out.size()) {
      // U+00C0..U+00DE (À..Þ, not ×) are upper case; their lower case is 0x20 further on.
      const auto next = static_cast<unsigned char>(out[k + 1]);
      if (next >= 0x80 && next <= 0x9E && next != 0x97) out[k + 1] = static_cast<char>(next + 0x20);
      ++k;
    }
  }
  return out;
}

}  // namespace newsloom::text
