#include "story/timeline.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <string_view>
#include <unordered_map>

#include "text/stopwords.h"

namespace newsloom::story {
namespace {

Citation Cite(const AnalyzedArticle& a, Span sentence) {
  return Citation{a.article.id, sentence, a.article.body.substr(sentence.begin, sentence.size())};
}

// Index of the sentence holding byte `pos`, or -1.
int SentenceAt(const AnalyzedArticle& a, uint32_t pos) {
  auto it = std::upper_bound(a.sentences.begin(), a.sentences.end(), pos,
                             [](uint32_t p, const Span& s) { return p < s.end; });
  if (it == a.sentences.end() || it->begin > pos) return -1;
  return static_cast<int>(it - a.sentences.begin());
}

// The last day of the month or day a "YYYY-MM" / "YYYY-MM-DD" value names.
std::optional<Date> LastDay(std::string_view v) {
  if (v.size() == 10) return Date::FromIso(v);
  auto first = Date::FromIso(std::string(v) + "-01");
  if (!first) return std::nullopt;
  Date last = *first;
  while (last.AddDays(1).month == first->month) last = last.AddDays(1);
  return last;
}

// Token ranges [first, last) of every sentence.
std::vector<std::pair<size_t, size_t>> SentenceTokens(const AnalyzedArticle& a) {
  std::vector<std::pair<size_t, size_t>> out;
  size_t t = 0;
  for (const Span& s : a.sentences) {
    while (t < a.tokens.size() && a.tokens[t].span.begin < s.begin) ++t;
    size_t e = t;
    while (e < a.tokens.size() && a.tokens[e].span.end <= s.end) ++e;
    out.emplace_back(t, e);
    t = e;
  }
  return out;
}

// A verb in the simple past or a past participle after "has"/"have": the sentence reports
// something that already happened. Deliberately crude: it only gates lead sentences.
bool LooksPast(const AnalyzedArticle& a, std::pair<size_t, size_t> range) {
  static const std::set<std::string_view> kPast = {
      "said",   "was",    "were",  "had",  "told", "did", "made", "took", "came", "went",
      "found",  "left",   "began", "rose", "fell", "saw", "gave", "met",  "won",  "lost",
      "killed", "struck", "hit",   "held", "sent", "led", "paid", "set",  "put",  "shot"};
  for (size_t t = range.first; t < range.second; ++t) {
    const std::string& w = a.tokens[t].norm;
    if (!a.tokens[t].is_word) continue;
    if (kPast.count(w)) return true;
    if (w.size() >= 5 && w.compare(w.size() - 2, 2, "ed") == 0) return true;
  }
  return false;
}

bool HasFutureCue(const AnalyzedArticle& a, std::pair<size_t, size_t> range) {
  for (size_t t = range.first; t < range.second; ++t) {
    const std::string& w = a.tokens[t].norm;
    if (w == "will" || w == "would" || w == "tomorrow") return true;
  }
  return false;
}

}  // namespace

std::optional<std::string> DayOrMonthOf(const TemporalExpression& t) {
  if (t.type != "DATE" && t.type != "TIME") return std::nullopt;
  const std::string& v = t.value;
  if (v.size() >= 10 && Date::FromIso(v.substr(0, 10)) && (v.size() == 10 || v[10] == 'T')) {
    return v.substr(0, 10);
  }
  if (t.type == "DATE" && v.size() == 7 && Date::FromIso(v + "-01")) return v;
  return std::nullopt;
}

std::vector<TimelineEntry> BuildTimeline(const std::vector<const AnalyzedArticle*>& articles,
                                         const std::vector<std::string>& origin,
                                         const std::optional<Date>& first_published,
                                         const TimelineOptions& options) {
  struct Entry {
    std::vector<Citation> sources;
    std::set<std::pair<size_t, int>> seen;  // (article, sentence)
    std::set<std::string> origins;
  };
  std::map<std::string, Entry> entries;
  auto add = [&](const std::string& value, size_t i, int sentence) {
    const AnalyzedArticle& a = *articles[i];
    Entry& e = entries[value];
    if (!e.seen.insert({i, sentence}).second) return;
    e.sources.push_back(Cite(a, a.sentences[sentence]));
    e.origins.insert(i < origin.size() ? origin[i] : "article:" + a.article.id);
  };
  for (size_t i = 0; i < articles.size(); ++i) {
    const AnalyzedArticle& a = *articles[i];
    std::vector<bool> dated(a.sentences.size(), false);
    for (const TemporalExpression& t : a.dates) {
      const int sentence = SentenceAt(a, t.span.begin);
      if (sentence < 0) continue;
      // Any date, even one the timeline cannot place, means the sentence is not about "today".
      dated[sentence] = true;
      if (auto value = DayOrMonthOf(t)) add(*value, i, sentence);
    }
    if (options.lead_sentences > 0 && a.article.published) {
      const auto ranges = SentenceTokens(a);
      const int lead = std::min<int>(options.lead_sentences, static_cast<int>(ranges.size()));
      for (int k = 0; k < lead; ++k) {
        if (dated[k] || !LooksPast(a, ranges[k]) || HasFutureCue(a, ranges[k])) continue;
        add(a.article.published->ToIso(), i, k);
      }
    }
  }
  // Citations in article order, whatever order the sentences were found in.
  std::map<std::string, size_t> article_index;
  for (size_t i = 0; i < articles.size(); ++i) article_index.emplace(articles[i]->article.id, i);

  std::vector<TimelineEntry> out;
  for (auto& [value, e] : entries) {
    TimelineEntry t;
    t.date = value;
    const auto last = LastDay(value);
    t.background =
        first_published && last &&
        last->DaysSinceEpoch() < first_published->DaysSinceEpoch() - options.background_days;
    std::stable_sort(e.sources.begin(), e.sources.end(), [&](const Citation& x, const Citation& y) {
      const size_t ix = article_index[x.article_id], iy = article_index[y.article_id];
      if (ix != iy) return ix < iy;
      return x.span.begin < y.span.begin;
    });
    t.sources = std::move(e.sources);
    t.independent_sources = static_cast<int>(e.origins.size());
    out.push_back(std::move(t));
  }
  if (!options.by_support) return out;  // the map gave date order
  std::stable_sort(out.begin(), out.end(), [](const TimelineEntry& x, const TimelineEntry& y) {
    if (x.background != y.background) return !x.background;
    if (x.independent_sources != y.independent_sources) {
      return x.independent_sources > y.independent_sources;
    }
    if (x.sources.size() != y.sources.size()) return x.sources.size() > y.sources.size();
    return x.date < y.date;
  });
  return out;
}

namespace {

// A sparse, L2-normalised TF-IDF vector over term ids, sorted by id.
using Vec = std::vector<std::pair<int, double>>;

double Dot(const Vec& a, const Vec& b) {
  double dot = 0;
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i].first < b[j].first) {
      ++i;
    } else if (a[i].first > b[j].first) {
      ++j;
    } else {
      dot += a[i++].second * b[j++].second;
    }
  }
  return dot;
}

