#include "fetch/robots.h"

#include <charconv>
#include <cmath>
#include <string>

#include "fetch/url.h"
#include "text/chars.h"
#include "text/lines.h"

namespace newsloom::fetch {
namespace {

// The product token at the start of a user-agent value ("Newsloom/1.2 (+url)" -> "newsloom").
std::string ProductToken(std::string_view value) {
  size_t n = 0;
  while (n < value.size()) {
    const char c = value[n];
    const bool token_char =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '_' || c == '*';
    if (!token_char) break;
    ++n;
  }
  return text::AsciiLower(value.substr(0, n));
}

std::optional<double> ParseDelay(std::string_view value) {
  double seconds = 0;
  const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), seconds);
  if (error != std::errc() || end == value.data() || !std::isfinite(seconds) || seconds < 0) {
    return std::nullopt;
  }
  return seconds;
}

struct Group {
  std::vector<std::string> agents;
  std::vector<RobotsRule> rules;
  std::optional<double> crawl_delay;
};

enum class Key { kUserAgent, kAllow, kDisallow, kCrawlDelay, kSitemap, kOther };

Key KeyOf(std::string_view name) {
  const std::string key = text::AsciiLower(text::TrimAscii(name));
  if (key == "user-agent" || key == "useragent" || key == "user agent") return Key::kUserAgent;
  if (key == "allow") return Key::kAllow;
  if (key == "disallow" || key == "dissallow" || key == "disalow") return Key::kDisallow;
  if (key == "crawl-delay" || key == "crawldelay") return Key::kCrawlDelay;
  if (key == "sitemap" || key == "site-map") return Key::kSitemap;
  return Key::kOther;
}

std::vector<Group> ReadGroups(std::string_view body, std::vector<std::string>* sitemaps) {
  std::vector<Group> groups;
  bool in_agent_lines = false;  // the last meaningful line was a user-agent line
  for (std::string_view line : text::SplitLines(body, "\r\n")) {
    line = text::TrimAscii(line.substr(0, line.find('#')));
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    const Key key = KeyOf(line.substr(0, colon));
    const std::string_view value = text::TrimAscii(line.substr(colon + 1));
    switch (key) {
      case Key::kUserAgent:
        if (!in_agent_lines) groups.emplace_back();
        groups.back().agents.push_back(ProductToken(value));
        in_agent_lines = true;
        break;
      case Key::kAllow:
      case Key::kDisallow:
        in_agent_lines = false;
        // Rules before the first user-agent line belong to no group. An empty pattern matches
        // nothing (RFC 9309, 2.2.2).
        if (!groups.empty() && !value.empty()) {
          groups.back().rules.push_back({key == Key::kAllow, NormalizePercentEncoding(value)});
        }
        break;
      case Key::kCrawlDelay:
        in_agent_lines = false;
        if (!groups.empty()) {
          if (auto delay = ParseDelay(value)) groups.back().crawl_delay = delay;
        }
        break;
      case Key::kSitemap:
        if (!value.empty()) sitemaps->emplace_back(value);
        break;
      case Key::kOther:
        break;
    }
  }
  return groups;
}

}  // namespace

bool RobotsPatternMatches(std::string_view pattern, std::string_view path) {
  const bool anchored = !pattern.empty() && pattern.back() == '$';
  if (anchored) pattern.remove_suffix(1);
  // Glob matching with backtracking to the last `*`: linear for patterns with one star, at worst
  // pattern length times path length.
  size_t p = 0, s = 0;
  size_t star = std::string_view::npos, star_s = 0;
  while (true) {
    if (p == pattern.size() && (!anchored || s == path.size())) return true;
    if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      star_s = s;
    } else if (p < pattern.size() && s < path.size() && pattern[p] == path[s]) {
      ++p;
      ++s;
    } else if (star != std::string_view::npos && star_s < path.size()) {
      p = star + 1;
      s = ++star_s;
    } else {
      return false;
    }
  }
}

bool RobotsRules::Allowed(std::string_view path_and_query) const {
  const std::string path = NormalizePercentEncoding(path_and_query);
  if (path == "/robots.txt") return true;
  size_t best_length = 0;
  bool best_allow = true;
  bool matched = false;
  for (const RobotsRule& rule : rules) {
    if (!RobotsPatternMatches(rule.pattern, path)) continue;
    const size_t length = rule.pattern.size();
    if (!matched || length > best_length || (length == best_length && rule.allow)) {
      best_length = length;
      best_allow = rule.allow;
      matched = true;
    }
  }
  return best_allow;
}

RobotsRules ParseRobots(std::string_view body, std::string_view product_token) {
  if (body.size() > kMaxRobotsBytes) body = body.substr(0, kMaxRobotsBytes);
  if (body.substr(0, 3) == "\xef\xbb\xbf") body.remove_prefix(3);
  RobotsRules out;
  const std::vector<Group> groups = ReadGroups(body, &out.sitemaps);
  const std::string token = text::AsciiLower(product_token);
  for (const std::string_view wanted : {std::string_view(token), std::string_view("*")}) {
    bool any = false;
    for (const Group& group : groups) {
      bool applies = false;
      for (const std::string& agent : group.agents) applies = applies || agent == wanted;
      if (!applies) continue;
      any = true;
      out.rules.insert(out.rules.end(), group.rules.begin(), group.rules.end());
      if (group.crawl_delay &&
          (!out.crawl_delay_seconds || *group.crawl_delay > *out.crawl_delay_seconds)) {
        out.crawl_delay_seconds = group.crawl_delay;
      }
    }
    if (any) break;
  }
  return out;
}

}  // namespace newsloom::fetch
