#include "workloads/search_bench.h"

#include <sqlite3.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <memory>
#include <unordered_set>

#include "newsloom/store.h"
#include "store/search_words.h"
#include "text/stopwords.h"

namespace newsloom::bench {

namespace {

constexpr int kCommon = 20;
constexpr int kRare = 20;
constexpr int kCommonPairs = 5;
constexpr int kTitles = 5;
constexpr int kTitleWords = 3;

struct Term {
  std::string text;
  int64_t articles;
};

bool IsQueryWord(const std::string& word) {
  return word.size() >= 3 &&
         std::all_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; }) &&
         !text::IsStopword(word);
}

using Db = std::unique_ptr<sqlite3, decltype(&sqlite3_close)>;
using Statement = std::unique_ptr<sqlite3_stmt, decltype(&sqlite3_finalize)>;

Result<Statement> Prepare(sqlite3* db, const char* sql) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) != SQLITE_OK) {
    return Status::IoError(std::string("search bench: ") + sqlite3_errmsg(db));
  }
  return Statement(stmt, sqlite3_finalize);
}

std::string Column(sqlite3_stmt* stmt, int i) {
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, i));
  return text ? text : "";
}

// Every query word of the full-text index with the number of articles holding it.
Result<std::vector<Term>> Vocabulary(sqlite3* db) {
  if (sqlite3_exec(db,
                   "CREATE VIRTUAL TABLE temp.bench_vocabulary "
                   "USING fts5vocab(main, articles_fts, 'row')",
                   nullptr, nullptr, nullptr) != SQLITE_OK) {
    return Status::IoError(std::string("search bench: ") + sqlite3_errmsg(db));
  }
  auto stmt = Prepare(db, "SELECT term, doc FROM temp.bench_vocabulary");
  if (!stmt.ok()) return stmt.status();
  std::vector<Term> terms;
  while (sqlite3_step(stmt->get()) == SQLITE_ROW) {
    Term t{Column(stmt->get(), 0), sqlite3_column_int64(stmt->get(), 1)};
    if (IsQueryWord(t.text)) terms.push_back(std::move(t));
  }
  return terms;
}

// The first kTitleWords query words of kTitles story titles spread over the story list.
Result<std::vector<std::string>> TitleQueries(sqlite3* db,
                                              const std::unordered_set<std::string>& known) {
  auto stmt = Prepare(db, "SELECT title FROM stories ORDER BY n");
  if (!stmt.ok()) return stmt.status();
  std::vector<std::string> titles;
  while (sqlite3_step(stmt->get()) == SQLITE_ROW) titles.push_back(Column(stmt->get(), 0));
  std::vector<std::string> queries;
  for (size_t i = 0; i < kTitles && !titles.empty(); ++i) {
    // From an evenly spaced story on, the first title with enough words and a query not taken.
    for (size_t j = i * titles.size() / kTitles; j < titles.size(); ++j) {
      std::vector<std::string> words;
      for (std::string w : store::SearchWords(titles[j])) {
        std::transform(w.begin(), w.end(), w.begin(),
                       [](unsigned char c) { return c < 0x80 ? std::tolower(c) : c; });
        if (known.count(w) && std::find(words.begin(), words.end(), w) == words.end()) {
          words.push_back(w);
        }
        if (words.size() == kTitleWords) break;
      }
      if (words.size() < kTitleWords) continue;
      std::string query = words[0] + " " + words[1] + " " + words[2];
      if (std::find(queries.begin(), queries.end(), query) != queries.end()) continue;
      queries.push_back(std::move(query));
      break;
    }
  }
  return queries;
}

double ThreadCpuMs() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty()      ? 0
         : v.size() % 2 ? v[v.size() / 2]
                        : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

}  // namespace

Result<std::vector<BenchmarkQuery>> PickBenchmarkQueries(const std::string& path) {
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr);
  Db db(raw, sqlite3_close);
  if (rc != SQLITE_OK) return Status::IoError(path + ": " + sqlite3_errmsg(raw));
  auto terms = Vocabulary(db.get());
  if (!terms.ok()) return terms.status();
  if (terms->size() < 10 * kRare) {
    return Status::InvalidArgument(path + ": too few words to pick benchmark queries from");
  }
  std::vector<BenchmarkQuery> queries;
  std::sort(terms->begin(), terms->end(), [](const Term& a, const Term& b) {
    return a.articles != b.articles ? a.articles > b.articles : a.text < b.text;
  });
  for (int i = 0; i < kCommon; ++i) queries.push_back({"common", (*terms)[i].text});
  for (int i = 0; i < kCommonPairs; ++i) {
    queries.push_back({"words", (*terms)[2 * i].text + " " + (*terms)[2 * i + 1].text});
  }
  std::unordered_set<std::string> known;
  for (const Term& t : *terms) known.insert(t.text);
  auto titles = TitleQueries(db.get(), known);
  if (!titles.ok()) return titles.status();
  if (titles->size() < kTitles) {
    return Status::InvalidArgument(path + ": too few story titles to pick benchmark queries from");
  }
  for (std::string& t : *titles) queries.push_back({"words", std::move(t)});
  std::reverse(terms->begin(), terms->end());  // rarest first
  const size_t rarest_tenth = terms->size() / 10;
  for (size_t i = 0; i < kRare; ++i) {
    queries.push_back({"rare", (*terms)[i * rarest_tenth / kRare].text});
  }
  return queries;
}

Result<std::vector<QueryTiming>> TimeQueries(const std::string& target,
                                             const std::vector<BenchmarkQuery>& queries, int runs) {
  auto store = Store::Open(target);
  if (!store.ok()) return store.status();
  std::vector<QueryTiming> timings;
  for (const BenchmarkQuery& q : queries) {
    SearchQuery search;
    search.text = q.text;
    QueryTiming timing{q};
    std::vector<double> wall, cpu;
    for (int run = 0; run < std::max(1, runs); ++run) {
      const auto start = std::chrono::steady_clock::now();
      const double cpu_start = ThreadCpuMs();
      auto hits = (*store)->Search(search);
      cpu.push_back(ThreadCpuMs() - cpu_start);
      wall.push_back(
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
              .count());
      if (!hits.ok()) return hits.status();
      timing.hits = static_cast<int>(hits->size());
    }
    timing.median_ms = Median(wall);
    timing.median_cpu_ms = Median(cpu);
    timings.push_back(std::move(timing));
  }
  return timings;
}

}  // namespace newsloom::bench
