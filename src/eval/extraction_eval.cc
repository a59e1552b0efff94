// `newsloom eval extraction[-text]`: trafilatura's evaluation, scored the trafilatura way. A "with"
// snippet found in our body is a true positive, one missing a false negative; a "without"
// snippet found is a false positive, one absent a true negative.
#include <algorithm>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "eval/eval_io.h"
#include "extract/dates.h"
#include "extract/extract.h"
#include "extract/furniture.h"
#include "extract/publication.h"
#include "newsloom/eval.h"

namespace newsloom::eval {
namespace {

// Snippets and bodies are compared with white space collapsed (Unicode spaces too) and
// invisible characters dropped (soft hyphens, zero-width spaces): what a reader sees.
std::string CollapseSpace(std::string_view s) { return extract::CollapseSpace(s); }

double Ratio(double a, double b) { return b > 0 ? a / b : 0; }

double CpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

// Snippets found and missed over a set of pages.
struct SnippetCounts {
  int pages = 0;
  long tp = 0, fn = 0, fp = 0, tn = 0;

  void Add(const SnippetCounts& o) {
    pages += o.pages;
    tp += o.tp;
    fn += o.fn;
    fp += o.fp;
    tn += o.tn;
  }
  double Precision() const { return Ratio(tp, tp + fp); }
  double Recall() const { return Ratio(tp, tp + fn); }
  double F1() const { return Ratio(2 * Precision() * Recall(), Precision() + Recall()); }
  nlohmann::json ToJson() const {
    return {{"pages", pages}, {"precision", Precision()}, {"recall", Recall()}, {"f1", F1()}};
  }
};

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

// One page of the evaluation: its gold snippets and date (`spec`) and the page itself.
struct Item {
  std::string url;
  nlohmann::json spec;
  RawPage page;
  bool read = false;
};

// The evaluation's pages in URL order; a page that cannot be read stays in the list, unread.
Result<std::vector<Item>> ReadItems(const EvalOptions& options, bool plain_text) {
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
  return items;
}

// Why a snippet is not in the body: the reason of the removed block holding it, or the field it
// went to.
std::string MissedReason(const Result<Article>& article, const std::string& snippet) {
  if (!article.ok()) return "not-in-any-block";
  auto holds = [&](const std::string& text) {
    return CollapseSpace(text).find(snippet) != std::string::npos;
  };
  for (const RemovedLine& r : article->removed) {
    if (holds(r.text)) return r.reason;
  }
  for (const Paragraph& c : article->captions) {
    if (holds(c.text)) return "caption";
  }
  if (holds(article->title)) return "title";
  if (holds(article->subtitle)) return "subtitle";
  return "not-in-any-block";
}

// page-errors.jsonl in `dir`: worst pages first, ties by URL, one JSON object per line.
Status WritePageErrors(const std::string& dir, std::vector<nlohmann::json> page_errors) {
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
  Result<std::vector<Item>> read = ReadItems(options, plain_text);
  if (!read.ok()) return read.status();
  const std::vector<Item>& items = *read;
  extract::LineStats stats;
  for (const Item& item : items) {
    if (item.read) stats.AddPage(item.page);
  }

  // Snippet counts of all pages, and of the pages of each detected language ("un" when the
  // extraction failed or the language is unknown).
  SnippetCounts all;
  std::map<std::string, SnippetCounts> by_language;
  int pages = 0, missing = 0, failed = 0;
  // Publication dates on pages whose HTML carries one, scored against the gold date.
  int dated = 0, date_answered = 0, date_same_day = 0, date_within1 = 0;
  double seconds = 0, cpu_seconds = 0;
  double slowest_cpu = 0;  // the page that took longest, in CPU seconds
  std::string slowest_file;
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
      const double page_cpu = CpuSeconds() - cpu_start;
      cpu_seconds += page_cpu;
      if (page_cpu > slowest_cpu) {
        slowest_cpu = page_cpu;
        slowest_file = item.spec.value("file", "");
      }
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
    SnippetCounts& language = by_language[article.ok() ? article->language : "un"];
    language.pages += item.read;
    for (const auto& s : item.spec.value("with", nlohmann::json::array())) {
      if (!s.is_string()) continue;
      const bool found = body.find(CollapseSpace(s.get<std::string>())) != std::string::npos;
      (found ? all.tp : all.fn)++;
      (found ? language.tp : language.fn)++;
      if (!found) {
        missed.push_back(
            {{"snippet", s},
             {"removed_as", MissedReason(article, CollapseSpace(s.get<std::string>()))}});
      }
    }
    for (const auto& s : item.spec.value("without", nlohmann::json::array())) {
      if (!s.is_string()) continue;
      const bool found = body.find(CollapseSpace(s.get<std::string>())) != std::string::npos;
      (found ? all.fp : all.tn)++;
      (found ? language.fp : language.tn)++;
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
    NEWSLOOM_RETURN_IF_ERROR(WritePageErrors(options.output, std::move(page_errors)));
  }
  nlohmann::json out;
  // Per detected language with at least kMinLanguagePages pages; the rest together as "other".
  constexpr int kMinLanguagePages = 10;
  SnippetCounts other;
  for (const auto& [code, counts] : by_language) {
    if (counts.pages < kMinLanguagePages) {
      other.Add(counts);
    } else {
      out["by_language"][code] = counts.ToJson();
    }
  }
  if (other.pages > 0) out["by_language"]["other"] = other.ToJson();
  out["mode"] = plain_text ? "plain-text" : "html";
  out["pages"] = pages;
  out["pages_missing"] = missing;
  out["pages_failed"] = failed;
  out["tp"] = all.tp;
  out["fn"] = all.fn;
  out["fp"] = all.fp;
  out["tn"] = all.tn;
  out["precision"] = all.Precision();
  out["recall"] = all.Recall();
  out["f1"] = all.F1();
  out["accuracy"] = Ratio(all.tp + all.tn, all.tp + all.tn + all.fp + all.fn);
  // Timed around the extraction calls alone (reading and scoring excluded).
  out["pages_per_second"] = seconds > 0 ? pages / seconds : 0;
  out["pages_per_cpu_second"] = cpu_seconds > 0 ? pages / cpu_seconds : 0;
  out["slowest_page_cpu_ms"] = slowest_cpu * 1000;
  out["slowest_page"] = slowest_file;
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
