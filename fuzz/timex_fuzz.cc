// Fuzzes the temporal-expression tagger: the first byte picks an anchor date (or none) and a
// language (one with word tables, or one without), the rest is the text. Every expression must be a
// non-empty span of the text, in order, with its text.
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string_view>

#include "timex/timex.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  std::optional<newsloom::Date> anchor;
  if (data[0] & 1) {
    // Spread over the years and days a news archive holds, leap days included.
    anchor = newsloom::Date{1990 + (data[0] >> 1) % 40, 1 + (data[0] >> 2) % 12,
                            1 + (data[0] >> 3) % 28};
    if ((data[0] >> 1) % 40 == 34 && data[0] % 3 == 0) anchor = newsloom::Date{2024, 2, 29};
  }
  static constexpr const char* kLanguages[] = {"en", "de", "fr", "es", "un"};
  const char* language = kLanguages[(data[0] >> 4) % 5];
  const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  const auto expressions = newsloom::timex::TagTemporalExpressions(text, anchor, language);
  size_t previous_begin = 0;
  for (const auto& e : expressions) {
    if (e.span.begin >= e.span.end || e.span.end > text.size()) std::abort();
    if (e.span.begin < previous_begin) std::abort();
    if (text.substr(e.span.begin, e.span.end - e.span.begin) != e.text) std::abort();
    if (e.type.empty() || e.value.empty()) std::abort();
    previous_begin = e.span.begin;
  }
  return 0;
}
