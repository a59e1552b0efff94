#include <algorithm>
#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "commands.h"
#include "newsloom/store.h"
#include "newsloom/story_json.h"
#include "store_flags.h"

namespace newsloom::cli {
namespace {

using nlohmann::json;

std::string DateOr(const std::optional<Date>& date, const char* missing) {
  return date ? date->ToIso() : missing;
}

json DateJson(const std::optional<Date>& date) {
  return date ? json(date->ToIso()) : json(nullptr);
}

// The listing keys other tools read: id, title, first_published, last_published, articles
// [{id, source, title, published}], plus thread, sources_independent, and outlet and role per
// article.
json StoryListJson(const std::vector<StorySummary>& stories) {
  json out = json::array();
  for (const StorySummary& s : stories) {
    json articles = json::array();
    for (const StoryArticle& a : s.articles) {
      articles.push_back({{"id", a.id},
                          {"source", a.source},
                          {"title", a.title},
                          {"published", DateJson(a.published)},
                          {"outlet", a.outlet},
                          {"role", CopyRoleName(a.role)}});
    }
    out.push_back({{"id", s.id},
                   {"title", s.title},
                   {"first_published", DateJson(s.first_published)},
                   {"last_published", DateJson(s.last_published)},
                   {"thread", s.thread},
                   {"sources_independent", s.sources_independent},
                   {"articles", std::move(articles)}});
  }
  return out;
}

void PrintStoryList(const std::vector<StorySummary>& stories) {
  for (const StorySummary& s : stories) {
    std::printf("%s  %s .. %s  %zu article%s  %s\n", s.id.c_str(),
                DateOr(s.first_published, "?").c_str(), DateOr(s.last_published, "?").c_str(),
                s.articles.size(), s.articles.size() == 1 ? "" : "s", s.title.c_str());
    for (const StoryArticle& a : s.articles) {
      const std::string role =
          a.role == CopyRole::kOriginal ? "" : std::string(" [") + CopyRoleName(a.role) + "]";
      std::printf("    %s  %s%s%s  (%s)%s\n", DateOr(a.published, "?\?\?\?-?\?-?\?").c_str(),
                  a.outlet.c_str(), a.outlet.empty() ? "" : ": ", a.title.c_str(), a.source.c_str(),
                  role.c_str());
    }
  }
}

// Text or Markdown brief: sources numbered [1].., every timeline line and shared sentence cited.
void PrintBrief(const Story& story, bool markdown) {
  std::map<std::string, size_t> number;
  for (size_t i = 0; i < story.articles.size(); ++i) number[story.articles[i].id] = i + 1;
  auto cite = [&](const std::vector<Citation>& citations) {
    std::string refs;
    for (const Citation& c : citations) {
      auto it = number.find(c.article_id);
      // An article that carries the same words twice is one source: cited once.
      const std::string ref =
          "[" + (it == number.end() ? c.article_id : std::to_string(it->second)) + "]";
      if (refs.find(ref) == std::string::npos) refs += ref;
    }
    return refs;
  };
  const char* h1 = markdown ? "# " : "";
  const char* h2 = markdown ? "\n## " : "\n";
  const char* item = markdown ? "- " : "  ";
  std::printf("%s%s\n", h1, story.title.c_str());
  std::printf("%sstory %s, %s .. %s, %zu sources (%d independent)\n", markdown ? "\n" : "",
              story.id.c_str(), DateOr(story.first_published, "?").c_str(),
              DateOr(story.last_published, "?").c_str(), story.articles.size(),
              story.sources_independent);
  std::printf("%sSources\n", h2);
  for (size_t i = 0; i < story.articles.size(); ++i) {
    const StoryArticle& a = story.articles[i];
    std::printf("%s[%zu] %s  %s%s%s  (%s, %s)\n", item, i + 1,
                DateOr(a.published, "?\?\?\?-?\?-?\?").c_str(), a.outlet.c_str(),
                a.outlet.empty() ? "" : ": ", a.title.c_str(), CopyRoleName(a.role),
                a.source.c_str());
  }
  if (!story.timeline.empty()) {
    std::printf("%sTimeline\n", h2);
    for (const TimelineEntry& e : story.timeline) {
      const std::string text = e.sources.empty() ? "" : e.sources.front().text;
      std::printf("%s%s%s  %s %s\n", item, e.date.c_str(), e.background ? " (background)" : "",
                  text.c_str(), cite(e.sources).c_str());
    }
  }
  if (!story.shared_sentences.empty()) {
    std::printf("%sShared across sources\n", h2);
    for (const auto& group : story.shared_sentences) {
      if (group.empty()) continue;
      std::printf("%s%s %s\n", item, group.front().text.c_str(), cite(group).c_str());
    }
  }
  if (!story.quotes.empty()) {  // grouped by speaker, speakers in order of their first quote
    std::printf("%sQuotes\n", h2);
    std::vector<std::string> speakers;
    for (const StoryQuote& q : story.quotes) {
      if (std::find(speakers.begin(), speakers.end(), q.speaker) == speakers.end())
        speakers.push_back(q.speaker);
    }
    for (const std::string& speaker : speakers) {
      std::printf("%s%s%s%s\n", markdown ? "\n### " : "  ",
                  speaker.empty() ? "(speaker unknown)" : speaker.c_str(), markdown ? "" : ":", "");
      for (const StoryQuote& q : story.quotes) {
        if (q.speaker != speaker) continue;
        const bool direct = q.kind == "direct";
        std::printf("%s%s%s%s%s %s\n", markdown ? "- " : "    ", direct ? "\xE2\x80\x9C" : "",
                    q.text.c_str(), direct ? "\xE2\x80\x9D" : "", direct ? "" : " (reported)",
                    cite(q.citations).c_str());
      }
    }
  }
  if (story.articles.size() >= 2) {
    auto print_claims = [&](const char* title, const char* status) {
      bool any = false;
      for (const Claim& c : story.claims) {
        if (c.status != status) continue;
        if (!any) std::printf("%s%s\n", h2, title);
        any = true;
        std::string what = c.unit;
        if (!c.thing.empty()) what += " (" + c.thing + ")";
        std::printf("%s%s:\n", item, what.c_str());
        for (const ClaimValue& v : c.values) {
          std::printf("%s  %s  %s %s\n", markdown ? "  " : "  ", v.reference_date.c_str(),
                      v.text.c_str(), cite({v.citation}).c_str());
        }
      }
      return any;
    };
    if (!print_claims("Where sources differ", "differ")) {
      std::printf("%sWhere sources differ\n%sno figure differs between sources for one date\n", h2,
                  item);
    }
    print_claims("Figures over time", "series");
    print_claims("Figures the sources agree on", "agree");
  }
  if (!story.entities.empty()) {  // the ten most mentioned, with their mention counts
    std::printf("%sEntities\n", h2);
    for (size_t i = 0; i < story.entities.size() && i < 10; ++i) {
      const StoryEntity& e = story.entities[i];
      std::printf("%s%s (%s, %zu)\n", item, e.name.c_str(), e.type.c_str(), e.mentions.size());
    }
  }
}

struct StoriesFlags {
  std::string db = "newsloom.db";
  bool json = false;
};

struct StoryFlags {
  std::string id;
  std::string db = "newsloom.db";
  std::string format = "text";
};

int RunStories(const StoriesFlags& flags) {
  auto store = OpenExistingStore(flags.db, "stories");
  if (!store) return 1;
  auto stories = store->ListStories();
  if (!stories.ok()) {
    std::fprintf(stderr, "newsloom stories: %s\n", stories.status().ToString().c_str());
    return 1;
  }
  if (flags.json) {
    PrintJson(StoryListJson(*stories));
  } else {
    PrintStoryList(*stories);
  }
  return 0;
}

int RunStory(const StoryFlags& flags) {
  auto store = OpenExistingStore(flags.db, "story");
  if (!store) return 1;
  auto story = store->GetStory(flags.id);
  if (!story.ok()) {
    std::fprintf(stderr, "newsloom story: %s\n", story.status().ToString().c_str());
    return story.status().code() == Status::Code::kNotFound ? 4 : 1;
  }
  if (flags.format == "json") {
    PrintJson(store::StoryToJson(*story));
  } else {
    PrintBrief(*story, flags.format == "md");
  }
  return 0;
}

}  // namespace

void AddStoriesCommands(CLI::App& app, Runner& run) {
  auto* list = app.add_subcommand("stories", "List the stories of the store");
  static StoriesFlags stories_flags;
  list->add_option("--db", stories_flags.db, "Store file")->capture_default_str();
  list->add_flag("--json", stories_flags.json, "JSON array instead of a listing");
  list->callback([&run] { run = [] { return RunStories(stories_flags); }; });

  auto* one =
      app.add_subcommand("story", "One story as a brief: sources, timeline, shared sentences");
  static StoryFlags story_flags;
  one->add_option("id", story_flags.id, "Story id")->required();
  one->add_option("--db", story_flags.db, "Store file")->capture_default_str();
  one->add_option("--format", story_flags.format, "text, md or json")
      ->check(CLI::IsMember({"text", "md", "json"}))
      ->capture_default_str();
  one->callback([&run] { run = [] { return RunStory(story_flags); }; });
}

}  // namespace newsloom::cli
