#include "extract/html.h"

#include <gumbo.h>

#include <algorithm>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "extract/dates.h"
#include "extract/plain_text.h"
#include "text/normalize.h"
#include "text/stopwords.h"

namespace newsloom::extract {
namespace {

// One block of visible text, in document order.
struct Block {
  std::string text;
  size_t link_chars = 0;
  GumboTag tag = GUMBO_TAG_UNKNOWN;         // the block element that holds it
  std::vector<const GumboNode*> ancestors;  // element ancestors, innermost last
  std::string bad_hint;  // why an ancestor marks it as furniture ("navigation", "comments", ...)
  bool caption = false;  // inside <figure> or <figcaption>
  bool heading = false;
};

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

const char* Attr(const GumboNode* node, const char* name) {
  if (node->type != GUMBO_NODE_ELEMENT) return nullptr;
  const GumboAttribute* a = gumbo_get_attribute(&node->v.element.attributes, name);
  return a ? a->value : nullptr;
}

bool Contains(std::string_view s, std::string_view p) {
  return s.find(p) != std::string_view::npos;
}

// Class and id words that mark site furniture, and the reason they give.
std::string NegativeHint(const GumboNode* node) {
  const GumboTag tag = node->v.element.tag;
  switch (tag) {
    case GUMBO_TAG_NAV:
      return "navigation";
    case GUMBO_TAG_FOOTER:
      return "footer";
    case GUMBO_TAG_ASIDE:
      return "aside";
    case GUMBO_TAG_HEADER:
      // An <article>'s own header holds its headline and lead, not the site's masthead.
      for (const GumboNode* p = node->parent; p != nullptr; p = p->parent) {
        if (p->type == GUMBO_NODE_ELEMENT && p->v.element.tag == GUMBO_TAG_ARTICLE) return "";
      }
      return "header";
    default:
      break;
  }
  // Page-wide wrappers carry every theme word in their classes ("right-sidebar nav-below-header").
  if (tag == GUMBO_TAG_HTML || tag == GUMBO_TAG_BODY || tag == GUMBO_TAG_MAIN ||
      tag == GUMBO_TAG_ARTICLE) {
    return "";
  }
  if (const char* r = Attr(node, "role")) {
    const std::string role = Lower(r);
    if (role == "navigation" || role == "banner" || role == "contentinfo" ||
        role == "complementary") {
      return "navigation";
    }
  }
  std::string hints;
  if (const char* c = Attr(node, "class")) hints += Lower(c);
  hints += ' ';
  if (const char* i = Attr(node, "id")) hints += Lower(i);
  if (hints.size() <= 1) return "";
  // Class and id words, cut at spaces, dashes and underscores; a hint matches the start of a word.
  std::vector<std::string> parts;
  std::string cur;
  for (char c : hints) {
    if (c == ' ' || c == '-' || c == '_') {
      if (!cur.empty()) parts.push_back(std::move(cur));
      cur.clear();
    } else {
      cur.push_back(c);
    }
  }
  if (!cur.empty()) parts.push_back(std::move(cur));
  struct Hint {
    std::string_view word;
    std::string_view reason;
  };
  static constexpr Hint kHints[] = {
      {"comments", "comments"},     {"commentlist", "comments"},
      {"commentform", "comments"},  {"disqus", "comments"},
      {"navigation", "navigation"}, {"respond", "comments"},
      {"related", "related-links"}, {"recommend", "related-links"},
      {"popular", "related-links"}, {"trending", "related-links"},
      {"teaser", "related-links"},  {"share", "share"},
      {"social", "share"},          {"sharing", "share"},
      {"socializer", "share"},      {"footer", "footer"},
      {"sidebar", "aside"},         {"widget", "aside"},
      {"navbar", "navigation"},     {"nav", "navigation"},
      {"menu", "navigation"},       {"breadcrumb", "breadcrumb"},
      {"pagination", "navigation"}, {"masthead", "header"},
      {"promo", "advertisement"},   {"advert", "advertisement"},
      {"sponsor", "advertisement"}, {"ad", "advertisement"},
      {"ads", "advertisement"},     {"newsletter", "newsletter"},
      {"subscribe", "newsletter"},  {"cookie", "cookie-notice"},
      {"consent", "cookie-notice"}, {"popup", "popup"},
      {"modal", "popup"},           {"tags", "tags"},
      {"author", "author-bio"},     {"byline", "byline"},
  };
  for (const Hint& h : kHints) {
    for (const std::string& p : parts) {
      // Short words and "comment" ("commentary" is an article genre) must match whole.
      const bool exact_only = h.word.size() <= 3;
      if (exact_only ? p == h.word : p.rfind(h.word, 0) == 0) return std::string(h.reason);
      if (p == "comment") return "comments";
    }
  }
  return "";
}

int PositiveHint(const GumboNode* node) {
  const GumboTag tag = node->v.element.tag;
  int score = 0;
  if (tag == GUMBO_TAG_ARTICLE) score += 25;
  if (tag == GUMBO_TAG_MAIN) score += 15;
  std::string hints;
  if (const char* c = Attr(node, "class")) hints += Lower(c);
  hints += ' ';
  if (const char* i = Attr(node, "id")) hints += Lower(i);
  if (const char* p = Attr(node, "itemprop")) hints += Lower(p);
  for (std::string_view w : {"article", "content", "entry", "post", "story", "body", "main", "text",
                             "articlebody", "blog"}) {
    if (Contains(hints, w)) {
      score += 25;
      break;
    }
  }
  return score;
}

bool IsBlockTag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_BR:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_BODY:
      return true;
    default:
      return false;
  }
}

