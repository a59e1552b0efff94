// What analysis returns: the article cut into sentences and tokens, with the spans that later
// stages use (dates, entities) and the fingerprints and term vector that dedup and clustering use.
// Every span is a byte range into article.body.
#ifndef NEWSLOOM_ANALYZED_ARTICLE_H_
#define NEWSLOOM_ANALYZED_ARTICLE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "newsloom/article.h"

namespace newsloom {

struct Token {
  Span span;
  std::string norm;          // NFKC, case-folded
  bool is_word = false;      // letters or digits, not punctuation
  bool capitalized = false;  // first letter upper case in the source
};

// A temporal expression, TimeML style.
struct TemporalExpression {
  Span span;
  std::string text;
  std::string type;  // "DATE", "TIME", "DURATION", "SET"
  // TimeML value: "2024-06-19", "2024-06", "2024-W25", "P24Y", "PRESENT_REF", ...
  std::string value;
  bool relative = false;  // resolved against the anchor date rather than written out in full
  int tense = 0;          // of the clause around it: -1 past, +1 future, 0 unknown
};

struct EntityMention {
  Span span;
  std::string text;
  std::string type;  // "PER", "ORG", "LOC", "MISC"
};

// Who said what. A direct quote is the text inside quotation marks (opening and closing marks
// excluded; a quote running over several paragraphs spans them all); an indirect one is the
// reported clause ("X said that ..."). The speaker span is the mention in the text (a name, a
// title and name, a pronoun or a description); `speaker` is that mention, or for a pronoun the
// name it resolves to. Empty spans and strings when unknown.
struct Quote {
  Span span;
  std::string text;
  Span speaker_span;
  std::string speaker;
  Span cue_span;
  std::string cue;              // "said", "told", "according to", ...
  std::string kind = "direct";  // "direct" or "indirect"
};

// A number with what it counts: "about 3,000 workers", "24 injuries", "three-day strike",
// "5 to 10 percent", "$3 million". `value` and `value_high` are equal unless a range was given;
// scale words are applied ("3 million" -> 3e6). `unit` is the counted noun, lower-case and
// singular ("worker", "day", "percent", "usd"); `thing` is the noun a hyphenated measure
// qualifies ("strike" in "three-day strike"), else empty. `approx` holds the qualifier before
// the number ("about", "over", "more than", "at least"), else empty. The reference date is the
// TimeML value of the first date of the sentence, else the publication day ("" when neither).
struct Figure {
  Span span;  // from the qualifier or number to the unit
  std::string text;
  double value = 0;
  double value_high = 0;
  std::string unit;
  std::string thing;
  std::string approx;
  std::string reference_date;
  Span sentence;
};

struct Term {
  std::string term;
  float weight = 0;  // TF-IDF, the vector L2-normalised
};

struct AnalyzedArticle {
  Article article;
  std::vector<Span> sentences;
  std::vector<Token> tokens;
  std::vector<TemporalExpression> dates;
  std::vector<EntityMention> entities;
  std::vector<Quote> quotes;    // analyze::FindQuotes
  std::vector<Figure> figures;  // analyze::FindFigures

  uint64_t body_hash = 0;         // hash of the normalised body: exact copies share it
  std::vector<uint32_t> minhash;  // MinHash signature over word shingles
  std::vector<Term> terms;        // sorted by term
};

}  // namespace newsloom

#endif  // NEWSLOOM_ANALYZED_ARTICLE_H_
