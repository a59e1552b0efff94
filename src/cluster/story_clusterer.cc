#include "cluster/story_clusterer.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "text/hash.h"

namespace newsloom::cluster {
namespace {

using SparseVector = std::vector<std::pair<int, float>>;  // sorted by term id

constexpr size_t kRepairCandidates = 3;
constexpr size_t kMaxScored = 64;

// Terms of three kinds, compared separately: a shared name or figure is stronger evidence of the
// same event than a shared word, and a story about the same kind of event with other people
// shares the words but not the names.
enum Kind { kWords = 0, kNames = 1, kNumbers = 2, kKinds = 3 };

struct ArticleVectors {
  SparseVector kind[kKinds];  // each unit length (or empty)
  SparseVector all;           // every term, for the candidate index
};

// "2024-06-19" or "2024-06" -> "2024-06"; nothing for values without a known year and month.
std::optional<std::string> MonthOf(std::string_view value) {
  if (value.size() < 7 || value[4] != '-') return std::nullopt;
  for (int i : {0, 1, 2, 3, 5, 6}) {
    if (value[i] < '0' || value[i] > '9') return std::nullopt;
  }
  return std::string(value.substr(0, 7));
}

// Figures that identify an event: three or more digits ("1,000", "2019", "6.1" counts its two
// digits and separator) rather than the small counts and ages every story has.
bool SpecificNumber(std::string_view term) {
  int digits = 0;
  bool separator = false;
  for (char c : term) {
    if (c >= '0' && c <= '9') {
      ++digits;
    } else if (c == '.' || c == ',') {
      separator = true;
    }
  }
  return digits >= 3 || (digits >= 2 && separator);
}

}  // namespace

struct StoryClusterer::Impl {
  struct Story {
    std::string id;
    std::string thread;
    std::unordered_map<int, float> centroid[kKinds];  // sums of member unit vectors
    double norm2[kKinds] = {0, 0, 0};                 // their squared L2 norms
    int size = 0;
    std::optional<long> newest_day;  // newest publication day of a dated member
    std::set<std::string> months;    // months the members' texts mention
    std::set<long> event_days;       // the members' own days (see EventDays)
    long last_add = 0;               // Add counter at the latest member
    int merged_into = -1;            // after a repair merge: the story that absorbed this one
  };

  ClusterOptions options;
  std::unordered_map<std::string, int> vocabulary;
  std::vector<std::string> terms;  // by id
  std::vector<int> df;             // documents seen per term id
  long documents = 0;
  std::vector<Story> stories;
  std::set<std::string> story_ids;
  std::unordered_map<int, std::vector<int>> index;  // term id -> stories holding it among the top
  std::vector<Assignment> assignments;
  std::vector<int> assigned_story;
  long merges = 0;
  std::optional<long> latest_day;  // newest publication day seen  // parallel to assignments: the
                                   // story index at arrival

  explicit Impl(ClusterOptions o) : options(std::move(o)) {}

  int TermId(const std::string& term) {
    auto [it, inserted] = vocabulary.emplace(term, static_cast<int>(terms.size()));
    if (inserted) {
      terms.push_back(term);
      df.push_back(0);
    }
    return it->second;
  }

  Kind KindOf(int id) const {
    const std::string& term = terms[id];
    if (term.rfind("n:", 0) == 0) return kNames;
    return SpecificNumber(term) ? kNumbers : kWords;
  }

  // Unit TF-IDF vectors of the article, with document frequencies that include it.
  ArticleVectors Vectorize(const AnalyzedArticle& a) {
    ++documents;
    ArticleVectors out;
    for (const Term& t : a.terms) {
      const int id = TermId(t.term);
      ++df[id];
      const double idf = std::log((documents + 1.0) / (df[id] + 1.0)) + 1.0;
      const double weight = (1.0 + std::log(std::max(1.0f, t.weight))) * idf;
      out.kind[KindOf(id)].emplace_back(id, static_cast<float>(weight));
      out.all.emplace_back(id, static_cast<float>(weight));
    }
    for (SparseVector& v : out.kind) {
      double norm2 = 0;
      for (const auto& [id, w] : v) norm2 += static_cast<double>(w) * w;
      if (norm2 > 0) {
        const double inv = 1.0 / std::sqrt(norm2);
        for (auto& [id, w] : v) w = static_cast<float>(w * inv);
      }
      std::sort(v.begin(), v.end());
    }
    return out;
  }