bool IsSkippedTag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_OPTION:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_INPUT:
      return true;
    default:
      return false;
  }
}

bool IsHeadingTag(GumboTag tag) {
  return tag == GUMBO_TAG_H1 || tag == GUMBO_TAG_H2 || tag == GUMBO_TAG_H3 || tag == GUMBO_TAG_H4 ||
         tag == GUMBO_TAG_H5 || tag == GUMBO_TAG_H6;
}

std::string CollapseSpace(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return std::string(text::Trim(out));
}

// Whether the element is marked as the container of the article's text, by schema.org markup
// or by the class names of the common publishing systems.
bool IsArticleBodyMarker(const GumboNode* node) {
  if (const char* ip = Attr(node, "itemprop")) {
    const std::string prop = Lower(ip);
    if (prop == "articlebody" || prop == "text") return true;
  }
  const char* c = Attr(node, "class");
  if (c == nullptr) return false;
  const std::string classes = Lower(c);
  for (std::string_view marker : {"entry-content", "article-body", "articlebody", "post-content",
                                  "post-body", "story-body", "article-content"}) {
    if (Contains(classes, marker)) return true;
  }
  return false;
}

// What the segmenter needs to know about each element before believing a furniture hint on it.
struct ElementFacts {
  size_t text_bytes = 0;    // visible text under it
  bool holds_body = false;  // it is, or holds, the marked article-body container
};

// Visible text bytes under each element, so that a furniture hint on an element holding most of
// the page (Blogger's "widget Blog" around the post) is not believed; likewise for an element
// that holds the marked article body (a wrapper named "...-sidebar-right" around the post).
ElementFacts Facts(const GumboNode* node, std::unordered_map<const GumboNode*, ElementFacts>* facts,
                   int depth) {
  ElementFacts f;
  if (depth > 400) return f;
  if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA) {
    f.text_bytes = CollapseSpace(node->v.text.text).size();
    return f;
  }
  if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_DOCUMENT) return f;
  const GumboVector* children =
      node->type == GUMBO_NODE_DOCUMENT ? &node->v.document.children : &node->v.element.children;
  if (node->type == GUMBO_NODE_ELEMENT && IsSkippedTag(node->v.element.tag)) return f;
  for (unsigned i = 0; i < children->length; ++i) {
    const ElementFacts c =
        Facts(static_cast<const GumboNode*>(children->data[i]), facts, depth + 1);
    f.text_bytes += c.text_bytes;
    f.holds_body = f.holds_body || c.holds_body;
  }
  if (node->type == GUMBO_NODE_ELEMENT && IsArticleBodyMarker(node)) f.holds_body = true;
  (*facts)[node] = f;
  return f;
}

// Cuts the DOM into blocks the way a browser lays out block elements.
class Segmenter {
 public:
  explicit Segmenter(const GumboNode* document) { total_ = Facts(document, &facts_, 0).text_bytes; }

