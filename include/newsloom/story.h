// What the story stage returns: one real-world event told by several articles.
#ifndef NEWSLOOM_STORY_H_
#define NEWSLOOM_STORY_H_

#include <optional>
#include <string>
#include <vector>

#include "newsloom/article.h"
#include "newsloom/date.h"
#include "newsloom/dedup.h"

namespace newsloom {

// A sentence of a source article that a statement rests on.
struct Citation {
  std::string article_id;
  Span span;  // into that article's body
  std::string text;
};

struct StoryArticle {
  std::string id;
  std::string source;
  std::string title;
  std::string outlet;
  std::optional<Date> published;
  CopyRole role = CopyRole::kOriginal;
};

struct TimelineEntry {
  std::string
      date;  // TimeML value of the day or month the sentences refer to: "2024-06-19", "2023-09"
  bool background = false;  // well before the story's own days
  std::vector<Citation> sources;
  int independent_sources = 0;
};

// One real-world person, organisation, place or other name of a story: its mentions grouped by
// entity resolution (src/story/entity_resolution.h).
struct StoryEntity {
  std::string id;                     // stable: the same for the same name and type in every story
  std::string name;                   // canonical form, honorifics and titles stripped
  std::string type;                   // "PER", "ORG", "LOC", "MISC"
  std::vector<std::string> variants;  // distinct surface forms, first-seen order
  std::vector<std::string> roles;     // titles seen before a person's name ("Defense Minister")
  std::vector<Citation> mentions;     // the mention itself (span and text), text order per article
};

// Why two names were taken as one entity ("short form", "acronym", "spelling variant, same role").
struct EntityMerge {
  std::string a, b, reason;
};

// One quote of a story: the same words from the same speaker in several articles (allowing
// ellipses, stammers and small edits) are one quote citing each of them.
struct StoryQuote {
  std::string text;                 // the longest wording cited
  std::string speaker;              // the fullest name the citations give
  std::string speaker_entity;       // StoryEntity id of that person, "" when not resolved
  std::string cue;                  // of the first citation
  std::string kind = "direct";      // "direct" or "indirect"
  std::vector<Citation> citations;  // the quoted words in each article, ingest order
  int independent_sources = 0;
};

// A figure one source gives for a claim.
struct ClaimValue {
  std::string text;  // "about 3,000 workers"
  double value = 0;
  double value_high = 0;
  std::string approx;          // "about", "more than", ... or ""
  std::string reference_date;  // TimeML value the figure refers to
  Citation citation;           // the sentence
};

// The same quantity about the same thing, as the story's sources give it. `status`: "agree" (all
// values equal), "differ" (values differ for one reference date) or "series" (values differ only
// across reference dates: a figure that changed over time). Values in reference-date order.
struct Claim {
  std::string unit;   // "worker", "day", "percent", ...
  std::string thing;  // what the figure is about ("meeting"), when named
  std::string status;
  std::vector<ClaimValue> values;
  int independent_sources = 0;
};

struct Story {
  std::string id;
  std::string thread;
  std::string title;
  std::optional<Date> first_published;
  std::optional<Date> last_published;
  std::vector<StoryArticle> articles;
  int sources_independent = 0;
  std::vector<TimelineEntry> timeline;
  // Sentences whose content the most sources share, best first.
  std::vector<std::vector<Citation>> shared_sentences;
  // Named entities, the most mentioned first, and why names were merged.
  std::vector<StoryEntity> entities;
  std::vector<EntityMerge> entity_merges;
  // Quotes, the most cited first; claims that two or more independent sources give.
  std::vector<StoryQuote> quotes;
  std::vector<Claim> claims;
};

}  // namespace newsloom

#endif  // NEWSLOOM_STORY_H_
