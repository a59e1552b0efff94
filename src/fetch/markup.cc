#include "fetch/markup.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>

#include <algorithm>
#include <climits>
#include <string>

#include "fetch/url.h"
#include "text/chars.h"

namespace newsloom::fetch::markup {
namespace {

void InitOnce() {
  static const bool initialised = [] {
    xmlInitParser();
    return true;
  }();
  (void)initialised;
}

const char* Chars(const xmlChar* s) { return reinterpret_cast<const char*>(s); }

void AppendUtf8(unsigned int code_point, std::string* out) {
  if (code_point < 0x80) {
    *out += static_cast<char>(code_point);
  } else if (code_point < 0x800) {
    *out += static_cast<char>(0xC0 | (code_point >> 6));
    *out += static_cast<char>(0x80 | (code_point & 0x3F));
  } else if (code_point < 0x10000) {
    *out += static_cast<char>(0xE0 | (code_point >> 12));
    *out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (code_point & 0x3F));
  } else if (code_point < 0x110000) {
    *out += static_cast<char>(0xF0 | (code_point >> 18));
    *out += static_cast<char>(0x80 | ((code_point >> 12) & 0x3F));
    *out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (code_point & 0x3F));
  }
}

// Appends `s` with whitespace runs as one space (none at the start of `out`).
void AppendCollapsed(std::string_view s, std::string* out) {
  for (char c : s) {
    const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
    if (space) {
      if (!out->empty() && out->back() != ' ') *out += ' ';
    } else {
      *out += c;
    }
  }
}

// Cuts `s` to at most `max_bytes` without splitting a UTF-8 sequence, and drops a final space.
void CutTo(size_t max_bytes, std::string* s) {
  if (s->size() > max_bytes) {
    size_t end = max_bytes;
    while (end > 0 && (static_cast<unsigned char>((*s)[end]) & 0xC0) == 0x80) --end;
    s->resize(end);
  }
  while (!s->empty() && s->back() == ' ') s->pop_back();
}

bool IsBlockElement(std::string_view name) {
  static constexpr std::string_view kBlocks[] = {
      "p",       "br",      "div",    "li",     "ul",     "ol",        "h1", "h2",
      "h3",      "h4",      "h5",     "h6",     "tr",     "td",        "th", "blockquote",
      "section", "article", "header", "footer", "figure", "figcaption"};
  for (std::string_view block : kBlocks) {
    if (text::EqualsIgnoreAsciiCase(name, block)) return true;
  }
  return false;
}

bool LooksLikeMarkup(std::string_view text) {
  return text.find('<') != std::string_view::npos || text.find('&') != std::string_view::npos;
}

bool IsNameChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '#';
}

// Feeds in the wild use HTML's named entities without declaring them (&nbsp;, &eacute;) and bare
// ampersands ("Q&A"); libxml2 drops text around either. Named HTML entities become character
// references and bare ampersands "&amp;", outside CDATA sections. Other references are kept.
std::string RepairEntities(std::string_view xml) {
  std::string out;
  out.reserve(xml.size() + xml.size() / 64);
  size_t i = 0;
  while (i < xml.size()) {
    if (xml[i] == '<' && xml.compare(i, 9, "<![CDATA[") == 0) {
      const size_t end = xml.find("]]>", i);
      const size_t stop = end == std::string_view::npos ? xml.size() : end + 3;
      out.append(xml.substr(i, stop - i));
      i = stop;
      continue;
    }
    if (xml[i] != '&') {
      out += xml[i++];
      continue;
    }
    size_t end = i + 1;
    while (end < xml.size() && end - i <= 32 && IsNameChar(xml[end])) ++end;
    const std::string name(xml.substr(i + 1, end - i - 1));
    if (end >= xml.size() || xml[end] != ';' || name.empty()) {
      out += "&amp;";
      ++i;
      continue;
    }
    const htmlEntityDesc* entity = nullptr;
    if (name[0] != '#' && name != "amp" && name != "lt" && name != "gt" && name != "quot" &&
        name != "apos") {
      entity = htmlEntityLookup(reinterpret_cast<const xmlChar*>(name.c_str()));
    }
    if (entity != nullptr) {
      out += "&#" + std::to_string(entity->value) + ";";
    } else {
      out.append(xml.substr(i, end + 1 - i));
    }
    i = end + 1;
  }
  return out;
}

}  // namespace

Doc ParseXml(std::string_view raw_xml, std::string_view base_url) {
  InitOnce();
  if (raw_xml.empty() || raw_xml.size() > INT_MAX / 2) return nullptr;
  const std::string xml = RepairEntities(raw_xml);
  const std::string url(base_url);
  return Doc(xmlReadMemory(xml.data(), static_cast<int>(xml.size()), url.c_str(), "UTF-8",
                           XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOERROR |
                               XML_PARSE_NOWARNING | XML_PARSE_NOCDATA | XML_PARSE_COMPACT |
                               XML_PARSE_IGNORE_ENC));
}

