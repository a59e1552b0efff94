// Page bytes to UTF-8: the charset an HTML page declares, conversion with ICU, repair of
// ill-formed UTF-8.
#ifndef NEWSLOOM_TEXT_CHARSET_H_
#define NEWSLOOM_TEXT_CHARSET_H_

#include <string>
#include <string_view>

namespace newsloom::text {

// The charset named by <meta charset>, <meta http-equiv="Content-Type" content="...charset=">
// or an XML declaration within the first 4 KiB, lower-cased; "" when none is declared.
std::string DeclaredCharset(std::string_view html);

// `bytes` as valid UTF-8. Bytes that already are valid UTF-8 are kept (pages often declare
// latin-1 and send UTF-8; the reverse cannot be valid UTF-8 by accident in practice), with
// mojibake repaired (RepairMojibake). Otherwise
// they are converted from `charset` (windows-1252 when empty or unknown to ICU), and whatever
// still is ill-formed becomes U+FFFD. A UTF-8 byte-order mark is dropped. Never fails.
std::string ToUtf8(std::string_view bytes, std::string_view charset);

// Lines of UTF-8 text that were once UTF-8 read as windows-1252 and written out again
// ("FÃ¼r" for "Für", "â€“" for "–"), as crawls of misdeclared pages store them, back to what they
// were. A line is changed only when it carries such marks and writing it in windows-1252 gives
// well-formed UTF-8 with multi-byte characters; any other line is kept as it is.
std::string RepairMojibake(std::string_view text);

}  // namespace newsloom::text

#endif  // NEWSLOOM_TEXT_CHARSET_H_
