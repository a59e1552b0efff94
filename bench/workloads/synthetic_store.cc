#include "workloads/synthetic_store.h"

#include <algorithm>
#include <chrono>
#include <unordered_map>

#include "newsloom/pipeline.h"
#include "newsloom/store.h"

namespace newsloom::bench {

namespace {

// Where each byte range of the original body went: paragraphs keep their text and move as wholes.
class BodyMap {
 public:
  BodyMap() = default;
  // Rotates the paragraphs of `article` by `shift` and records the move.
  BodyMap(const Article& article, size_t shift) {
    const size_t n = article.paragraphs.size();
    for (size_t i = 0; i < n; ++i) {
      const Paragraph& p = article.paragraphs[(i + shift) % n];
      if (!body_.empty()) body_ += '\n';
      moves_.push_back({p.span.begin, p.span.end, static_cast<uint32_t>(body_.size())});
      body_ += article.body.substr(p.span.begin, p.span.size());
    }
    std::sort(moves_.begin(), moves_.end(),
              [](const Move& a, const Move& b) { return a.begin < b.begin; });
  }
  const std::string& body() const { return body_; }

  // The span in the new body, or false when it does not sit inside one paragraph.
  bool Remap(Span& span) const {
    auto it = std::upper_bound(moves_.begin(), moves_.end(), span.begin,
                               [](uint32_t b, const Move& m) { return b < m.begin; });
    if (it == moves_.begin()) return false;
    --it;
    if (span.end > it->end) return false;
    span = Span{it->to + (span.begin - it->begin), it->to + (span.end - it->begin)};
    return true;
  }

