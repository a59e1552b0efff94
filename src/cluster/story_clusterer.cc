#include "cluster/story_clusterer.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "cluster/story_clusterer_state.h"
#include "text/fold.h"
#include "text/hash.h"

namespace newsloom::cluster {
namespace {

using SparseVector = std::vector<std::pair<int, float>>;  // sorted by term id

// A story past the join window keeps this many heaviest terms of each kind for its thread, and
// is found in the thread index through this many terms.
constexpr size_t kThreadKeptTerms = 40;
constexpr size_t kThreadIndexTerms = 10;
// Candidate stories scored per article: those sharing the most of its top terms.
constexpr size_t kMaxScored = 12;
// Refinement looks this many passes over the members near a new article.
constexpr int kRefinePasses = 2;
// Links kept for reuse (Link): about 40 bytes each.
constexpr size_t kMaxCachedLinks = size_t{1} << 20;

// Terms of five kinds, compared separately: a shared name or figure is stronger evidence of the
// same event than a shared word, and the headline and lead say what happened.
enum Kind { kWords = 0, kNames, kNumbers, kTitle, kLead, kKinds };

// Figures that identify an event: three or more digits ("1,000", "6.1" counts its two digits
// and separator), but not a year, which every story of that year mentions.
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
  const bool year = term.size() == 4 && digits == 4 && (term[0] == '1' || term[0] == '2');
  return !year && (digits >= 3 || (digits >= 2 && separator));
}

Kind KindOfTerm(std::string_view term) {
  if (term.size() > 2 && term[1] == ':') {
    if (term[0] == 'n') return kNames;
    if (term[0] == 't') return kTitle;
    if (term[0] == 'l') return kLead;
  }
  return SpecificNumber(term) ? kNumbers : kWords;
}

// Sorts a vector by term id and sums the weights of a term listed more than once.
void MergeDuplicates(SparseVector& v) {
  std::sort(v.begin(), v.end());
  size_t out = 0;
  for (size_t i = 0; i < v.size(); ++i) {
    if (out > 0 && v[out - 1].first == v[i].first) {
      v[out - 1].second += v[i].second;
    } else {
      v[out++] = v[i];
    }
  }
  v.resize(out);
}

// Dot product of two vectors sorted by term id.
double Dot(const SparseVector& a, const SparseVector& b) {
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

// centroid += v (both sorted by term id).
void AddInto(SparseVector& centroid, const SparseVector& v) {
  SparseVector merged;
  merged.reserve(centroid.size() + v.size());
  size_t i = 0, j = 0;
  while (i < centroid.size() || j < v.size()) {
    if (j == v.size() || (i < centroid.size() && centroid[i].first < v[j].first)) {
      merged.push_back(centroid[i++]);
    } else if (i == centroid.size() || v[j].first < centroid[i].first) {
      merged.push_back(v[j++]);
    } else {
      merged.emplace_back(centroid[i].first, centroid[i].second + v[j].second);
      ++i;
      ++j;
    }
  }
  centroid = std::move(merged);
}

double Norm2(const SparseVector& v) {
  double n = 0;
  for (const auto& [id, w] : v) n += static_cast<double>(w) * w;
  return n;
}

// The nearest distance between a value and a sorted set of values; -1 when either is empty.
long NearestGap(const std::vector<long>& sorted, long x) {
  if (sorted.empty()) return -1;
  auto it = std::lower_bound(sorted.begin(), sorted.end(), x);
  long gap = -1;
  if (it != sorted.end()) gap = *it - x;
  if (it != sorted.begin() && (gap < 0 || x - *std::prev(it) < gap)) gap = x - *std::prev(it);
  return gap;
}

// The value a sorted list holds most often; ties to the later value.
long MostFrequent(const std::vector<long>& sorted) {
  long best = sorted.front();
  size_t best_count = 0;
  for (size_t i = 0; i < sorted.size();) {
    size_t j = i;
    while (j < sorted.size() && sorted[j] == sorted[i]) ++j;
    if (j - i >= best_count) {
      best_count = j - i;
      best = sorted[i];
    }
    i = j;
  }
  return best;
}

}  // namespace

struct StoryClusterer::Impl {
  // What an article brings to the comparisons: its vectors (each of unit length, or empty, with
  // the document frequencies of its arrival) and the dates that place it in time.
  struct Evidence {
    SparseVector kind[kKinds];
    std::optional<long> day;            // publication day
    std::vector<long> lead_event_days;  // full dates written in the lead, sorted
    std::optional<long> lead_day;       // the lead's first date, when it is a full day
    int lead_weekday = -1;              // the weekday of that first date (0 = Monday)
    // For an undated page, the day it is known to have been online by (the template's date of
    // the day): what it reports happened before then.
    std::optional<long> seen_by;
    std::string language;
    int article = -1;  // index in Add order
  };
  struct Member {
    int article = 0;  // index in Add order
    Evidence evidence;
  };
  // What a story needs while it can still take articles; freed when it leaves the window.
  struct Active {
    std::vector<Member> members;     // in Add order
    std::vector<int> indexed_terms;  // the terms whose index lists hold this story
    // Past the join window a story only offers its thread: its members are summed into one
    // centroid per kind, cut to the heaviest terms, and it moves to the thread index.
    bool thread_only = false;
    SparseVector centroid[kKinds];
    double norm2[kKinds] = {0, 0, 0, 0, 0};
  };
  struct Story {
    uint64_t id = 0;
    uint64_t thread = 0;
    std::optional<long> newest_day;  // newest publication day of a dated member
    long last_add = 0;               // Add counter at the latest member
    std::unique_ptr<Active> active;  // null once the story has left the window
  };

