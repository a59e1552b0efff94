// `newsloom eval timeline`: timeline summarisation on Timeline17-style topics, scored like
// news-tls (date F1; ROUGE-1/2 by the "align+ m:1", "agreement" and "concat" variants).
#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "eval/ingested_corpus.h"
#include "eval/timeline_rouge.h"
#include "newsloom/eval.h"
#include "story/timeline.h"

namespace newsloom::eval {
namespace {

namespace fs = std::filesystem;

double Round4(double x) { return std::round(x * 10000) / 10000; }

nlohmann::json ToJson(const Prf& p) {
  return {{"precision", Round4(p.precision)}, {"recall", Round4(p.recall)}, {"f1", Round4(p.f1)}};
}

// Sentences of a reference summary: the references are tokenised, sentences end in " . ".
int CountSentences(const std::string& text) {
  int n = 0;
  bool words = false;
  const std::vector<std::string> tokens = [&] {
    std::vector<std::string> out;
    size_t i = 0;
    while (i < text.size()) {
      while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
      size_t j = i;
      while (j < text.size() && !std::isspace(static_cast<unsigned char>(text[j]))) ++j;
      if (j > i) out.push_back(text.substr(i, j - i));
      i = j;
    }
    return out;
  }();
  for (const std::string& t : tokens) {
    if (t == "." || t == "!" || t == "?") {
      if (words) ++n;
      words = false;
    } else {
      words = true;
    }
  }
  if (words) ++n;
  return std::max(n, 1);
}

struct Topic {
  std::string name;
  std::vector<AnalyzedArticle> articles;
  int skipped = 0;
};

// The topic's articles as `newsloom ingest` stores them, in ingest order.
Result<Topic> ReadTopic(const fs::path& dir) {
  Topic topic;
  topic.name = dir.filename().string();
  const fs::path file = dir / "articles.jsonl";
  if (!fs::exists(file)) return Status::NotFound("cannot read " + file.string());
  auto corpus = IngestedCorpus::Ingest({file.string()});
  if (!corpus.ok()) return corpus.status();
  topic.skipped = static_cast<int>((*corpus)->report().skipped.size());
  Status read = (*corpus)->store().ForEachArticle(LoadOptions{}, [&](AnalyzedArticle&& a) {
    topic.articles.push_back(std::move(a));
    return Status::Ok();
  });
  if (!read.ok()) return read;
  return topic;
}

struct Reference {
  std::string file;
  DatedText timeline;
  int sentences = 0;  // over all days
};

Result<Reference> ReadReference(const fs::path& path) {
  std::ifstream in(path);
  nlohmann::json j = nlohmann::json::parse(in, nullptr, false);
  if (j.is_discarded() || !j.is_array())
    return Status::Corrupt("not a JSON array: " + path.string());
  Reference ref;
  ref.file = path.filename().string();
  for (const auto& e : j) {
    if (!e.is_object() || !e.contains("date") || !e["date"].is_string()) continue;
    auto d = Date::FromIso(e["date"].get<std::string>());
    if (!d) continue;
    const std::string text = e.value("text", "");
    std::string& slot = ref.timeline[*d];
    if (!slot.empty()) slot += ' ';
    slot += text;
    ref.sentences += CountSentences(text);
  }
  if (ref.timeline.empty()) return Status::Corrupt("no dated entries: " + path.string());
  return ref;
}

struct Sums {
  double date_p = 0, date_r = 0;
  std::map<std::string, double> p, r, f;
  int n = 0;
};

}  // namespace

Result<nlohmann::json> RunTimelineEval(const EvalOptions& options) {
  const fs::path root(options.data);
  if (!fs::is_directory(root)) return Status::NotFound("no such folder: " + options.data);
  std::vector<fs::path> topics;
  for (const auto& e : fs::directory_iterator(root)) {
    if (e.is_directory() && fs::exists(e.path() / "articles.jsonl")) topics.push_back(e.path());
  }
  std::sort(topics.begin(), topics.end());
  if (topics.empty())
    return Status::NotFound("no topic folders with articles.jsonl in " + options.data);

  const auto t0 = std::chrono::steady_clock::now();
  nlohmann::json per_topic = nlohmann::json::array();
  Sums sums;
  long articles_total = 0;
  int skipped_total = 0;
  for (const fs::path& dir : topics) {
    auto topic = ReadTopic(dir);
    if (!topic.ok()) return topic.status();
    articles_total += static_cast<long>(topic->articles.size());
    skipped_total += topic->skipped;
    std::vector<fs::path> refs;
    if (fs::is_directory(dir / "timelines")) {
      for (const auto& e : fs::directory_iterator(dir / "timelines")) {
        if (e.is_regular_file() && e.path().extension() == ".json") refs.push_back(e.path());
      }
    }
    std::sort(refs.begin(), refs.end());
    for (const fs::path& ref_path : refs) {
      auto ref = ReadReference(ref_path);
      if (!ref.ok()) return ref.status();
      // As news-tls: the input is the articles published within the reference's span, the
      // timeline as long as the reference, each day as long as the reference's average day.
      const Date start = ref->timeline.begin()->first;
      const Date end = ref->timeline.rbegin()->first;
      std::vector<const AnalyzedArticle*> input;
      for (const AnalyzedArticle& a : topic->articles) {
        if (a.article.published && (*a.article.published < start || *a.article.published > end)) {
          continue;
        }
        input.push_back(&a);
      }
      story::SummaryOptions so;
      so.max_dates = static_cast<int>(ref->timeline.size());
      so.sentences_per_date =
          std::max(1, static_cast<int>(std::lround(static_cast<double>(ref->sentences) /
                                                   static_cast<double>(ref->timeline.size()))));
      so.start = start;
      so.end = end;
      const std::vector<story::DatedSummary> summary = story::SummarizeTimeline(input, so);

      DatedText predicted;
      nlohmann::json written = nlohmann::json::array();
      for (const story::DatedSummary& d : summary) {
        std::string text;
        for (const Citation& c : d.sentences) {
          if (!text.empty()) text += ' ';
          text += c.text;
        }
        predicted[d.date] = text;
        written.push_back({{"date", d.date.ToIso()}, {"text", text}});
      }
      if (!options.output.empty()) {
        const fs::path out_dir = fs::path(options.output) / topic->name;
        std::error_code ec;
        fs::create_directories(out_dir, ec);
        if (ec) return Status::IoError("cannot create " + out_dir.string() + ": " + ec.message());
        std::ofstream out(out_dir / ref->file);
        out << written.dump(1) << '\n';
        if (!out) return Status::IoError("cannot write " + (out_dir / ref->file).string());
      }

      const Prf dates = DateF1(predicted, ref->timeline);
      nlohmann::json row = {{"topic", topic->name},
                            {"reference", ref->file},
                            {"articles", input.size()},
                            {"dates", so.max_dates},
                            {"sentences_per_date", so.sentences_per_date},
                            {"predicted_dates", predicted.size()},
                            {"date", ToJson(dates)}};
      sums.date_p += dates.precision;
      sums.date_r += dates.recall;
      // Two token settings: as tilse runs ROUGE-1.5.5 (stop words out, Porter stems), under
      // "align_m1", "agreement", "concat"; and every word unstemmed under "plain_*".
      RougeOptions tilse;
      tilse.drop_stopwords = true;
      tilse.stem = true;
      for (const auto& [prefix, ro] :
           {std::pair<std::string, RougeOptions>{"", tilse}, {"plain_", RougeOptions{}}}) {
        for (int n : {1, 2}) {
          const std::string rn = "rouge_" + std::to_string(n);
          const std::pair<std::string, Prf> variants[] = {
              {prefix + "align_m1", AlignManyToOneRouge(predicted, ref->timeline, n, ro)},
              {prefix + "agreement", AgreementRouge(predicted, ref->timeline, n, ro)},
              {prefix + "concat", ConcatRouge(predicted, ref->timeline, n, ro)}};
          for (const auto& [variant, prf] : variants) {
            row[variant][rn] = ToJson(prf);
            sums.p[variant + "/" + rn] += prf.precision;
            sums.r[variant + "/" + rn] += prf.recall;
            sums.f[variant + "/" + rn] += prf.f1;
          }
        }
      }
      ++sums.n;
      per_topic.push_back(std::move(row));
    }
  }
  if (sums.n == 0)
    return Status::NotFound("no reference timelines (timelines/*.json) in " + options.data);

  // Means as news-tls: precision and recall averaged over timelines, F1 of the averages; the
  // mean of the per-timeline F1 beside it.
  const double n = sums.n;
  nlohmann::json mean;
  mean["date"] =
      ToJson(Prf{sums.date_p / n, sums.date_r / n, F1(sums.date_p / n, sums.date_r / n)});
  for (const auto& [key, p_sum] : sums.p) {
    const std::string variant = key.substr(0, key.find('/'));
    const std::string rn = key.substr(key.find('/') + 1);
    const double p = p_sum / n, r = sums.r[key] / n;
    mean[variant][rn] = ToJson(Prf{p, r, F1(p, r)});
    mean[variant][rn]["mean_of_f1"] = Round4(sums.f[key] / n);
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return nlohmann::json{
      {"method", "datewise: days by mention counts, TF-IDF centroid + MMR sentences"},
      {"rouge",
       "align_m1 = align+ m:1 (Martschat & Markert 2017; the variant news-tls reports), also "
       "agreement and concat; lower-cased letter/digit tokens, stop words removed and Porter "
       "stems (ROUGE-1.5.5 -s -m as tilse runs it; stop list: the analysis stage's); plain_*: "
       "every word, unstemmed"},
      {"input_span", "articles published within the reference timeline's first..last day"},
      {"timelines", sums.n},
      {"articles", articles_total},
      {"pages_skipped", skipped_total},
      {"seconds", Round4(seconds)},
      // Reading and analysing the articles included: the whole job, per second.
      {"timelines_per_second", seconds > 0 ? Round4(sums.n / seconds) : 0.0},
      {"articles_per_second", seconds > 0 ? std::round(articles_total / seconds) : 0.0},
      {"mean", mean},
      {"timelines_scored", per_topic}};
}

}  // namespace newsloom::eval