  // The furniture hint of `node`, unless the node holds most of the page's text.
  std::string Hint(const GumboNode* node) const {
    std::string hint = NegativeHint(node);
    if (hint.empty()) return hint;
    auto it = facts_.find(node);
    if (it == facts_.end()) return hint;
    if (it->second.text_bytes > 0.4 * static_cast<double>(total_)) return "";
    // The body container itself may carry a misleading word ("post-content social-ready"), and
    // so may a wrapper around it, unless the hint is about comments (a comment may hold markup
    // copied from an article).
    if (it->second.holds_body && hint != "comments") return "";
    return hint;
  }

  std::vector<Block> Run(const GumboNode* root) {
    Walk(root, 0, false);
    Flush();
    return std::move(blocks_);
  }

 private:
  void Flush() {
    std::string text = CollapseSpace(current_);
    if (!text.empty()) {
      Block b;
      b.text = std::move(text);
      b.link_chars = std::min(link_chars_, b.text.size());
      b.tag = block_tags_.empty() ? GUMBO_TAG_BODY : block_tags_.back();
      b.ancestors = path_;
      for (const auto& [node, reason] : bad_) {
        if (!reason.empty()) {
          b.bad_hint = reason;
          break;
        }
      }
      b.caption = figure_depth_ > 0;
      b.heading = IsHeadingTag(b.tag);
      blocks_.push_back(std::move(b));
    }
    current_.clear();
    link_chars_ = 0;
  }

  void Walk(const GumboNode* node, int depth, bool in_link) {
    if (depth > 400) return;  // pathological nesting: stop rather than exhaust the stack
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE ||
        node->type == GUMBO_NODE_CDATA) {
      const std::string_view t = node->v.text.text;
      current_ += t;
      if (in_link) link_chars_ += CollapseSpace(t).size();
      return;
    }
    if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_DOCUMENT) return;
    const GumboVector* children =
        node->type == GUMBO_NODE_DOCUMENT ? &node->v.document.children : &node->v.element.children;
    if (node->type == GUMBO_NODE_ELEMENT) {
      const GumboTag tag = node->v.element.tag;
      if (IsSkippedTag(tag)) return;
      if (const char* hidden = Attr(node, "hidden"); hidden != nullptr) return;
      if (const char* aria = Attr(node, "aria-hidden"); aria && std::string_view(aria) == "true")
        return;
      const bool block = IsBlockTag(tag);
      if (block) {
        Flush();
        current_.push_back(' ');
      }
      path_.push_back(node);
      bad_.emplace_back(node, Hint(node));
      if (block) block_tags_.push_back(tag);
      const bool figure = tag == GUMBO_TAG_FIGURE || tag == GUMBO_TAG_FIGCAPTION;
      if (figure) ++figure_depth_;
      const bool link = in_link || tag == GUMBO_TAG_A;
      for (unsigned i = 0; i < children->length; ++i) {
        Walk(static_cast<const GumboNode*>(children->data[i]), depth + 1, link);
      }
      if (block) Flush();
      if (figure) --figure_depth_;
      if (block) block_tags_.pop_back();
      bad_.pop_back();
      path_.pop_back();
      if (!block && (tag == GUMBO_TAG_IMG)) current_.push_back(' ');
      return;
    }
    for (unsigned i = 0; i < children->length; ++i) {
      Walk(static_cast<const GumboNode*>(children->data[i]), depth + 1, in_link);
    }
  }

  std::unordered_map<const GumboNode*, ElementFacts> facts_;
  size_t total_ = 0;
  std::vector<Block> blocks_;
  std::string current_;
  size_t link_chars_ = 0;
  std::vector<const GumboNode*> path_;
  std::vector<std::pair<const GumboNode*, std::string>> bad_;
  std::vector<GumboTag> block_tags_;
  int figure_depth_ = 0;
};

// Metadata from <head>, JSON-LD and the first <h1> and <time>.
struct Meta {
  std::string title_tag;
  std::string h1;
  std::map<std::string, std::string> meta;  // lower-case property/name/itemprop -> content
  std::string time_datetime;
  std::string ld_headline, ld_published, ld_author, ld_publisher;
};

