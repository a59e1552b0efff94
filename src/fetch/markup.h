// libxml2 for the documents of live sources: XML (feeds, sitemaps, OPML) and HTML (front pages,
// markup in feed summaries) read with recovery, without network access or entity expansion, and
// walked without recursion so that deep nesting cannot exhaust the stack.
#ifndef NEWSLOOM_FETCH_MARKUP_H_
#define NEWSLOOM_FETCH_MARKUP_H_

#include <libxml/tree.h>

#include <memory>
#include <string>
#include <string_view>

namespace newsloom::fetch::markup {

struct DocDeleter {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
using Doc = std::unique_ptr<xmlDoc, DocDeleter>;

// Parses UTF-8 `xml` with recovery from errors; no DTD is loaded, no entity substituted, nothing
// fetched, libxml2's default size and depth limits hold. HTML's named entities (undeclared in
// XML) and bare ampersands are read as the characters they mean. `base_url` becomes the
// document's URL (the base of relative links). nullptr when nothing could be read at all.
Doc ParseXml(std::string_view xml, std::string_view base_url);

// Parses UTF-8 `html` with libxml2's HTML parser, with recovery. nullptr when nothing was read.
Doc ParseHtml(std::string_view html, std::string_view base_url);

// The next node after `node` in document order that lies inside `root`, or nullptr. Children are
// visited only when `descend` (pass false to skip a subtree). Entity references are never entered.
const xmlNode* NextNode(const xmlNode* node, const xmlNode* root, bool descend = true);

// The element's name without its namespace prefix, "" for other nodes.
std::string_view LocalName(const xmlNode* node);

// Whether `node` is an element named `name` (compared without case and without prefix).
bool IsElement(const xmlNode* node, std::string_view name);

// The value of the attribute with local name `name` (compared without case), "" when absent.
std::string Attribute(const xmlNode* node, std::string_view name);

// The text inside `node`: its text and CDATA descendants in order, HTML character entities
// (&nbsp; in a feed that never declared it) as their characters, and nothing of scripts or styles;
// whitespace runs collapsed to one space, trimmed, cut to at most `max_bytes` on a character
// boundary.
std::string NodeText(const xmlNode* node, size_t max_bytes);

// `text` as plain text: when it holds markup (escaped HTML in an RSS description, an Atom
// type="html" summary), the text of that markup; otherwise the text itself. Whitespace collapsed,
// cut to at most `max_bytes` on a character boundary.
std::string PlainText(std::string_view text, size_t max_bytes);

// The absolute http(s) URL that `href` on `node` points to, resolved against xml:base attributes
// and the document URL; "" when it is not one.
std::string ResolveHref(const xmlNode* node, std::string_view href);

}  // namespace newsloom::fetch::markup

#endif  // NEWSLOOM_FETCH_MARKUP_H_
