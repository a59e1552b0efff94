#include "workloads/ingest_workload.h"

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>

#include "newsloom/date.h"
#include "newsloom/pipeline.h"
#include "newsloom/store.h"

namespace newsloom::bench {

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

struct BaseArticle {
  std::vector<std::string> paragraphs;
  std::optional<Date> published;
};

// Paragraphs of a development article: its own lines when it has several, else groups of three
// sentences (Timeline17 texts are one line each).
std::vector<std::string> SplitParagraphs(const std::string& text) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    if (end > start) lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  if (lines.size() > 1) return lines;
  std::vector<std::string> paragraphs;
  std::string current;
  int sentences = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    current += text[i];
    if ((text[i] == '.' || text[i] == '?' || text[i] == '!') && i + 1 < text.size() &&
        text[i + 1] == ' ' && ++sentences == 3) {
      paragraphs.push_back(current);
      current.clear();
      sentences = 0;
      ++i;  // the space
    }
  }
  if (!current.empty()) paragraphs.push_back(current);
  return paragraphs;
}

Status LoadJsonl(const fs::path& path, std::vector<BaseArticle>* out) {
  std::ifstream in(path);
  if (!in) return Status::NotFound("benchmark data absent: " + path.string());
  std::string line;
  while (std::getline(in, line)) {
    const json record = json::parse(line, nullptr, false);
    if (!record.is_object() || !record.contains("text") || !record["text"].is_string()) continue;
    BaseArticle a;
    a.paragraphs = SplitParagraphs(record["text"].get<std::string>());
    if (a.paragraphs.empty()) continue;
    if (record.contains("published") && record["published"].is_string()) {
      a.published = Date::FromIso(record["published"].get<std::string>());
    }
    out->push_back(std::move(a));
  }
  return Status::Ok();
}

constexpr const char* kMonths[] = {"January",   "February", "March",    "April",
                                   "May",       "June",     "July",     "August",
                                   "September", "October",  "November", "December"};
constexpr const char* kWeekdays[] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                     "Friday", "Saturday", "Sunday"};

// Site-template lines of the kind crawls carry around every article.
constexpr const char* kBoilerplate[] = {
    "Share this article",
    "Advertisement",
    "Sign up for our newsletter",
    "Related Articles",
    "Most Read",
    "Follow us on social media",
    "Leave a comment",
    "Please enter your name",
    "Subscribe for full access",
    "Read more",
    "Latest News",
    "Privacy Policy | Terms of Use",
};

std::string LongDate(const Date& d) {
  return std::string(kWeekdays[d.Weekday()]) + ", " + kMonths[d.month - 1] + " " +
         std::to_string(d.day) + ", " + std::to_string(d.year);
}

std::string TitleFrom(const std::string& paragraph) {
  std::string title;
  int words = 0;
  for (char c : paragraph) {
    if (c == ' ' && ++words == 10) break;
    if (c == '.' && words >= 4) break;
    title += c;
  }
  return title;
}

double CpuSeconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
         static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

long PeakRssKb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;  // kilobytes on Linux
}

}  // namespace

