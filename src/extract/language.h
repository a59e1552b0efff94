// Language identification of extracted text (CLD2).
#ifndef NEWSLOOM_EXTRACT_LANGUAGE_H_
#define NEWSLOOM_EXTRACT_LANGUAGE_H_

#include <string>
#include <string_view>

namespace newsloom::extract {

// ISO 639-1 code of the main language of `text` (valid UTF-8), or "un" when CLD2 is not
// reliably sure. Thread-safe.
std::string DetectLanguage(std::string_view text);

}  // namespace newsloom::extract

#endif  // NEWSLOOM_EXTRACT_LANGUAGE_H_
