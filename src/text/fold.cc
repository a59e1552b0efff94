#include "text/fold.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <memory>

#include "text/chars.h"

namespace newsloom::text {
namespace {

// ICU transliterators are not safe to share between threads: one per thread, built on first use.
const icu::Transliterator* ThreadTransliterator() {
  thread_local std::unique_ptr<icu::Transliterator> folder = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createInstance(
        "Any-Latin; Latin-ASCII; Lower", UTRANS_FORWARD, status));
    return U_SUCCESS(status) ? std::move(t) : nullptr;
  }();
  return folder.get();
}

}  // namespace

std::string FoldToAscii(std::string_view s) {
  bool ascii = true;
  for (unsigned char c : s) ascii = ascii && c < 0x80;
  const icu::Transliterator* folder = ascii ? nullptr : ThreadTransliterator();
  if (folder == nullptr) return AsciiLower(s);
  icu::UnicodeString u =
      icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  folder->transliterate(u);
  std::string out;
  u.toUTF8String(out);
  return out;
}

}  // namespace newsloom::text