  ClusterOptions options;
  double weight[kKinds];
  std::unordered_map<std::string, int> vocabulary;
  std::unordered_map<std::string, int> folded_vocabulary;  // folded term -> id
  std::vector<int> df;                                     // documents seen per term id
  long documents = 0;
  std::vector<Story> stories;
  std::vector<int> active_stories;  // those with an Active part, in creation order
  std::unordered_set<uint64_t> story_ids;
  std::unordered_map<int, std::vector<int>> index;  // term id -> stories holding it among the top
  // Term id -> thread-only stories holding it among their few heaviest terms.
  std::unordered_map<int, std::vector<int>> thread_index;
  std::string article_ids;  // every article id, back to back
  std::vector<uint32_t> article_id_end;
  std::vector<int> story_of;       // per article: the story it is in now
  std::optional<long> latest_day;  // newest publication day seen
  size_t peak_active_bytes = 0;
  mutable std::unordered_map<uint64_t, double> link_cache;  // (article, article) -> Link

  explicit Impl(ClusterOptions o) : options(std::move(o)) {
    weight[kWords] = options.word_weight;
    weight[kNames] = options.name_weight;
    weight[kNumbers] = options.number_weight;
    weight[kTitle] = options.title_weight;
    weight[kLead] = options.lead_weight;
  }

  // Terms are compared in their folded form, so that one name written in several languages or
  // scripts is one term ("n:téhéran", "n:teheran").
  int TermId(const std::string& term) {
    auto known = vocabulary.find(term);
    if (known != vocabulary.end()) return known->second;
    auto [it, inserted] =
        folded_vocabulary.emplace(text::FoldToAscii(term), static_cast<int>(df.size()));
    if (inserted) df.push_back(0);
    vocabulary.emplace(term, it->second);
    return it->second;
  }

