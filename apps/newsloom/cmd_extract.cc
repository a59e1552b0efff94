// `newsloom extract FILE... [--json | --jsonl]`: main text and metadata of each page as JSON.
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "commands.h"
#include "given_pages.h"
#include "newsloom/json.h"

namespace newsloom::cli {
namespace {

struct ExtractFlags {
  std::vector<std::string> files;
  bool json = false;
  bool jsonl = false;
};

int RunExtract(const ExtractFlags& flags) {
  std::optional<GivenPages> given = ReadGivenPages(flags.files, "newsloom extract: ");
  if (!given) return 1;
  const std::vector<RawPage>& pages = given->pages;
  int failures = given->skipped;
  nlohmann::json all = nlohmann::json::array();
  for (const RawPage& page : pages) {
    Result<Article> article = given->stages->Extract(page);
    if (!article.ok()) {
      std::fprintf(stderr, "newsloom extract: skipped %s: %s\n", page.source.c_str(),
                   article.status().ToString().c_str());
      ++failures;
      continue;
    }
    nlohmann::json j = *article;
    if (flags.jsonl) {
      PrintJson(j, -1);
    } else {
      all.push_back(std::move(j));
    }
  }
  if (!flags.jsonl) {
    const nlohmann::json& out = all.size() == 1 ? all[0] : all;
    PrintJson(out);
  }
  if (failures == 0) return 0;
  return pages.empty() || failures >= static_cast<int>(pages.size()) ? 1 : 3;
}

}  // namespace

void AddExtractCommand(CLI::App& app, Runner& run) {
  auto* cmd = app.add_subcommand("extract", "Main text and metadata of pages, as JSON");
  static ExtractFlags flags;
  cmd->add_option("files", flags.files,
                  "Pages: .txt, .html, .jsonl, .warc, directories; optionally gzipped")
      ->required();
  auto* json =
      cmd->add_flag("--json", flags.json, "A JSON array (or one object for one file); the default");
  cmd->add_flag("--jsonl", flags.jsonl, "One JSON object per line")->excludes(json);
  cmd->callback([&run] { run = [] { return RunExtract(flags); }; });
}

}  // namespace newsloom::cli
