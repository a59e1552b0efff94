// Timelines: the dates that sentences refer to, with the sentences as citations.
//
// Two uses share the sentence dating here:
// - BuildTimeline: the timeline of one story, every day or month its sentences mention, ranked by
//   how many independent sources support it, earlier background dates set apart;
// - SummarizeTimeline: a fixed-size dated summary (DATEWISE, Ghalandari & Ifrim 2020): the k best
//   supported days, each summarised by its most central, non-redundant sentences.
#ifndef NEWSLOOM_STORY_TIMELINE_H_
#define NEWSLOOM_STORY_TIMELINE_H_

#include <optional>
#include <string>
#include <vector>

#include "newsloom/analyzed_article.h"
#include "newsloom/date.h"
#include "newsloom/story.h"

namespace newsloom::story {

// The day ("2024-06-19") or month ("2024-06") a DATE or TIME value falls in; nullopt for other
// values (years, weeks, seasons, durations, PRESENT_REF, partly unknown dates like "XXXX-06-19").
std::optional<std::string> DayOrMonthOf(const TemporalExpression& t);

struct TimelineOptions {
  // A date whose last day lies more than this many days before the first publication day is
  // background.
  long background_days = 14;
  // An undated sentence among an article's first `lead_sentences` that is in the past tense is
  // taken to report the news of its publication day (0: never). On Timeline17, lead sentences
  // standing for their publication day raise summary ROUGE; the tense check keeps announcements
  // ("will visit") off the publication day.
  int lead_sentences = 2;
  // Entry order: by date (a story's brief reads in time order), or the best supported first.
  bool by_support = false;
};

// The timeline of one story. `origin[i]` names the independent source of `articles[i]` (articles
// of one copy group share it); `first_published` is the story's first publication day (no
// background without it).
//
// One entry per day or month mentioned: a sentence is cited once per entry, in article order.
// Entries in date order; with `by_support`, the story's own days first, then background entries,
// and within each part the most independent sources first, then the most cited sentences, then
// date order.
// Never fails; articles without sentences or dates add nothing.
std::vector<TimelineEntry> BuildTimeline(const std::vector<const AnalyzedArticle*>& articles,
                                         const std::vector<std::string>& origin,
                                         const std::optional<Date>& first_published,
                                         const TimelineOptions& options = {});

// Defaults chosen on the Timeline17 development topics (`newsloom eval timeline`).
struct SummaryOptions {
  int max_dates = 10;          // days in the timeline
  int sentences_per_date = 1;  // sentences per day
  // Only days in [start, end] are chosen (unset: no bound).
  std::optional<Date> start;
  std::optional<Date> end;
  // Undated sentences among an article's first `lead_sentences` stand for its publication day
  // and the `publication_days - 1` days before (the news of the day is often of yesterday).
  int lead_sentences = 10;
  int publication_days = 2;
  // Date score: articles mentioning the day + mention_weight * sentences mentioning it +
  // publication_weight * articles published that day.
  double mention_weight = 0.1;
  double publication_weight = 0.25;
  // Maximal marginal relevance: lambda * centrality - (1 - lambda) * redundancy.
  double mmr_lambda = 0.5;
  // A sentence this similar (cosine) to one already picked is not picked.
  double max_redundancy = 0.8;
  // Summary sentences have between these many words.
  int min_words = 5;
  int max_words = 60;
};

struct DatedSummary {
  Date date;
  std::vector<Citation> sentences;  // best first
};

// DATEWISE timeline summary over `articles` (one story or topic): days ranked by the date score,
// candidate sentences of a day being those that mention it plus the undated lead sentences of the
// articles published on it or the day after; sentences picked by cosine to the TF-IDF centroid
// of the day's candidates (IDF over all sentences of `articles`), with MMR against those already
// picked. Returns at most `max_dates` days in date order; days without a usable sentence are
// skipped for the next best. Deterministic; never fails.
std::vector<DatedSummary> SummarizeTimeline(const std::vector<const AnalyzedArticle*>& articles,
                                            const SummaryOptions& options);

}  // namespace newsloom::story

#endif  // NEWSLOOM_STORY_TIMELINE_H_