void Normalize(Vec& v) {
  double n = 0;
  for (const auto& [id, w] : v) n += w * w;
  if (n <= 0) return;
  n = std::sqrt(n);
  for (auto& [id, w] : v) w /= n;
}

struct Candidate {
  size_t article;
  int sentence;
  int words;
  std::vector<int> terms;  // term ids, with repeats
};

// Up to options.sentences_per_date of `vecs`, picked by maximal marginal relevance: central to
// `centroid`, unlike those picked before. Indexes into `vecs`, in the order picked.
std::vector<size_t> PickByMmr(const std::vector<Vec>& vecs, const Vec& centroid,
                              const SummaryOptions& options) {
  std::vector<double> centrality(vecs.size());
  for (size_t c = 0; c < vecs.size(); ++c) centrality[c] = Dot(vecs[c], centroid);
  std::vector<size_t> picked;
  std::vector<bool> taken(vecs.size(), false);
  while (static_cast<int>(picked.size()) < options.sentences_per_date) {
    int best = -1;
    double best_score = 0;
    for (size_t c = 0; c < vecs.size(); ++c) {
      if (taken[c]) continue;
      double redundancy = 0;
      for (size_t p : picked) redundancy = std::max(redundancy, Dot(vecs[c], vecs[p]));
      if (redundancy > options.max_redundancy) continue;
      const double score =
          options.mmr_lambda * centrality[c] - (1 - options.mmr_lambda) * redundancy;
      if (best < 0 || score > best_score) {
        best = static_cast<int>(c);
        best_score = score;
      }
    }
    if (best < 0) break;
    taken[best] = true;
    picked.push_back(best);
  }
  return picked;
}

}  // namespace

