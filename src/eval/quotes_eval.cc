// Quote attribution on PolNeAR-style brat standoff: text/NAME.txt with attributions/NAME_*.ann
// holding Source, Cue and Content spans (character offsets, fragments joined by ';') tied
// together by "E" relations. Where an article has several annotators' files, the first by name is
// the reference.
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "eval/eval_io.h"
#include "newsloom/eval.h"
#include "newsloom/quotes.h"

namespace newsloom::eval {
namespace {

namespace fs = std::filesystem;

struct GoldAttribution {
  std::vector<Span> content;  // byte spans
  std::vector<Span> source;
  bool direct = false;
};

// Byte offset of every code point index (and one past the end).
std::vector<uint32_t> CodePointOffsets(const std::string& s) {
  std::vector<uint32_t> out;
  out.reserve(s.size() + 1);
  for (size_t i = 0; i < s.size(); ++i)
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) out.push_back(static_cast<uint32_t>(i));
  out.push_back(static_cast<uint32_t>(s.size()));
  return out;
}

bool IsQuoteMarkAt(const std::string& s, size_t i) {
  if (i >= s.size()) return false;
  if (s[i] == '"' || s[i] == '\'') return true;
  if (s.compare(i, 2, "\xC2\xAB") == 0 || s.compare(i, 2, "\xC2\xBB") == 0) return true;
  if (i + 2 < s.size() && s.compare(i, 2, "\xE2\x80") == 0) {
    const unsigned char c = s[i + 2];
    return c >= 0x98 && c <= 0x9E;
  }
  return false;
}
bool EndsWithQuoteMark(const std::string& s, size_t end) {
  return (end >= 1 && (s[end - 1] == '"' || s[end - 1] == '\'')) ||
         (end >= 2 && s.compare(end - 2, 2, "\xC2\xBB") == 0) ||
         (end >= 3 && IsQuoteMarkAt(s, end - 3));
}

// Parses "Type 12 30;40 50" into byte spans. False on malformed input.
bool ParseSpans(const std::string& field, const std::vector<uint32_t>& cp, std::string* type,
                std::vector<Span>* spans) {
  std::istringstream in(field);
  in >> *type;
  std::string rest;
  std::getline(in, rest);
  std::istringstream frags(rest);
  std::string frag;
  while (std::getline(frags, frag, ';')) {
    std::istringstream f(frag);
    long b, e;
    if (!(f >> b >> e) || b < 0 || e < b || static_cast<size_t>(e) >= cp.size()) return false;
    spans->push_back({cp[b], cp[e]});
  }
  return !spans->empty();
}

Result<std::vector<GoldAttribution>> ReadAnn(const std::string& path, const std::string& text) {
  std::ifstream in(path);
  if (!in) return Status::NotFound("cannot open " + path);
  const std::vector<uint32_t> cp = CodePointOffsets(text);
  std::map<std::string, std::pair<std::string, std::vector<Span>>> spans;
  std::vector<GoldAttribution> out;
  std::vector<std::string> relations;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    std::vector<std::string> cols;
    std::istringstream ls(line);
    std::string col;
    while (std::getline(ls, col, '\t')) cols.push_back(col);
    if (cols.size() < 2) continue;
    if (cols[0][0] == 'T') {
      std::string type;
      std::vector<Span> s;
      if (ParseSpans(cols[1], cp, &type, &s)) spans[cols[0]] = {type, s};
    } else if (cols[0][0] == 'E') {
      relations.push_back(cols[1]);
    }
  }
  for (const std::string& rel : relations) {
    GoldAttribution g;
    std::istringstream rs(rel);
    std::string part;
    while (rs >> part) {
      const size_t colon = part.find(':');
      if (colon == std::string::npos) continue;
      const std::string role = part.substr(0, colon);
      auto it = spans.find(part.substr(colon + 1));
      if (it == spans.end()) continue;
      if (role.rfind("Content", 0) == 0) {
        g.content.insert(g.content.end(), it->second.second.begin(), it->second.second.end());
      } else if (role.rfind("Source", 0) == 0) {
        g.source.insert(g.source.end(), it->second.second.begin(), it->second.second.end());
      }
    }
    if (g.content.empty()) continue;
    std::sort(g.content.begin(), g.content.end());
    // Direct: the content (trimmed) begins or ends with a quotation mark.
    uint32_t b = g.content.front().begin, e = g.content.back().end;
    while (b < e && (text[b] == ' ' || text[b] == '\n')) ++b;
    while (e > b &&
           (text[e - 1] == ' ' || text[e - 1] == '\n' || text[e - 1] == '.' || text[e - 1] == ','))
      --e;
    g.direct = IsQuoteMarkAt(text, b) || EndsWithQuoteMark(text, e);
    out.push_back(std::move(g));
  }
  return out;
}

