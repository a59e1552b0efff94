// Streaming story clustering: each article, in arrival order, joins the story whose members it is
// most like, within a time window, or starts a new one; then the members of the stories around it
// may move to a story that now fits them better, since an event's first reports can land before
// the story they belong to exists.
//
// Similarity between two articles is a weighted sum of TF-IDF cosines over five kinds of terms:
// words, proper names, specific figures, headline words and lead words (see analyze::Analyze).
// An article's similarity to a story is the mean of its link_members best links to the story's
// recent members, raised when the dates that open the texts agree and lowered when they
// contradict each other (look-alike events: two summits of the same leaders, two storms of one
// season).
#ifndef NEWSLOOM_CLUSTER_STORY_CLUSTERER_H_
#define NEWSLOOM_CLUSTER_STORY_CLUSTERER_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "cluster/document_frequencies.h"
#include "newsloom/analyzed_article.h"

namespace newsloom::cluster {

// Weights and thresholds tuned on the development sets (`newsloom eval clustering` on
// news-dev.jsonl and ecbplus-dev.jsonl).
struct ClusterOptions {
  // Similarity = the weighted sum of the cosines of each kind of term.
  double word_weight = 0.784;
  double name_weight = 0.284;    // "n:..." name terms
  double number_weight = 0.254;  // figures with three or more digits, years aside
  double title_weight = 0.658;   // "t:..." headline words
  double lead_weight = 0.183;    // "l:..." headline and lead words
  // An article joins the most similar story when the similarity reaches this; else it starts one.
  double join_threshold = 0.156;
  // A story is as similar as the mean of its link_members best links, among its
  // max_members_compared most recent members.
  int link_members = 3;
  int max_members_compared = 32;
  // Two dated articles more than window_days apart (an article from its nearest dated member)
  // never share a story. Undated articles join by their text alone.
  int window_days = 60;
  // When exactly one side has a publication day, the two cannot be placed in time: the text
  // must agree this much more.
  double one_side_dated_penalty = 0.261;
  // The dates of the lead (the first lead_bytes of the body): sharing a full day raises the
  // similarity by a factor (1 + bonus); a first date of a different day or weekday lowers it.
  // An undated page whose template shows the day it was online (Article::masthead_date) never
  // joins a story whose leads most often report a later day.
  double lead_event_day_bonus = 0.020;
  double lead_day_bonus = 0.087;
  double lead_day_penalty = 0.177;
  double lead_weekday_bonus = 0.154;
  double lead_weekday_penalty = 0.065;
  uint32_t lead_bytes = 500;
  // After each article, the members of its story and of the refine_candidates stories most like
  // it move to one of those stories when it fits them better by move_margin.
  int refine_candidates = 2;
  double move_margin = 0.000;
  // Threads: a new story joins the thread of the most similar story within thread_window_days
  // when the similarity reaches thread_threshold.
  int thread_window_days = 400;
  double thread_threshold = 0.15;
  // Undated streams have no time window: a story that has taken no article for this many Adds
  // stops taking new ones, which bounds the work per article on long streams.
  long max_idle_articles = 20000;
  // A story past the time window (by the newest day seen) stops taking articles only once it has
  // also taken none for this many Adds, since streams arrive roughly, not exactly, in time order.
  long min_idle_articles = 1000;
  // Between articles of different languages most words cannot match: the similarity is scaled
  // up, and the names they share (folded to one script, without accents) count again.
  double cross_language_scale = 3.0;
  double cross_language_name_weight = 1.5;
  int candidate_terms = 60;  // an article's heaviest terms used to look up candidate stories
  // Background document frequencies by language (SharedDocumentFrequencies), added to the
  // stream's own counts for the articles of those languages; null: the stream's counts alone.
  // Not owned; must outlive the clusterer.
  const std::map<std::string, DocumentFrequencies, std::less<>>* background = nullptr;
};

// The options with the shipped background document frequencies; SharedDocumentFrequencies'
// error when they cannot be loaded.
Result<ClusterOptions> DefaultClusterOptions();

struct Assignment {
  std::string article_id;
  std::string story_id;   // stable: derived from the article that started the story
  std::string thread_id;  // related stories share it
};

// Not thread-safe. The same sequence of Add calls always gives the same assignments.
class StoryClusterer {
 public:
  explicit StoryClusterer(ClusterOptions options = {});
  ~StoryClusterer();
  // Returns the story the article joins at arrival.
  std::string Add(const AnalyzedArticle& article);
  // In Add order, with the stories as they are now: an article that moved to a story that fits
  // it better is reported in that story.
  std::vector<Assignment> Assignments() const;
  // Heap bytes of the active window (the stories that can still take articles or threads, and
  // the candidate index), now and at its peak so far (sampled when the window is pruned).
  size_t ActiveBytes() const;
  size_t PeakActiveBytes() const;
  size_t ActiveStories() const;
  // Everything a later Add depends on, as a versioned blob (story_clusterer_state.h).
  std::string SaveState() const;
  // Takes the state of a saved clusterer, which must have had the same options: the next Adds
  // give what they would have given there. kCorrupt, leaving this clusterer empty, when the blob
  // is damaged or of another format version.
  Status RestoreState(std::string_view blob);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace newsloom::cluster

#endif  // NEWSLOOM_CLUSTER_STORY_CLUSTERER_H_