  // The article's unit TF-IDF vectors, with document frequencies that include it, and the
  // days it is placed at.
  Evidence Describe(const AnalyzedArticle& a, std::vector<int>* top_terms) {
    ++documents;
    // The counts of a news corpus of the article's language, where there is one, beside the
    // stream's own.
    const DocumentFrequencies* background = nullptr;
    if (options.background != nullptr) {
      auto it = options.background->find(a.article.language);
      if (it != options.background->end()) background = &it->second;
    }
    const double background_documents = background ? background->documents : 0;
    Evidence e;
    SparseVector all;
    std::unordered_set<int> seen;
    for (const Term& t : a.terms) {
      const int id = TermId(t.term);
      if (seen.insert(id).second) ++df[id];
      const double idf = std::log((documents + background_documents + 1.0) /
                                  (df[id] + (background ? background->Of(t.term) : 0) + 1.0)) +
                         1.0;
      const auto w = static_cast<float>((1.0 + std::log(std::max(1.0f, t.weight))) * idf);
      e.kind[KindOfTerm(t.term)].emplace_back(id, w);
      all.emplace_back(id, w);
    }
    for (SparseVector& v : e.kind) {
      MergeDuplicates(v);
      const double norm2 = Norm2(v);
      if (norm2 > 0) {
        const double inv = 1.0 / std::sqrt(norm2);
        for (auto& [id, w] : v) w = static_cast<float>(w * inv);
      }
    }
    MergeDuplicates(all);
    *top_terms = TopTerms(std::move(all));
    e.language = a.article.language;

    if (a.article.published) {
      e.day = a.article.published->DaysSinceEpoch();
    } else if (a.article.masthead_date) {
      e.seen_by = a.article.masthead_date->DaysSinceEpoch();
    }
    bool first = true;
    for (const TemporalExpression& t : a.dates) {
      if (t.span.begin >= options.lead_bytes) break;
      if (t.type != "DATE") continue;
      const std::optional<Date> d = t.value.size() == 10 ? Date::FromIso(t.value) : std::nullopt;
      if (d) e.lead_event_days.push_back(d->DaysSinceEpoch());
      if (!first) continue;
      // The lead's first date of a day: "on Saturday" (resolved, or a weekday alone), "June 12".
      const bool month_day =
          t.value.size() == 10 && t.value.compare(0, 5, "XXXX-") == 0 && t.value[5] != 'W';
      const bool weekday = t.value.size() == 10 && t.value.compare(0, 6, "XXXX-W") == 0;
      if (d) {
        e.lead_day = d->DaysSinceEpoch();
        e.lead_weekday = d->Weekday();
      } else if (weekday && t.value[9] >= '1' && t.value[9] <= '7') {
        e.lead_weekday = t.value[9] - '1';
      } else if (!month_day) {
        continue;
      }
      first = false;
    }
    std::sort(e.lead_event_days.begin(), e.lead_event_days.end());
    e.lead_event_days.erase(std::unique(e.lead_event_days.begin(), e.lead_event_days.end()),
                            e.lead_event_days.end());
    return e;
  }

  // The heaviest terms of a vector, for the inverted index.
  std::vector<int> TopTerms(SparseVector v) const {
    const size_t keep = std::min(v.size(), static_cast<size_t>(options.candidate_terms));
    std::partial_sort(v.begin(), v.begin() + static_cast<long>(keep), v.end(),
                      [](const auto& a, const auto& b) {
                        return a.second != b.second ? a.second > b.second : a.first < b.first;
                      });
    std::vector<int> out;
    out.reserve(keep);
    for (size_t i = 0; i < keep; ++i) out.push_back(v[i].first);
    return out;
  }

  // The link between two articles never changes once both have arrived, and refinement asks for
  // the same links after every Add: they are kept, in a cache emptied when it grows too large.
  double Link(const Evidence& a, const Evidence& b) const {
    if (a.article < 0 || b.article < 0) return ComputeLink(a, b);
    const auto [lo, hi] = std::minmax(a.article, b.article);
    const uint64_t key = (static_cast<uint64_t>(lo) << 32) | static_cast<uint32_t>(hi);
    auto it = link_cache.find(key);
    if (it != link_cache.end()) return it->second;
    if (link_cache.size() >= kMaxCachedLinks) link_cache.clear();
    const double link = ComputeLink(a, b);
    link_cache.emplace(key, link);
    return link;
  }