std::vector<DatedSummary> SummarizeTimeline(const std::vector<const AnalyzedArticle*>& articles,
                                            const SummaryOptions& options) {
  // Sentences as term ids; document frequencies over sentences.
  std::map<std::string, int> term_ids;
  std::vector<std::vector<Candidate>> sentences(articles.size());
  std::vector<int> df;
  for (size_t i = 0; i < articles.size(); ++i) {
    const AnalyzedArticle& a = *articles[i];
    const auto ranges = SentenceTokens(a);
    for (size_t k = 0; k < ranges.size(); ++k) {
      Candidate c{i, static_cast<int>(k), 0, {}};
      std::set<int> distinct;
      for (size_t t = ranges[k].first; t < ranges[k].second; ++t) {
        const Token& tok = a.tokens[t];
        if (!tok.is_word) continue;
        ++c.words;
        if (text::IsStopword(tok.norm, text::StopList::kEnglish)) continue;
        auto [it, fresh] = term_ids.emplace(tok.norm, static_cast<int>(term_ids.size()));
        if (fresh) df.push_back(0);
        c.terms.push_back(it->second);
        distinct.insert(it->second);
      }
      for (int id : distinct) ++df[id];
      sentences[i].push_back(std::move(c));
    }
  }
  size_t total_sentences = 0;
  for (const auto& s : sentences) total_sentences += s.size();
  auto vectorize = [&](const Candidate& c) {
    std::map<int, double> tf;
    for (int id : c.terms) tf[id] += 1;
    Vec v;
    for (const auto& [id, f] : tf) {
      v.emplace_back(id, f * (std::log((1.0 + total_sentences) / (1.0 + df[id])) + 1.0));
    }
    Normalize(v);
    return v;
  };

  // Day statistics and candidate sentences.
  struct Day {
    std::set<size_t> mentioning_articles;
    int mentioning_sentences = 0;
    int published = 0;
    std::vector<std::pair<size_t, int>> mentions;  // (article, sentence)
    std::vector<std::pair<size_t, int>> leads;
  };
  std::map<Date, Day> days;
  for (size_t i = 0; i < articles.size(); ++i) {
    const AnalyzedArticle& a = *articles[i];
    std::vector<bool> dated(a.sentences.size(), false);
    std::set<std::pair<Date, int>> seen;
    for (const TemporalExpression& t : a.dates) {
      const int sentence = SentenceAt(a, t.span.begin);
      if (sentence < 0) continue;
      dated[sentence] = true;
      auto value = DayOrMonthOf(t);
      if (!value || value->size() != 10) continue;
      const Date d = *Date::FromIso(*value);
      if (!seen.insert({d, sentence}).second) continue;
      Day& day = days[d];
      day.mentioning_articles.insert(i);
      ++day.mentioning_sentences;
      day.mentions.emplace_back(i, sentence);
    }
    if (a.article.published) {
      days[*a.article.published].published++;
      const int lead = std::min<int>(options.lead_sentences, static_cast<int>(a.sentences.size()));
      for (int k = 0; k < lead; ++k) {
        if (dated[k]) continue;
        for (int back = 0; back < options.publication_days; ++back) {
          days[a.article.published->AddDays(-back)].leads.emplace_back(i, k);
        }
      }
    }
  }

  struct Ranked {
    Date date;
    double score;
  };
  std::vector<Ranked> ranked;
  for (const auto& [d, day] : days) {
    if (options.start && d < *options.start) continue;
    if (options.end && d > *options.end) continue;
    const double score = static_cast<double>(day.mentioning_articles.size()) +
                         options.mention_weight * day.mentioning_sentences +
                         options.publication_weight * day.published;
    if (score <= 0) continue;
    ranked.push_back(Ranked{d, score});
  }
  std::stable_sort(ranked.begin(), ranked.end(), [](const Ranked& x, const Ranked& y) {
    if (x.score != y.score) return x.score > y.score;
    return x.date < y.date;
  });

  std::vector<DatedSummary> out;
  std::set<std::string> used_texts;  // one sentence is not repeated on two days
  for (const Ranked& r : ranked) {
    if (static_cast<int>(out.size()) >= options.max_dates) break;
    const Day& day = days[r.date];
    std::vector<std::pair<size_t, int>> pool = day.mentions;
    pool.insert(pool.end(), day.leads.begin(), day.leads.end());
    std::sort(pool.begin(), pool.end());
    pool.erase(std::unique(pool.begin(), pool.end()), pool.end());
    std::vector<const Candidate*> cands;
    std::vector<Vec> vecs;
    std::set<std::string> texts;
    for (const auto& [i, k] : pool) {
      const Candidate& c = sentences[i][k];
      if (c.words < options.min_words || c.words > options.max_words || c.terms.empty()) continue;
      const Span s = articles[i]->sentences[k];
      std::string text = articles[i]->article.body.substr(s.begin, s.size());
      if (used_texts.count(text) || !texts.insert(text).second) continue;
      cands.push_back(&c);
      vecs.push_back(vectorize(c));
    }
    if (cands.empty()) continue;
    std::map<int, double> sum;
    for (const Vec& v : vecs) {
      for (const auto& [id, w] : v) sum[id] += w;
    }
    Vec centroid(sum.begin(), sum.end());
    Normalize(centroid);
    DatedSummary summary{r.date, {}};
    for (size_t best : PickByMmr(vecs, centroid, options)) {
      const Candidate& c = *cands[best];
      const AnalyzedArticle& a = *articles[c.article];
      summary.sentences.push_back(Cite(a, a.sentences[c.sentence]));
      used_texts.insert(summary.sentences.back().text);
    }
    out.push_back(std::move(summary));
  }
  std::sort(out.begin(), out.end(),
            [](const DatedSummary& x, const DatedSummary& y) { return x.date < y.date; });
  return out;
}

}  // namespace newsloom::story
