#include "story/story_builder.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <string_view>
#include <unordered_map>

#include "story/claims.h"
#include "story/entity_resolution.h"
#include "story/quote_merge.h"
#include "story/timeline.h"
#include "text/hash.h"
#include "text/union_find.h"

namespace newsloom::story {
namespace {

constexpr int kSentenceShingle = 3;         // words per shingle when comparing sentences
constexpr int kMinSentenceWords = 6;        // shorter sentences are too generic to share
constexpr double kSharedContainment = 0.6;  // of the shorter sentence's shingles
constexpr int kSharedPassage = 8;           // or this many shingles: a quote both carry
constexpr int kMaxSharedGroups = 10;

double Cosine(const std::vector<Term>& a, const std::vector<Term>& b) {
  double dot = 0, na = 0, nb = 0;
  size_t i = 0, j = 0;
  for (const Term& t : a) na += static_cast<double>(t.weight) * t.weight;
  for (const Term& t : b) nb += static_cast<double>(t.weight) * t.weight;
  while (i < a.size() && j < b.size()) {
    const int c = a[i].term.compare(b[j].term);
    if (c < 0) {
      ++i;
    } else if (c > 0) {
      ++j;
    } else {
      dot += static_cast<double>(a[i].weight) * b[j].weight;
      ++i;
      ++j;
    }
  }
  return na > 0 && nb > 0 ? dot / std::sqrt(na * nb) : 0;
}

Citation Cite(const AnalyzedArticle& a, Span sentence) {
  return Citation{a.article.id, sentence, a.article.body.substr(sentence.begin, sentence.size())};
}

// A sentence of at least kMinSentenceWords words, as the hashes of its word shingles.
struct ShingledSentence {
  size_t article;
  int index;                       // in the article's sentences
  std::vector<uint64_t> shingles;  // sorted, unique
};

std::vector<ShingledSentence> ShingleSentences(
    const std::vector<const AnalyzedArticle*>& articles) {
  std::vector<ShingledSentence> sentences;
  for (size_t i = 0; i < articles.size(); ++i) {
    const AnalyzedArticle& a = *articles[i];
    size_t t = 0;
    for (int k = 0; k < static_cast<int>(a.sentences.size()); ++k) {
      const Span span = a.sentences[k];
      std::vector<uint64_t> words;
      while (t < a.tokens.size() && a.tokens[t].span.begin < span.begin) ++t;
      for (; t < a.tokens.size() && a.tokens[t].span.end <= span.end; ++t) {
        if (a.tokens[t].is_word) words.push_back(text::Hash64(a.tokens[t].norm));
      }
      if (static_cast<int>(words.size()) < kMinSentenceWords) continue;
      ShingledSentence sent{i, k, {}};
      for (size_t w = 0; w + kSentenceShingle <= words.size(); ++w) {
        sent.shingles.push_back(text::Hash64(std::string_view(
            reinterpret_cast<const char*>(&words[w]), kSentenceShingle * sizeof(uint64_t))));
      }
      std::sort(sent.shingles.begin(), sent.shingles.end());
      sent.shingles.erase(std::unique(sent.shingles.begin(), sent.shingles.end()),
                          sent.shingles.end());
      sentences.push_back(std::move(sent));
    }
  }
  return sentences;
}

// Sentences of different articles that share a passage, grouped transitively: first member ->
// members, in order.
std::map<int, std::vector<int>> GroupSharedSentences(
    const std::vector<ShingledSentence>& sentences) {
  std::unordered_map<uint64_t, std::vector<int>> postings;
  for (int k = 0; k < static_cast<int>(sentences.size()); ++k) {
    for (uint64_t h : sentences[k].shingles) postings[h].push_back(k);
  }
  text::UnionFind passages(sentences.size());
  for (int k = 0; k < static_cast<int>(sentences.size()); ++k) {
    std::map<int, int> shared;  // later sentence of another article -> shared shingles
    for (uint64_t h : sentences[k].shingles) {
      for (int other : postings[h]) {
        if (other > k && sentences[other].article != sentences[k].article) ++shared[other];
      }
    }
    for (const auto& [other, count] : shared) {
      const size_t fewer = std::min(sentences[k].shingles.size(), sentences[other].shingles.size());
      if (count >= kSharedPassage || count >= kSharedContainment * static_cast<double>(fewer)) {
        passages.Union(k, other);
      }
    }
  }
  std::map<int, std::vector<int>> groups;
  for (int k = 0; k < static_cast<int>(sentences.size()); ++k) {
    groups[static_cast<int>(passages.Find(k))].push_back(k);
  }
  return groups;
}

}  // namespace

Story BuildStory(const std::string& story_id, const std::string& thread_id,
                 const std::vector<const AnalyzedArticle*>& articles,
                 const std::vector<CopyGroup>& copy_groups) {
  Story s;
  s.id = story_id;
  s.thread = thread_id;
  const size_t n = articles.size();
  if (n == 0) return s;

  std::map<std::string, size_t> index;  // article id -> position
  for (size_t i = 0; i < n; ++i) index.emplace(articles[i]->article.id, i);

  // Copy roles, and the "origin" of each article: articles of one copy group tell one source.
  std::vector<CopyRole> role(n, CopyRole::kOriginal);
  std::vector<std::string> origin(n);
  for (size_t i = 0; i < n; ++i) origin[i] = "article:" + articles[i]->article.id;
  for (const CopyGroup& g : copy_groups) {
    for (size_t k = 0; k < g.article_ids.size() && k < g.roles.size(); ++k) {
      auto it = index.find(g.article_ids[k]);
      if (it == index.end()) continue;
      role[it->second] = g.roles[k];
      origin[it->second] = "group:" + g.id;
    }
  }
  auto independent = [&](const std::set<size_t>& members) {
    std::set<std::string> origins;
    for (size_t m : members) origins.insert(origin[m]);
    return static_cast<int>(origins.size());
  };
  std::set<size_t> all;
  for (size_t i = 0; i < n; ++i) all.insert(i);
  s.sources_independent = independent(all);

  for (size_t i = 0; i < n; ++i) {
    const Article& a = articles[i]->article;
    s.articles.push_back(StoryArticle{a.id, a.source, a.title, a.outlet, a.published, role[i]});
    if (a.published) {
      if (!s.first_published || *a.published < *s.first_published) s.first_published = a.published;
      if (!s.last_published || *a.published > *s.last_published) s.last_published = a.published;
    }
  }

  // Title: that of the most central article (the highest summed cosine to the others), among
  // articles with a title; ties by ingest order.
  {
    int best = -1;
    double best_score = -1;
    for (size_t i = 0; i < n; ++i) {
      if (articles[i]->article.title.empty()) continue;
      double score = 0;
      for (size_t j = 0; j < n; ++j) {
        if (j != i) score += Cosine(articles[i]->terms, articles[j]->terms);
      }
      if (score > best_score) {
        best_score = score;
        best = static_cast<int>(i);
      }
    }
    if (best >= 0) s.title = articles[best]->article.title;
  }

  // Timeline: sentences grouped by the days and months they mention.
  s.timeline = BuildTimeline(articles, origin, s.first_published);

  // Shared sentences: near-identical sentences of different articles, found through shared
  // word shingles and grouped transitively.
  {
    const std::vector<ShingledSentence> sentences = ShingleSentences(articles);
    const std::map<int, std::vector<int>> groups = GroupSharedSentences(sentences);
    struct Ranked {
      int independent;
      int articles;
      int first;
      std::vector<int> members;
    };
    std::vector<Ranked> ranked;
    for (const auto& [root, members] : groups) {
      std::set<size_t> arts;
      for (int m : members) arts.insert(sentences[m].article);
      if (arts.size() < 2) continue;
      ranked.push_back(Ranked{independent(arts), static_cast<int>(arts.size()), root, members});
    }
    std::sort(ranked.begin(), ranked.end(), [](const Ranked& a, const Ranked& b) {
      if (a.independent != b.independent) return a.independent > b.independent;
      if (a.articles != b.articles) return a.articles > b.articles;
      return a.first < b.first;
    });
    for (const Ranked& r : ranked) {
      if (static_cast<int>(s.shared_sentences.size()) >= kMaxSharedGroups) break;
      std::vector<Citation> cites;
      for (int m : r.members) {
        const AnalyzedArticle& a = *articles[sentences[m].article];
        cites.push_back(Cite(a, a.sentences[sentences[m].index]));
      }
      s.shared_sentences.push_back(std::move(cites));
    }
  }
  {
    ResolvedEntities resolved = ResolveEntities(articles);
    s.entities = std::move(resolved.entities);
    s.entity_merges = std::move(resolved.merges);
  }
  s.quotes = MergeQuotes(articles, origin, s.entities);
  s.claims = CompareClaims(articles, origin);
  return s;
}

}  // namespace newsloom::story
