// `newsloom eval extraction[-text]`: trafilatura's evaluation, scored the trafilatura way. A "with"
// snippet found in our body is a true positive, one missing a false negative; a "without"
// snippet found is a false positive, one absent a true negative.
#include <algorithm>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "eval/eval.h"
#include "eval/eval_io.h"
#include "extract/dates.h"
#include "extract/extract.h"
#include "extract/publication.h"

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

double CpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

bool Contains(std::string_view hay, std::string_view needle) {
  return hay.find(needle) != std::string_view::npos;
}

bool UrlGivesDay(std::string_view url) {
  const std::optional<extract::UrlDate> date = extract::DateInUrl(url);
  return date && date->has_day;
}

// A page "carries a date" when its HTML states one where publishers put it: JSON-LD
// datePublished, article:published_time, a <time datetime> element, or a date in the URL.
bool CarriesDate(const RawPage& page) {
  const std::string_view html = page.bytes;
  return Contains(html, "datePublished") || Contains(html, "article:published_time") ||
         (Contains(html, "<time") && Contains(html, "datetime=")) || UrlGivesDay(page.url);
}

// Writes `page_errors` to DIR/page-errors.jsonl, worst pages first, ties by URL, one JSON object
// per line.
Status WritePageErrors(std::vector<nlohmann::json> page_errors, const std::string& dir) {
  std::stable_sort(page_errors.begin(), page_errors.end(),
                   [](const nlohmann::json& a, const nlohmann::json& b) {
                     return a["errors"].get<size_t>() > b["errors"].get<size_t>();
                   });
  std::filesystem::create_directories(dir);
  const std::string path = dir + "/page-errors.jsonl";
  std::ofstream out(path);
  for (const nlohmann::json& e : page_errors) out << e.dump() << '\n';
  if (!out) return Status::IoError("cannot write " + path);
  return Status::Ok();
}

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
  // Publication dates on pages whose HTML carries one, scored against the gold date.
  int dated = 0, date_answered = 0, date_same_day = 0, date_within1 = 0;
  double seconds = 0, cpu_seconds = 0;
  // Per page: the snippets missed and the snippets wrongly kept, for --output.
  std::vector<nlohmann::json> page_errors;
  for (const Item& item : items) {
    nlohmann::json missed = nlohmann::json::array(), kept = nlohmann::json::array();
    nlohmann::json wrong_date;
    std::string body;
    Result<Article> article = Status::NotFound("page not read");
    if (!item.read) {
      ++missing;
    } else {
      ++pages;
      const auto start = std::chrono::steady_clock::now();
      const double cpu_start = CpuSeconds();
      article = extract::Extract(item.page, &stats);
      cpu_seconds += CpuSeconds() - cpu_start;
      seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      if (article.ok()) {
        body = CollapseSpace(article->body);
      } else {
        ++failed;
      }
      const auto date_it = item.spec.find("date");
      const std::optional<Date> gold = date_it != item.spec.end() && date_it->is_string()
                                           ? Date::FromIso(date_it->get<std::string>())
                                           : std::nullopt;
      if (!plain_text && gold && CarriesDate(item.page)) {
        ++dated;
        if (article.ok() && article->published) {
          ++date_answered;
          date_same_day += *article->published == *gold;
          if (*article->published != *gold) {
            wrong_date = {{"gold", gold->ToIso()}, {"ours", article->published->ToIso()}};
          }
          // Gold dates mix local and UTC days of the same timestamp.
          date_within1 +=
              std::labs(article->published->DaysSinceEpoch() - gold->DaysSinceEpoch()) <= 1;
        } else {
          wrong_date = {{"gold", gold->ToIso()}, {"ours", nullptr}};
        }
      }
    }
    for (const auto& s : item.spec.value("with", nlohmann::json::array())) {
      if (!s.is_string()) continue;
      const bool found = body.find(CollapseSpace(s.get<std::string>())) != std::string::npos;
      (found ? tp : fn)++;
      if (!found) {
        // Why the snippet is not in the body: the reason of the removed block holding it.
        std::string why = "not-in-any-block";
        const std::string snippet = CollapseSpace(s.get<std::string>());
        if (article.ok()) {
          for (const RemovedLine& r : article->removed) {
            if (CollapseSpace(r.text).find(snippet) != std::string::npos) {
              why = r.reason;
              break;
            }
          }
        }
        missed.push_back({{"snippet", s}, {"removed_as", why}});
      }
    }
    for (const auto& s : item.spec.value("without", nlohmann::json::array())) {
      if (!s.is_string()) continue;
      const bool found = body.find(CollapseSpace(s.get<std::string>())) != std::string::npos;
      (found ? fp : tn)++;
      if (found) kept.push_back(s);
    }
    if (!missed.empty() || !kept.empty() || !wrong_date.is_null()) {
      page_errors.push_back({{"url", item.url},
                             {"file", item.spec.value("file", "")},
                             {"errors", missed.size() + kept.size()},
                             {"missed", std::move(missed)},
                             {"kept_boilerplate", std::move(kept)},
                             {"wrong_date", std::move(wrong_date)}});
    }
  }
  if (!options.output.empty()) {
    if (Status st = WritePageErrors(std::move(page_errors), options.output); !st.ok()) return st;
  }
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
  // Timed around the extraction calls alone (reading and scoring excluded).
  out["pages_per_second"] = seconds > 0 ? pages / seconds : 0;
  out["pages_per_cpu_second"] = cpu_seconds > 0 ? pages / cpu_seconds : 0;
  if (!plain_text) {
    out["date_pages_carrying_date"] = dated;
    out["date_answered"] = Ratio(date_answered, dated);
    out["date_same_day"] = Ratio(date_same_day, dated);
    out["date_within_1_day"] = Ratio(date_within1, dated);
  }
  return out;
}

}  // namespace

Result<nlohmann::json> RunExtractionEval(const EvalOptions& options) { return Run(options, false); }
Result<nlohmann::json> RunExtractionTextEval(const EvalOptions& options) {
  return Run(options, true);
}

}  // namespace newsloom::eval
