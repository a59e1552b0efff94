#include "analyze/ner_features.h"

namespace newsloom::analyze {
namespace {

// Character classes of one code point, read from UTF-8. Only ASCII and the Latin-1 letters
// (U+00C0..U+00FE, 2-byte sequences starting 0xC3) are told apart by case; other letters count as
// lower case, which is what matters for the features.
enum CharClass { kUpper, kLowerCh, kDigit, kOtherCh };

CharClass ClassAt(std::string_view w, size_t i, size_t* len) {
  unsigned char c = w[i];
  *len = 1;
  if (c >= 'A' && c <= 'Z') return kUpper;
  if (c >= 'a' && c <= 'z') return kLowerCh;
  if (c >= '0' && c <= '9') return kDigit;
  if (c < 0x80) return kOtherCh;
  size_t n = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
  if (i + n > w.size()) n = w.size() - i;
  *len = n;
  if (c == 0xc3 && n == 2) {
    unsigned char d = w[i + 1];
    if (d == 0x97 || d == 0xb7) return kOtherCh;  // multiplication and division signs
    return d < 0x9f ? kUpper : kLowerCh;
  }
  return c >= 0xc4 && c < 0xe0 ? kLowerCh : kOtherCh;
}

std::string CaseMap(std::string_view word, bool digits_to_zero, bool title) {
  std::string out(word);
  bool first = true;
  for (size_t i = 0; i < out.size();) {
    size_t len;
    CharClass cls = ClassAt(out, i, &len);
    bool to_lower = title ? !first : true;
    if (cls == kUpper && to_lower) {
      if (len == 1) out[i] = static_cast<char>(out[i] - 'A' + 'a');
      if (len == 2) out[i + 1] = static_cast<char>(out[i + 1] + 0x20);
    } else if (cls == kDigit && digits_to_zero) {
      out[i] = '0';
    }
    if (cls == kUpper || cls == kLowerCh) first = false;
    i += len;
  }
  return out;
}

}  // namespace

std::string NerNorm(std::string_view word) { return CaseMap(word, true, false); }
std::string NerLower(std::string_view word) { return CaseMap(word, false, false); }
std::string NerTitleCase(std::string_view word) { return CaseMap(word, false, true); }

std::string NerShape(std::string_view word) {
  std::string out;
  for (size_t i = 0; i < word.size() && out.size() < 16;) {
    size_t len;
    switch (ClassAt(word, i, &len)) {
      case kUpper:
        out += 'X';
        break;
      case kLowerCh:
        out += 'x';
        break;
      case kDigit:
        out += 'd';
        break;
      default:
        out.append(word.substr(i, len));
    }
    i += len;
  }
  return out;
}

std::string NerShortShape(std::string_view word) {
  std::string shape = NerShape(word), out;
  for (char c : shape) {
    if (out.empty() || out.back() != c) out += c;
  }
  return out;
}

NerCasing NerCasingOf(std::string_view word) {
  int upper = 0, lower = 0, digit = 0;
  bool first_upper = false, first_letter = true;
  for (size_t i = 0; i < word.size();) {
    size_t len;
    CharClass cls = ClassAt(word, i, &len);
    if (cls == kUpper) ++upper;
    if (cls == kLowerCh) ++lower;
    if (cls == kDigit) ++digit;
    if (first_letter && (cls == kUpper || cls == kLowerCh)) {
      first_upper = cls == kUpper;
      first_letter = false;
    }
    i += len;
  }
  if (upper + lower == 0) return digit ? NerCasing::kDigits : NerCasing::kOther;
  if (digit) return NerCasing::kAlnum;
  if (lower == 0) return NerCasing::kAllCaps;
  if (upper == 0) return NerCasing::kLower;
  return first_upper ? NerCasing::kInitCap : NerCasing::kMixed;
}

}  // namespace newsloom::analyze