  static double Cosine(const SparseVector& v, const std::unordered_map<int, float>& centroid,
                       double norm2) {
    if (norm2 <= 0 || v.empty()) return 0;
    double dot = 0;
    for (const auto& [id, w] : v) {
      auto it = centroid.find(id);
      if (it != centroid.end()) dot += w * it->second;
    }
    return dot / std::sqrt(norm2);
  }

  double Similarity(const ArticleVectors& v, const Story& s) const {
    return options.word_weight * Cosine(v.kind[kWords], s.centroid[kWords], s.norm2[kWords]) +
           options.name_weight * Cosine(v.kind[kNames], s.centroid[kNames], s.norm2[kNames]) +
           options.number_weight *
               Cosine(v.kind[kNumbers], s.centroid[kNumbers], s.norm2[kNumbers]);
  }

  static std::set<std::string> Months(const AnalyzedArticle& a) {
    std::set<std::string> out;
    for (const TemporalExpression& t : a.dates) {
      if (t.type != "DATE") continue;
      if (auto m = MonthOf(t.value)) out.insert(*m);
    }
    return out;
  }

  // The days an article reports on: its publication day and the full dates it mentions near
  // it (from ten days before to three after); for an undated article, every full date it
  // mentions. Background dates (an earlier summit) fall outside and do not count.
  static std::set<long> EventDays(const AnalyzedArticle& a, std::optional<long> published) {
    std::set<long> out;
    if (published) out.insert(*published);
    for (const TemporalExpression& t : a.dates) {
      if (t.type != "DATE" || t.value.size() != 10) continue;
      const std::optional<Date> d = Date::FromIso(t.value);
      if (!d) continue;
      const long day = d->DaysSinceEpoch();
      if (!published || (day >= *published - 10 && day <= *published + 3)) out.insert(day);
    }
    return out;
  }

  // Shared months the texts mention are evidence of one event; reporting on days far apart is
  // evidence of two (two summits of the same leaders months apart).
  double DateAdjustment(const std::set<std::string>& months, const std::set<long>& days,
                        const Story& s) const {
    if (!days.empty() && !s.event_days.empty()) {
      long nearest = -1;
      for (long d : days) {
        auto it = s.event_days.lower_bound(d);
        if (it != s.event_days.end()) {
          const long gap = *it - d;
          if (nearest < 0 || gap < nearest) nearest = gap;
        }
        if (it != s.event_days.begin()) {
          const long gap = d - *std::prev(it);
          if (nearest < 0 || gap < nearest) nearest = gap;
        }
      }
      if (nearest > options.window_days) return -options.date_penalty;
    }
    if (months.empty() || s.months.empty()) return 0;
    for (const std::string& m : months) {
      if (s.months.count(m)) return options.date_bonus;
    }
    return 0;
  }

  // The heaviest terms of a vector, for the inverted index.
  std::vector<int> TopTerms(const SparseVector& v) const {
    SparseVector sorted = v;
    std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) {
      return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    if (sorted.size() > static_cast<size_t>(options.candidate_terms)) {
      sorted.resize(static_cast<size_t>(options.candidate_terms));
    }
    std::vector<int> out;
    for (const auto& [id, w] : sorted) out.push_back(id);
    return out;
  }

  // The live story an index refers to, following repair merges.
  int Find(int c) const {
    while (stories[c].merged_into >= 0) c = stories[c].merged_into;
    return c;
  }

  static double CentroidCosine(const Story& a, const Story& b, int k) {
    if (a.norm2[k] <= 0 || b.norm2[k] <= 0) return 0;
    const auto& small =
        a.centroid[k].size() <= b.centroid[k].size() ? a.centroid[k] : b.centroid[k];
    const auto& large = &small == &a.centroid[k] ? b.centroid[k] : a.centroid[k];
    double dot = 0;
    for (const auto& [id, w] : small) {
      auto it = large.find(id);
      if (it != large.end()) dot += static_cast<double>(w) * it->second;
    }
    return dot / std::sqrt(a.norm2[k] * b.norm2[k]);
  }

  // Similarity of two stories' centroids, on the same scale as an article's to a story; none
  // when the stories report on days more than window_days apart.
  double StorySimilarity(const Story& a, const Story& b) const {
    if (a.newest_day && b.newest_day &&
        std::labs(*a.newest_day - *b.newest_day) > options.window_days) {
      return 0;
    }
    if (!a.event_days.empty() && !b.event_days.empty()) {
      long nearest = -1;
      for (long d : a.event_days) {
        auto it = b.event_days.lower_bound(d);
        if (it != b.event_days.end() && (nearest < 0 || *it - d < nearest)) nearest = *it - d;
        if (it != b.event_days.begin() && (nearest < 0 || d - *std::prev(it) < nearest)) {
          nearest = d - *std::prev(it);
        }
      }
      if (nearest > options.window_days) return 0;
    } else if (a.event_days.empty() != b.event_days.empty()) {
      return 0;
    }
    return options.word_weight * CentroidCosine(a, b, kWords) +
           options.name_weight * CentroidCosine(a, b, kNames) +
           options.number_weight * CentroidCosine(a, b, kNumbers);
  }