 private:
  struct Move {
    uint32_t begin, end, to;
  };
  std::string body_;
  std::vector<Move> moves_;
};

template <typename T>
void RemapAll(const BodyMap& map, std::vector<T>& items, Span T::*span) {
  std::vector<T> kept;
  kept.reserve(items.size());
  for (T& item : items) {
    if (map.Remap(item.*span)) kept.push_back(std::move(item));
  }
  // Spans stay in text order, as analysis gives them.
  std::stable_sort(kept.begin(), kept.end(),
                   [span](const T& a, const T& b) { return a.*span < b.*span; });
  items = std::move(kept);
}

std::optional<Date> Shift(const std::optional<Date>& d, int days) {
  if (!d) return d;
  return d->AddDays(days);
}

std::string CloneId(const std::string& id, int round) { return id + "~r" + std::to_string(round); }

}  // namespace

Result<SyntheticStoreReport> BuildSyntheticStore(const SyntheticStoreOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  SyntheticStoreReport report;
  auto opened = Store::Open(options.db);
  if (!opened.ok()) return opened.status();
  Store& store = **opened;
  auto count = store.ArticleCount();
  if (!count.ok()) return count.status();
  if (*count >= options.articles) {
    report.reused = true;
    report.articles = *count;
    auto stories = store.ListStories();
    if (!stories.ok()) return stories.status();
    report.stories = static_cast<int64_t>(stories->size());
    return report;
  }
  if (*count > 0) {
    return Status::InvalidArgument(options.db + " holds " + std::to_string(*count) +
                                   " articles, fewer than asked: remove it to build it anew");
  }

  // The seed: real pages through the real pipeline, stories included.
  Pipeline pipeline(&store, DefaultPageStages());
  IngestOptions ingest;
  ingest.threads = options.threads;
  auto ingested = pipeline.Ingest(options.seed_inputs, ingest);
  if (!ingested.ok()) return ingested.status();
  std::vector<AnalyzedArticle> seed;
  NEWSLOOM_RETURN_IF_ERROR(store.ForEachArticle(LoadOptions{}, [&](AnalyzedArticle&& a) {
    seed.push_back(std::move(a));
    return Status::Ok();
  }));
  if (seed.empty()) return Status::InvalidArgument("the seed inputs gave no article");
  report.seed_articles = static_cast<int64_t>(seed.size());
  auto summaries = store.ListStories();
  if (!summaries.ok()) return summaries.status();
  std::vector<Story> seed_stories;
  for (const StorySummary& s : *summaries) {
    auto story = store.GetStory(s.id);
    if (!story.ok()) return story.status();
    seed_stories.push_back(std::move(*story));
  }

  const int64_t seed_count = static_cast<int64_t>(seed.size());
  const int rounds =
      static_cast<int>((options.articles - seed_count + seed_count - 1) / seed_count);
  std::vector<Story> all_stories = seed_stories;
  for (int round = 1; round <= rounds; ++round) {
    // Clones of round r are dated r weeks later, so that the story list spreads over time.
    const int days = 7 * round;
    std::unordered_map<std::string, BodyMap> maps;
    std::vector<RawPage> pages;
    std::vector<AnalyzedArticle> clones;
    pages.reserve(seed.size());
    clones.reserve(seed.size());
    for (const AnalyzedArticle& original : seed) {
      AnalyzedArticle a = original;
      const size_t paragraphs = a.article.paragraphs.size();
      BodyMap map(a.article, paragraphs ? round % paragraphs : 0);
      if (paragraphs) {
        a.article.body = map.body();
        for (Paragraph& p : a.article.paragraphs) map.Remap(p.span);
        std::sort(a.article.paragraphs.begin(), a.article.paragraphs.end(),
                  [](const Paragraph& x, const Paragraph& y) { return x.span < y.span; });
        std::vector<Span> sentences;
        for (Span span : a.sentences) {
          if (map.Remap(span)) sentences.push_back(span);
        }
        std::sort(sentences.begin(), sentences.end());
        a.sentences = std::move(sentences);
        RemapAll(map, a.tokens, &Token::span);
        RemapAll(map, a.dates, &TemporalExpression::span);
        RemapAll(map, a.entities, &EntityMention::span);
        a.quotes.clear();  // not stored: the server finds quotes again
      }
      a.article.id = CloneId(original.article.id, round);
      a.article.source = "synthetic/" + std::to_string(round) + "/" + original.article.source;
      a.article.published = Shift(a.article.published, days);
      RawPage page;
      page.source = a.article.source;
      page.content_type = "text/plain";
      page.bytes = a.article.body;
      page.given_id = a.article.id;
      maps.emplace(original.article.id, std::move(map));
      pages.push_back(std::move(page));
      clones.push_back(std::move(a));
    }
    std::vector<Store::PageAndArticle> items;
    for (size_t i = 0; i < clones.size(); ++i) items.push_back({&pages[i], &clones[i]});
    auto put = store.PutArticles(items);
    if (!put.ok()) return put.status();

    for (const Story& original : seed_stories) {
      Story s = original;
      s.id = CloneId(original.id, round);
      s.thread = original.thread.empty() ? "" : CloneId(original.thread, round);
      s.first_published = Shift(s.first_published, days);
      s.last_published = Shift(s.last_published, days);
      for (StoryArticle& a : s.articles) {
        a.id = CloneId(a.id, round);
        a.published = Shift(a.published, days);
      }
      auto remap = [&](std::vector<Citation>& citations) {
        std::vector<Citation> kept;
        for (Citation& c : citations) {
          auto it = maps.find(c.article_id);
          if (it == maps.end() || !it->second.Remap(c.span)) continue;
          c.article_id = CloneId(c.article_id, round);
          kept.push_back(std::move(c));
        }
        citations = std::move(kept);
      };
      for (TimelineEntry& e : s.timeline) remap(e.sources);
      for (auto& group : s.shared_sentences) remap(group);
      for (StoryEntity& e : s.entities) remap(e.mentions);
      all_stories.push_back(std::move(s));
    }
  }
  NEWSLOOM_RETURN_IF_ERROR(store.ReplaceStories(all_stories, {}));
  auto final_count = store.ArticleCount();
  if (!final_count.ok()) return final_count.status();
  report.articles = *final_count;
  report.stories = static_cast<int64_t>(all_stories.size());
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return report;
}

}  // namespace newsloom::bench
