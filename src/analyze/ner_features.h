// The entity tagger's word-level helpers, exposed for tests: normalisation, shapes, casing classes.
#ifndef NEWSLOOM_ANALYZE_NER_FEATURES_H_
#define NEWSLOOM_ANALYZE_NER_FEATURES_H_

#include <string>
#include <string_view>

namespace newsloom::analyze {

// Lower-cased (ASCII and Latin-1 letters) with every digit replaced by '0': "Q3-2024" -> "q0-0000".
std::string NerNorm(std::string_view word);
// Lower-cased, digits kept.
std::string NerLower(std::string_view word);
// "X" upper, "x" lower, "d" digit, other bytes kept; at most 16 characters: "McDonald's" ->
// "XxXxxxxx'x".
std::string NerShape(std::string_view word);
// The shape with runs collapsed: "XxXx'x".
std::string NerShortShape(std::string_view word);
// First letter upper, the rest lower ("JAPAN" -> "Japan"); other bytes unchanged.
std::string NerTitleCase(std::string_view word);

enum class NerCasing {
  kLower = 0,    // "house"
  kInitCap = 1,  // "House", "McDonald"
  kAllCaps = 2,  // "NATO", "U.S."
  kMixed = 3,    // "iPhone"
  kDigits = 4,   // "1996", "3.5"
  kAlnum = 5,    // "F-16", "2nd"
  kOther = 6,    // punctuation, symbols
};
NerCasing NerCasingOf(std::string_view word);

}  // namespace newsloom::analyze

#endif  // NEWSLOOM_ANALYZE_NER_FEATURES_H_
