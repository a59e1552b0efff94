// Normalisation of short text for comparison: line identity across pages, title matching.
#ifndef NEWSLOOM_TEXT_NORMALIZE_H_
#define NEWSLOOM_TEXT_NORMALIZE_H_

#include <string>
#include <string_view>
#include <vector>

namespace newsloom::text {

// Lower-cases ASCII letters, maps typographic quotes and dashes to their ASCII forms, turns every
// run of whitespace into one space and trims. Bytes outside ASCII are kept as they are, so the
// result is valid UTF-8 whenever the input is.
std::string NormalizeForCompare(std::string_view s);

// Words of `s`: maximal runs of letters, digits, apostrophes and bytes >= 0x80 (non-ASCII letters),
// lower-cased as NormalizeForCompare does.
std::vector<std::string> Words(std::string_view s);

// `s` without leading and trailing ASCII whitespace (and the UTF-8 no-break space).
std::string_view Trim(std::string_view s);

}  // namespace newsloom::text

#endif  // NEWSLOOM_TEXT_NORMALIZE_H_
