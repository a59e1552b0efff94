#include "extract/site.h"

#include <libpsl.h>

#include <algorithm>
#include <vector>

#include "text/normalize.h"

namespace newsloom::extract {
namespace {

// Letters and digits only, lower case: "The Daily Star" and "thedailystar" have one key.
std::string NameKey(std::string_view s) {
  std::string key;
  for (const std::string& w : text::Words(s)) {
    for (char c : w) {
      if (c != '\'') key.push_back(c);
    }
  }
  return key;
}

std::string_view Host(std::string_view url) {
  const size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return {};
  std::string_view rest = url.substr(scheme + 3);
  rest = rest.substr(0, rest.find_first_of("/?#"));
  if (const size_t at = rest.rfind('@'); at != std::string_view::npos) rest = rest.substr(at + 1);
  return rest.substr(0, rest.find(':'));
}

// Whether a part of a title names the site: its key is the outlet's or the domain's label, or
// one holds the other ("Daily Star" in "thedailystar").
bool NamesSite(std::string_view part, const std::string& outlet_key,
               const std::string& domain_key) {
  const std::string key = NameKey(part);
  if (key.size() < 3) return false;
  for (const std::string* site : {&outlet_key, &domain_key}) {
    if (site->empty()) continue;
    if (key == *site) return true;
    if (key.size() >= 5 && site->size() >= 5 &&
        (site->find(key) != std::string::npos || key.find(*site) != std::string::npos)) {
      return true;
    }
  }
  return false;
}

// Drops a trailing "read more" (with the dots, arrows and separators around it).
std::string_view WithoutReadMore(std::string_view title) {
  std::string_view t = text::Trim(title);
  auto is_tail_punct = [](char c) {
    return c == '.' || c == '>' || c == '-' || c == '|' || c == ':' || c == '(' || c == ')' ||
           c == '[' || c == ']' || c == ' ' || c == '\t';
  };
  auto strip_tail = [&](std::string_view s) {
    for (;;) {
      while (!s.empty() && is_tail_punct(s.back())) s.remove_suffix(1);
      // UTF-8 ellipsis, guillemet and arrows.
      bool again = false;
      for (std::string_view mark : {"\xe2\x80\xa6", "\xc2\xbb", "\xe2\x86\x92", "\xe2\x80\xba"}) {
        if (s.size() >= mark.size() && s.substr(s.size() - mark.size()) == mark) {
          s.remove_suffix(mark.size());
          again = true;
        }
      }
      if (!again) return s;
    }
  };
  std::string_view stripped = strip_tail(t);
  const std::string norm = text::NormalizeForCompare(stripped);
  for (std::string_view tail : {"read more", "continue reading", "read full story"}) {
    if (norm.size() > tail.size() + 8 &&
        norm.compare(norm.size() - tail.size(), tail.size(), tail) == 0) {
      // The tail is ASCII in both forms, so the byte counts agree.
      return strip_tail(stripped.substr(0, stripped.size() - tail.size()));
    }
  }
  return t;
}

using Separators = std::vector<std::string_view>;
const Separators kStrongSeparators = {" | ", " :: ", " \xc2\xbb ", " \xe2\x80\x94 "};
const Separators kWeakSeparators = {" - ", " \xe2\x80\x93 ", ": "};

}  // namespace

std::string RegistrableDomain(std::string_view url) {
  std::string host(Host(url));
  if (host.empty()) return "";
  std::transform(host.begin(), host.end(), host.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (!host.empty() && host.back() == '.') host.pop_back();
  static const psl_ctx_t* const psl = psl_builtin();
  const char* domain = psl ? psl_registrable_domain(psl, host.c_str()) : nullptr;
  return domain ? std::string(domain) : host;
}

std::string LeadingUrl(std::string_view text) {
  size_t pos = 0;
  while (pos < text.size()) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    const std::string_view line = text::Trim(text.substr(pos, eol - pos));
    pos = eol + 1;
    if (line.empty()) continue;
    const bool url = (line.rfind("http://", 0) == 0 || line.rfind("https://", 0) == 0) &&
                     line.find_first_of(" \t") == std::string_view::npos && !Host(line).empty();
    return url ? std::string(line) : "";
  }
  return "";
}

std::string CleanTitle(std::string_view title, std::string_view outlet, std::string_view domain) {
  std::string_view t = WithoutReadMore(title);
  const std::string outlet_key = NameKey(outlet);
  // The domain's own label: "thedailystar" of "thedailystar.net".
  const std::string domain_key = NameKey(domain.substr(0, domain.find('.')));
  auto words = [](std::string_view s) { return text::Words(s).size(); };
  // Prefixes: "Site: Title", "Site | Title".
  for (const Separators* seps : {&kStrongSeparators, &kWeakSeparators}) {
    for (std::string_view sep : *seps) {
      const size_t p = t.find(sep);
      if (p == std::string_view::npos || p == 0) continue;
      const std::string_view head = t.substr(0, p), rest = text::Trim(t.substr(p + sep.size()));
      if (words(rest) >= 2 && NamesSite(head, outlet_key, domain_key)) t = rest;
    }
  }
  // Suffixes: "Title | Site", "Title - Site"; after a strong separator any short tail.
  for (int strong = 1; strong >= 0; --strong) {
    const Separators& seps = strong ? kStrongSeparators : kWeakSeparators;
    for (std::string_view sep : seps) {
      const size_t p = t.rfind(sep);
      if (p == std::string_view::npos || p == 0) continue;
      const std::string_view head = text::Trim(t.substr(0, p)), tail = t.substr(p + sep.size());
      if (words(head) < 2) continue;
      if (NamesSite(tail, outlet_key, domain_key) || (strong && words(tail) <= 4)) t = head;
    }
  }
  return std::string(WithoutReadMore(t));
}

}  // namespace newsloom::extract