uint32_t Overlap(Span a, const std::vector<Span>& spans) {
  uint32_t total = 0;
  for (const Span& s : spans) {
    const uint32_t b = std::max(a.begin, s.begin), e = std::min(a.end, s.end);
    if (e > b) total += e - b;
  }
  return total;
}
uint32_t Length(const std::vector<Span>& spans) {
  uint32_t n = 0;
  for (const Span& s : spans) n += s.size();
  return n;
}

struct Counts {
  long gold = 0, gold_matched = 0, predicted = 0, predicted_correct = 0;
  long speaker_judged = 0, speaker_correct = 0;
  nlohmann::json ToJson() const {
    const double p = predicted ? static_cast<double>(predicted_correct) / predicted : 0;
    const double r = gold ? static_cast<double>(gold_matched) / gold : 0;
    return {{"gold", gold},
            {"predicted", predicted},
            {"precision", p},
            {"recall", r},
            {"f1", p + r > 0 ? 2 * p * r / (p + r) : 0},
            {"speaker_judged", speaker_judged},
            {"speaker_accuracy",
             speaker_judged ? static_cast<double>(speaker_correct) / speaker_judged : 0}};
  }
};

std::string Cut(const std::string& text, const std::vector<Span>& spans) {
  if (spans.empty()) return "";
  const Span s{spans.front().begin, spans.back().end};
  return text.substr(s.begin, std::min<uint32_t>(s.size(), 300));
}

// Scores one article; with `errors`, appends one JSON object per missed attribution, wrong
// speaker and false prediction.
void Score(const std::vector<GoldAttribution>& gold, const std::vector<Quote>& predicted,
           bool direct_only, Counts* c, const std::string& text = {},
           nlohmann::json* errors = nullptr) {
  std::vector<const Quote*> preds;
  for (const Quote& q : predicted)
    if (!direct_only || q.kind == "direct") preds.push_back(&q);
  std::vector<const GoldAttribution*> golds;
  for (const GoldAttribution& g : gold)
    if (!direct_only || g.direct) golds.push_back(&g);
  c->gold += golds.size();
  c->predicted += preds.size();
  for (const GoldAttribution* g : golds) {
    const uint32_t len = Length(g->content);
    const Quote* best = nullptr;
    uint32_t best_ov = 0, sum = 0;
    for (const Quote* q : preds) {
      const uint32_t ov = Overlap(q->span, g->content);
      sum += ov;
      if (ov > best_ov) best_ov = ov, best = q;
    }
    // A quote split by its attribution ("...," she said, "...") may match as a whole.
    if (best == nullptr || 2 * sum < len) {
      if (errors)
        errors->push_back({{"error", "missed"},
                           {"content", Cut(text, g->content)},
                           {"source", Cut(text, g->source)}});
      continue;
    }
    ++c->gold_matched;
    if (g->source.empty()) continue;
    ++c->speaker_judged;
    if (best->speaker_span.size() > 0 && Overlap(best->speaker_span, g->source) > 0) {
      ++c->speaker_correct;
    } else if (errors) {
      errors->push_back({{"error", "speaker"},
                         {"content", Cut(text, g->content)},
                         {"source", Cut(text, g->source)},
                         {"predicted", best->speaker},
                         {"cue", best->cue}});
    }
  }
  for (const Quote* q : preds) {
    bool ok = false;
    for (const GoldAttribution& g : gold) {  // any gold attribution makes a prediction right
      const uint32_t ov = Overlap(q->span, g.content);
      if (2 * ov >= Length(g.content) || 2 * ov >= q->span.size()) {
        ok = ov > 0;
        if (ok) break;
      }
    }
    c->predicted_correct += ok;
    if (!ok && errors)
      errors->push_back({{"error", "false"},
                         {"content", q->text.substr(0, 300)},
                         {"predicted", q->speaker},
                         {"kind", q->kind}});
  }
}

}  // namespace

