// The snippet of a search hit: a few words of the body around the first match, matches in
// [brackets]. Both backends build it here from the opening of the hit's body (its first 16,384
// characters, so that a page of megabytes costs no more than a long article), in one pass: the
// full-text engines' own (FTS5 snippet(), ts_headline) run their whole tokenizer over every body
// returned, which for a long page costs more than the search itself.
#ifndef NEWSLOOM_STORE_SNIPPET_H_
#define NEWSLOOM_STORE_SNIPPET_H_

#include <string>
#include <string_view>
#include <vector>

namespace newsloom::store {

// Up to `max_words` words of `body` (words as SearchWords reads them), starting a little before
// the first word equal to one of `query_words` (ASCII letters compared without case), with every
// such word in [brackets], "..." where text is left out, and runs of white space as one space.
// Without a match in the body (the words were in the title, or matched through folding the
// full-text index does and this does not, such as accents) it is the body's first words.
std::string Snippet(std::string_view body, const std::vector<std::string>& query_words,
                    int max_words = 16);

}  // namespace newsloom::store

#endif  // NEWSLOOM_STORE_SNIPPET_H_
