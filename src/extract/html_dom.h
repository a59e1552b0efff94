// The HTML parser behind extraction: libxml2's HTML parser (the one under lxml and trafilatura),
// chosen over gumbo for speed at equal accuracy (src/extract/README.md has the measurements),
// and small helpers to read its tree: tag kinds, attributes, a walk without recursion.
#ifndef NEWSLOOM_EXTRACT_HTML_DOM_H_
#define NEWSLOOM_EXTRACT_HTML_DOM_H_

#include <libxml/tree.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace newsloom::extract {

struct HtmlDocDeleter {
  void operator()(xmlDoc* doc) const;
};
using HtmlDoc = std::unique_ptr<xmlDoc, HtmlDocDeleter>;

// Parses `html`, which must be UTF-8 (a charset the page declares is ignored: the bytes were
// converted before), recovering from every error the way browsers do, without network access and
// without a limit on nesting depth (the tree is read without recursion). Returns null only when
// libxml2 gives no document at all (empty input). Thread-safe.
HtmlDoc ParseHtml(std::string_view html);

// The elements extraction tells apart; every other element is kOther.
enum class Tag : uint8_t {
  kOther,
  kA,
  kAddress,
  kArticle,
  kAside,
  kBlockquote,
  kBody,
  kBr,
  kButton,
  kDd,
  kDiv,
  kDl,
  kDt,
  kFigcaption,
  kFigure,
  kFooter,
  kForm,
  kH1,
  kH2,
  kH3,
  kH4,
  kH5,
  kH6,
  kHead,
  kHeader,
  kHr,
  kHtml,
  kIframe,
  kImg,
  kInput,
  kLi,
  kMain,
  kMeta,
  kNav,
  kNoscript,
  kOl,
  kOption,
  kP,
  kPre,
  kScript,
  kSection,
  kSelect,
  kStyle,
  kSvg,
  kTable,
  kTd,
  kTemplate,
  kTextarea,
  kTh,
  kTime,
  kTitle,
  kTr,
  kUl,
};

// The tag of an element node (libxml2 lower-cases HTML names); kOther for other nodes.
Tag TagOf(const xmlNode* node);

bool IsElement(const xmlNode* node);
bool IsHeading(Tag tag);
// Elements a browser lays out as blocks of their own (a line break counts as one).
bool IsBlock(Tag tag);
// Elements whose content is never visible text (scripts, styles, forms' controls, <head>).
bool IsInvisible(Tag tag);

// The value of the attribute `name` (lower-case) of an element, or null when it has none.
const char* Attr(const xmlNode* node, const char* name);

// Visits the subtree under `root` (root included) in document order, without recursion, so that
// any nesting depth is safe. `enter(node)` returns whether to go into the node; for a node gone
// into, its children (elements and documents have them) are visited and then `leave(node)` is
// called.
template <typename Enter, typename Leave>
void WalkTree(xmlNode* root, Enter&& enter, Leave&& leave) {
  if (root == nullptr) return;
  xmlNode* node = root;
  while (true) {
    const bool go_in = enter(node);
    const bool has_children = node->children != nullptr &&
                              (node->type == XML_ELEMENT_NODE || node->type == XML_DOCUMENT_NODE ||
                               node->type == XML_HTML_DOCUMENT_NODE);
    if (go_in && has_children) {
      node = node->children;
      continue;
    }
    if (go_in) leave(node);
    // Climb until a next sibling is found, leaving the parents on the way.
    while (node != root && node->next == nullptr) {
      node = node->parent;
      leave(node);
    }
    if (node == root) return;
    node = node->next;
  }
}

// The text of the nodes under `node`, as written (whitespace not collapsed), skipping invisible
// elements; for a <title> or a <script> its own text.
std::string TextOf(xmlNode* node);

}  // namespace newsloom::extract

#endif  // NEWSLOOM_EXTRACT_HTML_DOM_H_
