// The parsed page cut into blocks of visible text, the way a browser lays out block elements, and
// what each element's tag, class and id say about the text under it (site furniture such as
// navigation and comments, or the container of the article).
#ifndef NEWSLOOM_EXTRACT_HTML_BLOCKS_H_
#define NEWSLOOM_EXTRACT_HTML_BLOCKS_H_

#include <libxml/tree.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "extract/budget.h"
#include "extract/html_dom.h"
#include "newsloom/status.h"

namespace newsloom::extract {

// One block of visible text, in document order.
struct Block {
  std::string text;  // whitespace collapsed
  size_t link_chars = 0;
  Tag tag = Tag::kBody;       // the block element that holds it
  xmlNode* holder = nullptr;  // the innermost element around the text
  // Why the outermost element around it that carries a furniture hint marks it ("navigation",
  // "comments", ...), and the innermost such element.
  std::string_view hint;
  xmlNode* inner_hinted = nullptr;
  bool caption = false;  // inside <figure> or <figcaption>
  bool heading = false;
};

// What is known of one element of the page.
struct ElementInfo {
  Tag tag = Tag::kOther;
  uint32_t order = 0;  // its number in document order
  uint32_t end = 0;    // one past the last number in its subtree
  size_t text_bytes = 0;
  bool holds_body = false;  // it is, or holds, a container marked as the article body
  std::string_view hint;    // the furniture hint believed for it, "" for none
};

// The blocks of a page and the facts about its elements. It marks the document's nodes
// (xmlNode::_private), so one document has one PageBlocks at a time, and the document must
// outlive it.
class PageBlocks {
 public:
  // Fails with the budget's reason when the page costs more than `clock` allows.
  Status Build(xmlDoc* doc, const PageClock& clock);

  const std::vector<Block>& blocks() const { return blocks_; }
  // Null for nodes that are not elements of the document.
  const ElementInfo* Info(const xmlNode* node) const;
  // Whether `inner` is `outer` or lies inside it.
  bool Contains(const xmlNode* outer, const xmlNode* inner) const;
  // The furniture hint believed for an element, "" for none.
  std::string_view Hint(const xmlNode* node) const;
  // The elements, in document order (ElementInfo::order).
  const std::vector<xmlNode*>& elements() const { return elements_; }

 private:
  void IndexElements(xmlDoc* doc);
  Status Segment(xmlDoc* doc, const PageClock& clock);

  std::vector<ElementInfo> infos_;
  std::vector<xmlNode*> elements_;
  std::vector<Block> blocks_;
};

// Tag, class, id and role words that mark site furniture, and the reason they give ("" when none).
// `in_article` tells whether an <article> encloses the element (its <header> is the headline's).
std::string_view NegativeHint(const xmlNode* node, bool in_article);
// How strongly tag, class, id and itemprop mark the element as the article's container.
int PositiveHint(const xmlNode* node);
// Whether the element is marked as the container of the article's text, by schema.org markup or
// by the class names of the common publishing systems.
bool IsArticleBodyMarker(const xmlNode* node);

}  // namespace newsloom::extract

#endif  // NEWSLOOM_EXTRACT_HTML_BLOCKS_H_
