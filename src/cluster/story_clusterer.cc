#include "cluster/story_clusterer.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "text/hash.h"

namespace newsloom::cluster {
namespace {

using SparseVector = std::vector<std::pair<int, float>>;  // sorted by term id

constexpr size_t kRepairCandidates = 3;
constexpr size_t kMaxScored = 24;
// A thread-only story keeps this many heaviest terms of each kind, and is found in the thread
// index through this many terms.
constexpr size_t kThreadKeptTerms = 40;
constexpr size_t kThreadIndexTerms = 10;

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
  // What a story needs while it can still take articles; freed when it leaves the window.
  struct Active {
    SparseVector centroid[kKinds];     // sums of member unit vectors, sorted by term id
    double norm2[kKinds] = {0, 0, 0};  // their squared L2 norms
    std::set<std::string> months;      // months the members' texts mention
    std::set<long> event_days;         // the members' own days (see EventDays)
    std::vector<int> indexed_terms;    // the terms whose index lists hold this story
    // Past the join window a story only offers its thread: its centroids keep their heaviest
    // terms and it moves to the thread index.
    bool thread_only = false;
  };
  struct Story {
    uint64_t id = 0;
    uint64_t thread = 0;
    int size = 0;
    std::optional<long> newest_day;  // newest publication day of a dated member
    long last_add = 0;               // Add counter at the latest member
    int merged_into = -1;            // after a repair merge: the story that absorbed this one
    std::unique_ptr<Active> active;  // null once the story has left the window
  };

  ClusterOptions options;
  std::unordered_map<std::string, int> vocabulary;
  std::vector<std::string> terms;  // by id
  std::vector<int> df;             // documents seen per term id
  long documents = 0;
  std::vector<Story> stories;
  std::vector<int> active_stories;  // those with an Active part, in creation order
  std::unordered_set<uint64_t> story_ids;
  std::unordered_map<int, std::vector<int>> index;  // term id -> stories holding it among the top
  // Term id -> thread-only stories holding it among their few heaviest terms.
  std::unordered_map<int, std::vector<int>> thread_index;
  std::string article_ids;  // every article id, back to back
  std::vector<uint32_t> article_id_end;
  std::vector<int> assigned_story;  // per article: the story index at arrival
  long merges = 0;
  std::optional<long> latest_day;  // newest publication day seen
  size_t peak_active_bytes = 0;

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

  // Dot product of two vectors sorted by term id.
  static double Dot(const SparseVector& a, const SparseVector& b) {
    double dot = 0;
    size_t i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
      if (a[i].first < b[j].first) {
        ++i;
      } else if (b[j].first < a[i].first) {
        ++j;
      } else {
        dot += static_cast<double>(a[i].second) * b[j].second;
        ++i;
        ++j;
      }
    }
    return dot;
  }

  static double Cosine(const SparseVector& v, const SparseVector& centroid, double norm2) {
    if (norm2 <= 0 || v.empty()) return 0;
    return Dot(v, centroid) / std::sqrt(norm2);
  }

  // centroid += v (both sorted by term id), keeping norm2 its squared norm.
  static void AddInto(SparseVector& centroid, double& norm2, const SparseVector& v) {
    SparseVector merged;
    merged.reserve(centroid.size() + v.size());
    size_t i = 0, j = 0;
    while (i < centroid.size() || j < v.size()) {
      if (j == v.size() || (i < centroid.size() && centroid[i].first < v[j].first)) {
        merged.push_back(centroid[i++]);
      } else if (i == centroid.size() || v[j].first < centroid[i].first) {
        merged.push_back(v[j]);
        norm2 += static_cast<double>(v[j].second) * v[j].second;
        ++j;
      } else {
        const float c = centroid[i].second, w = v[j].second;
        norm2 += 2.0 * c * w + static_cast<double>(w) * w;
        merged.emplace_back(centroid[i].first, c + w);
        ++i;
        ++j;
      }
    }
    centroid = std::move(merged);
  }

