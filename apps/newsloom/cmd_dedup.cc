// `newsloom dedup PATH... [--json]`: reads pages, extracts and analyses them, and prints the copy
// groups (exact copies, near-duplicates and rewrites) with their members and first publisher.
#include <cstdio>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "commands.h"
#include "given_pages.h"
#include "newsloom/dedup.h"

namespace newsloom::cli {
namespace {

using nlohmann::json;

struct DedupFlags {
  std::vector<std::string> paths;
  bool json = false;
};

struct Member {
  std::string source;
  std::string title;
  std::string outlet;
  std::optional<Date> published;
};

int RunDedup(const DedupFlags& flags) {
  std::optional<GivenPages> given = ReadGivenPages(flags.paths, "");
  if (!given) return 1;
  const int skipped = given->skipped;

  dedup::CopyDetector detector;
  std::map<std::string, Member> members;
  int unusable = 0;
  for (const RawPage& page : given->pages) {
    Result<Article> article = given->stages->Extract(page);
    if (!article.ok()) {
      ++unusable;
      std::fprintf(stderr, "skipped %s: %s\n", page.source.c_str(),
                   article.status().ToString().c_str());
      continue;
    }
    Result<AnalyzedArticle> analyzed = given->stages->Analyze(std::move(*article));
    if (!analyzed.ok()) {
      ++unusable;
      std::fprintf(stderr, "skipped %s: %s\n", page.source.c_str(),
                   analyzed.status().ToString().c_str());
      continue;
    }
    const Article& a = analyzed->article;
    members.try_emplace(a.id, Member{a.source, a.title, a.outlet, a.published});
    detector.Add(*analyzed);
  }
  const std::vector<CopyGroup> groups = detector.Groups();

  auto date_json = [](const std::optional<Date>& d) {
    return d ? json(d->ToIso()) : json(nullptr);
  };
  if (flags.json) {
    json out = json::array();
    for (const CopyGroup& g : groups) {
      json list = json::array();
      for (size_t i = 0; i < g.article_ids.size(); ++i) {
        const Member& m = members[g.article_ids[i]];
        list.push_back({{"id", g.article_ids[i]},
                        {"source", m.source},
                        {"title", m.title},
                        {"outlet", m.outlet},
                        {"published", date_json(m.published)},
                        {"role", CopyRoleName(g.roles[i])},
                        {"similarity", g.similarity[i]}});
      }
      out.push_back(
          {{"id", g.id}, {"first_publisher", g.first_publisher}, {"members", std::move(list)}});
    }
    PrintJson(out);
  } else {
    for (const CopyGroup& g : groups) {
      std::printf("%s  %zu articles, first published by %s\n", g.id.c_str(), g.article_ids.size(),
                  members[g.first_publisher].source.c_str());
      for (size_t i = 0; i < g.article_ids.size(); ++i) {
        const Member& m = members[g.article_ids[i]];
        std::printf("    %-8s %.3f  %s  %s%s%s  (%s)\n", CopyRoleName(g.roles[i]), g.similarity[i],
                    m.published ? m.published->ToIso().c_str() : "(no date)", m.outlet.c_str(),
                    m.outlet.empty() ? "" : ": ", m.title.c_str(), m.source.c_str());
      }
    }
  }
  std::fprintf(stderr, "%zu pages, %zu articles, %zu copy groups, %d skipped\n",
               given->pages.size(), members.size(), groups.size(), skipped + unusable);
  return 0;
}

}  // namespace

void AddDedupCommand(CLI::App& app, Runner& run) {
  auto flags = std::make_shared<DedupFlags>();
  CLI::App* cmd = app.add_subcommand("dedup", "Print groups of copied and rewritten articles");
  cmd->add_option("paths", flags->paths, "Files or directories (- for stdin)")->required();
  cmd->add_flag("--json", flags->json, "JSON output");
  cmd->callback([flags, &run] { run = [flags] { return RunDedup(*flags); }; });
}

}  // namespace newsloom::cli