Result<uint64_t> GenerateBenchPages(const std::string& data_dir, int pages, uint64_t seed,
                                    const std::string& dir) {
  const fs::path data(data_dir);
  std::vector<BaseArticle> base;
  NEWSLOOM_RETURN_IF_ERROR(LoadJsonl(data / "clustering" / "ecbplus-dev.jsonl", &base));
  const fs::path t17 = data / "timeline" / "t17-dev";
  std::error_code error;
  if (!fs::is_directory(t17, error)) {
    return Status::NotFound("benchmark data absent: " + t17.string());
  }
  std::vector<fs::path> topics;
  for (const auto& entry : fs::directory_iterator(t17)) topics.push_back(entry.path());
  std::sort(topics.begin(), topics.end());
  for (const fs::path& topic : topics) {
    NEWSLOOM_RETURN_IF_ERROR(LoadJsonl(topic / "articles.jsonl", &base));
  }
  if (base.empty()) return Status::NotFound("no articles in " + data_dir);

  std::mt19937_64 random(seed);
  auto chance = [&](double p) { return std::uniform_real_distribution<double>(0, 1)(random) < p; };
  auto pick = [&](size_t n) { return static_cast<size_t>(random() % n); };
  constexpr int kSites = 40;
  uint64_t bytes = 0;
  for (int i = 0; i < pages; ++i) {
    const BaseArticle& a = base[static_cast<size_t>(i) < base.size() ? i : pick(base.size())];
    const int site = static_cast<int>(pick(kSites));
    std::vector<std::string> paragraphs = a.paragraphs;
    // Perturbations a crawl shows: reordered, dropped and lightly edited paragraphs.
    if (paragraphs.size() > 2 && chance(0.3)) {
      const size_t k = pick(paragraphs.size() - 1);
      std::swap(paragraphs[k], paragraphs[k + 1]);
    }
    if (paragraphs.size() > 3 && chance(0.3))
      paragraphs.erase(paragraphs.begin() + pick(paragraphs.size()));
    if (chance(0.3)) {
      std::string& p = paragraphs[pick(paragraphs.size())];
      const size_t space = p.find(' ', p.size() / 2);
      if (space != std::string::npos) p.insert(space, " reportedly");
    }
    const Date anchor = a.published.value_or(Date{2024, 6, 17});
    const Date date = anchor.AddDays(static_cast<long>(pick(5)) - 2);
    std::string page =
        "Site " + std::to_string(site) + " News | Home | World | Politics | Business\n";
    page += (site % 2 == 0 ? LongDate(date) : date.ToIso()) + "\n\n";
    page += TitleFrom(paragraphs.front()) + "\n\n";
    for (const std::string& p : paragraphs) page += p + "\n\n";
    const int extra = 2 + static_cast<int>(pick(4));
    for (int k = 0; k < extra; ++k)
      page += std::string(kBoilerplate[pick(std::size(kBoilerplate))]) + "\n";
    page += "(c) " + std::to_string(date.year) + " Site " + std::to_string(site) +
            " News. All rights reserved.\n";

    const fs::path folder = fs::path(dir) / ("site-" + std::to_string(site));
    fs::create_directories(folder, error);
    const fs::path file = folder / ("page-" + std::to_string(100000 + i) + ".txt");
    std::ofstream out(file, std::ios::binary);
    out << page;
    if (!out) return Status::IoError("cannot write " + file.string());
    bytes += page.size();
  }
  return bytes;
}

