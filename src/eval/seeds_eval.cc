// `newsloom eval seeds`: extraction of the sample pages scored against gold.json.
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "analyze/analyze.h"
#include "cluster/story_clusterer.h"
#include "eval/eval.h"
#include "eval/eval_io.h"
#include "extract/extract.h"
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

  // All pages first: template lines are recognised across them.
  std::vector<RawPage> pages;
  for (const auto& doc : gold["documents"]) {
    const std::string path = options.data + "/" + doc.value("file", "");
    Result<RawPage> page = ReadPageFile(path);
    if (!page.ok()) return page.status();
    pages.push_back(std::move(page).value());
  }
  extract::LineStats stats;
  for (const RawPage& p : pages) stats.AddPage(p);

  cluster::StoryClusterer clusterer;
  std::vector<std::string> story_of;  // per page, in file order
  int tp = 0, fn = 0, fp = 0;
  int titles = 0, dates_total = 0, dates_ok = 0, null_total = 0, null_ok = 0;
  nlohmann::json per_doc = nlohmann::json::array();
  for (size_t i = 0; i < pages.size(); ++i) {
    const nlohmann::json& doc = gold["documents"][i];
    nlohmann::json d;
    d["file"] = doc.value("file", "");
    Result<Article> article = extract::Extract(pages[i], &stats);
    Article a = article.ok() ? std::move(article).value() : Article{};
    if (!article.ok()) d["error"] = article.status().ToString();
    if (article.ok()) {
      Result<AnalyzedArticle> analyzed = analyze::Analyze(a);
      story_of.push_back(analyzed.ok() ? clusterer.Add(*analyzed) : "unanalysed:" + a.id);
    } else {
      story_of.push_back("unextracted:" + std::to_string(i));
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
  out["documents"] = static_cast<int>(pages.size());
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
  for (size_t i = 0; i < pages.size(); ++i)
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
  out["story_partition_matches_gold"] = our_partition == gold_partition;
  out["per_document"] = std::move(per_doc);
  return out;
}

}  // namespace newsloom::eval
