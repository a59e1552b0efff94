// `newsloom eval clustering`: what `newsloom ingest FILE` stores and `newsloom stories` lists,
// scored by B-cubed precision, recall and F1 against the file's gold events (and topics, when
// given), with the confusions between events and, where gold gives the event's day, how well the
// stored publication dates fit it.
#include "eval/clustering_eval.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "eval/ingested_corpus.h"
#include "newsloom/eval.h"
#include "text/fold.h"

namespace newsloom::eval {
namespace {

struct GoldArticle {
  std::string id;
  std::string topic;
  std::string event;
  std::optional<Date> event_date;
};

std::string LabelOf(const nlohmann::json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_null()) return "";
  return v.dump();
}

Result<std::vector<GoldArticle>> ReadGold(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status::NotFound("clustering data not found: " + path);
  std::vector<GoldArticle> gold;
  std::string line;
  int line_number = 0;
  while (std::getline(in, line)) {
    ++line_number;
    if (line.empty()) continue;
    const nlohmann::json row = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (row.is_discarded() || !row.is_object()) continue;  // ingest reports it as skipped
    GoldArticle g;
    g.id = row.contains("id") ? LabelOf(row["id"]) : "";
    g.topic = row.contains("topic") ? LabelOf(row["topic"]) : "";
    g.event = row.contains("event") ? LabelOf(row["event"]) : "";
    if (row.contains("event_date") && row["event_date"].is_string()) {
      g.event_date = Date::FromIso(row["event_date"].get<std::string>());
    }
    if (g.id.empty() || g.event.empty()) {
      return Status::InvalidArgument(path + ":" + std::to_string(line_number) +
                                     ": a clustering record needs an id and an event");
    }
    gold.push_back(std::move(g));
  }
  if (gold.empty()) return Status::InvalidArgument("no articles in " + path);
  return gold;
}

nlohmann::json Figures(const BCubed& b) {
  return nlohmann::json{{"precision", b.precision}, {"recall", b.recall}, {"f1", b.f1}};
}

// Articles of one event that sit in a story whose articles are mostly of another: for each pair
// of events, how many went the wrong way, largest first.
nlohmann::json Confusions(const std::vector<std::string>& predicted,
                          const std::vector<std::string>& events) {
  std::map<std::string, std::map<std::string, int>> by_story;  // story -> event -> articles
  for (size_t i = 0; i < predicted.size(); ++i) ++by_story[predicted[i]][events[i]];
  std::map<std::pair<std::string, std::string>, int> wrong;  // (event, story's event) -> articles
  for (const auto& [story, counts] : by_story) {
    if (counts.size() < 2) continue;
    std::string majority;
    int most = 0;
    for (const auto& [event, n] : counts) {
      if (n > most) {
        most = n;
        majority = event;
      }
    }
    for (const auto& [event, n] : counts) {
      if (event != majority) wrong[{event, majority}] += n;
    }
  }
  std::vector<std::pair<int, std::pair<std::string, std::string>>> sorted;
  for (const auto& [pair, n] : wrong) sorted.push_back({-n, pair});
  std::sort(sorted.begin(), sorted.end());
  nlohmann::json out = nlohmann::json::array();
  for (const auto& [n, pair] : sorted) {
    out.push_back({{"event", pair.first}, {"in_story_of", pair.second}, {"articles", -n}});
  }
  return out;
}

// Look-alike events: two gold events whose pages share a prominent person or organisation (a
// name in at least half of an event's stored pages). For each such pair, how many articles of
// either end up in a story held mostly by the other.
Result<nlohmann::json> LookAlikePairs(const std::vector<GoldArticle>& gold,
                                      const std::vector<std::string>& predicted,
                                      const std::vector<std::string>& events, Store& store) {
  std::map<std::string, std::map<std::string, int>> pages_naming;  // event -> name -> pages
  std::map<std::string, int> stored_pages;
  for (const GoldArticle& g : gold) {
    auto stored = store.GetArticle(g.id);
    if (!stored.ok()) {
      if (stored.status().code() == Status::Code::kNotFound) continue;
      return stored.status();
    }
    ++stored_pages[g.event];
    std::set<std::string> names;
    for (const EntityMention& e : stored->entities) {
      if (e.type == "PER" || e.type == "ORG") names.insert(text::FoldToAscii(e.text));
    }
    for (const std::string& name : names) ++pages_naming[g.event][name];
  }
  std::map<std::string, std::set<std::string>> prominent;
  for (const auto& [event, names] : pages_naming) {
    for (const auto& [name, pages] : names) {
      if (pages >= 2 && 2 * pages >= stored_pages[event]) prominent[event].insert(name);
    }
  }
  std::map<std::pair<std::string, std::string>, int> confused;  // (event, story's event)
  for (const nlohmann::json& c : Confusions(predicted, events)) {
    confused[{c["event"].get<std::string>(), c["in_story_of"].get<std::string>()}] =
        c["articles"].get<int>();
  }
  nlohmann::json out = nlohmann::json::array();
  for (auto a = prominent.begin(); a != prominent.end(); ++a) {
    for (auto b = std::next(a); b != prominent.end(); ++b) {
      std::vector<std::string> shared;
      std::set_intersection(a->second.begin(), a->second.end(), b->second.begin(), b->second.end(),
                            std::back_inserter(shared));
      if (shared.empty()) continue;
      const int a_in_b = confused[{a->first, b->first}];
      const int b_in_a = confused[{b->first, a->first}];
      out.push_back({{"events", {a->first, b->first}},
                     {"shared_names", shared},
                     {"first_in_story_of_second", a_in_b},
                     {"second_in_story_of_first", b_in_a}});
    }
  }
  return out;
}

// How the stored publication dates fit the gold events: an article of an event runs from the
// event's day to 30 days after it; a date within 2 days of that window is right, and one more
// than 60 days off is far off. Counted per signal that gave the date.
Result<nlohmann::json> PublicationDates(const std::vector<GoldArticle>& gold, Store& store) {
  constexpr long kWindowDays = 30, kToleranceDays = 2, kFarDays = 60;
  int articles = 0, dated = 0, right = 0, far = 0;
  std::map<std::string, std::pair<int, int>> by_source;  // dated, right
  nlohmann::json far_off = nlohmann::json::array();
  for (const GoldArticle& g : gold) {
    if (!g.event_date) continue;
    auto stored = store.GetArticle(g.id);
    if (!stored.ok()) {
      if (stored.status().code() == Status::Code::kNotFound) continue;
      return stored.status();
    }
    ++articles;
    const Article& a = stored->article;
    if (!a.published) continue;
    ++dated;
    const long day = a.published->DaysSinceEpoch(), start = g.event_date->DaysSinceEpoch();
    const long off = day < start ? start - day : std::max(0L, day - (start + kWindowDays));
    const bool ok = off <= kToleranceDays;
    right += ok;
    auto& counts = by_source[DateSourceName(a.published_source)];
    ++counts.first;
    counts.second += ok;
    if (off > kFarDays) {
      ++far;
      far_off.push_back({{"id", g.id},
                         {"published", a.published->ToIso()},
                         {"event_date", g.event_date->ToIso()},
                         {"source", DateSourceName(a.published_source)}});
    }
  }
  nlohmann::json sources = nlohmann::json::object();
  for (const auto& [source, counts] : by_source) {
    sources[source] = {{"dated", counts.first}, {"right", counts.second}};
  }
  return nlohmann::json{
      {"articles", articles},
      {"dated", dated},
      {"undated_share", articles ? 1.0 - static_cast<double>(dated) / articles : 0.0},
      {"right_share_of_dated", dated ? static_cast<double>(right) / dated : 0.0},
      {"more_than_60_days_off", far},
      {"by_source", sources},
      {"far_off", far_off},
      {"rule", "right: within 2 days of [event_date, event_date + 30]"}};
}

// Of the stored pages with a URL, how many have an outlet.
Result<nlohmann::json> Outlets(const std::vector<GoldArticle>& gold, Store& store) {
  int with_url = 0, with_outlet = 0;
  for (const GoldArticle& g : gold) {
    auto stored = store.GetArticle(g.id);
    if (!stored.ok()) {
      if (stored.status().code() == Status::Code::kNotFound) continue;
      return stored.status();
    }
    if (stored->article.url.empty()) continue;
    ++with_url;
    with_outlet += !stored->article.outlet.empty();
  }
  return nlohmann::json{
      {"pages_with_url", with_url},
      {"with_outlet", with_outlet},
      {"share_of_pages_with_url", with_url ? static_cast<double>(with_outlet) / with_url : 0.0}};
}

}  // namespace