  double ComputeLink(const Evidence& a, const Evidence& b) const {
    double s = 0;
    for (int k = 0; k < kKinds; ++k) {
      if (weight[k] != 0) s += weight[k] * Dot(a.kind[k], b.kind[k]);
    }
    // Across languages only names, numbers and shared rare words can match, and they carry a
    // smaller part of the vectors.
    if (!a.language.empty() && !b.language.empty() && a.language != b.language) {
      s = s * options.cross_language_scale +
          options.cross_language_name_weight * Dot(a.kind[kNames], b.kind[kNames]);
    }
    return s;
  }

  // How similar an article is to a story's recent members (`skip`, an article index, left out);
  // nullopt when a dated member lies too far in time, or no member is left. With `in_time`
  // false, the text alone: how related a story is, wherever it lies in time.
  std::optional<double> Score(const Evidence& e, const Active& s, int skip = -1,
                              bool in_time = true) const {
    const size_t begin =
        s.members.size() > static_cast<size_t>(options.max_members_compared) + 1
            ? s.members.size() - static_cast<size_t>(options.max_members_compared) - 1
            : 0;
    std::vector<double> links;
    std::vector<long> days, lead_event_days, lead_days;
    int weekdays = 0;             // bit set
    std::optional<long> seen_by;  // the latest day an undated member was online by
    bool timed = false;           // whether a member has a day of its own
    for (size_t i = begin; i < s.members.size(); ++i) {
      const Member& m = s.members[i];
      if (m.article == skip) continue;
      if (links.size() == static_cast<size_t>(options.max_members_compared)) break;
      const Evidence& o = m.evidence;
      links.push_back(Link(e, o));
      if (o.seen_by && (!seen_by || *o.seen_by > *seen_by)) seen_by = o.seen_by;
      timed = timed || o.day || o.lead_day;
      if (o.day) days.push_back(*o.day);
      lead_event_days.insert(lead_event_days.end(), o.lead_event_days.begin(),
                             o.lead_event_days.end());
      if (o.lead_day) lead_days.push_back(*o.lead_day);
      if (o.lead_weekday >= 0) weekdays |= 1 << o.lead_weekday;
    }
    if (links.empty()) return std::nullopt;
    std::sort(days.begin(), days.end());
    if (in_time && e.day && !days.empty() && NearestGap(days, *e.day) > options.window_days) {
      return std::nullopt;
    }
    const size_t k = std::min(links.size(), static_cast<size_t>(std::max(1, options.link_members)));
    std::partial_sort(links.begin(), links.begin() + static_cast<long>(k), links.end(),
                      std::greater<>());
    double similarity = 0;
    for (size_t i = 0; i < k; ++i) similarity += links[i];
    similarity /= static_cast<double>(k);
    if (!in_time) return similarity;
    // A page online by some day cannot report what happened after it: not the day a story's
    // leads most often give, nor an article's lead day after every member was online.
    std::sort(lead_days.begin(), lead_days.end());
    if (e.seen_by && !lead_days.empty() && MostFrequent(lead_days) > *e.seen_by + 1) {
      return std::nullopt;
    }
    if (e.lead_day && !timed && seen_by && *e.lead_day > *seen_by + 1) return std::nullopt;

    double bonus = 0, penalty = 0;
    if (e.day.has_value() != !days.empty()) penalty += options.one_side_dated_penalty;
    std::sort(lead_event_days.begin(), lead_event_days.end());
    for (long d : e.lead_event_days) {
      if (NearestGap(lead_event_days, d) == 0) {
        bonus += options.lead_event_day_bonus;
        break;
      }
    }
    if (e.lead_day) {
      if (!lead_days.empty()) {
        if (NearestGap(lead_days, *e.lead_day) <= 1) {
          bonus += options.lead_day_bonus;
        } else {
          penalty += options.lead_day_penalty;
        }
      }
    } else if (e.lead_weekday >= 0 && weekdays != 0) {
      if (weekdays & (1 << e.lead_weekday)) {
        bonus += options.lead_weekday_bonus;
      } else {
        penalty += options.lead_weekday_penalty;
      }
    }
    return similarity * (1 + bonus) - penalty;
  }