  // Repair: a story that has just grown is merged with the candidate story whose centroid has
  // come close to its own, since one event reported first from two angles starts two stories.
  // The older story absorbs the newer one and keeps its id.
  void Repair(int grown, const std::vector<int>& candidates) {
    if (options.merge_threshold <= 0) return;
    int best = -1;
    double best_score = options.merge_threshold;
    for (int c : candidates) {
      if (c == grown || stories[c].merged_into >= 0) continue;
      const double score = StorySimilarity(stories[grown], stories[c]);
      if (score >= best_score) {
        best_score = score;
        best = c;
      }
    }
    if (best < 0) return;
    const int target = std::min(grown, best);
    const int source = std::max(grown, best);
    Story& t = stories[target];
    Story& s = stories[source];
    for (int k = 0; k < kKinds; ++k) {
      for (const auto& [id, w] : s.centroid[k]) t.centroid[k][id] += w;
      double norm2 = 0;
      for (const auto& [id, w] : t.centroid[k]) norm2 += static_cast<double>(w) * w;
      t.norm2[k] = norm2;
      s.centroid[k].clear();
      s.norm2[k] = 0;
    }
    t.size += s.size;
    if (s.newest_day && (!t.newest_day || *s.newest_day > *t.newest_day))
      t.newest_day = s.newest_day;
    t.months.insert(s.months.begin(), s.months.end());
    t.event_days.insert(s.event_days.begin(), s.event_days.end());
    t.last_add = std::max(t.last_add, s.last_add);
    s.merged_into = target;
    s.months.clear();
    s.event_days.clear();
    ++merges;
  }

  // A story no article can join any more, nor take as its thread: idle for max_idle_articles
  // Adds, or older (by its newest dated member) than both windows before the newest day seen.
  bool Idle(const Story& s) const {
    if (static_cast<long>(assignments.size()) - s.last_add > options.max_idle_articles) return true;
    return s.newest_day && latest_day &&
           *latest_day - *s.newest_day > std::max(options.window_days, options.thread_window_days);
  }

  std::vector<int> Candidates(const std::vector<int>& top) const {
    std::vector<int> out;
    for (int id : top) {
      auto it = index.find(id);
      if (it == index.end()) continue;
      for (int c : it->second) {
        c = Find(c);
        if (!Idle(stories[c])) out.push_back(c);
      }
    }
    std::sort(out.begin(), out.end());
    // Scoring is the costly part on long streams: only the stories sharing the most of the
    // article's top terms are scored (ties to the older story), then in creation order.
    std::vector<std::pair<int, int>> hits;  // (-shared top terms, story)
    for (size_t i = 0; i < out.size();) {
      size_t j = i;
      while (j < out.size() && out[j] == out[i]) ++j;
      hits.emplace_back(-static_cast<int>(j - i), out[i]);
      i = j;
    }
    if (hits.size() > kMaxScored) {
      std::partial_sort(hits.begin(), hits.begin() + kMaxScored, hits.end());
      hits.resize(kMaxScored);
    }
    out.clear();
    for (const auto& [count, c] : hits) out.push_back(c);
    std::sort(out.begin(), out.end());
    return out;
  }

  // Drops idle stories from the index now and then, and frees their centroids, so that the
  // index and the memory stay bounded by the active window on long streams.
  void PruneIndex() {
    for (Story& s : stories) {
      if (s.merged_into >= 0 || s.size == 0 || !Idle(s) || s.centroid[kWords].empty()) continue;
      for (int k = 0; k < kKinds; ++k) {
        std::unordered_map<int, float>().swap(s.centroid[k]);
        s.norm2[k] = 0;
      }
      s.months.clear();
      s.event_days.clear();
    }
    for (auto it = index.begin(); it != index.end();) {
      std::vector<int>& list = it->second;
      list.erase(
          std::remove_if(list.begin(), list.end(), [&](int c) { return Idle(stories[Find(c)]); }),
          list.end());
      it = list.empty() ? index.erase(it) : std::next(it);
    }
  }