Result<nlohmann::json> RunQuotesEval(const EvalOptions& options) {
  const fs::path text_dir = fs::path(options.data) / "text";
  const fs::path ann_dir = fs::path(options.data) / "attributions";
  if (!fs::is_directory(text_dir) || !fs::is_directory(ann_dir))
    return Status::NotFound("no text/ and attributions/ folders in " + options.data);
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(text_dir))
    if (e.path().extension() == ".txt") names.push_back(e.path().stem().string());
  std::sort(names.begin(), names.end());
  std::vector<std::string> anns;
  for (const auto& e : fs::directory_iterator(ann_dir))
    if (e.path().extension() == ".ann") anns.push_back(e.path().filename().string());
  std::sort(anns.begin(), anns.end());

  Counts direct, all, direct_quoted_words, all_quoted_words;
  std::vector<std::string> texts;
  long skipped = 0;
  std::string error_lines;
  for (const std::string& name : names) {
    auto it = std::lower_bound(anns.begin(), anns.end(), name + "_");
    if (it == anns.end() || it->rfind(name + "_", 0) != 0) {
      ++skipped;
      continue;
    }
    Result<std::string> text = ReadFileMaybeGzip((text_dir / (name + ".txt")).string());
    if (!text.ok()) {
      ++skipped;
      continue;
    }
    Result<std::vector<GoldAttribution>> gold = ReadAnn((ann_dir / *it).string(), *text);
    if (!gold.ok()) {
      ++skipped;
      continue;
    }
    // PolNeAR's content of a partial quote is its whole reported clause.
    analyze::QuoteOptions quote_options;
    quote_options.clause_spans = true;
    const std::vector<Quote> quotes = analyze::FindQuotes(*text, quote_options);
    nlohmann::json errors = nlohmann::json::array();
    Score(*gold, quotes, true, &direct, *text, options.output.empty() ? nullptr : &errors);
    Score(*gold, quotes, false, &all);
    // The same quotes as the CLI and stories show them: the quoted words alone.
    const std::vector<Quote> quoted_words = analyze::FindQuotes(*text);
    Score(*gold, quoted_words, true, &direct_quoted_words);
    Score(*gold, quoted_words, false, &all_quoted_words);
    for (nlohmann::json& e : errors) {
      e["article"] = name;
      error_lines += e.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
    }
    texts.push_back(std::move(*text));
  }
  if (texts.empty()) return Status::NotFound("no annotated articles in " + options.data);
  if (!options.output.empty()) {
    std::ofstream out(options.output);
    out << error_lines;
    if (!out) return Status::IoError("cannot write " + options.output);
  }

  // Speed: quote finding alone, repeated until a measurable time has passed.
  long runs = 0;
  size_t found = 0;
  const auto t0 = std::chrono::steady_clock::now();
  double seconds = 0;
  do {
    for (const std::string& t : texts) found += analyze::FindQuotes(t).size();
    runs += texts.size();
    seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  } while (seconds < 1.0);

  return nlohmann::json{{"articles", texts.size()},
                        {"skipped", skipped},
                        {"direct", direct.ToJson()},
                        {"all", all.ToJson()},
                        {"spans",
                         "direct/all: a quoted fragment spans its reported clause "
                         "(PolNeAR's Content); *_quoted_words: the quoted words alone"},
                        {"direct_quoted_words", direct_quoted_words.ToJson()},
                        {"all_quoted_words", all_quoted_words.ToJson()},
                        {"articles_per_second", runs / seconds},
                        {"quotes_per_article", static_cast<double>(found) / runs}};
}

}  // namespace newsloom::eval
