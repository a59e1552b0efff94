#include "extract/language.h"

#include <cld2/public/compact_lang_det.h>

#include <algorithm>
#include <string>

namespace newsloom::extract {

std::string DetectLanguage(std::string_view text) {
  if (text.empty()) return "un";
  // Beyond this CLD2 learns nothing new; cutting keeps long pages cheap.
  constexpr size_t kMaxBytes = 32 * 1024;
  size_t n = std::min(text.size(), kMaxBytes);
  while (n > 0 && n < text.size() && (static_cast<unsigned char>(text[n]) & 0xc0) == 0x80) --n;
  CLD2::Language language3[3];
  int percent3[3];
  int text_bytes = 0;
  bool reliable = false;
  const CLD2::Language lang =
      CLD2::ExtDetectLanguageSummary(text.data(), static_cast<int>(n), /*is_plain_text=*/true,
                                     language3, percent3, &text_bytes, &reliable);
  if (!reliable || lang == CLD2::UNKNOWN_LANGUAGE) return "un";
  std::string code = CLD2::LanguageCode(lang);
  // CLD2 names a few languages with longer codes ("zh-Hant"); keep the ISO 639-1 part.
  const size_t dash = code.find('-');
  if (dash != std::string::npos) code.resize(dash);
  if (code.size() != 2) return "un";
  return code;
}

}  // namespace newsloom::extract
