// The brief of one story: title, sources with dates and copy roles, a timeline of dated sentences,
// and the sentences most shared across sources.
#ifndef NEWSLOOM_STORY_STORY_BUILDER_H_
#define NEWSLOOM_STORY_STORY_BUILDER_H_

#include <string>
#include <vector>

#include "newsloom/analyzed_article.h"
#include "newsloom/story.h"

namespace newsloom::story {

// `articles` in ingest order; `copy_groups` may hold groups of other stories, which are ignored.
//
// - title: that of the most central article (highest summed term-vector cosine to the others);
// - articles: in ingest order, each with its copy role (kOriginal when in no group);
// - sources_independent: articles of one copy group count once, every other article once;
// - timeline: one entry per day ("2024-06-19") or month ("2023-09") that sentences mention, in
//   date order, citing each sentence once; `background` when the date ends more than 14 days
//   before the first publication day (never when no article is dated);
// - shared_sentences: groups of near-identical sentences from two or more articles (sharing 60%
//   of the shorter sentence's word 3-shingles, or 8 of them: a quote both carry), at most 10, the
//   most independent sources first;
// - entities: ResolveEntities (entity_resolution.h);
// - quotes: the articles' quotes merged across articles, speakers linked to the entities
//   (quote_merge.h);
// - claims: figures that two or more sources give for the same thing, compared (claims.h).
// Never fails; an empty `articles` gives a story with only its ids.
Story BuildStory(const std::string& story_id, const std::string& thread_id,
                 const std::vector<const AnalyzedArticle*>& articles,
                 const std::vector<CopyGroup>& copy_groups);

}  // namespace newsloom::story

#endif  // NEWSLOOM_STORY_STORY_BUILDER_H_
