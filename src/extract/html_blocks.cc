#include "extract/html_blocks.h"

#include <algorithm>
#include <array>

#include "extract/furniture.h"
#include "text/chars.h"

namespace newsloom::extract {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f'; }

size_t VisibleBytes(std::string_view s) {
  return static_cast<size_t>(std::count_if(s.begin(), s.end(), [](char c) { return !IsSpace(c); }));
}

// The class and id of an element, lower-cased, with a space between; "" when it has neither.
// The modifier of a BEM class name ("section--ads" of "report__section--ads") is left out: it
// says how a block is dressed, not what it is. The buffer is reused from element to element.
std::string_view LowerClassAndId(const xmlNode* node, std::string* buffer) {
  buffer->clear();
  for (const char* name : {"class", "id"}) {
    const char* value = Attr(node, name);
    if (value == nullptr) continue;
    if (!buffer->empty()) buffer->push_back(' ');
    bool modifier = false;
    for (const char* c = value; *c != '\0'; ++c) {
      if (*c == ' ' || *c == '\t' || *c == '\n') modifier = false;
      if (c[0] == '-' && c[1] == '-') modifier = true;
      if (modifier) continue;
      buffer->push_back(*c >= 'A' && *c <= 'Z' ? static_cast<char>(*c - 'A' + 'a') : *c);
    }
  }
  return *buffer;
}

// Calls f(word) for the words of a class and id string, cut at spaces, dashes and underscores.
template <typename F>
void ForEachHintWord(std::string_view hints, F&& f) {
  size_t begin = 0;
  for (size_t i = 0; i <= hints.size(); ++i) {
    const bool cut = i == hints.size() || hints[i] == ' ' || hints[i] == '-' || hints[i] == '_' ||
                     hints[i] == '\t' || hints[i] == '\n';
    if (!cut) continue;
    if (i > begin) f(hints.substr(begin, i - begin));
    begin = i + 1;
  }
}

bool IsHidden(const xmlNode* node) {
  if (Attr(node, "hidden") != nullptr) return true;
  const char* aria = Attr(node, "aria-hidden");
  return aria != nullptr && std::string_view(aria) == "true";
}

uint32_t IndexOf(const xmlNode* node) {
  return static_cast<uint32_t>(reinterpret_cast<uintptr_t>(node->_private));
}

// How often the walks look at the clock, in nodes.
constexpr uint32_t kNodesPerClockCheck = 4096;

// The share of the page's text above which an element's furniture hint is not believed: a
// wrapper holding most of the page (Blogger's "widget Blog" around the post) is not furniture.
constexpr double kMaxHintedShare = 0.4;

}  // namespace

std::string_view NegativeHint(const xmlNode* node, bool in_article) {
  const Tag tag = TagOf(node);
  switch (tag) {
    case Tag::kNav:
      return "navigation";
    case Tag::kFooter:
      return "footer";
    case Tag::kAside:
      return "aside";
    case Tag::kHeader:
      // An <article>'s own header holds its headline and lead, not the site's masthead.
      return in_article ? "" : "header";
    default:
      break;
  }
  // Page-wide wrappers carry every theme word in their classes ("right-sidebar nav-below-header").
  if (tag == Tag::kHtml || tag == Tag::kBody || tag == Tag::kMain || tag == Tag::kArticle)
    return "";
  if (const char* r = Attr(node, "role")) {
    const std::string role = text::AsciiLower(r);
    if (role == "navigation" || role == "banner" || role == "contentinfo" ||
        role == "complementary") {
      return "navigation";
    }
  }
  thread_local std::string buffer;
  const std::string_view hints = LowerClassAndId(node, &buffer);
  if (hints.empty()) return "";
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
  constexpr size_t kNone = std::size(kHints);
  // The hints by their first letter, so that a word is compared with few of them.
  static const auto* by_letter = [] {
    auto* table = new std::array<std::vector<size_t>, 26>;
    for (size_t k = 0; k < kNone; ++k) (*table)[kHints[k].word[0] - 'a'].push_back(k);
    return table;
  }();
  // The first hint of the list that any word matches: a hint matches the start of a word; short
  // hints and "comment" ("commentary" is an article genre) must match whole.
  size_t best = kNone;
  ForEachHintWord(hints, [&](std::string_view word) {
    if (word[0] < 'a' || word[0] > 'z') return;
    if (word == "comment") best = 0;
    for (size_t k : (*by_letter)[word[0] - 'a']) {
      if (k >= best) break;
      const std::string_view h = kHints[k].word;
      if (h.size() <= 3 ? word == h : word.starts_with(h)) {
        best = k;
        break;
      }
    }
  });
  return best == kNone ? "" : kHints[best].reason;
}