std::string TextOf(const GumboNode* node) {
  if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE)
    return node->v.text.text;
  if (node->type != GUMBO_NODE_ELEMENT) return "";
  if (IsSkippedTag(node->v.element.tag) && node->v.element.tag != GUMBO_TAG_HEAD) return "";
  std::string out;
  const GumboVector& ch = node->v.element.children;
  for (unsigned i = 0; i < ch.length; ++i) out += TextOf(static_cast<const GumboNode*>(ch.data[i]));
  return out;
}

std::string RawScriptText(const GumboNode* node) {
  std::string out;
  const GumboVector& ch = node->v.element.children;
  for (unsigned i = 0; i < ch.length; ++i) {
    const auto* c = static_cast<const GumboNode*>(ch.data[i]);
    if (c->type == GUMBO_NODE_TEXT || c->type == GUMBO_NODE_CDATA ||
        c->type == GUMBO_NODE_WHITESPACE) {
      out += c->v.text.text;
    }
  }
  return out;
}

std::string JsonName(const nlohmann::json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_object() && v.contains("name") && v["name"].is_string())
    return v["name"].get<std::string>();
  if (v.is_array()) {
    std::string out;
    for (const auto& e : v) {
      std::string n = JsonName(e);
      if (n.empty()) continue;
      if (!out.empty()) out += ", ";
      out += n;
    }
    return out;
  }
  return "";
}

void ReadJsonLd(const nlohmann::json& j, Meta* meta, int depth) {
  if (depth > 8) return;
  if (j.is_array()) {
    for (const auto& e : j) ReadJsonLd(e, meta, depth + 1);
    return;
  }
  if (!j.is_object()) return;
  if (meta->ld_published.empty() && j.contains("datePublished") && j["datePublished"].is_string()) {
    meta->ld_published = j["datePublished"].get<std::string>();
  }
  if (meta->ld_headline.empty() && j.contains("headline") && j["headline"].is_string()) {
    meta->ld_headline = j["headline"].get<std::string>();
  }
  if (meta->ld_author.empty() && j.contains("author")) meta->ld_author = JsonName(j["author"]);
  if (meta->ld_publisher.empty() && j.contains("publisher"))
    meta->ld_publisher = JsonName(j["publisher"]);
  if (j.contains("@graph")) ReadJsonLd(j["@graph"], meta, depth + 1);
  if (j.contains("mainEntity")) ReadJsonLd(j["mainEntity"], meta, depth + 1);
}

// The string value that follows `key` and a colon in JSON text that may not parse as a whole.
std::string QuotedValueAfter(std::string_view json, std::string_view key) {
  const size_t k = json.find(key);
  if (k == std::string_view::npos) return "";
  size_t i = json.find_first_not_of(" \t\r\n", k + key.size());
  if (i == std::string_view::npos || json[i] != ':') return "";
  i = json.find_first_not_of(" \t\r\n", i + 1);
  if (i == std::string_view::npos || json[i] != '"') return "";
  const size_t end = json.find('"', i + 1);
  if (end == std::string_view::npos || end - i > 64) return "";
  return std::string(json.substr(i + 1, end - i - 1));
}

