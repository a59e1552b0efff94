#include "extract/html_dom.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>

#include <array>
#include <climits>
#include <cstring>
#include <mutex>

namespace newsloom::extract {
namespace {

// Recovery without messages, no network, small text nodes stored inline (COMPACT), the bytes read
// as the UTF-8 they are (IGNORE_ENC), white space between block elements not stored (NOBLANKS:
// libxml2 keeps it after inline elements, where it separates words), and no depth limit (HUGE):
// libxml2 otherwise stops reading at 256 levels and drops the rest of the page.
constexpr int kParseOptions = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                              HTML_PARSE_NONET | HTML_PARSE_COMPACT | HTML_PARSE_IGNORE_ENC |
                              HTML_PARSE_NOBLANKS | XML_PARSE_HUGE;

// Tag names by length, so that a name is compared with few others.
struct TagName {
  std::string_view name;
  Tag tag;
};
constexpr TagName kTagNames[] = {
    {"a", Tag::kA},
    {"p", Tag::kP},
    {"br", Tag::kBr},
    {"dd", Tag::kDd},
    {"dl", Tag::kDl},
    {"dt", Tag::kDt},
    {"h1", Tag::kH1},
    {"h2", Tag::kH2},
    {"h3", Tag::kH3},
    {"h4", Tag::kH4},
    {"h5", Tag::kH5},
    {"h6", Tag::kH6},
    {"hr", Tag::kHr},
    {"li", Tag::kLi},
    {"ol", Tag::kOl},
    {"td", Tag::kTd},
    {"th", Tag::kTh},
    {"tr", Tag::kTr},
    {"ul", Tag::kUl},
    {"div", Tag::kDiv},
    {"img", Tag::kImg},
    {"nav", Tag::kNav},
    {"pre", Tag::kPre},
    {"svg", Tag::kSvg},
    {"body", Tag::kBody},
    {"form", Tag::kForm},
    {"head", Tag::kHead},
    {"html", Tag::kHtml},
    {"main", Tag::kMain},
    {"meta", Tag::kMeta},
    {"time", Tag::kTime},
    {"aside", Tag::kAside},
    {"input", Tag::kInput},
    {"style", Tag::kStyle},
    {"table", Tag::kTable},
    {"title", Tag::kTitle},
    {"button", Tag::kButton},
    {"figure", Tag::kFigure},
    {"footer", Tag::kFooter},
    {"header", Tag::kHeader},
    {"iframe", Tag::kIframe},
    {"option", Tag::kOption},
    {"script", Tag::kScript},
    {"select", Tag::kSelect},
    {"address", Tag::kAddress},
    {"article", Tag::kArticle},
    {"section", Tag::kSection},
    {"noscript", Tag::kNoscript},
    {"template", Tag::kTemplate},
    {"textarea", Tag::kTextarea},
    {"blockquote", Tag::kBlockquote},
    {"figcaption", Tag::kFigcaption},
};
constexpr size_t kMaxTagNameLength = 10;

}  // namespace

void HtmlDocDeleter::operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }

HtmlDoc ParseHtml(std::string_view html) {
  // libxml2 must be initialised once before threads use it.
  static std::once_flag init;
  std::call_once(init, [] { xmlInitParser(); });
  if (html.empty() || html.size() > static_cast<size_t>(INT_MAX)) return nullptr;
  return HtmlDoc(
      htmlReadMemory(html.data(), static_cast<int>(html.size()), nullptr, "UTF-8", kParseOptions));
}

Tag TagOf(const xmlNode* node) {
  if (!IsElement(node) || node->name == nullptr) return Tag::kOther;
  const std::string_view name = reinterpret_cast<const char*>(node->name);
  // Where the names of each length start in kTagNames.
  static const auto* first_of_length = [] {
    auto* first = new std::array<size_t, kMaxTagNameLength + 2>;
    size_t k = 0;
    for (size_t length = 0; length <= kMaxTagNameLength + 1; ++length) {
      while (k < std::size(kTagNames) && kTagNames[k].name.size() < length) ++k;
      (*first)[length] = k;
    }
    return first;
  }();
  if (name.size() > kMaxTagNameLength) return Tag::kOther;
  for (size_t k = (*first_of_length)[name.size()]; k < (*first_of_length)[name.size() + 1]; ++k) {
    if (kTagNames[k].name == name) return kTagNames[k].tag;
  }
  return Tag::kOther;
}

bool IsElement(const xmlNode* node) { return node != nullptr && node->type == XML_ELEMENT_NODE; }

bool IsHeading(Tag tag) {
  return tag == Tag::kH1 || tag == Tag::kH2 || tag == Tag::kH3 || tag == Tag::kH4 ||
         tag == Tag::kH5 || tag == Tag::kH6;
}

bool IsBlock(Tag tag) {
  switch (tag) {
    case Tag::kP:
    case Tag::kDiv:
    case Tag::kLi:
    case Tag::kH1:
    case Tag::kH2:
    case Tag::kH3:
    case Tag::kH4:
    case Tag::kH5:
    case Tag::kH6:
    case Tag::kTd:
    case Tag::kTh:
    case Tag::kTr:
    case Tag::kBlockquote:
    case Tag::kPre:
    case Tag::kSection:
    case Tag::kArticle:
    case Tag::kHeader:
    case Tag::kFooter:
    case Tag::kNav:
    case Tag::kAside:
    case Tag::kMain:
    case Tag::kUl:
    case Tag::kOl:
    case Tag::kDl:
    case Tag::kDt:
    case Tag::kDd:
    case Tag::kFigcaption:
    case Tag::kFigure:
    case Tag::kForm:
    case Tag::kTable:
    case Tag::kBr:
    case Tag::kHr:
    case Tag::kAddress:
    case Tag::kBody:
      return true;
    default:
      return false;
  }
}

bool IsInvisible(Tag tag) {
  switch (tag) {
    case Tag::kScript:
    case Tag::kStyle:
    case Tag::kNoscript:
    case Tag::kTemplate:
    case Tag::kSvg:
    case Tag::kIframe:
    case Tag::kButton:
    case Tag::kSelect:
    case Tag::kOption:
    case Tag::kHead:
    case Tag::kTextarea:
    case Tag::kInput:
      return true;
    default:
      return false;
  }
}

const char* Attr(const xmlNode* node, const char* name) {
  if (!IsElement(node)) return nullptr;
  for (const xmlAttr* a = node->properties; a != nullptr; a = a->next) {
    if (std::strcmp(reinterpret_cast<const char*>(a->name), name) != 0) continue;
    // The HTML parser stores an attribute's value as one text node.
    if (a->children == nullptr || a->children->content == nullptr) return "";
    return reinterpret_cast<const char*>(a->children->content);
  }
  return nullptr;
}

std::string TextOf(xmlNode* node) {
  std::string out;
  WalkTree(
      node,
      [&](xmlNode* n) {
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
          if (n->content != nullptr) out += reinterpret_cast<const char*>(n->content);
          return false;
        }
        return n == node || (IsElement(n) && !IsInvisible(TagOf(n)));
      },
      [](xmlNode*) {});
  return out;
}

}  // namespace newsloom::extract
