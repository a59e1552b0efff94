// Claims compared within one story: the figures its sources give for the same quantity about the
// same thing, marked as agreeing, differing, or a series over time.
//
// Two figures of different sources (articles of one copy group are one source) are about the same
// thing when they count the same unit, name the same measured thing (or none), and their
// paragraphs share at least two content words near the figure (15 words of the article's tokens
// either side; words of text::StopList::kFigureContext and numbers left out). Such figures are
// grouped transitively. A group with figures from two or more sources is a claim:
//   - "agree" when all its values are equal (within 5% when a qualifier such as "about" is given);
//   - "series" when values differ only between different reference dates (a figure that grew:
//     "1,200 homes" on Monday, "3,400 homes" a week later) — not a conflict;
//   - "differ" when sources give different values for one reference date.
// Only figures of the story's own articles are compared: a difference between stories is never a
// conflict.
#ifndef NEWSLOOM_STORY_CLAIMS_H_
#define NEWSLOOM_STORY_CLAIMS_H_

#include <string>
#include <vector>

#include "newsloom/analyzed_article.h"
#include "newsloom/story.h"

namespace newsloom::story {

// `articles` in ingest order with their figures; `origin[i]` names the source of article i.
// Claims with a difference first ("differ", then "series", then "agree"), then by first figure.
// Deterministic; never fails.
std::vector<Claim> CompareClaims(const std::vector<const AnalyzedArticle*>& articles,
                                 const std::vector<std::string>& origin);

// Whether two values agree: equal, or within 5% when either is approximate.
bool ValuesAgree(const ClaimValue& a, const ClaimValue& b);

}  // namespace newsloom::story

#endif  // NEWSLOOM_STORY_CLAIMS_H_