void CollectMeta(const GumboNode* node, Meta* meta, int depth) {
  if (depth > 400 || node->type != GUMBO_NODE_ELEMENT) return;
  const GumboTag tag = node->v.element.tag;
  if (tag == GUMBO_TAG_TITLE && meta->title_tag.empty()) {
    meta->title_tag = CollapseSpace(TextOf(node));
  } else if (tag == GUMBO_TAG_H1 && meta->h1.empty()) {
    meta->h1 = CollapseSpace(TextOf(node));
  } else if (tag == GUMBO_TAG_META) {
    const char* key = Attr(node, "property");
    if (!key) key = Attr(node, "name");
    if (!key) key = Attr(node, "itemprop");
    const char* content = Attr(node, "content");
    if (key && content) meta->meta.emplace(Lower(key), CollapseSpace(content));
  } else if (tag == GUMBO_TAG_TIME && meta->time_datetime.empty()) {
    if (const char* dt = Attr(node, "datetime")) meta->time_datetime = dt;
  } else if (tag == GUMBO_TAG_SCRIPT) {
    const char* type = Attr(node, "type");
    if (type && Lower(type) == "application/ld+json") {
      const std::string raw = RawScriptText(node);
      nlohmann::json j = nlohmann::json::parse(raw, nullptr, /*allow_exceptions=*/false);
      if (!j.is_discarded()) {
        ReadJsonLd(j, meta, 0);
      } else if (meta->ld_published.empty()) {
        // Hand-written JSON-LD is often invalid (a trailing comma, an unescaped quote); its
        // date is still the publisher's own statement.
        meta->ld_published = QuotedValueAfter(raw, "\"datePublished\"");
      }
    }
    return;
  }
  if (const char* ip = Attr(node, "itemprop"); ip && Lower(ip) == "datepublished") {
    const char* v = Attr(node, "datetime");
    if (!v) v = Attr(node, "content");
    if (!v) v = Attr(node, "title");  // <abbr itemprop="datePublished" title="2019-10-16T14:33">
    if (v) {
      meta->meta.emplace("itemprop:datepublished", v);
    } else if (std::string text = CollapseSpace(TextOf(node)); text.size() <= 80) {
      meta->meta.emplace("itemprop:datepublished", std::move(text));  // <span ...>May 19, 2020
    }
  }
  const GumboVector& ch = node->v.element.children;
  for (unsigned i = 0; i < ch.length; ++i)
    CollectMeta(static_cast<const GumboNode*>(ch.data[i]), meta, depth + 1);
}

std::string MetaValue(const Meta& meta, std::initializer_list<std::string_view> keys) {
  for (std::string_view k : keys) {
    auto it = meta.meta.find(std::string(k));
    if (it != meta.meta.end() && !it->second.empty()) return it->second;
  }
  return "";
}

// "Headline | Site" -> "Headline": drops a short site name after a separator.
std::string StripSiteSuffix(const std::string& title, std::string* site) {
  for (std::string_view sep :
       {" | ", " - ", " \xe2\x80\x93 ", " \xe2\x80\x94 ", " :: ", " \xc2\xbb "}) {
    const size_t p = title.rfind(sep);
    if (p == std::string::npos || p == 0) continue;
    const std::string tail = title.substr(p + sep.size());
    if (text::Words(tail).size() <= 4 && text::Words(title.substr(0, p)).size() >= 2) {
      if (site) *site = std::string(text::Trim(tail));
      return std::string(text::Trim(title.substr(0, p)));
    }
  }
  return title;
}

// The day of a metadata date. A UTC timestamp of exactly 22:00 or 23:00 is a date without a time,
// stored as the publisher's local midnight in Central Europe: its day is the next one.
std::optional<Date> PublisherDay(std::string_view value) {
  std::optional<Date> day = ParseDate(value);
  if (!day) return day;
  const size_t t = value.find('T');
  if (t == std::string_view::npos || t != 10) return day;
  std::string_view time = text::Trim(value.substr(t + 1));
  const bool utc = time.ends_with("Z") || time.ends_with("+00:00") || time.ends_with("+0000");
  if (!utc) return day;
  for (std::string_view midnight : {"22:00", "23:00"}) {
    if (!time.starts_with(midnight)) continue;
    // Only zeros may follow the hour and minute ("23:00:00.000Z").
    const std::string_view rest = time.substr(midnight.size());
    const size_t zone = rest.find_first_of("Z+");
    if (rest.substr(0, zone).find_first_not_of(":0.") == std::string_view::npos)
      return day->AddDays(1);
  }
  return day;
}

// Blocks outside the main region shorter than this are not taken in as running text.
constexpr size_t kMinRunningTextBytes = 100;
constexpr size_t kMinSentenceBytes = 60;
constexpr size_t kMaxTrailingLineBytes = 40;

}  // namespace

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

size_t FindNoCase(std::string_view s, size_t from, std::string_view word) {
  for (size_t i = s.find('<', from); i != std::string_view::npos; i = s.find('<', i + 1)) {
    if (StartsWithNoCase(s, i, word)) return i;
  }
  return std::string_view::npos;
}