  double Similarity(const ArticleVectors& v, const Active& s) const {
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
                        const Active& s) const {
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

  static double CentroidCosine(const Active& a, const Active& b, int k) {
    if (a.norm2[k] <= 0 || b.norm2[k] <= 0) return 0;
    return Dot(a.centroid[k], b.centroid[k]) / std::sqrt(a.norm2[k] * b.norm2[k]);
  }

  // Similarity of two stories' centroids, on the same scale as an article's to a story; none
  // when the stories report on days more than window_days apart.
  double StorySimilarity(const Story& sa, const Story& sb) const {
    if (sa.newest_day && sb.newest_day &&
        std::labs(*sa.newest_day - *sb.newest_day) > options.window_days) {
      return 0;
    }
    const Active& a = *sa.active;
    const Active& b = *sb.active;
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
      if (c == grown || stories[c].merged_into >= 0 || !stories[c].active) continue;
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
    Active& ta = *t.active;
    Active& sa = *s.active;
    for (int k = 0; k < kKinds; ++k) {
      double unused = 0;  // the norm is recomputed over the merged centroid
      AddInto(ta.centroid[k], unused, sa.centroid[k]);
      double norm2 = 0;
      for (const auto& [id, w] : ta.centroid[k]) norm2 += static_cast<double>(w) * w;
      ta.norm2[k] = norm2;
    }
    t.size += s.size;
    if (s.newest_day && (!t.newest_day || *s.newest_day > *t.newest_day))
      t.newest_day = s.newest_day;
    ta.months.insert(sa.months.begin(), sa.months.end());
    ta.event_days.insert(sa.event_days.begin(), sa.event_days.end());
    // The index lists naming the absorbed story stay valid through Find; its terms are
    // remembered so that pruning clears them.
    ta.indexed_terms.insert(ta.indexed_terms.end(), sa.indexed_terms.begin(),
                            sa.indexed_terms.end());
    std::sort(ta.indexed_terms.begin(), ta.indexed_terms.end());
    ta.indexed_terms.erase(std::unique(ta.indexed_terms.begin(), ta.indexed_terms.end()),
                           ta.indexed_terms.end());
    t.last_add = std::max(t.last_add, s.last_add);
    s.merged_into = target;
    s.active.reset();
    ++merges;
  }

  // A story no article can join any more: idle for max_idle_articles Adds, or older (by its
  // newest dated member) than window_days before the newest day seen.
  bool JoinExpired(const Story& s) const {
    if (static_cast<long>(assigned_story.size()) - s.last_add > options.max_idle_articles) {
      return true;
    }
    return s.newest_day && latest_day && *latest_day - *s.newest_day > options.window_days;
  }
  // A story no new story can take as its thread either.
  bool Idle(const Story& s) const {
    if (static_cast<long>(assigned_story.size()) - s.last_add > options.max_idle_articles) {
      return true;
    }
    return s.newest_day && latest_day &&
           *latest_day - *s.newest_day > std::max(options.window_days, options.thread_window_days);
  }

  // The stories of `from` sharing the most of the article's top terms (ties to the older
  // story), in creation order. Scoring is the costly part on long streams, so only kMaxScored
  // are kept.
  std::vector<int> Candidates(const std::vector<int>& top,
                              const std::unordered_map<int, std::vector<int>>& from) const {
    std::vector<int> out;
    for (int id : top) {
      auto it = from.find(id);
      if (it == from.end()) continue;
      for (int c : it->second) {
        c = Find(c);
        if (stories[c].active && !Idle(stories[c])) out.push_back(c);
      }
    }
    std::sort(out.begin(), out.end());
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

  // Removes stories that are no longer active from the lists of `terms` in `from`.
  void ClearLists(std::vector<int>& terms, std::unordered_map<int, std::vector<int>>& from) {
    std::sort(terms.begin(), terms.end());
    terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
    for (int term : terms) {
      auto it = from.find(term);
      if (it == from.end()) continue;
      std::vector<int>& list = it->second;
      list.erase(std::remove_if(list.begin(), list.end(),
                                [&](int c) {
                                  const Story& s = stories[Find(c)];
                                  return !s.active || (&from == &index && s.active->thread_only);
                                }),
                 list.end());
      if (list.empty()) {
        from.erase(it);
      } else {
        list.shrink_to_fit();
      }
    }
  }

  // Past the join window: keep the heaviest terms of each centroid, and move from the
  // candidate index to the thread index.
  void MakeThreadOnly(int c, std::vector<int>& touched) {
    Active& a = *stories[c].active;
    touched.insert(touched.end(), a.indexed_terms.begin(), a.indexed_terms.end());
    a.indexed_terms.clear();
    SparseVector heaviest;
    for (int k = 0; k < kKinds; ++k) {
      SparseVector& v = a.centroid[k];
      auto by_weight = [](const auto& x, const auto& y) {
        return x.second != y.second ? x.second > y.second : x.first < y.first;
      };
      if (v.size() > kThreadKeptTerms) {
        std::partial_sort(v.begin(), v.begin() + kThreadKeptTerms, v.end(), by_weight);
        v.resize(kThreadKeptTerms);
      }
      std::sort(v.begin(), v.end());
      SparseVector(v).swap(v);
      a.norm2[k] = 0;
      for (const auto& [id, w] : v) a.norm2[k] += static_cast<double>(w) * w;
      heaviest.insert(heaviest.end(), v.begin(), v.end());
      std::sort(heaviest.begin(), heaviest.end(), by_weight);
      if (heaviest.size() > kThreadIndexTerms) heaviest.resize(kThreadIndexTerms);
    }
    for (const auto& [id, w] : heaviest) {
      thread_index[id].push_back(c);
      a.indexed_terms.push_back(id);
    }
    a.thread_only = true;
  }

  // Now and then, stories that have left the window lose their Active part and their entries in
  // the index, so that memory and work stay bounded by the window on long streams. Only the
  // active stories are visited.
  void PruneIndex() {
    std::vector<int> still_active;
    std::vector<int> left_index, left_thread_index;
    for (int c : active_stories) {
      Story& s = stories[c];
      if (!s.active) continue;  // absorbed by a repair merge
      if (Idle(s)) {
        std::vector<int>& left = s.active->thread_only ? left_thread_index : left_index;
        left.insert(left.end(), s.active->indexed_terms.begin(), s.active->indexed_terms.end());
        s.active.reset();
        continue;
      }
      if (!s.active->thread_only && JoinExpired(s)) MakeThreadOnly(c, left_index);
      still_active.push_back(c);
    }
    active_stories = std::move(still_active);
    ClearLists(left_index, index);
    ClearLists(left_thread_index, thread_index);
    peak_active_bytes = std::max(peak_active_bytes, ActiveBytes());
  }

  // Heap bytes of the window: the active stories' parts and the candidate index.
  size_t ActiveBytes() const {
    size_t bytes = active_stories.capacity() * sizeof(int);
    for (int c : active_stories) {
      const Active* a = stories[c].active.get();
      if (a == nullptr) continue;
      bytes += sizeof(Active) + a->indexed_terms.capacity() * sizeof(int) +
               (a->months.size() * (32 + 7)) + a->event_days.size() * 40;
      for (const SparseVector& v : a->centroid) bytes += v.capacity() * sizeof(v[0]);
    }
    for (const auto* table : {&index, &thread_index}) {
      bytes += table->bucket_count() * sizeof(void*);
      for (const auto& [term, list] : *table) {
        bytes += 16 + sizeof(term) + sizeof(list) + list.capacity() * sizeof(int);
      }
    }
    return bytes;
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
    const std::vector<int> candidates = Candidates(top, index);
    // The candidates most similar to the article, the only ones repair compares centroids with:
    // a story close to the grown one is close to the article that grew it.
    std::vector<std::pair<double, int>> nearest;
    for (int c : candidates) {
      const Story& s = stories[c];
      if (s.active->thread_only) continue;
      const std::optional<long> gap = Gap(day, s);
      // Whether the two can be placed in time relative to each other: a publication day or a
      // full date in the text on both sides.
      const bool one_side_dated = event_days.empty() != s.active->event_days.empty();
      const double score = Similarity(v, *s.active) + DateAdjustment(months, event_days, *s.active);
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
      // Thread-only stories are looked up only for a new story.
      for (int c : Candidates(top, thread_index)) {
        const Story& s = stories[c];
        if (Idle(s)) continue;
        const std::optional<long> gap = Gap(day, s);
        if (gap && *gap > options.thread_window_days) continue;
        const double score =
            Similarity(v, *s.active) + DateAdjustment(months, event_days, *s.active);
        if (score > best_thread_score || (score == best_thread_score && c < best_thread)) {
          best_thread_score = score;
          best_thread = c;
        }
      }
      Story s;
      s.id = text::Hash64(a.article.id);
      // Two articles given the same id must still start distinct stories.
      for (int salt = 1; !story_ids.insert(s.id).second; ++salt) {
        s.id = text::Hash64(a.article.id + "#" + std::to_string(salt));
      }
      s.thread = best_thread >= 0 && best_thread_score >= options.thread_threshold
                     ? stories[best_thread].thread
                     : s.id;
      s.active = std::make_unique<Active>();
      stories.push_back(std::move(s));
      best = static_cast<int>(stories.size()) - 1;
      active_stories.push_back(best);
    }
    Story& s = stories[best];
    Active& sa = *s.active;
    for (int k = 0; k < kKinds; ++k) AddInto(sa.centroid[k], sa.norm2[k], v.kind[k]);
    ++s.size;
    if (day && (!s.newest_day || *day > *s.newest_day)) s.newest_day = day;
    sa.months.insert(months.begin(), months.end());
    sa.event_days.insert(event_days.begin(), event_days.end());
    s.last_add = static_cast<long>(assigned_story.size());
    for (int id : top) {
      std::vector<int>& list = index[id];
      if (list.empty() || list.back() != best) {
        // Keep each list sorted and unique; stories mostly arrive in increasing order.
        auto pos = std::lower_bound(list.begin(), list.end(), best);
        if (pos == list.end() || *pos != best) {
          list.insert(pos, best);
          sa.indexed_terms.push_back(id);
        }
      }
    }
    article_ids += a.article.id;
    article_id_end.push_back(static_cast<uint32_t>(article_ids.size()));
    assigned_story.push_back(best);
    const std::string id = text::HexId(s.id);
    const size_t keep = std::min<size_t>(nearest.size(), kRepairCandidates);
    std::partial_sort(nearest.begin(), nearest.begin() + static_cast<long>(keep), nearest.end());
    std::vector<int> repair;
    for (size_t i = 0; i < keep; ++i) repair.push_back(nearest[i].second);
    Repair(best, repair);
    if (assigned_story.size() % 4096 == 0) PruneIndex();
    return id;
  }
};

StoryClusterer::StoryClusterer(ClusterOptions options)
    : impl_(std::make_unique<Impl>(std::move(options))) {}
StoryClusterer::~StoryClusterer() = default;

std::string StoryClusterer::Add(const AnalyzedArticle& article) { return impl_->Add(article); }

std::vector<Assignment> StoryClusterer::Assignments() const {
  std::vector<Assignment> out;
  out.reserve(impl_->assigned_story.size());
  for (size_t i = 0; i < impl_->assigned_story.size(); ++i) {
    const size_t begin = i == 0 ? 0 : impl_->article_id_end[i - 1];
    const auto& story = impl_->stories[impl_->Find(impl_->assigned_story[i])];
    out.push_back(Assignment{impl_->article_ids.substr(begin, impl_->article_id_end[i] - begin),
                             text::HexId(story.id), text::HexId(story.thread)});
  }
  return out;
}

size_t StoryClusterer::ActiveBytes() const { return impl_->ActiveBytes(); }

size_t StoryClusterer::PeakActiveBytes() const {
  return std::max(impl_->peak_active_bytes, impl_->ActiveBytes());
}

size_t StoryClusterer::ActiveStories() const {
  size_t n = 0;
  for (int c : impl_->active_stories) n += impl_->stories[c].active != nullptr;
  return n;
}

}  // namespace newsloom::cluster