// The benchmark's folder, with a "pages" folder in it: --work-dir when given (kept), else a
// temporary one, removed with this object.
class WorkDir {
 public:
  explicit WorkDir(const std::string& requested) : path_(requested), temporary_(requested.empty()) {
    if (temporary_) {
      path_ =
          fs::temp_directory_path() / ("newsloom_bench_" + std::to_string(std::random_device{}()));
    }
  }
  WorkDir(const WorkDir&) = delete;
  WorkDir& operator=(const WorkDir&) = delete;
  ~WorkDir() {
    std::error_code ignored;
    if (temporary_) fs::remove_all(path_, ignored);
  }
  Status Create() const {
    std::error_code error;
    fs::create_directories(path_ / "pages", error);
    if (error) return Status::IoError("cannot create " + path_.string() + ": " + error.message());
    return Status::Ok();
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
  bool temporary_;
};

Result<json> RunIngestBench(const IngestBenchOptions& options) {
  if (options.pages <= 0 || options.runs <= 0) {
    return Status::InvalidArgument("pages and runs must be positive");
  }
  const WorkDir work_dir(options.work_dir);
  NEWSLOOM_RETURN_IF_ERROR(work_dir.Create());
  const fs::path& work = work_dir.path();
  std::error_code error;

  auto bytes =
      GenerateBenchPages(options.data_dir, options.pages, options.seed, (work / "pages").string());
  if (!bytes.ok()) return bytes.status();

  std::vector<double> seconds;
  std::vector<double> cpu_seconds;
  json phases = json::array();
  int64_t stored = 0;
  int64_t stories = 0;
  for (int run = 0; run < options.runs; ++run) {
    const fs::path db = work / ("run-" + std::to_string(run) + ".db");
    fs::remove(db, error);
    auto store = Store::Open(db.string());
    if (!store.ok()) return store.status();
    Pipeline pipeline(store->get(), DefaultPageStages());
    IngestOptions ingest;
    ingest.threads = options.threads;
    const double cpu_start = CpuSeconds();
    const auto start = std::chrono::steady_clock::now();
    auto report = pipeline.Ingest({(work / "pages").string()}, ingest);
    const auto end = std::chrono::steady_clock::now();
    if (!report.ok()) return report.status();
    seconds.push_back(std::chrono::duration<double>(end - start).count());
    cpu_seconds.push_back(CpuSeconds() - cpu_start);
    phases.push_back({{"read", report->seconds.read},
                      {"extract", report->seconds.extract},
                      {"analyze", report->seconds.analyze},
                      {"store", report->seconds.store},
                      {"stories", report->seconds.stories},
                      {"briefs", report->seconds.briefs}});
    stored = report->articles_stored;
    stories = report->stories;
    store->reset();
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(db.string() + suffix, error);
  }
  std::vector<double> sorted = seconds;
  std::sort(sorted.begin(), sorted.end());
  const double median = sorted[sorted.size() / 2];
  std::vector<double> sorted_cpu = cpu_seconds;
  std::sort(sorted_cpu.begin(), sorted_cpu.end());
  const double median_cpu = sorted_cpu[sorted_cpu.size() / 2];
  return json{
      {"workload", "ingest"},       {"pages", options.pages},
      {"threads", options.threads}, {"runs", options.runs},
      {"seconds", seconds},         {"pages_per_second", options.pages / median},
      {"cpu_seconds", cpu_seconds}, {"pages_per_cpu_second", options.pages / median_cpu},
      {"phase_seconds", phases},    {"mb_per_second", static_cast<double>(*bytes) / 1e6 / median},
      {"input_bytes", *bytes},      {"articles_stored", stored},
      {"stories", stories},         {"peak_rss_mb", static_cast<double>(PeakRssKb()) / 1024.0}};
}

namespace {

struct StoredStory {
  std::string members;  // thread and article ids
  std::string brief;
};
using StoredStories = std::map<std::string, StoredStory>;  // by id

Result<StoredStories> ReadStories(Store* store) {
  auto stories = store->ListStories();
  if (!stories.ok()) return stories.status();
  StoredStories out;
  for (const StorySummary& story : *stories) {
    StoredStory& stored = out[story.id];
    stored.members = story.thread;
    for (const StoryArticle& article : story.articles) stored.members += " " + article.id;
    auto brief = store->GetStoryBrief(story.id);
    if (!brief.ok()) return brief.status();
    stored.brief = *std::move(brief);
  }
  return out;
}

struct StoryDifferences {
  int64_t members = 0;  // stories of either side that the other lacks, or holds with other members
  int64_t briefs = 0;   // stories on both sides with the same members and another brief
};

StoryDifferences CompareStories(const StoredStories& a, const StoredStories& b) {
  StoryDifferences differences;
  for (const auto& [id, story] : a) {
    auto it = b.find(id);
    if (it == b.end() || it->second.members != story.members) {
      ++differences.members;
    } else {
      differences.briefs += it->second.brief != story.brief;
    }
  }
  for (const auto& [id, story] : b) differences.members += !a.contains(id);
  return differences;
}

}  // namespace

Result<json> RunIncrementalBench(const IncrementalBenchOptions& options) {
  const IngestBenchOptions& base = options.ingest;
  if (base.pages <= 0 || options.batches <= 0 || base.pages < options.batches) {
    return Status::InvalidArgument("pages and batches must be positive, pages at least batches");
  }
  const WorkDir work_dir(base.work_dir);
  NEWSLOOM_RETURN_IF_ERROR(work_dir.Create());
  const fs::path& work = work_dir.path();
  std::error_code error;
  auto bytes = GenerateBenchPages(base.data_dir, base.pages, base.seed, (work / "pages").string());
  if (!bytes.ok()) return bytes.status();

  // The pages in the order they were made (the file names number them across sites).
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(work / "pages")) {
    if (entry.is_regular_file()) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end(), [](const fs::path& a, const fs::path& b) {
    return a.filename() != b.filename() ? a.filename() < b.filename() : a < b;
  });

