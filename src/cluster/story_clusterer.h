// Streaming story clustering: each article, in arrival order, joins the most similar active story
// within a time window or starts a new one. Similarity uses TF-IDF cosine of the bodies, shared
// proper names and the dates the texts mention.
#ifndef NEWSLOOM_CLUSTER_STORY_CLUSTERER_H_
#define NEWSLOOM_CLUSTER_STORY_CLUSTERER_H_

#include <memory>
#include <string>
#include <vector>

#include "newsloom/analyzed_article.h"

namespace newsloom::cluster {

struct ClusterOptions {
  int window_days = 7;  // a story older than this (by its newest article) takes no new articles
};

struct Assignment {
  std::string article_id;
  std::string story_id;   // stable: derived from the story's first article
  std::string thread_id;  // related stories share it
};

// Not thread-safe. The same sequence of Add calls always gives the same assignments.
class StoryClusterer {
 public:
  explicit StoryClusterer(ClusterOptions options = {});
  ~StoryClusterer();
  // Returns the story the article joins.
  std::string Add(const AnalyzedArticle& article);
  std::vector<Assignment> Assignments() const;  // in Add order

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace newsloom::cluster

#endif  // NEWSLOOM_CLUSTER_STORY_CLUSTERER_H_
