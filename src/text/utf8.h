// UTF-8 checks that ingest and extraction share.
#ifndef NEWSLOOM_TEXT_UTF8_H_
#define NEWSLOOM_TEXT_UTF8_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace newsloom::text {

// Byte offset of the first ill-formed sequence, or npos when `bytes` is valid UTF-8.
size_t FirstInvalidUtf8(std::string_view bytes);

// Share of bytes that are control characters other than tab, CR, LF and FF (binary content).
double ControlByteShare(std::string_view bytes);

// `bytes` with every ill-formed sequence replaced by U+FFFD.
std::string RepairUtf8(std::string_view bytes);

}  // namespace newsloom::text

#endif  // NEWSLOOM_TEXT_UTF8_H_