  // A story no article can join any more: idle for max_idle_articles Adds, or, idle for
  // min_idle_articles, older (by its newest dated member) than window_days before the newest day
  // seen. Streams arrive roughly in time order, not exactly: a story is not given up on the
  // first article from a later month.
  bool JoinExpired(const Story& s) const {
    const long idle = static_cast<long>(story_of.size()) - s.last_add;
    if (idle > options.max_idle_articles) return true;
    return idle > options.min_idle_articles && s.newest_day && latest_day &&
           *latest_day - *s.newest_day > options.window_days;
  }
  // A story no new story can take as its thread either.
  bool Idle(const Story& s) const {
    const long idle = static_cast<long>(story_of.size()) - s.last_add;
    if (idle > options.max_idle_articles) return true;
    return idle > options.min_idle_articles && s.newest_day && latest_day &&
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
        if (stories[c].active && !stories[c].active->members.empty() && !Idle(stories[c])) {
          out.push_back(c);
        }
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

  // Lists story `c` under the terms of `top` in the candidate index.
  void IndexStory(int c, const std::vector<int>& top) {
    Active& a = *stories[c].active;
    for (int id : top) {
      std::vector<int>& list = index[id];
      if (!list.empty() && list.back() == c) continue;
      // Keep each list sorted and unique; stories mostly arrive in increasing order.
      auto pos = std::lower_bound(list.begin(), list.end(), c);
      if (pos == list.end() || *pos != c) {
        list.insert(pos, c);
        a.indexed_terms.push_back(id);
      }
    }
  }

  // The newest publication day and latest Add of a story, from its members.
  void Summarize(Story& s) const {
    s.newest_day.reset();
    s.last_add = 0;
    for (const Member& m : s.active->members) {
      if (m.evidence.day && (!s.newest_day || *m.evidence.day > *s.newest_day)) {
        s.newest_day = m.evidence.day;
      }
      s.last_add = std::max(s.last_add, static_cast<long>(m.article));
    }
  }

  // Moves members between the given stories while one fits another better by move_margin: an
  // event's first reports can land before its story exists, or in a look-alike's.
  void Refine(const std::vector<int>& local) {
    for (int pass = 0; pass < kRefinePasses; ++pass) {
      bool moved = false;
      for (int from : local) {
        Active* fa = stories[from].active.get();
        if (fa == nullptr || fa->thread_only) continue;
        const size_t begin = fa->members.size() > static_cast<size_t>(options.max_members_compared)
                                 ? fa->members.size() - options.max_members_compared
                                 : 0;
        for (size_t i = begin; i < fa->members.size();) {
          const Member& m = fa->members[i];
          double best = options.join_threshold;
          if (fa->members.size() > 1) best = Score(m.evidence, *fa, m.article).value_or(-1);
          int to = -1;
          for (int other : local) {
            if (other == from) continue;
            const Active* oa = stories[other].active.get();
            if (oa == nullptr || oa->thread_only || oa->members.empty()) continue;
            const std::optional<double> s = Score(m.evidence, *oa);
            if (s && *s >= options.join_threshold && *s > best + options.move_margin) {
              best = *s;
              to = other;
            }
          }
          if (to < 0) {
            ++i;
            continue;
          }
          Member member = std::move(fa->members[i]);
          fa->members.erase(fa->members.begin() + static_cast<long>(i));
          std::vector<Member>& into = stories[to].active->members;
          auto pos =
              std::lower_bound(into.begin(), into.end(), member.article,
                               [](const Member& x, int article) { return x.article < article; });
          story_of[member.article] = to;
          SparseVector all;
          for (const SparseVector& v : member.evidence.kind)
            all.insert(all.end(), v.begin(), v.end());
          into.insert(pos, std::move(member));
          IndexStory(to, TopTerms(std::move(all)));
          Summarize(stories[to]);
          if (!fa->members.empty()) Summarize(stories[from]);
          moved = true;
        }
      }
      if (!moved) break;
    }
  }

  // Past the join window: the members summed into one centroid per kind, cut to the heaviest
  // terms, and the story moved from the candidate index to the thread index.
  void MakeThreadOnly(int c, std::vector<int>& touched) {
    Active& a = *stories[c].active;
    touched.insert(touched.end(), a.indexed_terms.begin(), a.indexed_terms.end());
    a.indexed_terms.clear();
    for (const Member& m : a.members) {
      for (int k = 0; k < kKinds; ++k) AddInto(a.centroid[k], m.evidence.kind[k]);
    }
    std::vector<Member>().swap(a.members);
    SparseVector heaviest;
    auto by_weight = [](const auto& x, const auto& y) {
      return x.second != y.second ? x.second > y.second : x.first < y.first;
    };
    for (int k = 0; k < kKinds; ++k) {
      SparseVector& v = a.centroid[k];
      if (v.size() > kThreadKeptTerms) {
        std::partial_sort(v.begin(), v.begin() + kThreadKeptTerms, v.end(), by_weight);
        v.resize(kThreadKeptTerms);
      }
      std::sort(v.begin(), v.end());
      SparseVector(v).swap(v);
      a.norm2[k] = Norm2(v);
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

  // Similarity of an article to a thread-only story's centroids.
  double ThreadScore(const Evidence& e, const Active& s) const {
    double score = 0;
    for (int k = 0; k < kKinds; ++k) {
      if (weight[k] == 0 || s.norm2[k] <= 0) continue;
      score += weight[k] * Dot(e.kind[k], s.centroid[k]) / std::sqrt(s.norm2[k]);
    }
    return score;
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
                                  const Story& s = stories[c];
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

  // Now and then, stories that have left the window lose their Active part and their entries in
  // the index, so that memory and work stay bounded by the window on long streams. Only the
  // active stories are visited.
  void PruneIndex() {
    std::vector<int> still_active;
    std::vector<int> left_index, left_thread_index;
    for (int c : active_stories) {
      Story& s = stories[c];
      if (!s.active) continue;
      if (Idle(s) || (!s.active->thread_only && s.active->members.empty())) {
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
               a->members.capacity() * sizeof(Member);
      for (const Member& m : a->members) {
        for (const SparseVector& v : m.evidence.kind) bytes += v.capacity() * sizeof(v[0]);
        bytes += m.evidence.lead_event_days.capacity() * sizeof(long);
      }
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

  // Days between an article and a story's newest dated member, when both are known.
  static std::optional<long> Gap(std::optional<long> day, const Story& s) {
    if (!day || !s.newest_day) return std::nullopt;
    return std::labs(*day - *s.newest_day);
  }

  int NewStory(const std::string& article_id, const Evidence& e,
               const std::vector<std::pair<double, int>>& related, const std::vector<int>& top) {
    // The thread: the most related story, active or past the join window.
    int best_thread = -1;
    double best_thread_score = options.thread_threshold;
    for (const auto& [score, c] : related) {
      const std::optional<long> gap = Gap(e.day, stories[c]);
      if ((!gap || *gap <= options.thread_window_days) && score >= best_thread_score) {
        best_thread_score = score;
        best_thread = c;
      }
    }
    for (int c : Candidates(top, thread_index)) {
      const Story& s = stories[c];
      const std::optional<long> gap = Gap(e.day, s);
      if (gap && *gap > options.thread_window_days) continue;
      const double score = ThreadScore(e, *s.active);
      if (score > best_thread_score || (score == best_thread_score && c < best_thread)) {
        best_thread_score = score;
        best_thread = c;
      }
    }
    Story s;
    s.id = text::Hash64(article_id);
    // Two articles given the same id must still start distinct stories.
    for (int salt = 1; !story_ids.insert(s.id).second; ++salt) {
      s.id = text::Hash64(article_id + "#" + std::to_string(salt));
    }
    s.thread = best_thread >= 0 ? stories[best_thread].thread : s.id;
    s.active = std::make_unique<Active>();
    stories.push_back(std::move(s));
    const int c = static_cast<int>(stories.size()) - 1;
    active_stories.push_back(c);
    return c;
  }

  std::string Add(const AnalyzedArticle& a) {
    std::vector<int> top;
    Evidence e = Describe(a, &top);
    e.article = static_cast<int>(story_of.size());
    if (e.day && (!latest_day || *e.day > *latest_day)) latest_day = e.day;

    // Candidates in creation order, so that ties go to the older story.
    std::vector<std::pair<double, int>> scored;   // (similarity, story) of those in time
    std::vector<std::pair<double, int>> related;  // (text similarity, story) of the others
    int best = -1;
    double best_score = options.join_threshold;
    for (int c : Candidates(top, index)) {
      const Story& s = stories[c];
      if (s.active->thread_only) continue;
      const std::optional<double> score = Score(e, *s.active);
      if (!score) {
        if (auto text = Score(e, *s.active, -1, /*in_time=*/false)) related.emplace_back(*text, c);
        continue;
      }
      scored.emplace_back(*score, c);
      related.emplace_back(*score, c);
      if (*score >= best_score && (best < 0 || *score > best_score)) {
        best_score = *score;
        best = c;
      }
    }
    if (best < 0) best = NewStory(a.article.id, e, related, top);

    const int article = static_cast<int>(story_of.size());
    article_ids += a.article.id;
    article_id_end.push_back(static_cast<uint32_t>(article_ids.size()));
    story_of.push_back(best);
    Story& s = stories[best];
    if (e.day && (!s.newest_day || *e.day > *s.newest_day)) s.newest_day = e.day;
    s.last_add = article;
    s.active->members.push_back(Member{article, std::move(e)});
    IndexStory(best, top);
    const std::string id = text::HexId(s.id);

    // The stories most like the article, with its own, are where a better fit may have appeared.
    std::sort(scored.begin(), scored.end(), [](const auto& x, const auto& y) {
      return x.first != y.first ? x.first > y.first : x.second < y.second;
    });
    std::vector<int> local = {best};
    for (size_t i = 0; i < scored.size() && i < static_cast<size_t>(options.refine_candidates);
         ++i) {
      if (scored[i].second != best) local.push_back(scored[i].second);
    }
    Refine(local);
    if (story_of.size() % 4096 == 0) PruneIndex();
    return id;
  }
};

Result<ClusterOptions> DefaultClusterOptions() {
  auto background = SharedDocumentFrequencies();
  if (!background.ok()) return background.status();
  ClusterOptions options;
  options.background = *background;
  return options;
}

StoryClusterer::StoryClusterer(ClusterOptions options)
    : impl_(std::make_unique<Impl>(std::move(options))) {}
StoryClusterer::~StoryClusterer() = default;

std::string StoryClusterer::Add(const AnalyzedArticle& article) { return impl_->Add(article); }

std::vector<Assignment> StoryClusterer::Assignments() const {
  std::vector<Assignment> out;
  out.reserve(impl_->story_of.size());
  for (size_t i = 0; i < impl_->story_of.size(); ++i) {
    const size_t begin = i == 0 ? 0 : impl_->article_id_end[i - 1];
    const auto& story = impl_->stories[impl_->story_of[i]];
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

std::string StoryClusterer::SaveState() const {
  text::ByteWriter writer;
  // The writer only reads the fields; one field list serves both directions.
  TransferClustererState(writer, const_cast<Impl&>(*impl_));
  return writer.Finish(kClustererStateKind, kClustererStateVersion);
}

Status StoryClusterer::RestoreState(std::string_view blob) {
  auto fresh = std::make_unique<Impl>(impl_->options);
  auto reader = text::ByteReader::Open(blob, kClustererStateKind, kClustererStateVersion);
  if (reader.ok()) TransferClustererState(*reader, *fresh);
  if (!reader.ok() || !reader->AtEnd()) {
    impl_ = std::make_unique<Impl>(impl_->options);
    return reader.ok() ? Status::Corrupt("story clusterer state malformed") : reader.status();
  }
  impl_ = std::move(fresh);
  return Status::Ok();
}

}  // namespace newsloom::cluster
