// A page's markup made ready for the parser. Scripts, styles and comments are a large share of the
// bytes of modern pages and the parser's time grows with bytes, so they are set aside first,
// keeping what extraction reads from them: JSON-LD, and the JSON a page renders itself from
// (`<script type="application/json">`, `window.__NAME__ = {...}`). Only the ends of these
// raw-text elements are searched for; the markup itself is left to the parser.
#ifndef NEWSLOOM_EXTRACT_HTML_SOURCE_H_
#define NEWSLOOM_EXTRACT_HTML_SOURCE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace newsloom::extract {

struct HtmlSource {
  // The page without comments and without the contents of <script>, <style>, <noscript> and <svg>
  // (their elements stay, empty, so the tree keeps its shape). A browser that runs scripts reads
  // <noscript> as raw text, so markup inside it (an unclosed <div>) must not swallow the rest of
  // the page. A `text/template` script holding the article's markup without placeholders (pages
  // rendered on the client) is unwrapped: its markup is the article. NUL bytes are dropped.
  std::string markup;
  std::vector<std::string> json_ld;     // the text of each application/ld+json script
  std::vector<std::string> page_state;  // JSON objects that scripts render the page from
  // Sum over start tags of the square of their number of space-separated parts: a bound on the
  // parser's work comparing attribute names (see PageBudget).
  uint64_t attribute_work = 0;
};

// Linear in the size of `html`. Never fails.
HtmlSource PrepareHtml(std::string_view html);

// The JSON object or array starting at `text[begin]` ('{' or '['), up to its matching bracket
// (strings and escapes respected); empty when it does not close.
std::string_view BalancedJson(std::string_view text, size_t begin);

}  // namespace newsloom::extract

#endif  // NEWSLOOM_EXTRACT_HTML_SOURCE_H_
