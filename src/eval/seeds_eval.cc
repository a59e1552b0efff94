// `newsloom eval seeds`: the sample pages through `newsloom ingest`, scored against gold.json: the
// stored body lines, titles and dates, and the stories.
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "eval/eval_io.h"
#include "eval/ingested_corpus.h"
#include "newsloom/eval.h"
#include "text/normalize.h"

namespace newsloom::eval {
namespace {

std::set<int> LineSet(const nlohmann::json& doc, const char* key) {
  std::set<int> out;
  if (doc.contains(key) && doc[key].is_array()) {
    for (const auto& v : doc[key]) {
      if (v.is_number_integer()) out.insert(v.get<int>());
    }
  }
  return out;
}

double Ratio(double a, double b) { return b > 0 ? a / b : 0; }

}  // namespace

Result<nlohmann::json> RunSeedsEval(const EvalOptions& options) {
  const std::string gold_path = options.data + "/gold.json";
  Result<std::string> gold_text = ReadFileMaybeGzip(gold_path);
  if (!gold_text.ok()) return Status::NotFound("seeds gold file not found: " + gold_path);
  nlohmann::json gold = nlohmann::json::parse(*gold_text, nullptr, false);
  if (gold.is_discarded() || !gold.contains("documents"))
    return Status::Corrupt(gold_path + ": not the seeds gold JSON");

  // The pages go through `newsloom ingest`, all in one run so that template lines are
  // recognised across them; everything scored below is what the store then holds.
  std::vector<std::string> paths;
  for (const auto& doc : gold["documents"])
    paths.push_back(options.data + "/" + doc.value("file", ""));
  auto corpus = IngestedCorpus::Ingest(paths);
  if (!corpus.ok()) return corpus.status();
  auto story_of_article = (*corpus)->StoryOfArticle();
  if (!story_of_article.ok()) return story_of_article.status();
  std::map<std::string, std::string> article_of_source;
  {
    Status listed = (*corpus)->store().ForEachArticle(
        LoadOptions{.tokens = false, .paragraphs = false}, [&](AnalyzedArticle&& a) {
          article_of_source[a.article.source] = a.article.id;
          return Status::Ok();
        });
    if (!listed.ok()) return listed;
  }

  std::vector<std::string> story_of;  // per page, in file order
  int tp = 0, fn = 0, fp = 0;
  int titles = 0, dates_total = 0, dates_ok = 0, null_total = 0, null_ok = 0;
  nlohmann::json per_doc = nlohmann::json::array();
  for (size_t i = 0; i < paths.size(); ++i) {
    const nlohmann::json& doc = gold["documents"][i];
    nlohmann::json d;
    d["file"] = doc.value("file", "");
    Article a;
    auto id = article_of_source.find(paths[i]);
    if (id == article_of_source.end()) {
      d["error"] = "not stored by ingest";
      story_of.push_back("unstored:" + std::to_string(i));
    } else {
      auto stored = (*corpus)->store().GetArticle(id->second);
      if (!stored.ok()) return stored.status();
      a = std::move(stored->article);
      auto story = story_of_article->find(a.id);
      story_of.push_back(story == story_of_article->end() ? "no story:" + a.id : story->second);
    }
    std::set<int> kept;
    for (const Paragraph& p : a.paragraphs) kept.insert(p.line);
    const std::set<int> body = LineSet(doc, "body_lines");
    const std::set<int> boiler = LineSet(doc, "boilerplate_lines");
    std::vector<int> missed, boiler_kept;
    for (int l : body) (kept.count(l) ? tp : (missed.push_back(l), fn))++;
    for (int l : boiler) {
      if (kept.count(l)) {
        ++fp;
        boiler_kept.push_back(l);
      }
    }
    d["body_lines_missed"] = missed;
    d["boilerplate_lines_kept"] = boiler_kept;
    const std::string gold_title = doc.value("title", "");
    const bool title_ok =
        text::NormalizeForCompare(gold_title) == text::NormalizeForCompare(a.title);
    titles += title_ok;
    d["title"] = a.title;
    d["title_correct"] = title_ok;
    d["published"] = a.published ? nlohmann::json(a.published->ToIso()) : nlohmann::json(nullptr);
    d["published_confidence"] = a.published_confidence;
    if (doc.contains("published") && doc["published"].is_string()) {
      ++dates_total;
      const std::optional<Date> g = Date::FromIso(doc["published"].get<std::string>());
      const long tolerance = doc.value("published_tolerance_days", 0);
      const bool ok = g && a.published &&
                      std::labs(a.published->DaysSinceEpoch() - g->DaysSinceEpoch()) <= tolerance;
      dates_ok += ok;
      d["published_correct"] = ok;
    } else {
      ++null_total;
      const bool ok = !a.published || a.published_confidence < 0.5;
      null_ok += ok;
      d["no_confident_date"] = ok;
    }
    per_doc.push_back(std::move(d));
  }
  const double precision = Ratio(tp, tp + fp);
  const double recall = Ratio(tp, tp + fn);
  nlohmann::json out;
  out["documents"] = static_cast<int>(paths.size());
  out["body_lines"] = {
      {"tp", tp},         {"fn", fn},
      {"fp", fp},         {"precision", precision},
      {"recall", recall}, {"f1", Ratio(2 * precision * recall, precision + recall)}};
  out["titles_correct"] = titles;
  out["published_within_tolerance"] = dates_ok;
  out["published_gold_dates"] = dates_total;
  out["no_confident_date_where_gold_null"] = null_ok;
  out["gold_null_dates"] = null_total;
  // Story partition: groups of files in file order, compared with gold's as sets of sets.
  std::map<std::string, std::set<std::string>> ours;
  for (size_t i = 0; i < paths.size(); ++i)
    ours[story_of[i]].insert(gold["documents"][i].value("file", ""));
  std::set<std::set<std::string>> our_partition, gold_partition;
  for (const auto& [story, files] : ours) our_partition.insert(files);
  for (const auto& story : gold.value("stories", nlohmann::json::array())) {
    std::set<std::string> files;
    for (const auto& f : story.value("docs", nlohmann::json::array()))
      files.insert(f.get<std::string>());
    gold_partition.insert(files);
  }
  nlohmann::json partition = nlohmann::json::array();
  for (const auto& files : our_partition) partition.push_back(files);
  out["story_partition"] = std::move(partition);
  auto stories = (*corpus)->Stories();
  if (!stories.ok()) return stories.status();
  std::set<std::string> threads;
  for (const StorySummary& s : *stories) threads.insert(s.thread);
  out["threads"] = threads.size();
  out["story_partition_matches_gold"] = our_partition == gold_partition;
  out["per_document"] = std::move(per_doc);
  return out;
}

}  // namespace newsloom::eval
