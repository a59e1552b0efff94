// Stories kept up to date as articles arrive, the same way on every path (ingest, the server's
// ingest, the queue's clusterer): copy detection and story clustering fed the stored articles in
// ingest order, their state saved in the store beside the stories it produced, so that a run
// restores it rather than replaying every stored article, and rebuilds the briefs of the stories
// its articles changed, once per commit.
//
// Whatever the batches, the stories equal those of one run over the same articles in the same
// order: the saved state is everything a later Add reads, restored exactly.
#ifndef NEWSLOOM_PIPELINE_STORY_DESK_H_
#define NEWSLOOM_PIPELINE_STORY_DESK_H_

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "cluster/story_clusterer.h"
#include "newsloom/analyzed_article.h"
#include "newsloom/dedup.h"
#include "newsloom/status.h"
#include "newsloom/store.h"

namespace newsloom {

struct StoryCommit {
  int64_t stories = 0;          // stories after the commit
  int64_t stories_written = 0;  // new or changed stories whose briefs were rebuilt
  int64_t stories_removed = 0;  // stories left without members
  // Wall-clock seconds spent building the briefs, and saving the state and writing everything.
  double brief_seconds = 0, write_seconds = 0;
};

// Not thread-safe. The store must outlive it.
class StoryDesk {
 public:
  // The desk as the store last saved it. With no saved state, or one this build cannot read
  // (another format version, damage), or one that covers more articles than are stored, an empty
  // desk whose first commit rewrites every story.
  static Result<std::unique_ptr<StoryDesk>> Open(Store* store);
  // An empty desk whatever was saved: its first commit rewrites every story.
  static Result<std::unique_ptr<StoryDesk>> Fresh(Store* store);
  ~StoryDesk();

  // How many articles it holds: the first ArticlesTaken() stored articles, in ingest order.
  int64_t ArticlesTaken() const { return taken_; }
  // Adds the stored articles after the first ArticlesTaken() (those of runs that built no
  // stories, or failed before their commit).
  Status CatchUp();
  // Adds the next stored article in ingest order.
  void Add(const AnalyzedArticle& article);
  // Rebuilds the briefs of the stories changed since the last commit (or since it was opened)
  // and writes them with the state, in one transaction.
  Result<StoryCommit> Commit();

 private:
  // A story's members and thread, to tell which stories a commit changes.
  struct Membership {
    std::string thread;
    std::vector<std::string> article_ids;  // ingest order
    bool operator==(const Membership&) const = default;
  };
  StoryDesk(Store* store, cluster::ClusterOptions options);
  Status Restore();
  // The stories as the clusterer has them now, in the order of their first article.
  void CurrentStories(std::vector<std::string>* order,
                      std::unordered_map<std::string, Membership>* stories) const;
  Result<std::vector<Story>> BuildBriefs(const std::vector<std::string>& ids,
                                         const std::unordered_map<std::string, Membership>& stories,
                                         const std::vector<CopyGroup>& groups) const;

  Store* store_;
  dedup::CopyDetector detector_;
  cluster::StoryClusterer clusterer_;
  int64_t taken_ = 0;
  // What the stored stories are: written by the last commit, or restored with the state.
  bool rewrite_all_ = true;
  std::unordered_map<std::string, Membership> written_;
  std::map<std::string, CopyGroup> written_groups_;  // by id
};

}  // namespace newsloom

#endif  // NEWSLOOM_PIPELINE_STORY_DESK_H_
