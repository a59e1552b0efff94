// Quotes and their attribution: who said what, in an article body.
//
// Direct quotes are found from quotation marks of every common style ("...", “...”, «...», „...“,
// and ‘...’ / '...' where an apostrophe cannot be meant). A quote that opens a paragraph without
// closing it continues into the following paragraph when that one opens with a quotation mark.
// Each quote gets a cue ("said", "told", "according to", ...) and a speaker, looked for after the
// quote in the same sentence ("...," she said / said Mr. Okafor), before it (Okafor said: "..."),
// in a paragraph before that ends with a colon, or carried over from the quote just before
// (consecutive quotes keep their speaker). Pronouns resolve to the most recent person name.
// Indirect speech ("X said that ...", "according to X, ...", "..., X said.") gives quotes of kind
// "indirect" whose span is the reported clause.
#ifndef NEWSLOOM_QUOTES_H_
#define NEWSLOOM_QUOTES_H_

#include <string>
#include <string_view>
#include <vector>

#include "newsloom/analyzed_article.h"

namespace newsloom::analyze {

struct QuoteOptions {
  // ISO 639-1: German, French and Spanish have their own speech verbs and function words; other
  // languages are read with the English ones.
  std::string language = "en";
  bool indirect = true;  // also report indirect speech
  // Quoted text of fewer words with no cue in its sentence is taken for a scare quote or a title,
  // not speech, and dropped.
  int min_unattributed_words = 4;
  // A quoted fragment inside reported speech ("X says the tweets were “unhinged.”") spans the
  // whole reported clause instead of the quoted words alone: the content as attribution corpora
  // such as PolNeAR annotate it. Off by default: quotes hold the quoted words.
  bool clause_spans = false;
};

// All quotes of `body` (UTF-8; ill-formed bytes are passed over), read from its tokens (Analyze's,
// text::Segment) with hyphenated compounds joined ("al-Assad"), in order of their spans. Byte
// offsets into `body`. Never fails; thread-safe; deterministic.
std::vector<Quote> FindQuotes(std::string_view body, const std::vector<Token>& tokens,
                              const QuoteOptions& options = {});
// The same, segmenting `body` first (text::Segment).
std::vector<Quote> FindQuotes(std::string_view body, const QuoteOptions& options = {});

}  // namespace newsloom::analyze

#endif  // NEWSLOOM_QUOTES_H_
