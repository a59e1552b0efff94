#include "train/document_frequency_counter.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <unordered_set>

#include "analyze/analyze.h"
#include "analyze/ner_conll.h"

namespace newsloom::train {
namespace {

namespace fs = std::filesystem;

// The documents of one input, as text.
Result<std::vector<std::string>> ReadDocuments(const std::string& input) {
  std::vector<std::string> docs;
  std::error_code ec;
  if (fs::is_directory(input, ec)) {
    std::vector<fs::path> files;
    for (const auto& entry : fs::recursive_directory_iterator(input, ec)) {
      if (entry.is_regular_file() && entry.path().extension() == ".txt") {
        files.push_back(entry.path());
      }
    }
    std::sort(files.begin(), files.end());
    for (const fs::path& file : files) {
      std::ifstream in(file);
      std::stringstream text;
      text << in.rdbuf();
      docs.push_back(text.str());
    }
    return docs;
  }
  std::ifstream in(input);
  if (!in) return Status::NotFound("cannot read " + input);
  std::string first;
  std::getline(in, first);
  in.seekg(0);
  if (!first.empty() && first.front() == '{') {
    std::string line;
    while (std::getline(in, line)) {
      const nlohmann::json row = nlohmann::json::parse(line, nullptr, false);
      if (row.is_object() && row.contains("text") && row["text"].is_string()) {
        docs.push_back(row["text"].get<std::string>());
      }
    }
    return docs;
  }
  Result<std::vector<analyze::ConllDocument>> conll = analyze::ReadConll(input);
  if (!conll.ok()) return conll.status();
  for (const analyze::ConllDocument& doc : *conll) {
    std::string text;
    for (const analyze::ConllSentence& sentence : doc.sentences) {
      for (const std::string& word : sentence.words) {
        if (!text.empty() && text.back() != '\n') text += ' ';
        text += word;
      }
      text += '\n';
    }
    docs.push_back(std::move(text));
  }
  return docs;
}

}  // namespace

Result<cluster::DocumentFrequencies> CountDocumentFrequencies(
    const std::vector<std::string>& inputs, const DocumentFrequencyOptions& options) {
  cluster::DocumentFrequencies table;
  std::unordered_map<std::string, int32_t> counts;
  for (const std::string& input : inputs) {
    Result<std::vector<std::string>> docs = ReadDocuments(input);
    if (!docs.ok()) return docs.status();
    for (std::string& text : *docs) {
      Article article;
      article.body = std::move(text);
      article.language = options.language;
      Result<AnalyzedArticle> analyzed = analyze::Analyze(std::move(article));
      if (!analyzed.ok()) return analyzed.status();
      ++table.documents;
      for (const Term& t : analyzed->terms) {
        // Headline and lead terms are their words again (the documents have no headline).
        if (t.term.size() > 2 && t.term[1] == ':' && t.term[0] != 'n') continue;
        ++counts[t.term];
      }
    }
  }
  if (table.documents == 0) return Status::InvalidArgument("no documents in the inputs");
  for (auto& [term, n] : counts) {
    if (n >= options.min_documents) table.df.emplace(term, n);
  }
  return table;
}

}  // namespace newsloom::train
