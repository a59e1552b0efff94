#include "pipeline/story_desk.h"

#include <algorithm>
#include <chrono>
#include <set>
#include <unordered_set>
#include <utility>

#include "analyze/analyze.h"
#include "story/story_builder.h"
#include "text/byte_archive.h"

namespace newsloom {

namespace {

// Names of the saved blobs. The desk's own says how many articles the other two hold.
constexpr const char* kDeskState = "story_desk";
constexpr const char* kClustererState = "story_clusterer";
constexpr const char* kDetectorState = "copy_detector";
constexpr const char* kDeskStateKind = "newsloom.story_desk";
constexpr uint32_t kDeskStateVersion = 1;

bool SameGroup(const CopyGroup& a, const CopyGroup& b) {
  return a.first_publisher == b.first_publisher && a.article_ids == b.article_ids &&
         a.roles == b.roles && a.similarity == b.similarity;
}

}  // namespace

StoryDesk::StoryDesk(Store* store, cluster::ClusterOptions options)
    : store_(store), clusterer_(std::move(options)) {}

StoryDesk::~StoryDesk() = default;

Result<std::unique_ptr<StoryDesk>> StoryDesk::Fresh(Store* store) {
  auto options = cluster::DefaultClusterOptions();
  if (!options.ok()) return options.status();
  return std::unique_ptr<StoryDesk>(new StoryDesk(store, std::move(options).value()));
}

Result<std::unique_ptr<StoryDesk>> StoryDesk::Open(Store* store) {
  auto desk = Fresh(store);
  if (!desk.ok()) return desk.status();
  NEWSLOOM_RETURN_IF_ERROR((*desk)->Restore());
  return desk;
}

Status StoryDesk::Restore() {
  std::optional<std::string> blobs[3];
  const char* names[3] = {kDeskState, kClustererState, kDetectorState};
  for (int i = 0; i < 3; ++i) {
    auto blob = store_->GetState(names[i]);
    if (!blob.ok()) return blob.status();
    if (!*blob) return Status::Ok();  // nothing saved: start empty
    blobs[i] = std::move(**blob);
  }
  int64_t taken = 0;
  auto reader = text::ByteReader::Open(*blobs[0], kDeskStateKind, kDeskStateVersion);
  if (!reader.ok()) return Status::Ok();
  reader->Value(taken);
  auto stored = store_->ArticleCount();
  if (!stored.ok()) return stored.status();
  // A state of more articles than are stored belongs to another history of the store.
  if (!reader->AtEnd() || taken > *stored) return Status::Ok();
  // Unreadable (another format version): start empty, both parts alike. A part that fails to
  // restore is left empty.
  if (!detector_.RestoreState(*blobs[2]).ok()) return Status::Ok();
  if (!clusterer_.RestoreState(*blobs[1]).ok()) {
    return detector_.RestoreState(dedup::CopyDetector().SaveState());
  }
  taken_ = taken;
  rewrite_all_ = false;
  std::vector<std::string> order;
  CurrentStories(&order, &written_);
  for (CopyGroup& g : detector_.Groups()) {
    std::string id = g.id;
    written_groups_.emplace(std::move(id), std::move(g));
  }
  return Status::Ok();
}

Status StoryDesk::CatchUp() {
  return store_->ForEachArticleAfter(taken_, LoadOptions{}, [this](AnalyzedArticle&& a) {
    Add(a);
    return Status::Ok();
  });
}

void StoryDesk::Add(const AnalyzedArticle& article) {
  detector_.Add(article);
  clusterer_.Add(article);
  ++taken_;
}

void StoryDesk::CurrentStories(std::vector<std::string>* order,
                               std::unordered_map<std::string, Membership>* stories) const {
  stories->clear();
  for (const cluster::Assignment& a : clusterer_.Assignments()) {
    auto [it, inserted] = stories->try_emplace(a.story_id);
    if (inserted) {
      order->push_back(a.story_id);
      it->second.thread = a.thread_id;
    }
    it->second.article_ids.push_back(a.article_id);
  }
}

Result<std::vector<Story>> StoryDesk::BuildBriefs(
    const std::vector<std::string>& ids, const std::unordered_map<std::string, Membership>& stories,
    const std::vector<CopyGroup>& groups) const {
  std::unordered_map<std::string, size_t> group_of;  // article id -> index in `groups`
  for (size_t g = 0; g < groups.size(); ++g) {
    for (const std::string& a : groups[g].article_ids) group_of.emplace(a, g);
  }
  std::vector<Story> out;
  out.reserve(ids.size());
  for (const std::string& id : ids) {
    const Membership& m = stories.at(id);
    auto articles = store_->GetArticles(m.article_ids);
    if (!articles.ok()) return articles.status();
    std::set<size_t> touching;  // the copy groups of its members, in their order
    for (AnalyzedArticle& a : *articles) {
      // Quotes and figures are not stored: found again from the stored body, sentences, dates.
      analyze::FindQuotesAndFigures(&a);
      auto g = group_of.find(a.article.id);
      if (g != group_of.end()) touching.insert(g->second);
    }
    std::vector<CopyGroup> own;
    for (size_t g : touching) own.push_back(groups[g]);
    std::vector<const AnalyzedArticle*> pointers;
    pointers.reserve(articles->size());
    for (const AnalyzedArticle& a : *articles) pointers.push_back(&a);
    out.push_back(story::BuildStory(id, m.thread, pointers, own));
  }
  return out;
}

Result<StoryCommit> StoryDesk::Commit() {
  std::vector<std::string> order;
  std::unordered_map<std::string, Membership> now;
  CurrentStories(&order, &now);
  std::vector<CopyGroup> groups = detector_.Groups();

  // Changed: new, or other members or thread, or an article in a copy group that changed (the
  // roles the brief shows).
  std::unordered_map<std::string, const std::string*> story_of;  // article id -> story id
  for (const auto& [id, m] : now) {
    for (const std::string& a : m.article_ids) story_of.emplace(a, &id);
  }
  std::unordered_set<std::string> changed;
  for (const auto& [id, m] : now) {
    auto it = written_.find(id);
    if (rewrite_all_ || it == written_.end() || !(it->second == m)) changed.insert(id);
  }
  Store::StoryChanges changes;
  changes.replace_all = rewrite_all_;
  auto mark_articles = [&](const std::vector<std::string>& article_ids) {
    for (const std::string& a : article_ids) {
      auto s = story_of.find(a);
      if (s != story_of.end()) changed.insert(*s->second);
    }
  };
  std::set<std::string> group_ids;
  for (const CopyGroup& g : groups) {
    group_ids.insert(g.id);
    auto it = written_groups_.find(g.id);
    if (rewrite_all_ || it == written_groups_.end() || !SameGroup(it->second, g)) {
      mark_articles(g.article_ids);
      changes.copy_groups.push_back(g);
    }
  }
  for (const auto& [id, g] : written_groups_) {
    if (group_ids.count(id)) continue;
    mark_articles(g.article_ids);  // merged into another group: the roles change
    changes.removed_copy_groups.push_back(id);
  }
  for (const auto& [id, m] : written_) {
    if (!now.count(id)) changes.removed_stories.push_back(id);
  }
  std::sort(changes.removed_stories.begin(), changes.removed_stories.end());

  std::vector<std::string> to_write;  // in the order of their first article
  for (const std::string& id : order) {
    if (changed.count(id)) to_write.push_back(id);
  }
  StoryCommit commit;
  auto start = std::chrono::steady_clock::now();
  auto lap = [&start] {
    const auto now = std::chrono::steady_clock::now();
    const double seconds = std::chrono::duration<double>(now - start).count();
    start = now;
    return seconds;
  };
  auto briefs = BuildBriefs(to_write, now, groups);
  if (!briefs.ok()) return briefs.status();
  changes.stories = std::move(*briefs);
  commit.brief_seconds = lap();

  text::ByteWriter desk_state;
  desk_state.Value(taken_);
  changes.state = {{kDeskState, desk_state.Finish(kDeskStateKind, kDeskStateVersion)},
                   {kClustererState, clusterer_.SaveState()},
                   {kDetectorState, detector_.SaveState()}};
  NEWSLOOM_RETURN_IF_ERROR(store_->UpdateStories(changes));
  commit.write_seconds = lap();
  commit.stories = static_cast<int64_t>(now.size());
  commit.stories_written = static_cast<int64_t>(changes.stories.size());
  commit.stories_removed = static_cast<int64_t>(changes.removed_stories.size());
  written_ = std::move(now);
  written_groups_.clear();
  for (CopyGroup& g : groups) {
    std::string id = g.id;
    written_groups_.emplace(std::move(id), std::move(g));
  }
  rewrite_all_ = false;
  return commit;
}

}  // namespace newsloom
