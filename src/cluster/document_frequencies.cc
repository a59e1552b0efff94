#include "cluster/document_frequencies.h"

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <vector>

#include "analyze/model_files.h"

namespace newsloom::cluster {
namespace {

// Languages a table may be shipped for; English is required.
constexpr std::string_view kLanguages[] = {"en", "de", "es", "fr", "nl"};

bool ParseCount(std::string_view s, int64_t* out) {
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && end == s.data() + s.size() && *out >= 0;
}

}  // namespace

int32_t DocumentFrequencies::Of(std::string_view term) const {
  if (term.size() > 2 && term[1] == ':' && (term[0] == 't' || term[0] == 'l')) {
    term.remove_prefix(2);
  }
  auto it = df.find(std::string(term));
  return it == df.end() ? 0 : it->second;
}

Result<DocumentFrequencies> ReadDocumentFrequencies(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status::NotFound("cannot read document frequencies " + path);
  DocumentFrequencies table;
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    const size_t tab = line.rfind('\t');
    int64_t count = 0;
    if (tab == std::string::npos || tab == 0 ||
        !ParseCount(std::string_view(line).substr(tab + 1), &count)) {
      return Status::Corrupt(path + ":" + std::to_string(number) + ": not 'term<TAB>count'");
    }
    if (number == 1) {
      if (line.compare(0, tab, "documents") != 0) {
        return Status::Corrupt(path + ":1: the first line must give the documents");
      }
      table.documents = count;
      continue;
    }
    table.df.emplace(line.substr(0, tab), static_cast<int32_t>(count));
  }
  if (in.bad()) return Status::IoError("error reading " + path);
  if (number == 0) return Status::Corrupt(path + ": empty");
  return table;
}

Status WriteDocumentFrequencies(const DocumentFrequencies& table, const std::string& path) {
  std::vector<std::pair<std::string, int32_t>> rows(table.df.begin(), table.df.end());
  std::sort(rows.begin(), rows.end());
  std::ofstream out(path);
  out << "documents\t" << table.documents << '\n';
  for (const auto& [term, count] : rows) out << term << '\t' << count << '\n';
  out.close();
  if (!out) return Status::IoError("cannot write " + path);
  return Status::Ok();
}

Result<const std::map<std::string, DocumentFrequencies, std::less<>>*> SharedDocumentFrequencies() {
  using Tables = std::map<std::string, DocumentFrequencies, std::less<>>;
  static std::mutex mu;
  static Result<Tables>* loaded = nullptr;
  std::lock_guard<std::mutex> lock(mu);
  if (loaded == nullptr) {
    loaded = new Result<Tables>([]() -> Result<Tables> {
      Tables tables;
      for (std::string_view language : kLanguages) {
        const std::string file = "df-" + std::string(language) + ".tsv";
        Result<std::string> path = analyze::FindModelFile(
            file, "document frequencies for language '" + std::string(language) + "'");
        if (!path.ok()) {
          if (language == "en") return path.status();
          continue;
        }
        Result<DocumentFrequencies> table = ReadDocumentFrequencies(*path);
        if (!table.ok()) return table.status();
        tables.emplace(language, std::move(table).value());
      }
      return tables;
    }());
  }
  if (!loaded->ok()) return loaded->status();
  return &loaded->value();
}

}  // namespace newsloom::cluster