BCubed ScoreBCubed(const std::vector<std::string>& predicted,
                   const std::vector<std::string>& gold) {
  BCubed out;
  const size_t n = predicted.size();
  if (n == 0 || gold.size() != n) return out;
  std::map<std::string, int> pred_size, gold_size;
  std::map<std::pair<std::string, std::string>, int> both;
  for (size_t i = 0; i < n; ++i) {
    ++pred_size[predicted[i]];
    ++gold_size[gold[i]];
    ++both[{predicted[i], gold[i]}];
  }
  for (size_t i = 0; i < n; ++i) {
    const double overlap = both[{predicted[i], gold[i]}];
    out.precision += overlap / pred_size[predicted[i]];
    out.recall += overlap / gold_size[gold[i]];
  }
  out.precision /= static_cast<double>(n);
  out.recall /= static_cast<double>(n);
  const double sum = out.precision + out.recall;
  out.f1 = sum > 0 ? 2 * out.precision * out.recall / sum : 0;
  return out;
}

Result<nlohmann::json> RunClusteringEval(const EvalOptions& options) {
  auto gold = ReadGold(options.data);
  if (!gold.ok()) return gold.status();

  const auto start = std::chrono::steady_clock::now();
  auto corpus = IngestedCorpus::Ingest({options.data});
  if (!corpus.ok()) return corpus.status();
  auto story_of = (*corpus)->StoryOfArticle();
  if (!story_of.ok()) return story_of.status();
  auto stories = (*corpus)->Stories();
  if (!stories.ok()) return stories.status();
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::map<std::string, std::string> thread_of_story;
  for (const StorySummary& s : *stories) thread_of_story[s.id] = s.thread;

  // An article that ingest did not store is a story of its own: it reached no story.
  std::vector<std::string> predicted, threads, events, topics;
  int unstored = 0;
  for (const GoldArticle& g : *gold) {
    auto it = story_of->find(g.id);
    const bool stored = it != story_of->end();
    unstored += !stored;
    predicted.push_back(stored ? it->second : "unstored:" + g.id);
    threads.push_back(stored ? thread_of_story[it->second] : predicted.back());
    events.push_back(g.event);
    topics.push_back(g.topic);
  }

  if (!options.output.empty()) {
    std::ofstream out(options.output);
    if (!out) return Status::IoError("cannot write predictions to " + options.output);
    for (size_t i = 0; i < gold->size(); ++i) {
      out << nlohmann::json{{"id", (*gold)[i].id},
                            {"story", predicted[i]},
                            {"thread", threads[i]},
                            {"event", events[i]},
                            {"topic", topics[i]}}
                 .dump()
          << '\n';
    }
    if (!out) return Status::IoError("cannot write predictions to " + options.output);
  }

  std::map<std::string, int> gold_events, story_count, thread_count;
  for (const std::string& e : events) ++gold_events[e];
  for (const std::string& p : predicted) ++story_count[p];
  for (const std::string& t : threads) ++thread_count[t];
  nlohmann::json skipped = nlohmann::json::object();
  for (const auto& [reason, n] : (*corpus)->report().SkippedByReason()) skipped[reason] = n;

  nlohmann::json out{
      {"task", "clustering"},
      {"path", "newsloom ingest FILE, then the stories `newsloom stories` lists"},
      {"data", options.data},
      {"articles", gold->size()},
      {"articles_not_stored", unstored},
      {"pages_skipped", skipped},
      {"stories", story_count.size()},
      {"gold_events", gold_events.size()},
      {"bcubed_event", Figures(ScoreBCubed(predicted, events))},
      {"confusions", Confusions(predicted, events)},
      {"threads", thread_count.size()},
      {"articles_per_second", seconds > 0 ? static_cast<double>(gold->size()) / seconds : 0},
  };
  if (std::any_of(topics.begin(), topics.end(), [](const std::string& t) { return !t.empty(); })) {
    out["bcubed_topic"] = Figures(ScoreBCubed(predicted, topics));
    out["bcubed_thread_vs_topic"] = Figures(ScoreBCubed(threads, topics));
  }
  auto look_alikes = LookAlikePairs(*gold, predicted, events, (*corpus)->store());
  if (!look_alikes.ok()) return look_alikes.status();
  out["look_alike_pairs"] = *look_alikes;
  auto outlets = Outlets(*gold, (*corpus)->store());
  if (!outlets.ok()) return outlets.status();
  out["outlets"] = std::move(outlets).value();
  if (std::any_of(gold->begin(), gold->end(),
                  [](const GoldArticle& g) { return g.event_date.has_value(); })) {
    auto dates = PublicationDates(*gold, (*corpus)->store());
    if (!dates.ok()) return dates.status();
    out["publication_dates"] = std::move(dates).value();
  }
  return out;
}

}  // namespace newsloom::eval
