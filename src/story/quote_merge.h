// Quotes across the articles of a story: the same words from the same speaker, wherever they are
// carried, are one quote citing each article.
//
// Two quotes are the same when their speakers agree (the same story entity, or the same last name
// when either is unresolved) and their words (the article's tokens in the quote's span) match
// after normalisation: case folded, punctuation and ellipses dropped, and a stammered repeat of
// one to four words ("and other – and other") collapsed. The shorter quote must then share at least
// 60% of its word pairs with the longer one (small edits, cuts marked by an ellipsis); a quote of
// one to three words must appear in the other word for word (a partial quote of a longer one).
#ifndef NEWSLOOM_STORY_QUOTE_MERGE_H_
#define NEWSLOOM_STORY_QUOTE_MERGE_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "newsloom/analyzed_article.h"
#include "newsloom/story.h"

namespace newsloom::story {

// The words of `span` in an article's tokens (text::Segment's, in order), normalised as above:
// the word tokens' norms, apostrophes and hyphens dropped ("don't" = "dont").
std::vector<std::string> QuoteWords(const std::vector<Token>& tokens, Span span);

// The entity of `entities` (a story's, as ResolveEntities gives them) that a quote's speaker names:
// the PER entity with a mention overlapping the speaker span in that article, else the most
// mentioned PER entity whose name or a variant ends the speaker's name ("Labour Minister
// Ada Okafor" -> "Ada Okafor") or whose name ends with it ("Mr. Li" -> "Li Wei-min").
// Built once per story, since a large story has thousands of quotes and of names.
class SpeakerFinder {
 public:
  // `entities` must outlive the finder.
  explicit SpeakerFinder(const std::vector<StoryEntity>& entities);
  // Null when none fits.
  const StoryEntity* Find(const Quote& quote, const std::string& article_id) const;

 private:
  struct Person {
    const StoryEntity* entity;
    std::string name_key;                   // EntityKey of the name
    std::vector<std::string> variant_keys;  // of the variants of two words or more
  };
  std::vector<Person> people_;  // the PER entities, in the given order
  // Article id -> each PER mention's span and person (index in people_).
  std::unordered_map<std::string, std::vector<std::pair<Span, size_t>>> mentions_;
};

// The quotes of `articles` (ingest order) merged across articles, each speaker entity shown under
// the fullest name its quotes give; indirect quotes only when their speaker is a person entity;
// `origin[i]` names the source of article i (articles of one copy group share it). Quotes cited by
// more independent sources come first, then by first appearance. Deterministic; never fails.
std::vector<StoryQuote> MergeQuotes(const std::vector<const AnalyzedArticle*>& articles,
                                    const std::vector<std::string>& origin,
                                    const std::vector<StoryEntity>& entities);

}  // namespace newsloom::story

#endif  // NEWSLOOM_STORY_QUOTE_MERGE_H_