int PositiveHint(const xmlNode* node) {
  const Tag tag = TagOf(node);
  int score = 0;
  if (tag == Tag::kArticle) score += 25;
  if (tag == Tag::kMain) score += 15;
  std::string hints;
  if (const char* c = Attr(node, "class")) hints += text::AsciiLower(c);
  hints += ' ';
  if (const char* i = Attr(node, "id")) hints += text::AsciiLower(i);
  if (const char* p = Attr(node, "itemprop")) hints += text::AsciiLower(p);
  for (std::string_view w : {"article", "content", "entry", "post", "story", "body", "main", "text",
                             "articlebody", "blog"}) {
    if (hints.find(w) != std::string::npos) {
      score += 25;
      break;
    }
  }
  return score;
}

bool IsArticleBodyMarker(const xmlNode* node) {
  if (const char* ip = Attr(node, "itemprop")) {
    const std::string prop = text::AsciiLower(ip);
    if (prop == "articlebody" || prop == "text") return true;
  }
  const char* c = Attr(node, "class");
  if (c == nullptr) return false;
  thread_local std::string classes;
  classes.clear();
  for (; *c != '\0'; ++c) classes.push_back(*c >= 'A' && *c <= 'Z' ? *c - 'A' + 'a' : *c);
  for (std::string_view marker : {"entry-content", "article-body", "articlebody", "post-content",
                                  "post-body", "story-body", "article-content"}) {
    if (classes.find(marker) != std::string::npos) return true;
  }
  return false;
}

const ElementInfo* PageBlocks::Info(const xmlNode* node) const {
  if (!IsElement(node)) return nullptr;
  const uint32_t index = IndexOf(node);
  return index == 0 || index > infos_.size() ? nullptr : &infos_[index - 1];
}

bool PageBlocks::Contains(const xmlNode* outer, const xmlNode* inner) const {
  const ElementInfo* o = Info(outer);
  const ElementInfo* i = Info(inner);
  return o != nullptr && i != nullptr && i->order >= o->order && i->order < o->end;
}

std::string_view PageBlocks::Hint(const xmlNode* node) const {
  const ElementInfo* info = Info(node);
  return info == nullptr ? "" : info->hint;
}

void PageBlocks::IndexElements(xmlDoc* doc) {
  infos_.clear();
  elements_.clear();
  std::vector<std::string_view> raw_hints;
  int article_depth = 0;
  size_t document_text = 0;
  auto text_owner = [&](const xmlNode* node) -> size_t* {
    const ElementInfo* parent = Info(node->parent);
    return parent == nullptr ? &document_text : &infos_[IndexOf(node->parent) - 1].text_bytes;
  };
  WalkTree(
      reinterpret_cast<xmlNode*>(doc),
      [&](xmlNode* node) {
        if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
          if (node->content != nullptr)
            *text_owner(node) += VisibleBytes(reinterpret_cast<const char*>(node->content));
          return false;
        }
        if (!IsElement(node)) return node->type == XML_HTML_DOCUMENT_NODE;
        const Tag tag = TagOf(node);
        if (IsInvisible(tag)) return false;
        ElementInfo info;
        info.tag = tag;
        info.order = static_cast<uint32_t>(infos_.size());
        info.holds_body = IsArticleBodyMarker(node);
        infos_.push_back(info);
        elements_.push_back(node);
        raw_hints.push_back(NegativeHint(node, article_depth > 0));
        node->_private = reinterpret_cast<void*>(static_cast<uintptr_t>(infos_.size()));
        article_depth += tag == Tag::kArticle;
        return true;
      },
      [&](xmlNode* node) {
        if (!IsElement(node)) return;
        ElementInfo& info = infos_[IndexOf(node) - 1];
        article_depth -= info.tag == Tag::kArticle;
        info.end = static_cast<uint32_t>(infos_.size());
        if (ElementInfo* parent = const_cast<ElementInfo*>(Info(node->parent))) {
          parent->text_bytes += info.text_bytes;
          parent->holds_body = parent->holds_body || info.holds_body;
        } else {
          document_text += info.text_bytes;
        }
      });
  for (size_t k = 0; k < infos_.size(); ++k) {
    ElementInfo& info = infos_[k];
    info.hint = raw_hints[k];
    if (info.hint.empty()) continue;
    if (static_cast<double>(info.text_bytes) > kMaxHintedShare * static_cast<double>(document_text))
      info.hint = "";
    // The body container itself may carry a misleading word ("post-content social-ready"), and
    // so may a wrapper around it, unless the hint is about comments (a comment may hold markup
    // copied from an article).
    if (info.holds_body && info.hint != "comments") info.hint = "";
  }
}

