// `newsloom eval pubdate --data DIR`: publication dates estimated from article text alone,
// scored against the dates the articles were published (Timeline17 `articles.jsonl` files
// under DIR). Measures how often an answer is given, how often it is right, and how often a
// confident answer is wrong; the evidence is the TimeML tagger's dates (extract::FindDateMentions).
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "extract/dates.h"
#include "newsloom/eval.h"

namespace newsloom::eval {
namespace {

struct Tally {
  int answered = 0, exact = 0, within1 = 0, confident = 0, confident_wrong = 0;
  void Add(const extract::PublicationEstimate& est, const Date& gold) {
    if (!est.published) return;
    ++answered;
    const long diff = std::labs(est.published->DaysSinceEpoch() - gold.DaysSinceEpoch());
    exact += diff == 0;
    within1 += diff <= 1;
    if (est.confidence >= 0.5) {
      ++confident;
      confident_wrong += diff > 1;
    }
  }
  nlohmann::json Json(int total) const {
    auto r = [](double a, double b) { return b > 0 ? a / b : 0.0; };
    return {{"answered", r(answered, total)},
            {"exact", r(exact, total)},
            {"within_1_day", r(within1, total)},
            {"confident", r(confident, total)},
            {"confident_wrong_share_of_confident", r(confident_wrong, confident)}};
  }
};

}  // namespace

Result<nlohmann::json> RunPubdateEval(const EvalOptions& options) {
  namespace fs = std::filesystem;
  if (!fs::is_directory(options.data))
    return Status::NotFound("publication-date data not found: " + options.data);
  std::vector<std::string> files;
  for (const auto& entry : fs::recursive_directory_iterator(options.data)) {
    if (entry.is_regular_file() && entry.path().filename() == "articles.jsonl")
      files.push_back(entry.path().string());
  }
  std::sort(files.begin(), files.end());
  if (files.empty()) return Status::NotFound("no articles.jsonl under " + options.data);
  Tally scanner;
  std::map<std::string, Tally> by_basis;
  std::map<std::string, int> basis_count;
  int total = 0, skipped = 0;
  for (const std::string& path : files) {
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line)) {
      nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
      if (j.is_discarded() || !j.contains("published") || !j.contains("text") ||
          !j["text"].is_string()) {
        ++skipped;
        continue;
      }
      std::optional<Date> gold =
          Date::FromIso(j["published"].is_string() ? j["published"].get<std::string>() : "");
      if (!gold) {
        ++skipped;
        continue;
      }
      ++total;
      const std::string text = j["text"].get<std::string>();
      const extract::PublicationEstimate est =
          extract::EstimatePublication(extract::FindDateMentions(text), std::nullopt);
      scanner.Add(est, *gold);
      by_basis[est.basis].Add(est, *gold);
      ++basis_count[est.basis];
    }
  }
  nlohmann::json basis;
  for (const auto& [name, tally] : by_basis) {
    basis[name.empty() ? "none" : name] = tally.Json(basis_count[name]);
    basis[name.empty() ? "none" : name]["articles"] = basis_count[name];
  }
  return nlohmann::json{{"articles", total},
                        {"skipped", skipped},
                        {"estimate", scanner.Json(total)},
                        {"estimate_by_basis", basis}};
}

}  // namespace newsloom::eval