  // Days between the article and the story's newest dated member, when both are known.
  static std::optional<long> Gap(std::optional<long> day, const Story& s) {
    if (!day || !s.newest_day) return std::nullopt;
    return std::labs(*day - *s.newest_day);
  }

  std::string Add(const AnalyzedArticle& a) {
    const ArticleVectors v = Vectorize(a);
    const std::vector<int> top = TopTerms(v.all);
    const std::set<std::string> months = Months(a);
    std::optional<long> day;
    if (a.article.published) day = a.article.published->DaysSinceEpoch();
    if (day && (!latest_day || *day > *latest_day)) latest_day = day;
    const std::set<long> event_days = EventDays(a, day);

    int best = -1;
    double best_score = 0;
    int best_thread = -1;
    double best_thread_score = 0;
    const std::vector<int> candidates = Candidates(top);
    // The candidates most similar to the article, the only ones repair compares centroids with:
    // a story close to the grown one is close to the article that grew it.
    std::vector<std::pair<double, int>> nearest;
    for (int c : candidates) {
      const Story& s = stories[c];
      const std::optional<long> gap = Gap(day, s);
      // Whether the two can be placed in time relative to each other: a publication day or a
      // full date in the text on both sides.
      const bool one_side_dated = event_days.empty() != s.event_days.empty();
      const double score = Similarity(v, s) + DateAdjustment(months, event_days, s);
      nearest.emplace_back(-score, c);
      if (!gap || *gap <= options.thread_window_days) {
        if (score > best_thread_score) {
          best_thread_score = score;
          best_thread = c;
        }
      }
      if (gap && *gap > options.window_days) continue;
      const double threshold =
          one_side_dated ? options.undated_join_threshold : options.join_threshold;
      if (score < threshold) continue;
      // Ties go to the older story: candidates are visited in creation order.
      if (score > best_score) {
        best_score = score;
        best = c;
      }
    }

    if (best < 0) {
      Story s;
      s.id = text::HexId(text::Hash64(a.article.id));
      // Two articles given the same id must still start distinct stories.
      for (int salt = 1; !story_ids.insert(s.id).second; ++salt) {
        s.id = text::HexId(text::Hash64(a.article.id + "#" + std::to_string(salt)));
      }
      s.thread = best_thread >= 0 && best_thread_score >= options.thread_threshold
                     ? stories[best_thread].thread
                     : s.id;
      stories.push_back(std::move(s));
      best = static_cast<int>(stories.size()) - 1;
    }
    Story& s = stories[best];
    for (int k = 0; k < kKinds; ++k) {
      for (const auto& [id, w] : v.kind[k]) {
        float& c = s.centroid[k][id];
        s.norm2[k] += 2.0 * c * w + static_cast<double>(w) * w;
        c += w;
      }
    }
    ++s.size;
    if (day && (!s.newest_day || *day > *s.newest_day)) s.newest_day = day;
    s.months.insert(months.begin(), months.end());
    s.event_days.insert(event_days.begin(), event_days.end());
    s.last_add = static_cast<long>(assignments.size());
    for (int id : top) {
      std::vector<int>& list = index[id];
      if (list.empty() || list.back() != best) {
        // Keep each list sorted and unique; stories mostly arrive in increasing order.
        auto pos = std::lower_bound(list.begin(), list.end(), best);
        if (pos == list.end() || *pos != best) list.insert(pos, best);
      }
    }
    assignments.push_back(Assignment{a.article.id, s.id, s.thread});
    assigned_story.push_back(best);
    const std::string id = s.id;
    const size_t keep = std::min<size_t>(nearest.size(), kRepairCandidates);
    std::partial_sort(nearest.begin(), nearest.begin() + static_cast<long>(keep), nearest.end());
    std::vector<int> repair;
    for (size_t i = 0; i < keep; ++i) repair.push_back(nearest[i].second);
    Repair(best, repair);
    if (assignments.size() % 4096 == 0) PruneIndex();
    return id;
  }
};

StoryClusterer::StoryClusterer(ClusterOptions options)
    : impl_(std::make_unique<Impl>(std::move(options))) {}
StoryClusterer::~StoryClusterer() = default;

std::string StoryClusterer::Add(const AnalyzedArticle& article) { return impl_->Add(article); }

std::vector<Assignment> StoryClusterer::Assignments() const {
  std::vector<Assignment> out = impl_->assignments;
  for (size_t i = 0; i < out.size(); ++i) {
    const auto& story = impl_->stories[impl_->Find(impl_->assigned_story[i])];
    out[i].story_id = story.id;
    out[i].thread_id = story.thread;
  }
  return out;
}

}  // namespace newsloom::cluster