Doc ParseHtml(std::string_view html, std::string_view base_url) {
  InitOnce();
  if (html.empty() || html.size() > INT_MAX) return nullptr;
  const std::string url(base_url);
  return Doc(htmlReadMemory(html.data(), static_cast<int>(html.size()), url.c_str(), "UTF-8",
                            HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR |
                                HTML_PARSE_NOWARNING | HTML_PARSE_COMPACT | HTML_PARSE_IGNORE_ENC));
}

const xmlNode* NextNode(const xmlNode* node, const xmlNode* root, bool descend) {
  if (descend && node->children != nullptr && node->type != XML_ENTITY_REF_NODE &&
      node->type != XML_ATTRIBUTE_NODE) {
    return node->children;
  }
  while (node != nullptr && node != root) {
    if (node->next != nullptr) return node->next;
    node = node->parent;
  }
  return nullptr;
}

std::string_view LocalName(const xmlNode* node) {
  if (node == nullptr || node->type != XML_ELEMENT_NODE || node->name == nullptr) return {};
  return Chars(node->name);
}

bool IsElement(const xmlNode* node, std::string_view name) {
  return node != nullptr && node->type == XML_ELEMENT_NODE &&
         text::EqualsIgnoreAsciiCase(LocalName(node), name);
}

std::string Attribute(const xmlNode* node, std::string_view name) {
  if (node == nullptr || node->type != XML_ELEMENT_NODE) return "";
  for (const xmlAttr* attr = node->properties; attr != nullptr; attr = attr->next) {
    if (attr->name == nullptr || !text::EqualsIgnoreAsciiCase(Chars(attr->name), name)) continue;
    std::string value;
    for (const xmlNode* child = attr->children; child != nullptr; child = child->next) {
      if (child->type == XML_TEXT_NODE && child->content != nullptr) value += Chars(child->content);
    }
    return value;
  }
  return "";
}

std::string NodeText(const xmlNode* node, size_t max_bytes) {
  std::string out;
  if (node == nullptr) return out;
  const xmlNode* n = node->children != nullptr ? node->children : nullptr;
  if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) n = node;
  while (n != nullptr && out.size() <= max_bytes) {
    bool descend = true;
    switch (n->type) {
      case XML_TEXT_NODE:
      case XML_CDATA_SECTION_NODE:
        if (n->content != nullptr) AppendCollapsed(Chars(n->content), &out);
        break;
      case XML_ENTITY_REF_NODE:
        // Undeclared entities of HTML in a feed: their characters, never a declared expansion.
        if (const htmlEntityDesc* entity = htmlEntityLookup(n->name)) {
          AppendUtf8(entity->value, &out);
        }
        break;
      case XML_ELEMENT_NODE:
        if (IsElement(n, "script") || IsElement(n, "style")) {
          descend = false;
        } else if (IsBlockElement(LocalName(n)) && !out.empty() && out.back() != ' ') {
          out += ' ';
        }
        break;
      default:
        descend = false;
        break;
    }
    if (n == node) break;
    n = NextNode(n, node, descend);
  }
  CutTo(max_bytes, &out);
  return out;
}

std::string PlainText(std::string_view text, size_t max_bytes) {
  std::string out;
  if (!LooksLikeMarkup(text)) {
    AppendCollapsed(text, &out);
    CutTo(max_bytes, &out);
    return out;
  }
  // The markup of a summary may be long; its first part is enough for a summary.
  const std::string_view head = text.substr(0, std::max<size_t>(max_bytes * 8, 4096));
  Doc doc = ParseHtml(head, "");
  if (doc == nullptr || xmlDocGetRootElement(doc.get()) == nullptr) {
    AppendCollapsed(head, &out);
    CutTo(max_bytes, &out);
    return out;
  }
  return NodeText(xmlDocGetRootElement(doc.get()), max_bytes);
}

std::string ResolveHref(const xmlNode* node, std::string_view href) {
  if (node == nullptr || node->doc == nullptr) return "";
  std::string document_url = node->doc->URL != nullptr ? Chars(node->doc->URL) : "";
  xmlChar* base = xmlNodeGetBase(node->doc, node);
  std::string base_url = base != nullptr ? Chars(base) : document_url;
  xmlFree(base);
  Result<std::string> resolved = ResolveUrl(base_url, href);
  if (!resolved.ok() && base_url != document_url) resolved = ResolveUrl(document_url, href);
  return resolved.ok() ? *resolved : "";
}

}  // namespace newsloom::fetch::markup
