// `newsloom eval clustering`: the streaming story clusterer on a JSONL set of articles with gold
// event and topic labels, scored by B-cubed precision, recall and F1.
#include "eval/clustering_eval.h"

#include <chrono>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "analyze/analyze.h"
#include "cluster/story_clusterer.h"
#include "eval/eval.h"

namespace newsloom::eval {
namespace {

struct Item {
  std::string id;
  std::string topic;
  std::string event;
};

std::string LabelOf(const nlohmann::json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_null()) return "";
  return v.dump();
}

// An Article as the JSONL gives it: the text as body, one paragraph per line, no dates.
Article ArticleOf(const std::string& id, const std::string& text) {
  Article a;
  a.id = id;
  a.source = id;
  a.body = text;
  a.language = "en";
  uint32_t begin = 0;
  while (begin <= text.size()) {
    size_t nl = text.find('\n', begin);
    const uint32_t end =
        nl == std::string::npos ? static_cast<uint32_t>(text.size()) : static_cast<uint32_t>(nl);
    if (end > begin) {
      Paragraph p;
      p.text = text.substr(begin, end - begin);
      p.span = Span{begin, end};
      a.paragraphs.push_back(std::move(p));
    }
    begin = end + 1;
  }
  return a;
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
  std::ifstream in(options.data);
  if (!in) return Status::NotFound("clustering data not found: " + options.data);

  std::vector<Item> items;
  std::vector<std::string> texts;
  std::string line;
  int line_number = 0, skipped = 0;
  while (std::getline(in, line)) {
    ++line_number;
    if (line.empty()) continue;
    nlohmann::json row = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (row.is_discarded() || !row.is_object() || !row.contains("text") ||
        !row["text"].is_string()) {
      ++skipped;
      continue;
    }
    Item item;
    item.id = row.contains("id") ? LabelOf(row["id"]) : "line" + std::to_string(line_number);
    item.topic = row.contains("topic") ? LabelOf(row["topic"]) : "";
    item.event = row.contains("event") ? LabelOf(row["event"]) : "";
    items.push_back(std::move(item));
    texts.push_back(row["text"].get<std::string>());
  }
  if (items.empty()) return Status::InvalidArgument("no articles in " + options.data);

  const auto start = std::chrono::steady_clock::now();
  cluster::StoryClusterer clusterer;
  std::vector<std::string> at_arrival;
  for (size_t i = 0; i < items.size(); ++i) {
    Result<AnalyzedArticle> analyzed = analyze::Analyze(ArticleOf(items[i].id, texts[i]));
    if (!analyzed.ok()) return analyzed.status();
    at_arrival.push_back(clusterer.Add(*analyzed));
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  // Threads link related stories: scored against the topics (each pairs two related events).
  // Stories are scored as they stand after the stream (repair merges use no look-ahead), and as
  // decided at each article's arrival.
  std::vector<std::string> predicted, threads;
  for (const cluster::Assignment& a : clusterer.Assignments()) {
    predicted.push_back(a.story_id);
    threads.push_back(a.thread_id);
  }

  if (!options.output.empty()) {
    std::ofstream out(options.output);
    if (!out) return Status::IoError("cannot write predictions to " + options.output);
    for (size_t i = 0; i < items.size(); ++i) {
      out << nlohmann::json{{"id", items[i].id},
                            {"story", predicted[i]},
                            {"thread", threads[i]},
                            {"event", items[i].event},
                            {"topic", items[i].topic}}
                 .dump()
          << '\n';
    }
    if (!out) return Status::IoError("cannot write predictions to " + options.output);
  }

  std::vector<std::string> events, topics;
  for (const Item& item : items) {
    events.push_back(item.event);
    topics.push_back(item.topic);
  }
  const BCubed event = ScoreBCubed(predicted, events);
  const BCubed topic = ScoreBCubed(predicted, topics);
  const BCubed arrival = ScoreBCubed(at_arrival, events);
  const BCubed thread_topic = ScoreBCubed(threads, topics);
  std::map<std::string, int> thread_count;
  for (const std::string& t : threads) ++thread_count[t];
  std::map<std::string, int> stories;
  for (const std::string& p : predicted) ++stories[p];
  std::map<std::string, int> gold_events;
  for (const std::string& e : events) ++gold_events[e];

  auto figures = [](const BCubed& b) {
    return nlohmann::json{{"precision", b.precision}, {"recall", b.recall}, {"f1", b.f1}};
  };
  return nlohmann::json{
      {"task", "clustering"},
      {"data", options.data},
      {"articles", items.size()},
      {"skipped_lines", skipped},
      {"stories", stories.size()},
      {"gold_events", gold_events.size()},
      {"bcubed_event", figures(event)},
      {"bcubed_event_at_arrival", figures(arrival)},
      {"bcubed_topic", figures(topic)},
      {"threads", thread_count.size()},
      {"bcubed_thread_vs_topic", figures(thread_topic)},
      {"articles_per_second", seconds > 0 ? static_cast<double>(items.size()) / seconds : 0},
  };
}

}  // namespace newsloom::eval