// The page without what no extraction step reads: comments and the contents of <style>, of
// <noscript> and of scripts other than JSON-LD. They are a large share of the bytes of modern pages
// and the parser spends its time in proportion to bytes. Elements stay (empty) so the tree keeps
// its shape. A browser that runs scripts reads <noscript> as raw text, so markup inside it (an
// unclosed <div>) must not swallow the rest of the page. A script holding an HTML template of the
// article (pages rendered on the client) is unwrapped: its markup is the article.
std::string WithoutScripts(std::string_view html) {
  std::string out;
  out.reserve(html.size());
  size_t i = 0;
  while (i < html.size()) {
    const size_t lt = html.find('<', i);
    if (lt == std::string_view::npos) break;
    out.append(html, i, lt - i);
    i = lt;
    if (html.compare(i, 4, "<!--") == 0) {
      const size_t end = html.find("-->", i + 4);
      i = end == std::string_view::npos ? html.size() : end + 3;
      continue;
    }
    std::string_view raw_tag;
    if (StartsWithNoCase(html, i, "<script"))
      raw_tag = "</script";
    else if (StartsWithNoCase(html, i, "<style"))
      raw_tag = "</style";
    else if (StartsWithNoCase(html, i, "<noscript"))
      raw_tag = "</noscript";
    const size_t name_end = i + (raw_tag.size() - 1);
    if (raw_tag.empty() || name_end >= html.size() ||
        !(html[name_end] == '>' || html[name_end] == ' ' || html[name_end] == '\t' ||
          html[name_end] == '\n' || html[name_end] == '\r' || html[name_end] == '/')) {
      out.push_back('<');
      ++i;
      continue;
    }
    const size_t open_end = html.find('>', i);
    if (open_end == std::string_view::npos) break;
    const std::string_view open = html.substr(i, open_end + 1 - i);
    const size_t close = FindNoCase(html, open_end + 1, raw_tag);
    const size_t content_end = close == std::string_view::npos ? html.size() : close;
    bool keep = false, unwrap = false;
    for (size_t k = 0; k + 7 <= open.size(); ++k) {
      if (StartsWithNoCase(open, k, "ld+json")) keep = true;
      if (StartsWithNoCase(open, k, "text/template")) unwrap = true;
    }
    const std::string_view content = html.substr(open_end + 1, content_end - (open_end + 1));
    // Client-side templates with placeholders ({{name}}, <%= name %>) are code, not the article.
    unwrap = unwrap && content.find("<p") != std::string_view::npos &&
             content.find("{{") == std::string_view::npos &&
             content.find("<%") == std::string_view::npos;
    if (unwrap) {
      out.append(content);
      i = close == std::string_view::npos ? html.size() : html.find('>', close);
      i = i == std::string_view::npos ? html.size() : i + 1;
      continue;
    }
    out.append(open);
    if (keep) out.append(content);
    i = content_end;
  }
  if (i < html.size()) out.append(html, i, html.size() - i);
  return out;
}

