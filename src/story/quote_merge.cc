#include "story/quote_merge.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <set>

#include "story/entity_resolution.h"
#include "story/transitive_groups.h"
#include "text/hash.h"
#include "text/segment.h"

namespace newsloom::story {
namespace {

constexpr double kPairContainment = 0.6;  // of the shorter quote's word pairs
constexpr size_t kShortQuoteWords = 3;    // up to this: must appear word for word

std::string LastWord(const std::string& key) {
  const size_t sp = key.rfind(' ');
  return sp == std::string::npos ? key : key.substr(sp + 1);
}

bool EndsWithWords(const std::string& longer, const std::string& shorter) {
  if (shorter.empty() || shorter.size() > longer.size()) return false;
  if (longer.compare(longer.size() - shorter.size(), shorter.size(), shorter) != 0) return false;
  return longer.size() == shorter.size() || longer[longer.size() - shorter.size() - 1] == ' ';
}

bool ContainsRun(const std::vector<std::string>& hay, const std::vector<std::string>& needle) {
  if (needle.empty() || needle.size() > hay.size()) return false;
  return std::search(hay.begin(), hay.end(), needle.begin(), needle.end()) != hay.end();
}

// The distinct word pairs of a quote, hashed and sorted: quotes are compared pairwise, so each
// quote's pairs are made once.
std::vector<uint64_t> PairHashes(const std::vector<std::string>& w) {
  std::vector<uint64_t> out;
  for (size_t i = 0; i + 1 < w.size(); ++i) out.push_back(text::Hash64(w[i] + ' ' + w[i + 1]));
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

struct Item {
  size_t article;
  const Quote* quote;
  std::vector<std::string> words;
  std::vector<uint64_t> pairs;  // PairHashes(words)
  std::string entity;           // speaker entity id, or ""
  std::string speaker_key;      // EntityKey of the speaker
  std::string speaker_last;     // its last word
};

bool SameWords(const Item& a, const Item& b) {
  const Item& shorter = a.words.size() <= b.words.size() ? a : b;
  const Item& longer = a.words.size() <= b.words.size() ? b : a;
  if (shorter.words.empty()) return false;
  if (shorter.words.size() <= kShortQuoteWords) return ContainsRun(longer.words, shorter.words);
  size_t shared = 0;
  for (size_t i = 0, j = 0; i < shorter.pairs.size() && j < longer.pairs.size();) {
    if (shorter.pairs[i] < longer.pairs[j]) {
      ++i;
    } else if (longer.pairs[j] < shorter.pairs[i]) {
      ++j;
    } else {
      ++shared, ++i, ++j;
    }
  }
  return shared >= kPairContainment * static_cast<double>(shorter.pairs.size());
}

bool SameSpeaker(const Item& a, const Item& b) {
  if (!a.entity.empty() && !b.entity.empty()) return a.entity == b.entity;
  if (a.speaker_key.empty() || b.speaker_key.empty()) return a.speaker_key == b.speaker_key;
  return a.speaker_last == b.speaker_last;
}

// The entity's name, or the end of the quoted speaker's mention when that starts with the name
// and goes on ("Li Wei" tagged, "Ambassador Li Wei-min" quoted -> "Li Wei-min").
std::string FullerName(const std::string& name, const std::string& mention) {
  const size_t sp = name.find(' ');
  const std::string first_word = name.substr(0, sp);
  size_t at = mention.find(first_word);
  while (at != std::string::npos && at > 0 && mention[at - 1] != ' ') {
    at = mention.find(first_word, at + 1);
  }
  if (at == std::string::npos) return name;
  const std::string tail = mention.substr(at);
  const std::string tail_key = EntityKey(tail), name_key = EntityKey(name);
  if (tail_key.size() > name_key.size() && tail_key.compare(0, name_key.size(), name_key) == 0 &&
      tail_key.find(' ', name_key.size() + 1) == std::string::npos)
    return tail;
  return name;
}

}  // namespace

std::vector<std::string> QuoteWords(const std::vector<Token>& tokens, Span span) {
  auto first = std::lower_bound(tokens.begin(), tokens.end(), span.begin,
                                [](const Token& t, uint32_t pos) { return t.span.begin < pos; });
  auto last = first;
  while (last != tokens.end() && last->span.end <= span.end) ++last;
  std::vector<std::string> words;
  for (Token& t : text::JoinHyphenated(std::vector<Token>(first, last))) {
    if (!t.is_word) continue;
    // "don't" = "dont", "co-operation" = "cooperation".
    std::erase_if(t.norm, [](char c) { return c == '\'' || c == '-'; });
    words.push_back(std::move(t.norm));
  }
  // Collapse stammered repeats: "and other and other weapons" -> "and other weapons".
  for (size_t n = 4; n >= 1; --n) {
    std::vector<std::string> out;
    for (size_t i = 0; i < words.size();) {
      if (i + 2 * n <= words.size() &&
          std::equal(words.begin() + i, words.begin() + i + n, words.begin() + i + n)) {
        i += n;  // drop the first copy
        continue;
      }
      out.push_back(words[i]);
      ++i;
    }
    words = std::move(out);
  }
  return words;
}

SpeakerFinder::SpeakerFinder(const std::vector<StoryEntity>& entities) {
  for (const StoryEntity& e : entities) {
    if (e.type != "PER") continue;
    Person person{&e, EntityKey(e.name), {}};
    for (const std::string& v : e.variants) {
      std::string key = EntityKey(v);
      if (key.find(' ') != std::string::npos) person.variant_keys.push_back(std::move(key));
    }
    for (const Citation& m : e.mentions)
      mentions_[m.article_id].emplace_back(m.span, people_.size());
    people_.push_back(std::move(person));
  }
}

const StoryEntity* SpeakerFinder::Find(const Quote& quote, const std::string& article_id) const {
  if (quote.speaker.empty()) return nullptr;
  // A pronoun's speaker is the name it resolves to, not the mention under the span.
  if (quote.speaker_span.size() > 0 && quote.speaker_span.size() == quote.speaker.size()) {
    auto it = mentions_.find(article_id);
    if (it != mentions_.end()) {
      size_t best = people_.size();
      for (const auto& [span, person] : it->second) {
        if (span.begin < quote.speaker_span.end && quote.speaker_span.begin < span.end) {
          best = std::min(best, person);
        }
      }
      if (best < people_.size()) return people_[best].entity;
    }
  }
  const std::string key = EntityKey(quote.speaker);
  if (key.empty()) return nullptr;
  // Entities come most mentioned first: the first that fits is the likeliest.
  for (const Person& p : people_) {
    if (EndsWithWords(key, p.name_key)) return p.entity;
    for (const std::string& vk : p.variant_keys) {
      if (EndsWithWords(key, vk)) return p.entity;
    }
  }
  const std::string last = LastWord(key);
  if (last.size() < 3) return nullptr;
  for (const Person& p : people_) {
    // "Mr. Li" -> "Li Wei-min" (family name first), "Mr. Okafor" -> "Ada Okafor",
    // "Okafor" -> "Ada Okafor".
    if (LastWord(p.name_key) == last || p.name_key.compare(0, last.size() + 1, last + " ") == 0) {
      return p.entity;
    }
  }
  return nullptr;
}

std::vector<StoryQuote> MergeQuotes(const std::vector<const AnalyzedArticle*>& articles,
                                    const std::vector<std::string>& origin,
                                    const std::vector<StoryEntity>& entities) {
  const SpeakerFinder speakers(entities);
  std::vector<Item> items;
  for (size_t a = 0; a < articles.size(); ++a) {
    const AnalyzedArticle& art = *articles[a];
    for (const Quote& q : art.quotes) {
      if (q.span.end > art.article.body.size() || q.span.begin >= q.span.end) continue;
      Item it{a, &q, QuoteWords(art.tokens, q.span), {}, {}, EntityKey(q.speaker), {}};
      if (it.words.empty()) continue;
      it.pairs = PairHashes(it.words);
      it.speaker_last = LastWord(it.speaker_key);
      if (const StoryEntity* e = speakers.Find(q, art.article.id)) it.entity = e->id;
      items.push_back(std::move(it));
    }
  }
  // Group transitively; direct and indirect quotes stay apart.
  std::vector<std::string> kinds;
  for (const Item& it : items) kinds.push_back(it.quote->kind);
  const std::vector<std::vector<size_t>> groups =
      TransitiveGroupsWithin(kinds, [&](size_t i, size_t j) {
        return SameSpeaker(items[i], items[j]) && SameWords(items[i], items[j]);
      });

  struct Ranked {
    int independent;
    size_t first;
    StoryQuote quote;
  };
  std::vector<Ranked> ranked;
  for (const std::vector<size_t>& members : groups) {
    StoryQuote sq;
    const Quote& first = *items[members.front()].quote;
    sq.kind = first.kind;
    sq.cue = first.cue;
    std::set<std::string> origins;
    for (size_t m : members) {
      const Item& it = items[m];
      const AnalyzedArticle& art = *articles[it.article];
      sq.citations.push_back(Citation{art.article.id, it.quote->span, it.quote->text});
      origins.insert(origin[it.article]);
      if (it.quote->text.size() > sq.text.size()) sq.text = it.quote->text;
      // The fullest name: the most words, then the first.
      if (EntityKey(it.quote->speaker).size() > EntityKey(sq.speaker).size())
        sq.speaker = it.quote->speaker;
      if (sq.speaker_entity.empty()) sq.speaker_entity = it.entity;
    }
    if (!sq.speaker_entity.empty()) {
      for (const StoryEntity& e : entities)
        if (e.id == sq.speaker_entity) sq.speaker = FullerName(e.name, sq.speaker);
    }
    // Reported speech is kept only when its speaker is a person of the story: the clause
    // patterns alone also catch organisations, media and misparsed subjects.
    if (sq.kind != "direct" && sq.speaker_entity.empty()) continue;
    sq.independent_sources = static_cast<int>(origins.size());
    ranked.push_back(Ranked{sq.independent_sources, members.front(), std::move(sq)});
  }
  // One name per speaker entity: the fullest any of its quotes gives.
  std::map<std::string, std::string> name_of;
  for (const Ranked& r : ranked) {
    std::string& name = name_of[r.quote.speaker_entity];
    if (EntityKey(r.quote.speaker).size() > EntityKey(name).size()) name = r.quote.speaker;
  }
  for (Ranked& r : ranked) {
    if (!r.quote.speaker_entity.empty()) r.quote.speaker = name_of[r.quote.speaker_entity];
  }
  std::stable_sort(ranked.begin(), ranked.end(), [](const Ranked& a, const Ranked& b) {
    if (a.independent != b.independent) return a.independent > b.independent;
    return a.first < b.first;
  });
  std::vector<StoryQuote> out;
  out.reserve(ranked.size());
  for (Ranked& r : ranked) out.push_back(std::move(r.quote));
  return out;
}

}  // namespace newsloom::story
