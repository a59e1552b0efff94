// `newsloom eval timex`: the tagger on TimeML files, scored like the TempEval-3 scorer.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "eval/timex_tml.h"
#include "extract/language.h"
#include "newsloom/eval.h"
#include "text/segment.h"
#include "timex/timex.h"

namespace newsloom::eval {
namespace {

namespace fs = std::filesystem;

struct Counts {
  long gold = 0;
  long system = 0;
  long strict = 0;    // system spans equal to a gold span
  long relaxed = 0;   // system/gold pairs that overlap (one-to-one)
  long type_ok = 0;   // relaxed pairs with the right type
  long value_ok = 0;  // relaxed pairs with the right value
  long sentences = 0;
  long documents = 0;

  void Add(const Counts& o) {
    gold += o.gold, system += o.system, strict += o.strict, relaxed += o.relaxed;
    type_ok += o.type_ok, value_ok += o.value_ok, sentences += o.sentences;
    documents += o.documents;
  }
};

double Ratio(long a, long b) { return b == 0 ? 0.0 : 100.0 * a / b; }
double F1(double p, double r) { return p + r == 0 ? 0.0 : 2 * p * r / (p + r); }
double Round2(double x) { return std::round(x * 100) / 100; }

nlohmann::json Figures(const Counts& c) {
  auto prf = [&](long tp) {
    const double p = Ratio(tp, c.system), r = Ratio(tp, c.gold);
    return nlohmann::json{
        {"precision", Round2(p)}, {"recall", Round2(r)}, {"f1", Round2(F1(p, r))}};
  };
  return {{"documents", c.documents},
          {"sentences", c.sentences},
          {"gold", c.gold},
          {"system", c.system},
          {"strict", prf(c.strict)},
          {"relaxed", prf(c.relaxed)},
          {"type_accuracy", Round2(Ratio(c.type_ok, c.relaxed))},
          {"value_accuracy", Round2(Ratio(c.value_ok, c.relaxed))},
          {"value", prf(c.value_ok)}};
}

// The shape of a value for grouping errors: digits become 9 ("2024-W25" -> "9999-W99").
std::string Shape(const std::string& value) {
  std::string s = value;
  for (char& ch : s) {
    if (ch >= '0' && ch <= '9') ch = '9';
  }
  return s;
}

struct ErrorRow {
  std::string file, text, gold_type, gold_value, sys_type, sys_value, context;
};

// The text around [begin, end) on one line, for reading errors.
std::string Context(const std::string& text, uint32_t begin, uint32_t end) {
  const uint32_t from = begin > 80 ? begin - 80 : 0;
  std::string out = text.substr(from, std::min<size_t>(end + 60, text.size()) - from);
  for (char& ch : out) {
    if (ch == '\n' || ch == '\t') ch = ' ';
  }
  return out;
}

// Pairs system and gold expressions one-to-one by overlap, in order, and counts.
Counts Score(const TimemlDocument& doc, const std::vector<TemporalExpression>& sys,
             const std::string& file, std::vector<ErrorRow>* errors) {
  Counts c;
  c.gold = static_cast<long>(doc.timexes.size());
  c.system = static_cast<long>(sys.size());
  std::vector<bool> gold_used(doc.timexes.size(), false);
  for (const TemporalExpression& s : sys) {
    for (size_t g = 0; g < doc.timexes.size(); ++g) {
      const auto& gold = doc.timexes[g];
      if (s.span == gold.span) ++c.strict;
    }
    for (size_t g = 0; g < doc.timexes.size(); ++g) {
      const auto& gold = doc.timexes[g];
      if (gold_used[g] || gold.span.end <= s.span.begin || gold.span.begin >= s.span.end) continue;
      gold_used[g] = true;
      ++c.relaxed;
      if (gold.type == s.type) ++c.type_ok;
      if (gold.value == s.value) {
        ++c.value_ok;
      } else {
        errors->push_back({file,
                           doc.text.substr(gold.span.begin, gold.span.size()) + " | " + s.text,
                           gold.type, gold.value, s.type, s.value,
                           "tense " + std::to_string(s.tense) + ": " +
                               Context(doc.text, s.span.begin, s.span.end)});
      }
      break;
    }
  }
  // Strict matches are one-to-one already: spans do not repeat within either side.
  for (const TemporalExpression& s : sys) {
    bool overlaps = false;
    for (const auto& gold : doc.timexes) {
      if (!(gold.span.end <= s.span.begin || gold.span.begin >= s.span.end)) overlaps = true;
    }
    if (!overlaps) {
      errors->push_back(
          {file, s.text, "", "", s.type, s.value, Context(doc.text, s.span.begin, s.span.end)});
    }
  }
  for (size_t g = 0; g < doc.timexes.size(); ++g) {
    if (gold_used[g]) continue;
    const auto& gold = doc.timexes[g];
    errors->push_back({file, doc.text.substr(gold.span.begin, gold.span.size()), gold.type,
                       gold.value, "", "", Context(doc.text, gold.span.begin, gold.span.end)});
  }
  return c;
}

}  // namespace

Result<nlohmann::json> RunTimexEval(const EvalOptions& options) {
  const fs::path root(options.data);
  std::error_code ec;
  if (!fs::exists(root, ec)) return Status::NotFound("no TimeML data at " + options.data);
  std::vector<fs::path> files;
  if (fs::is_regular_file(root, ec)) {
    files.push_back(root);
  } else {
    for (auto it = fs::recursive_directory_iterator(root, ec);
         it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (ec) break;
      if (it->is_regular_file() && it->path().extension() == ".tml") files.push_back(it->path());
    }
  }
  std::sort(files.begin(), files.end());
  if (files.empty()) return Status::NotFound("no .tml files under " + options.data);
  if (!options.output.empty()) {
    fs::create_directories(options.output, ec);
    if (ec) return Status::IoError("cannot create " + options.output + ": " + ec.message());
  }

  std::map<std::string, Counts> subsets;
  Counts total;
  std::vector<ErrorRow> errors;
  std::set<std::string> seen_texts;       // a file repeated in another folder is scored once
  std::map<std::string, long> languages;  // documents by the language they were tagged in
  long skipped = 0, duplicates = 0;
  double seconds = 0;
  for (const fs::path& path : files) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream buf;
    buf << in.rdbuf();
    Result<TimemlDocument> doc = ParseTimeml(buf.str());
    if (!in.good() && !in.eof()) {
      ++skipped;
      continue;
    }
    if (!doc.ok()) {
      ++skipped;
      continue;
    }
    if (!seen_texts.insert(doc->text).second) {
      ++duplicates;
      continue;
    }
    const std::string language =
        options.lang.empty() ? extract::DetectLanguage(doc->text) : options.lang;
    ++languages[language];
    const auto start = std::chrono::steady_clock::now();
    const std::vector<TemporalExpression> tags =
        timex::TagTemporalExpressions(doc->text, doc->dct, language);
    seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    Counts c = Score(*doc, tags, path.filename().string(), &errors);
    c.documents = 1;
    const Result<text::Segmentation> segmented = text::Segment(doc->text);
    c.sentences = segmented.ok() ? static_cast<long>(segmented->sentences.size()) : 0;
    subsets[path.parent_path().filename().string()].Add(c);
    total.Add(c);
    if (!options.output.empty()) {
      std::ofstream out(fs::path(options.output) / path.filename(), std::ios::binary);
      out << WriteTimeml(*doc, tags);
      if (!out.good()) return Status::IoError("cannot write into " + options.output);
    }
  }

