#include "analyze/analyze.h"

#include <algorithm>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "analyze/figures.h"
#include "analyze/ner.h"
#include "analyze/ner_fallback.h"
#include "newsloom/quotes.h"
#include "text/hash.h"
#include "text/segment.h"
#include "text/stopwords.h"
#include "timex/timex.h"

namespace newsloom::analyze {
namespace {

// SplitMix64's finaliser: spreads a shingle hash (or a bin number) over all 64 bits.
uint64_t Mix(uint64_t z) {
  z += 0x9E3779B97F4A7C15ULL;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

// A token is a content word when it holds a letter or digit and is not a function word of the
// article's language. Single letters carry no topic.
bool IsContentWord(const Token& t, std::string_view language) {
  if (!t.is_word) return false;
  if (t.norm.size() < 2 && !(t.norm.size() == 1 && t.norm[0] >= '0' && t.norm[0] <= '9')) {
    return false;
  }
  return !text::IsFunctionWord(t.norm, language);
}

// Name terms: runs of adjacent capitalised words (only white space between them). A run that
// starts a sentence loses its leading stop words ("The", "In"). A one-word run at a sentence start
// counts only when the document uses that word in a name elsewhere, since every sentence starts
// with a capital. A run of several words also adds its last word ("n:williams" for "Jamal
// Williams"), the form later mentions use.
void AddNameTerms(const std::string& body, std::string_view language,
                  const std::vector<Token>& tokens, const std::vector<bool>& sentence_start,
                  std::unordered_map<std::string, float>& names) {
  struct Run {
    size_t begin, end;
    bool lone_start;  // one word, first in its sentence
  };
  std::vector<Run> runs;
  std::unordered_set<std::string_view> name_words;
  size_t i = 0;
  while (i < tokens.size()) {
    if (!tokens[i].is_word || !tokens[i].capitalized) {
      ++i;
      continue;
    }
    size_t j = i + 1;
    while (j < tokens.size() && tokens[j].is_word && tokens[j].capitalized &&
           tokens[j].span.begin - tokens[j - 1].span.end == 1 &&
           body[tokens[j - 1].span.end] == ' ') {
      ++j;
    }
    size_t b = i;
    while (b < j && text::IsFunctionWord(tokens[b].norm, language)) ++b;
    size_t e = j;
    while (e > b && text::IsFunctionWord(tokens[e - 1].norm, language)) --e;
    if (e > b) {
      const bool lone_start = sentence_start[i] && b == i && e - b == 1;
      runs.push_back(Run{b, e, lone_start});
      if (!lone_start) {
        for (size_t k = b; k < e; ++k) name_words.insert(tokens[k].norm);
      }
    }
    i = j;
  }
  for (const Run& run : runs) {
    if (run.lone_start && !name_words.count(tokens[run.begin].norm)) continue;
    std::string term = "n:";
    for (size_t k = run.begin; k < run.end; ++k) {
      if (k > run.begin) term += ' ';
      term += tokens[k].norm;
    }
    names[term] += 1;
    if (run.end - run.begin > 1) names["n:" + tokens[run.end - 1].norm] += 1;
  }
}

}  // namespace

std::vector<uint64_t> ShingleHashes(const std::vector<Token>& tokens, int shingle_words) {
  std::vector<uint64_t> words;
  words.reserve(tokens.size());
  for (const Token& t : tokens) {
    if (t.is_word) words.push_back(text::Hash64(t.norm));
  }
  std::vector<uint64_t> out;
  if (words.empty()) return out;
  const size_t k = static_cast<size_t>(std::max(1, shingle_words));
  if (words.size() <= k) {
    out.push_back(text::Hash64(std::string_view(reinterpret_cast<const char*>(words.data()),
                                                words.size() * sizeof(uint64_t))));
    return out;
  }
  out.reserve(words.size() - k + 1);
  for (size_t i = 0; i + k <= words.size(); ++i) {
    out.push_back(text::Hash64(
        std::string_view(reinterpret_cast<const char*>(&words[i]), k * sizeof(uint64_t))));
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::vector<uint32_t> MinHashSignature(const std::vector<uint64_t>& shingles, int size) {
  // One-permutation hashing: one hash per shingle, whose high bits choose a bin and whose low bits
  // compete for that bin's minimum (Li, Owen & Zhang 2012), instead of `size` hashes per shingle.
  const auto n = static_cast<uint64_t>(size);
  std::vector<uint32_t> sig(n, 0xFFFFFFFFu);
  std::vector<uint8_t> filled(n, 0);
  for (uint64_t x : shingles) {
    const uint64_t h = Mix(x);
    const uint64_t bin = ((h >> 32) * n) >> 32;
    const auto value = static_cast<uint32_t>(h);
    if (value < sig[bin]) sig[bin] = value;
    filled[bin] = 1;
  }
  if (shingles.empty()) return sig;
  // Densification: an empty bin borrows the value of a filled bin chosen by a fixed hash sequence
  // of its own number, so two sets agree on it as often as on a random filled bin
  // (Shrivastava 2017).
  std::vector<uint32_t> dense = sig;
  for (uint64_t i = 0; i < n; ++i) {
    if (filled[i]) continue;
    for (uint64_t attempt = 1;; ++attempt) {
      const uint64_t j = ((Mix(i * 0x100000001B3ULL + attempt) >> 32) * n) >> 32;
      if (filled[j]) {
        dense[i] = sig[j];
        break;
      }
    }
  }
  return dense;
}

double EstimateJaccard(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b) {
  if (a.size() != b.size() || a.empty()) return 0;
  size_t equal = 0;
  for (size_t i = 0; i < a.size(); ++i) equal += a[i] == b[i];
  return static_cast<double>(equal) / static_cast<double>(a.size());
}

void FindQuotesAndFigures(AnalyzedArticle* article) {
  const std::vector<Token> tokens = text::JoinHyphenated(article->tokens);  // once for both
  const Article& a = article->article;
  article->quotes = FindQuotes(a.body, tokens, QuoteOptions{.language = a.language});
  article->figures =
      FindFigures(a.body, tokens, article->sentences, article->dates, a.published, a.language);
}

Result<AnalyzedArticle> Analyze(Article article, const AnalyzeOptions& options) {
  AnalyzedArticle out;
  out.article = std::move(article);
  const std::string& body = out.article.body;
  const std::string_view language = out.article.language;

  Result<text::Segmentation> seg = text::Segment(body);
  if (!seg.ok()) return seg.status();
  out.sentences = std::move(seg->sentences);
  out.tokens = std::move(seg->tokens);

  // The first word token of each sentence.
  std::vector<bool> sentence_start(out.tokens.size(), false);
  {
    size_t s = 0;
    bool seen_word = false;
    for (size_t i = 0; i < out.tokens.size(); ++i) {
      const Token& t = out.tokens[i];
      while (s < out.sentences.size() && out.sentences[s].end <= t.span.begin) {
        ++s;
        seen_word = false;
      }
      if (t.is_word && !seen_word) {
        sentence_start[i] = true;
        seen_word = true;
      }
    }
  }

  // Term frequencies keyed by views into the token norms, which outlive the map.
  std::unordered_map<std::string_view, float> counts;
  counts.reserve(out.tokens.size());
  std::string normalized;
  normalized.reserve(body.size());
  for (const Token& t : out.tokens) {
    if (!t.is_word) continue;
    if (!normalized.empty()) normalized += ' ';
    normalized += t.norm;
    if (IsContentWord(t, language)) counts[t.norm] += 1;
  }
  std::unordered_map<std::string, float> names;
  AddNameTerms(body, language, out.tokens, sentence_start, names);
  // The headline and the lead name the event most directly: their words are terms of their own
  // kinds too ("t:" and "l:"), so that a story is told apart from a look-alike by what happened.
  std::unordered_map<std::string, float> headline;
  Result<text::Segmentation> title = text::Segment(out.article.title);
  if (!title.ok()) return title.status();
  for (const Token& t : title->tokens) {
    if (IsContentWord(t, language)) headline["t:" + t.norm] += 1;
  }
  for (const Token& t : out.tokens) {
    if (t.span.begin >= options.lead_bytes) break;
    if (IsContentWord(t, language)) headline["l:" + t.norm] += 1;
  }
  for (const Token& t : title->tokens) {
    if (IsContentWord(t, language)) headline["l:" + t.norm] += 1;
  }

  out.terms.reserve(counts.size() + names.size() + headline.size());
  for (const auto& [term, n] : counts) out.terms.push_back(Term{std::string(term), n});
  for (auto& [term, n] : names) out.terms.push_back(Term{term, n});
  for (auto& [term, n] : headline) out.terms.push_back(Term{term, n});
  std::sort(out.terms.begin(), out.terms.end(),
            [](const Term& a, const Term& b) { return a.term < b.term; });

  // Relative dates resolve against the publication date; without one they stay partly unknown.
  out.dates = timex::TagTemporalExpressions(body, out.article.published, out.article.language);

  // Entities: the tagger of the article's language, loaded once per process, or the
  // language-neutral fallback. A missing or unreadable model is an error, not an article without
  // entities.
  Result<std::vector<EntityMention>> entities =
      TagEntities(out.article.language, body, out.tokens, out.sentences);
  if (!entities.ok()) return entities.status();
  out.entities = std::move(*entities);

  FindQuotesAndFigures(&out);

  out.body_hash = text::Hash64(normalized);
  out.minhash = MinHashSignature(ShingleHashes(out.tokens, options.shingle_words),
                                 std::max(1, options.minhash_size));
  return out;
}

}  // namespace newsloom::analyze