  const fs::path db = work / "incremental.db";
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(db.string() + suffix, error);
  auto store = Store::Open(db.string());
  if (!store.ok()) return store.status();
  // One long-lived pipeline, as in `newsloom serve`: each Ingest call restores the saved story
  // state from the store and commits the stories its batch changed.
  Pipeline pipeline(store->get(), DefaultPageStages());
  IngestOptions ingest;
  ingest.threads = base.threads;
  std::vector<double> seconds, cpu_seconds, story_seconds, brief_seconds, write_seconds;
  std::vector<int64_t> stories_written;
  int64_t stories = 0;
  const size_t batches = static_cast<size_t>(options.batches);
  for (size_t b = 0; b < batches; ++b) {
    std::vector<std::string> paths;
    for (size_t i = files.size() * b / batches; i < files.size() * (b + 1) / batches; ++i) {
      paths.push_back(files[i].string());
    }
    const double cpu_start = CpuSeconds();
    const auto start = std::chrono::steady_clock::now();
    auto report = pipeline.Ingest(paths, ingest);
    const auto end = std::chrono::steady_clock::now();
    if (!report.ok()) return report.status();
    seconds.push_back(std::chrono::duration<double>(end - start).count());
    cpu_seconds.push_back(CpuSeconds() - cpu_start);
    story_seconds.push_back(report->seconds.stories);
    brief_seconds.push_back(report->seconds.briefs);
    write_seconds.push_back(report->seconds.story_writes);
    stories_written.push_back(report->stories_written);
    stories = report->stories;
  }
  auto batched = ReadStories(store->get());
  if (!batched.ok()) return batched.status();
  // The stored articles replayed in one go: the stories must be exactly those of the batches.
  if (auto replayed = pipeline.RebuildStories(); !replayed.ok()) return replayed.status();
  auto rebuilt = ReadStories(store->get());
  if (!rebuilt.ok()) return rebuilt.status();
  // The same pages in one run, into a second store.
  const fs::path one_run_db = work / "one-run.db";
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(one_run_db.string() + suffix, error);
  auto one_run_store = Store::Open(one_run_db.string());
  if (!one_run_store.ok()) return one_run_store.status();
  {
    std::vector<std::string> paths;
    for (const fs::path& f : files) paths.push_back(f.string());
    Pipeline one_run(one_run_store->get(), DefaultPageStages());
    auto report = one_run.Ingest(paths, ingest);
    if (!report.ok()) return report.status();
  }
  auto one_run = ReadStories(one_run_store->get());
  if (!one_run.ok()) return one_run.status();
  const StoryDifferences from_replay = CompareStories(*batched, *rebuilt);
  const StoryDifferences from_one_run = CompareStories(*batched, *one_run);

  auto at = [&](const std::vector<double>& v, size_t n) {
    return n <= v.size() ? json(v[n - 1]) : json(nullptr);
  };
  return json{{"workload", "incremental"},
              {"pages", base.pages},
              {"batches", options.batches},
              {"threads", base.threads},
              {"seconds", seconds},
              {"cpu_seconds", cpu_seconds},
              {"story_seconds", story_seconds},
              {"brief_seconds", brief_seconds},
              {"story_write_seconds", write_seconds},
              {"stories_written", stories_written},
              {"batch_10_cpu_seconds", at(cpu_seconds, 10)},
              {"batch_100_cpu_seconds", at(cpu_seconds, 100)},
              {"batch_10_story_seconds", at(story_seconds, 10)},
              {"batch_100_story_seconds", at(story_seconds, 100)},
              {"stories", stories},
              {"stories_with_other_members_than_replay", from_replay.members},
              {"briefs_differing_from_replay", from_replay.briefs},
              // Plain-text lines that repeat across a run's pages of one site are boilerplate,
              // so an article's text can depend on the batch, and so can the stories.
              {"stories_with_other_members_than_one_run", from_one_run.members},
              {"briefs_differing_from_one_run", from_one_run.briefs},
              {"peak_rss_mb", static_cast<double>(PeakRssKb()) / 1024.0}};
}

}  // namespace newsloom::bench