  nlohmann::json result = Figures(total);
  result["skipped_files"] = skipped;
  result["duplicate_files"] = duplicates;
  result["languages"] = languages;
  result["sentences_per_second"] = seconds > 0 ? std::round(total.sentences / seconds) : 0;
  for (const auto& [name, c] : subsets) result["subsets"][name] = Figures(c);
  // The most common value errors by kind: gold shape -> system shape.
  std::map<std::string, long> kinds;
  long missed = 0, spurious = 0;
  for (const ErrorRow& e : errors) {
    if (e.sys_type.empty()) {
      ++missed;
    } else if (e.gold_type.empty()) {
      ++spurious;
    } else {
      ++kinds[e.gold_type + " " + Shape(e.gold_value) + " -> " + Shape(e.sys_value)];
    }
  }
  std::vector<std::pair<long, std::string>> ranked;
  for (const auto& [kind, n] : kinds) ranked.push_back({-n, kind});
  std::sort(ranked.begin(), ranked.end());
  nlohmann::json top = nlohmann::json::array();
  for (size_t k = 0; k < ranked.size() && k < 12; ++k) {
    top.push_back({{"kind", ranked[k].second}, {"count", -ranked[k].first}});
  }
  result["missed"] = missed;
  result["spurious"] = spurious;
  result["value_errors"] = top;
  if (!options.output.empty()) {
    std::ofstream out(fs::path(options.output) / "errors.tsv");
    out << "file\ttext\tgold_type\tgold_value\tsys_type\tsys_value\tcontext\n";
    for (const ErrorRow& e : errors) {
      out << e.file << '\t' << e.text << '\t' << e.gold_type << '\t' << e.gold_value << '\t'
          << e.sys_type << '\t' << e.sys_value << '\t' << e.context << '\n';
    }
  }
  return result;
}

}  // namespace newsloom::eval
