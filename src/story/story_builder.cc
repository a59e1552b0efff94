#include "story/story_builder.h"

namespace newsloom::story {

Story BuildStory(const std::string& story_id, const std::string& thread_id,
                 const std::vector<const AnalyzedArticle*>& articles,
                 const std::vector<CopyGroup>& copy_groups) {
  Story s;
  s.id = story_id;
  s.thread = thread_id;
  (void)articles;
  (void)copy_groups;
  return s;
}

}  // namespace newsloom::story
