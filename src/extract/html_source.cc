#include "extract/html_source.h"

#include <cstring>
#include <string>

#include "text/normalize.h"

namespace newsloom::extract {
namespace {

// Case-insensitive: does `s` continue at `i` with the lower-case ASCII `word`?
bool StartsWithNoCase(std::string_view s, size_t i, std::string_view word) {
  if (s.size() - i < word.size()) return false;
  for (size_t k = 0; k < word.size(); ++k) {
    char c = s[i + k];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != word[k]) return false;
  }
  return true;
}

bool ContainsNoCase(std::string_view s, std::string_view word) {
  for (size_t k = 0; k + word.size() <= s.size(); ++k) {
    if (StartsWithNoCase(s, k, word)) return true;
  }
  return false;
}

// The first "<word" at or after `from`, case-insensitive.
size_t FindTagNoCase(std::string_view s, size_t from, std::string_view word) {
  for (size_t i = s.find('<', from); i != std::string_view::npos; i = s.find('<', i + 1)) {
    if (StartsWithNoCase(s, i, word)) return i;
  }
  return std::string_view::npos;
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Runs of whitespace inside a start tag: one more than its attributes, or more when values hold
// spaces.
uint64_t SpaceRuns(std::string_view tag) {
  uint64_t runs = 0;
  bool in_space = false;
  for (char c : tag) {
    const bool space = IsSpace(c);
    runs += space && !in_space;
    in_space = space;
  }
  return runs;
}

// JSON objects assigned to `window.__NAME__` in a script.
void CollectStateAssignments(std::string_view script, std::vector<std::string>* out) {
  constexpr std::string_view kWindow = "window.__";
  for (size_t p = script.find(kWindow); p != std::string_view::npos;
       p = script.find(kWindow, p + 1)) {
    size_t i = p + kWindow.size();
    while (i < script.size() && (IsAsciiLetter(script[i]) || script[i] == '_')) ++i;
    if (i < p + kWindow.size() + 3 || script.compare(i - 2, 2, "__") != 0) continue;
    while (i < script.size() && IsSpace(script[i])) ++i;
    if (i >= script.size() || script[i] != '=') continue;
    ++i;
    while (i < script.size() && IsSpace(script[i])) ++i;
    if (i >= script.size() || script[i] != '{') continue;
    const std::string_view json = BalancedJson(script, i);
    if (!json.empty()) out->emplace_back(json);
  }
}

// Reads the raw-text element starting at html[lt] (its open tag ends at `open_end`) into `out`.
// Returns where reading goes on.
size_t SetAside(std::string_view html, size_t lt, size_t open_end, std::string_view close_tag,
                HtmlSource* out) {
  const std::string_view open = html.substr(lt, open_end + 1 - lt);
  const size_t close = FindTagNoCase(html, open_end + 1, close_tag);
  const size_t content_end = close == std::string_view::npos ? html.size() : close;
  const std::string_view content = html.substr(open_end + 1, content_end - (open_end + 1));
  const bool script = close_tag == "</script";
  if (script && ContainsNoCase(open, "ld+json")) {
    out->json_ld.emplace_back(content);
  } else if (script && ContainsNoCase(open, "application/json")) {
    const std::string_view json = text::Trim(content);
    if (!json.empty() && (json.front() == '{' || json.front() == '[')) {
      out->page_state.emplace_back(json);
    }
  } else if (script) {
    CollectStateAssignments(content, &out->page_state);
  }
  // Client-side templates with placeholders ({{name}}, <%= name %>) are code, not the article.
  const bool unwrap = script && ContainsNoCase(open, "text/template") &&
                      content.find("<p") != std::string_view::npos &&
                      content.find("{{") == std::string_view::npos &&
                      content.find("<%") == std::string_view::npos;
  if (unwrap) {
    out->markup.append(content);
    if (close == std::string_view::npos) return html.size();
    const size_t gt = html.find('>', close);
    return gt == std::string_view::npos ? html.size() : gt + 1;
  }
  out->markup.append(open);
  return content_end;
}

}  // namespace

std::string_view BalancedJson(std::string_view text, size_t begin) {
  if (begin >= text.size() || (text[begin] != '{' && text[begin] != '[')) return {};
  int depth = 0;
  bool in_string = false;
  for (size_t i = begin; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      ++depth;
    } else if (c == '}' || c == ']') {
      if (--depth == 0) return text.substr(begin, i + 1 - begin);
    }
  }
  return {};
}

HtmlSource PrepareHtml(std::string_view html) {
  HtmlSource out;
  out.markup.reserve(html.size());
  size_t i = 0;
  size_t counted_until = 0;  // start tags overlapping one already counted are not counted again
  size_t next_gt = 0;        // the first '>' at or after the last search (npos: none left)
  while (i < html.size()) {
    const size_t lt = html.find('<', i);
    if (lt == std::string_view::npos) break;
    out.markup.append(html, i, lt - i);
    i = lt;
    if (html.compare(i, 4, "<!--") == 0) {
      const size_t end = html.find("-->", i + 4);
      i = end == std::string_view::npos ? html.size() : end + 3;
      continue;
    }
    if (next_gt != std::string_view::npos && next_gt < lt) next_gt = html.find('>', lt);
    if (lt + 1 < html.size() && IsAsciiLetter(html[lt + 1]) && lt >= counted_until &&
        next_gt != std::string_view::npos) {
      const uint64_t runs = SpaceRuns(html.substr(lt, next_gt - lt));
      out.attribute_work += runs * runs;
      counted_until = next_gt;
    }
    std::string_view close_tag;
    // Most tags cannot start a raw-text element: their name does not begin with 's' or 'n'.
    const char second = i + 1 < html.size() ? html[i + 1] : '\0';
    const bool maybe_raw = second == 's' || second == 'S' || second == 'n' || second == 'N';
    if (maybe_raw && StartsWithNoCase(html, i, "<script")) {
      close_tag = "</script";
    } else if (maybe_raw && StartsWithNoCase(html, i, "<style")) {
      close_tag = "</style";
    } else if (maybe_raw && StartsWithNoCase(html, i, "<noscript")) {
      close_tag = "</noscript";
    } else if (maybe_raw && StartsWithNoCase(html, i, "<svg")) {
      close_tag = "</svg";  // drawings: their text is never read, their paths are long
    }
    const size_t name_end = i + (close_tag.size() - 1);
    if (close_tag.empty() || name_end >= html.size() ||
        !(IsSpace(html[name_end]) || html[name_end] == '>' || html[name_end] == '/')) {
      out.markup.push_back('<');
      ++i;
      continue;
    }
    if (next_gt == std::string_view::npos) break;
    i = SetAside(html, i, next_gt, close_tag, &out);
  }
  if (i < html.size()) out.markup.append(html, i, html.size() - i);
  // The parser takes a NUL byte for the end of the input; browsers drop it.
  std::erase(out.markup, '\0');
  return out;
}

}  // namespace newsloom::extract
