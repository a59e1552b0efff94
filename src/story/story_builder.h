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
Story BuildStory(const std::string& story_id, const std::string& thread_id,
                 const std::vector<const AnalyzedArticle*>& articles,
                 const std::vector<CopyGroup>& copy_groups);

}  // namespace newsloom::story

#endif  // NEWSLOOM_STORY_STORY_BUILDER_H_
