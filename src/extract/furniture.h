// What a line of text says about itself, on whatever page it stands: the features that tell
// running text from site furniture (length, function words, capitals, a sentence end), and the
// wording of furniture, bylines, captions and date lines. Shared by the plain-text and the HTML
// extractors, which differ in how they cut a page into lines, not in how they read one.
#ifndef NEWSLOOM_EXTRACT_FURNITURE_H_
#define NEWSLOOM_EXTRACT_FURNITURE_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "newsloom/date.h"

namespace newsloom::extract {

struct LineFeatures {
  std::string text;  // trimmed
  std::string norm;  // text::NormalizeForCompare(text)
  int chars = 0;     // code points
  int words = 0;
  int stopwords = 0;
  int capitalized = 0;    // words starting with an upper-case ASCII letter
  int content_words = 0;  // words that are not function words
  int content_capitalized = 0;
  double stop_density = 0;
  bool ends_sentence = false;
};

// The features of one line (trimmed, valid UTF-8). Without `count_capitals`, capitalized,
// content_words and content_capitalized stay 0 (what the furniture and metadata tests of this
// header need is measured either way, at about half the cost).
LineFeatures MeasureLine(std::string_view text, bool count_capitals = true);

// Why a line is site furniture by what it says alone: "navigation", "related-links",
// "comment-form", "advertisement", "counter", "weather", "call-to-action", "copyright",
// "author-bio", "breadcrumb", or "punctuation" for a line of punctuation only; "" when its
// wording says nothing.
std::string LineFurnitureReason(const LineFeatures& line);
// The same for any text, "" for punctuation and blank text.
std::string FurnitureReason(std::string_view line);

// A heading after which a page holds no more of the article: "About the author", "Comments" and
// the like, as the whole line. (Related-article boxes often sit inside an article.)
bool EndsArticle(const LineFeatures& line);

// Why a line is page metadata rather than text: "date" (a line that is essentially a date),
// "published-line" or "updated-line", "byline", "credit" (a short photo credit: "Foto: dpa");
// "" otherwise.
std::string MetadataLineReason(const LineFeatures& line);

// A photo caption or credit ("Photo: ...", "(AP Photo/...)", "..., left, ...").
bool IsCaptionCue(const LineFeatures& line);
// The narrower kind of caption that HTML blocks outside <figure> are checked for: a numbered
// figure ("Abbildung 4: ...", "Figure 2. ..."), a line closing with its credit ("(Credit: ...)",
// "(Foto: ...)", "© Agency"), or one opening with an image's zoom button ("Vergrößern ...").
bool IsCreditedCaption(const LineFeatures& line);
// "By Jane Doe", "By Jane Doe and John Roe, Reuters": the name, or "" when the line is no byline.
std::string BylineName(const LineFeatures& line);
// "... a visit in 24 yearsBy Jane Doe": the position of a byline glued to the end of a line by
// the crawl, or npos.
size_t GluedByline(std::string_view line);
// A bare personal name: two to four capitalised words, no digits or sentence punctuation.
bool LooksLikeName(const LineFeatures& line);
// Publication and update lines ("Published : June 19, 2024 - 15:57", "Updated: ..."): true when
// the line is one and holds a date, which is stored in `date`; `is_update` for update lines.
bool IsPublishedLine(const LineFeatures& line, std::optional<Date>* date, bool* is_update);
// A line that could be a headline: 3 to 30 words, not ending in ':', ',' or an ellipsis.
bool IsHeadlineLike(const LineFeatures& line);
// Another article's headline sitting inside a body: title case, no final punctuation.
bool IsTitleCaseHeadline(const LineFeatures& line);

// `s` with every run of white space, Unicode spaces included (no-break, thin, ideographic), made
// one ASCII space, invisible characters (soft hyphens, zero-width spaces and joiners) dropped,
// and the ends trimmed.
std::string CollapseSpace(std::string_view s);

// Small helpers on words as written.
bool StartsUpper(std::string_view word);
std::vector<std::string_view> RawWords(std::string_view s);  // split on spaces and tabs
bool HasDigit(std::string_view s);
int DigitCount(std::string_view s);

}  // namespace newsloom::extract

#endif  // NEWSLOOM_EXTRACT_FURNITURE_H_
