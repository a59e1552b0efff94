// Reading and writing TimeML (.tml) files, for scoring the tagger on TempEval-3 data and for its
// benchmark: the TEXT part with its TIMEX3 tags taken out, and the document creation time.
#ifndef NEWSLOOM_EVAL_TIMEX_TML_H_
#define NEWSLOOM_EVAL_TIMEX_TML_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "newsloom/analyzed_article.h"
#include "newsloom/date.h"
#include "newsloom/status.h"

namespace newsloom::eval {

struct TimemlExpression {
  Span span;  // bytes into TimemlDocument::text
  std::string type;
  std::string value;
};

struct TimemlDocument {
  std::string text;         // the TEXT element's content: tags removed, entities decoded
  std::string dct_value;    // the DCT TIMEX3's value, as written
  std::optional<Date> dct;  // its date, when it has one
  std::vector<TimemlExpression> timexes;  // the gold TIMEX3s inside TEXT, in order
  std::string before_text;                // the markup up to and including <TEXT>, verbatim
  std::string after_text;                 // from </TEXT> to the end, verbatim
};

// Parses one .tml file. Fails with kCorrupt when there is no <TEXT> element or a tag is not
// closed; other tags inside TEXT (EVENT, SIGNAL, ...) are dropped, keeping their content.
// TimeML offsets are in characters; ours are bytes into the decoded text, which is what both
// gold and tagger spans refer to here.
Result<TimemlDocument> ParseTimeml(std::string_view xml);

// The document written back with `tags` (spans into doc.text) as TIMEX3 elements in place of
// the gold ones; the text itself is unchanged (re-escaped).
std::string WriteTimeml(const TimemlDocument& doc, const std::vector<TemporalExpression>& tags);

}  // namespace newsloom::eval

#endif  // NEWSLOOM_EVAL_TIMEX_TML_H_