Status PageBlocks::Build(xmlDoc* doc, const PageClock& clock) {
  blocks_.clear();
  if (doc == nullptr) return Status::Ok();
  IndexElements(doc);
  NEWSLOOM_RETURN_IF_ERROR(clock.Check());
  return Segment(doc, clock);
}

Status PageBlocks::Segment(xmlDoc* doc, const PageClock& clock) {
  std::string current;
  size_t link_chars = 0;
  int link_depth = 0;
  int figure_depth = 0;
  std::vector<Tag> block_tags;
  std::vector<xmlNode*> hinted;  // open elements with a furniture hint, outermost first
  xmlNode* innermost = nullptr;  // the innermost open element
  uint32_t nodes = 0;
  Status status;

  auto flush = [&]() {
    std::string text = CollapseSpace(current);
    if (!text.empty()) {
      Block b;
      b.text = std::move(text);
      b.link_chars = std::min(link_chars, b.text.size());
      b.tag = block_tags.empty() ? Tag::kBody : block_tags.back();
      b.holder = innermost;
      if (!hinted.empty()) {
        b.hint = Hint(hinted.front());
        b.inner_hinted = hinted.back();
      }
      b.caption = figure_depth > 0;
      b.heading = IsHeading(b.tag);
      blocks_.push_back(std::move(b));
    }
    current.clear();
    link_chars = 0;
  };

  WalkTree(
      reinterpret_cast<xmlNode*>(doc),
      [&](xmlNode* node) {
        if (++nodes % kNodesPerClockCheck == 0 && status.ok()) status = clock.Check();
        if (!status.ok()) return false;
        if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
          if (node->content == nullptr) return false;
          const std::string_view t = reinterpret_cast<const char*>(node->content);
          current += t;
          if (link_depth > 0) link_chars += CollapseSpace(t).size();
          return false;
        }
        if (!IsElement(node)) return node->type == XML_HTML_DOCUMENT_NODE;
        const ElementInfo* info = Info(node);
        if (info == nullptr || IsHidden(node)) return false;
        const Tag tag = info->tag;
        if (IsBlock(tag)) {
          flush();
          current.push_back(' ');
          block_tags.push_back(tag);
        }
        innermost = node;
        if (!Hint(node).empty()) hinted.push_back(node);
        figure_depth += tag == Tag::kFigure || tag == Tag::kFigcaption;
        link_depth += tag == Tag::kA;
        return true;
      },
      [&](xmlNode* node) {
        if (!IsElement(node)) return;
        const Tag tag = Info(node)->tag;
        if (IsBlock(tag)) flush();
        figure_depth -= tag == Tag::kFigure || tag == Tag::kFigcaption;
        link_depth -= tag == Tag::kA;
        if (IsBlock(tag)) block_tags.pop_back();
        if (!hinted.empty() && hinted.back() == node) hinted.pop_back();
        innermost = IsElement(node->parent) ? node->parent : nullptr;
        if (tag == Tag::kImg) current.push_back(' ');
      });
  flush();
  return status;
}

}  // namespace newsloom::extract
