// The pages named on the command line, read in full before any is extracted: the commands that
// show pages one by one (extract, quotes, dedup) tell a site's template lines apart by their
// recurring across the pages given together.
#ifndef NEWSLOOM_APPS_GIVEN_PAGES_H_
#define NEWSLOOM_APPS_GIVEN_PAGES_H_

#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "newsloom/pipeline.h"

namespace newsloom::cli {

struct GivenPages {
  std::vector<RawPage> pages;
  std::unique_ptr<PageStages> stages;  // with every page in its line evidence
  int skipped = 0;                     // inputs and records that could not be read
};

// Prints each skipped input as "<prefix>skipped SOURCE: REASON"; nullopt, after printing why,
// when nothing could be read.
inline std::optional<GivenPages> ReadGivenPages(const std::vector<std::string>& paths,
                                                const std::string& prefix) {
  GivenPages given;
  Status read = FilePages(paths)([&](RawPage&& page) { given.pages.push_back(std::move(page)); },
                                 [&](SkippedPage&& skipped) {
                                   std::fprintf(stderr, "%sskipped %s: %s\n", prefix.c_str(),
                                                skipped.source.c_str(), skipped.reason.c_str());
                                   ++given.skipped;
                                 });
  if (!read.ok()) {
    std::fprintf(stderr, "%s%s\n", prefix.c_str(), read.ToString().c_str());
    return std::nullopt;
  }
  given.stages = DefaultPageStages();
  for (const RawPage& page : given.pages) given.stages->AddToCorpus(page);
  return given;
}

}  // namespace newsloom::cli

#endif  // NEWSLOOM_APPS_GIVEN_PAGES_H_