Status ExtractHtml(std::string_view html, std::string_view /*url*/, Article* article) {
  const std::string stripped = WithoutScripts(html);
  html = stripped;
  std::unique_ptr<GumboOutput, void (*)(GumboOutput*)> output(
      gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size()),
      [](GumboOutput* o) { gumbo_destroy_output(&kGumboDefaultOptions, o); });
  if (!output || !output->root) return Status::Corrupt("HTML could not be parsed");

  Meta meta;
  CollectMeta(output->root, &meta, 0);
  Segmenter segmenter(output->document);
  std::vector<Block> blocks = segmenter.Run(output->document);

  // Score elements by the running text their blocks hold (Readability's content score). When
  // furniture hints leave no text at all (an article inside a "sharing container"), the hints
  // are wrong for this page and the scoring runs again without them.
  std::unordered_map<const GumboNode*, double> score;
  const GumboNode* top = nullptr;
  double top_score = 0;
  for (int pass = 0; pass < 2 && top == nullptr; ++pass) {
    score.clear();
    for (const Block& b : blocks) {
      if (b.ancestors.empty() || (pass == 0 && !b.bad_hint.empty())) continue;
      const double link_density =
          b.text.empty() ? 1 : static_cast<double>(b.link_chars) / b.text.size();
      if (b.text.size() < 25 || link_density > 0.5) continue;
      const double commas = static_cast<double>(std::count(b.text.begin(), b.text.end(), ','));
      const double s = (1 + commas + std::min(b.text.size() / 100.0, 3.0)) * (1 - link_density);
      // The block element itself and its two nearest ancestors share the score.
      const size_t n = b.ancestors.size();
      const GumboNode* holder = b.ancestors[n - 1];
      // Text held directly by a generic container counts for the container.
      size_t start = n - 1;
      if (holder->v.element.tag == GUMBO_TAG_P || holder->v.element.tag == GUMBO_TAG_LI ||
          IsHeadingTag(holder->v.element.tag) || holder->v.element.tag == GUMBO_TAG_BLOCKQUOTE ||
          holder->v.element.tag == GUMBO_TAG_PRE || holder->v.element.tag == GUMBO_TAG_TD) {
        start = n >= 2 ? n - 2 : n - 1;
      }
      score[b.ancestors[start]] += s;
      if (start >= 1) score[b.ancestors[start - 1]] += s / 2;
      if (start >= 2) score[b.ancestors[start - 2]] += s / 4;
    }
    // Iterate blocks (document order) rather than the map, so ties resolve the same way every run.
    for (const Block& b : blocks) {
      for (const GumboNode* a : b.ancestors) {
        auto it = score.find(a);
        if (it == score.end()) continue;
        const double s =
            it->second * 1.0 + PositiveHint(a) * 0.1 * std::min(it->second, 10.0) / 10.0;
        if (s > top_score) {
          top_score = s;
          top = a;
        }
      }
    }
  }
  if (top == nullptr) return Status::Corrupt("no main text found");
  // Siblings of the top element that also hold running text belong to the article (split
  // bodies); take the parent when they together hold a good share of the score.
  const GumboNode* region = top;
  if (top->parent && top->parent->type == GUMBO_NODE_ELEMENT) {
    double sibling_score = 0;
    const GumboVector& ch = top->parent->v.element.children;
    for (unsigned i = 0; i < ch.length; ++i) {
      const auto* c = static_cast<const GumboNode*>(ch.data[i]);
      if (c == top) continue;
      auto it = score.find(c);
      if (it != score.end() && it->second >= std::max(2.0, top_score * 0.2))
        sibling_score += it->second;
    }
    if (sibling_score >= top_score * 0.3 && segmenter.Hint(top->parent).empty())
      region = top->parent;
  }

  // Running text outside the region (a lead paragraph in a header box, a body split over
  // sibling containers) is taken in as well, unless furniture hints mark it.
  auto reads_as_running_text = [&](const Block& b) {
    if (b.caption) return false;
    // A whole sentence may be shorter than the usual minimum.
    const char last = b.text.empty() ? ' ' : b.text.back();
    const size_t min_bytes =
        (last == '.' || last == '!' || last == '?') ? kMinSentenceBytes : kMinRunningTextBytes;
    if (b.text.size() < min_bytes || b.link_chars * 4 > b.text.size()) return false;
    std::vector<std::string> words = text::Words(b.text);
    int stop = 0;
    for (const std::string& w : words) stop += text::IsStopword(w);
    return !words.empty() && stop >= 0.2 * static_cast<double>(words.size());
  };
  // A page header's lead paragraph and text under a loosely used "related" or "teaser" class
  // read as running text count too; text in navigation, asides and comments does not.
  auto running_text_elsewhere = [&](const Block& b) {
    return (b.bad_hint.empty() || b.bad_hint == "header" || b.bad_hint == "related-links") &&
           reads_as_running_text(b);
  };

  // Keep the region's blocks that read as text; everything else is removed with a reason.
  int number = 0;
  std::vector<int> kept_numbers;  // block number of each paragraph
  std::vector<std::string> kept_texts;
  for (const Block& b : blocks) {
    ++number;
    const bool inside =
        std::find(b.ancestors.begin(), b.ancestors.end(), region) != b.ancestors.end() ||
        running_text_elsewhere(b);
    std::string reason;
    const double link_density =
        static_cast<double>(b.link_chars) / std::max<size_t>(1, b.text.size());
    if (!inside) {
      reason = b.bad_hint.empty() ? "outside-main-content" : b.bad_hint;
    } else if (!b.bad_hint.empty()) {
      // A hint on an element inside the region, e.g. a share bar within the article.
      bool inner = false;
      for (size_t k = 0; k < b.ancestors.size(); ++k) {
        if (b.ancestors[k] == region) {
          for (size_t m = k + 1; m < b.ancestors.size(); ++m) {
            if (!segmenter.Hint(b.ancestors[m]).empty()) inner = true;
          }
        }
      }
      // Share widgets wrap whole articles ("social-ready" on the text column); running text
      // under them is the article's. Other furniture words inside the article are believed.
      if (inner && (b.bad_hint != "share" || !reads_as_running_text(b))) reason = b.bad_hint;
    }
    if (reason.empty() && link_density > 0.5) reason = "links";
    if (reason.empty()) {
      std::string f = FurnitureReason(b.text);
      if (!f.empty()) reason = f;
    }
    if (reason.empty() && b.caption) {
      Paragraph p;
      p.text = b.text;
      article->captions.push_back(std::move(p));
      continue;
    }
    if (reason.empty() && b.tag == GUMBO_TAG_H1 &&
        text::NormalizeForCompare(b.text) == text::NormalizeForCompare(meta.h1)) {
      reason = "title";
    }
    if (!reason.empty()) {
      article->removed.push_back({number, b.text, reason});
      continue;
    }
    if (!article->body.empty()) article->body.push_back('\n');
    Paragraph p;
    p.text = b.text;
    p.span.begin = static_cast<uint32_t>(article->body.size());
    article->body += b.text;
    p.span.end = static_cast<uint32_t>(article->body.size());
    article->paragraphs.push_back(std::move(p));
    kept_numbers.push_back(number);
  }
  // A short line without a sentence end closing the body ("Further information", "Read more")
  // introduces what follows the article, which was removed: it goes with it.
  while (article->paragraphs.size() > 1) {
    const std::string& last = article->paragraphs.back().text;
    const char end = last.empty() ? '.' : last.back();
    if (last.size() >= kMaxTrailingLineBytes || end == '.' || end == '!' || end == '?' ||
        end == '"' || end == ')') {
      break;
    }
    article->removed.push_back({kept_numbers.back(), last, "trailing-heading"});
    kept_numbers.pop_back();
    article->paragraphs.pop_back();
    article->body.resize(article->paragraphs.back().span.end);
  }
  std::sort(article->removed.begin(), article->removed.end(),
            [](const RemovedLine& a, const RemovedLine& b) { return a.line < b.line; });
  if (article->paragraphs.empty()) return Status::Corrupt("no main text found");

  // Metadata.
  std::string site_from_title;
  std::string title = MetaValue(meta, {"og:title", "twitter:title"});
  if (title.empty()) title = meta.ld_headline;
  if (title.empty()) title = meta.h1;
  if (title.empty()) title = meta.title_tag;
  article->title = StripSiteSuffix(title, &site_from_title);
  if (article->title.empty()) article->title = StripSiteSuffix(meta.title_tag, &site_from_title);
  article->subtitle = MetaValue(meta, {"og:description", "description"});
  if (article->subtitle.size() > 400) article->subtitle.clear();
  article->outlet = MetaValue(meta, {"og:site_name", "application-name"});
  if (article->outlet.empty()) article->outlet = meta.ld_publisher;
  if (article->outlet.empty()) article->outlet = site_from_title;
  std::string byline =
      MetaValue(meta, {"author", "article:author", "dc.creator", "byl", "parsely-author"});
  if (byline.empty() || byline.find("://") != std::string::npos) byline = meta.ld_author;
  if (byline.find("://") != std::string::npos) byline.clear();
  if (text::NormalizeForCompare(byline).rfind("by ", 0) == 0) byline = byline.substr(3);
  article->byline = byline;

  struct Source {
    std::string value;
    double confidence;
  };
  const Source sources[] = {
      {meta.ld_published, 0.95},
      {MetaValue(meta, {"article:published_time", "og:published_time", "itemprop:datepublished",
                        "datepublished", "pubdate", "publishdate", "date", "dc.date",
                        "dc.date.issued", "dcterms.created", "sailthru.date", "parsely-pub-date"}),
       0.9},
      {meta.time_datetime, 0.8},
  };
  // The page's own metadata; the URL and the text's dates are weighed against it afterwards
  // (ResolvePublication).
  for (const Source& s : sources) {
    if (s.value.empty()) continue;
    if (auto d = PublisherDay(s.value)) {
      article->published = d;
      article->published_confidence = s.confidence;
      article->published_source = DateSource::kMetadata;
      break;
    }
  }
  return Status::Ok();
}

}  // namespace newsloom::extract
