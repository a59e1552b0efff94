// Quotation marks in text: straight, curly, low ("„"), guillemets and single marks, and the
// quotations they enclose, possibly over several paragraphs.
#ifndef NEWSLOOM_ANALYZE_QUOTE_MARKS_H_
#define NEWSLOOM_ANALYZE_QUOTE_MARKS_H_

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace newsloom::analyze {

enum class Mark {
  kNone,
  kDouble,
  kCurlyOpen,
  kCurlyClose,
  kLowOpen,
  kGuilOpen,
  kGuilClose,
  kSingle,
  kSingleOpen,
  kSingleClose
};

// The quotation mark that starts at s[i], with its length in bytes in *len (1 for kNone).
Mark MarkAt(std::string_view s, size_t i, size_t* len);

struct RawQuote {
  uint32_t outer_begin, outer_end;  // with the marks
  uint32_t inner_begin, inner_end;  // without
  Mark open;
};

// The quotations of `s`, in order. A single mark opens one only after a space and before a letter,
// so that apostrophes are not taken for quotes; an unclosed double mark runs to the paragraph end,
// or on into the next paragraph when that one opens with a mark.
std::vector<RawQuote> FindQuoteMarks(std::string_view s);

}  // namespace newsloom::analyze

#endif  // NEWSLOOM_ANALYZE_QUOTE_MARKS_H_
