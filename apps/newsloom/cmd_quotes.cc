// `newsloom quotes FILE... [--json] [--figures]`: the quotes of each page's main text, with speaker
// and cue; with --figures, its figures instead (number, unit, reference date, sentence). Offsets
// are byte offsets into the extracted body (`newsloom extract`).
#include <cstdio>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "commands.h"
#include "given_pages.h"
#include "newsloom/quotes.h"

namespace newsloom::cli {
namespace {

struct QuotesFlags {
  std::vector<std::string> files;
  bool json = false;
  bool direct_only = false;
  bool figures = false;
};

nlohmann::json FigureToJson(const Figure& f) {
  return {{"text", f.text},
          {"start", f.span.begin},
          {"end", f.span.end},
          {"value", f.value},
          {"value_high", f.value_high},
          {"unit", f.unit},
          {"thing", f.thing},
          {"approx", f.approx},
          {"reference_date", f.reference_date},
          {"sentence_start", f.sentence.begin},
          {"sentence_end", f.sentence.end}};
}

// The figures of one article, analysed for its sentences and dates.
bool PrintFigures(const PageStages& stages, Article article, bool json, bool several,
                  nlohmann::json& all) {
  const std::string source = article.source;
  Result<AnalyzedArticle> analyzed = stages.Analyze(std::move(article));
  if (!analyzed.ok()) {
    std::fprintf(stderr, "newsloom quotes: skipped %s: %s\n", source.c_str(),
                 analyzed.status().ToString().c_str());
    return false;
  }
  nlohmann::json list = nlohmann::json::array();
  for (const Figure& f : analyzed->figures) list.push_back(FigureToJson(f));
  if (json) {
    all.push_back(several ? nlohmann::json{{"source", source}, {"figures", list}}
                          : std::move(list));
    return true;
  }
  if (several) std::printf("# %s\n", source.c_str());
  for (const Figure& f : analyzed->figures) {
    std::printf("%s  %s = %g%s%s %s%s%s\n",
                f.reference_date.empty() ? "?" : f.reference_date.c_str(), f.text.c_str(), f.value,
                f.value_high != f.value ? ".." : "",
                f.value_high != f.value ? std::to_string(f.value_high).c_str() : "", f.unit.c_str(),
                f.thing.empty() ? "" : " of ", f.thing.c_str());
  }
  return true;
}

nlohmann::json QuoteToJson(const Quote& q) {
  return {{"text", q.text},
          {"start", q.span.begin},
          {"end", q.span.end},
          {"speaker", q.speaker},
          {"speaker_start", q.speaker_span.begin},
          {"speaker_end", q.speaker_span.end},
          {"cue", q.cue},
          {"kind", q.kind}};
}

int RunQuotes(const QuotesFlags& flags) {
  std::optional<GivenPages> given = ReadGivenPages(flags.files, "newsloom quotes: ");
  if (!given) return 1;
  const std::vector<RawPage>& pages = given->pages;
  int failures = given->skipped;
  analyze::QuoteOptions options;
  options.indirect = !flags.direct_only;
  nlohmann::json all = nlohmann::json::array();
  for (const RawPage& page : pages) {
    Result<Article> article = given->stages->Extract(page);
    if (!article.ok()) {
      std::fprintf(stderr, "newsloom quotes: skipped %s: %s\n", page.source.c_str(),
                   article.status().ToString().c_str());
      ++failures;
      continue;
    }
    if (flags.figures) {
      if (!PrintFigures(*given->stages, std::move(article).value(), flags.json, pages.size() > 1,
                        all))
        ++failures;
      continue;
    }
    options.language = article->language;
    const std::vector<Quote> quotes = analyze::FindQuotes(article->body, options);
    nlohmann::json list = nlohmann::json::array();
    for (const Quote& q : quotes) list.push_back(QuoteToJson(q));
    if (flags.json) {
      all.push_back(pages.size() == 1 ? std::move(list)
                                      : nlohmann::json{{"source", page.source}, {"quotes", list}});
    } else {
      if (pages.size() > 1) std::printf("# %s\n", page.source.c_str());
      for (const Quote& q : quotes) {
        std::printf("[%s] %s (%s): %s\n", q.kind.c_str(),
                    q.speaker.empty() ? "?" : q.speaker.c_str(), q.cue.c_str(), q.text.c_str());
      }
    }
  }
  if (flags.json) {
    const nlohmann::json& out = pages.size() == 1 && all.size() == 1 ? all[0] : all;
    PrintJson(out);
  }
  if (failures == 0) return 0;
  return pages.empty() || failures >= static_cast<int>(pages.size()) ? 1 : 3;
}

}  // namespace

void AddQuotesCommand(CLI::App& app, Runner& run) {
  auto* cmd = app.add_subcommand("quotes", "Quotes with speaker and cue from pages' main text");
  static QuotesFlags flags;
  cmd->add_option("files", flags.files, "Pages (files or folders)")->required();
  cmd->add_flag("--json", flags.json, "Print [{text, start, end, speaker, ...}] as JSON");
  cmd->add_flag("--direct", flags.direct_only, "Direct quotes only (no indirect speech)");
  cmd->add_flag("--figures", flags.figures,
                "Print the figures (numbers with what they count and their date) instead");
  cmd->callback([&run] { run = [] { return RunQuotes(flags); }; });
}

}  // namespace newsloom::cli
