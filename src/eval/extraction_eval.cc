// `newsloom eval extraction[-text]`: trafilatura's evaluation, scored the trafilatura way. A "with"
// snippet found in our body is a true positive, one missing a false negative; a "without"
// snippet found is a false positive, one absent a true negative.
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include "eval/eval.h"
#include "eval/eval_io.h"
#include "extract/extract.h"

namespace newsloom::eval {
namespace {

std::string CollapseSpace(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

double Ratio(double a, double b) { return b > 0 ? a / b : 0; }

Result<nlohmann::json> Run(const EvalOptions& options, bool plain_text) {
  const std::string eval_json = options.data + "/trafilatura-eval/evaldata.json";
  const std::string dir =
      options.data + (plain_text ? "/trafilatura-eval-text" : "/trafilatura-eval/html");
  Result<std::string> raw = ReadFileMaybeGzip(eval_json);
  if (!raw.ok()) return Status::NotFound("extraction evaluation data not found: " + eval_json);
  if (!std::filesystem::is_directory(dir))
    return Status::NotFound("extraction pages not found: " + dir);
  nlohmann::json evaldata = nlohmann::json::parse(*raw, nullptr, false);
  if (evaldata.is_discarded() || !evaldata.is_object())
    return Status::Corrupt(eval_json + ": not JSON");

  struct Item {
    std::string url;
    nlohmann::json spec;
    RawPage page;
    bool read = false;
  };
  std::vector<Item> items;
  for (auto it = evaldata.begin(); it != evaldata.end(); ++it) {
    Item item{it.key(), it.value(), {}, false};
    std::string file = it.value().value("file", "");
    if (plain_text && file.size() > 5 && file.substr(file.size() - 5) == ".html") {
      file = file.substr(0, file.size() - 5) + ".txt";
    }
    Result<RawPage> page = ReadPageFile(dir + "/" + file + ".gz");
    if (page.ok()) {
      item.page = std::move(page).value();
      item.page.url = item.url;
      item.read = true;
    }
    items.push_back(std::move(item));
  }
  std::sort(items.begin(), items.end(), [](const Item& a, const Item& b) { return a.url < b.url; });
  extract::LineStats stats;
  for (const Item& item : items) {
    if (item.read) stats.AddPage(item.page);
  }

  long tp = 0, fn = 0, fp = 0, tn = 0;
  int pages = 0, missing = 0, failed = 0;
  const auto start = std::chrono::steady_clock::now();
  for (const Item& item : items) {
    std::string body;
    if (!item.read) {
      ++missing;
    } else {
      ++pages;
      Result<Article> article = extract::Extract(item.page, &stats);
      if (article.ok()) {
        body = CollapseSpace(article->body);
      } else {
        ++failed;
      }
    }
    for (const auto& s : item.spec.value("with", nlohmann::json::array())) {
      if (!s.is_string()) continue;
      (body.find(CollapseSpace(s.get<std::string>())) != std::string::npos ? tp : fn)++;
    }
    for (const auto& s : item.spec.value("without", nlohmann::json::array())) {
      if (!s.is_string()) continue;
      (body.find(CollapseSpace(s.get<std::string>())) != std::string::npos ? fp : tn)++;
    }
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const double precision = Ratio(tp, tp + fp);
  const double recall = Ratio(tp, tp + fn);
  nlohmann::json out;
  out["mode"] = plain_text ? "plain-text" : "html";
  out["pages"] = pages;
  out["pages_missing"] = missing;
  out["pages_failed"] = failed;
  out["tp"] = tp;
  out["fn"] = fn;
  out["fp"] = fp;
  out["tn"] = tn;
  out["precision"] = precision;
  out["recall"] = recall;
  out["f1"] = Ratio(2 * precision * recall, precision + recall);
  out["accuracy"] = Ratio(tp + tn, tp + tn + fp + fn);
  out["pages_per_second"] = seconds > 0 ? pages / seconds : 0;
  return out;
}

}  // namespace

Result<nlohmann::json> RunExtractionEval(const EvalOptions& options) { return Run(options, false); }
Result<nlohmann::json> RunExtractionTextEval(const EvalOptions& options) {
  return Run(options, true);
}

}  // namespace newsloom::eval
