// robots.txt by RFC 9309: the groups that apply to one product token, Allow and Disallow rules
// with `*` and `$` patterns where the longest match wins, and the common Crawl-delay and Sitemap
// extensions.
#ifndef NEWSLOOM_FETCH_ROBOTS_H_
#define NEWSLOOM_FETCH_ROBOTS_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace newsloom::fetch {

// RFC 9309 asks crawlers to parse at least the first 500 KiB; what follows is ignored.
inline constexpr size_t kMaxRobotsBytes = 500 * 1024;

struct RobotsRule {
  bool allow = false;
  std::string pattern;  // percent-encoding normalised; may hold `*` and end in `$`
};

// The rules that apply to one crawler on one origin.
struct RobotsRules {
  std::vector<RobotsRule> rules;
  std::optional<double> crawl_delay_seconds;  // the largest Crawl-delay of the applying groups
  std::vector<std::string> sitemaps;          // Sitemap lines, which belong to no group

  // Whether `path_and_query` ("/a/b?c") may be fetched: the longest matching pattern decides, an
  // Allow winning a tie; no match allows. "/robots.txt" itself is always allowed.
  bool Allowed(std::string_view path_and_query) const;

  static RobotsRules AllowAll() { return {}; }
  static RobotsRules DisallowAll() { return {{{false, "/"}}, std::nullopt, {}}; }
};

// Parses a robots.txt body (only its first kMaxRobotsBytes) for the crawler named `product_token`
// ("newsloom"). The groups whose user-agent names the token (case-insensitively) apply, merged;
// when none does, the `*` groups do; when there are none of those either, everything is allowed.
// Lines it cannot read are ignored, as the RFC asks. Never fails.
RobotsRules ParseRobots(std::string_view body, std::string_view product_token);

// Whether `path` matches a robots.txt `pattern` from its start (`*` matches any run of bytes, a
// final `$` anchors the end). Both are expected percent-encoding normalised.
bool RobotsPatternMatches(std::string_view pattern, std::string_view path);

}  // namespace newsloom::fetch

#endif  // NEWSLOOM_FETCH_ROBOTS_H_
