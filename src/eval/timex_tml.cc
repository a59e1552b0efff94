#include "eval/timex_tml.h"

#include <algorithm>

namespace newsloom::eval {
namespace {

// The value of attribute `name` in the tag text `tag` ("TIMEX3 tid=... value=..."), or "".
std::string Attr(std::string_view tag, std::string_view name) {
  size_t at = 0;
  while ((at = tag.find(name, at)) != std::string_view::npos) {
    const bool starts = at == 0 || tag[at - 1] == ' ' || tag[at - 1] == '\t' || tag[at - 1] == '\n';
    const size_t eq = at + name.size();
    if (starts && eq + 1 < tag.size() && tag[eq] == '=' &&
        (tag[eq + 1] == '"' || tag[eq + 1] == '\'')) {
      const char quote = tag[eq + 1];
      const size_t close = tag.find(quote, eq + 2);
      if (close == std::string_view::npos) return "";
      return std::string(tag.substr(eq + 2, close - eq - 2));
    }
    at = eq;
  }
  return "";
}

void Escape(std::string_view s, std::string* out) {
  for (char c : s) {
    switch (c) {
      case '&':
        *out += "&amp;";
        break;
      case '<':
        *out += "&lt;";
        break;
      case '>':
        *out += "&gt;";
        break;
      default:
        *out += c;
    }
  }
}

}  // namespace

Result<TimemlDocument> ParseTimeml(std::string_view xml) {
  TimemlDocument doc;
  const size_t dct = xml.find("<DCT>");
  if (dct != std::string_view::npos) {
    const size_t close = xml.find('>', xml.find("<TIMEX3", dct));
    if (close != std::string_view::npos) {
      const size_t open = xml.find("<TIMEX3", dct);
      doc.dct_value = Attr(xml.substr(open + 1, close - open - 1), "value");
      doc.dct = Date::FromIso(doc.dct_value);
    }
  }
  const size_t text_open = xml.find("<TEXT>");
  const size_t text_close = xml.find("</TEXT>");
  if (text_open == std::string_view::npos || text_close == std::string_view::npos ||
      text_close < text_open) {
    return Status::Corrupt("no <TEXT> element");
  }
  const size_t begin = text_open + 6;
  doc.before_text.assign(xml.substr(0, begin));
  doc.after_text.assign(xml.substr(text_close));
  doc.text.reserve(text_close - begin);
  std::optional<TimemlExpression> open;
  for (size_t i = begin; i < text_close;) {
    const char c = xml[i];
    if (c == '<') {
      const size_t end = xml.find('>', i);
      if (end == std::string_view::npos || end > text_close) {
        return Status::Corrupt("unclosed tag at byte " + std::to_string(i));
      }
      const std::string_view tag = xml.substr(i + 1, end - i - 1);
      if (tag.substr(0, 6) == "TIMEX3") {
        open = TimemlExpression{};
        open->span.begin = static_cast<uint32_t>(doc.text.size());
        open->type = Attr(tag, "type");
        open->value = Attr(tag, "value");
      } else if (tag.substr(0, 7) == "/TIMEX3" && open) {
        open->span.end = static_cast<uint32_t>(doc.text.size());
        doc.timexes.push_back(std::move(*open));
        open.reset();
      }
      i = end + 1;
    } else if (c == '&') {
      static constexpr std::pair<std::string_view, char> kEntities[] = {
          {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}};
      bool decoded = false;
      for (const auto& [name, ch] : kEntities) {
        if (xml.substr(i, name.size()) == name) {
          doc.text += ch;
          i += name.size();
          decoded = true;
          break;
        }
      }
      if (!decoded) doc.text += xml[i++];
    } else {
      doc.text += c;
      ++i;
    }
  }
  return doc;
}

std::string WriteTimeml(const TimemlDocument& doc, const std::vector<TemporalExpression>& tags) {
  std::string out = doc.before_text;
  uint32_t at = 0;
  int tid = 1;
  for (const TemporalExpression& e : tags) {
    if (e.span.begin < at || e.span.end > doc.text.size() || e.span.end <= e.span.begin) continue;
    Escape(std::string_view(doc.text).substr(at, e.span.begin - at), &out);
    out += "<TIMEX3 tid=\"t" + std::to_string(tid++) + "\" type=\"" + e.type + "\" value=\"" +
           e.value + "\">";
    Escape(std::string_view(doc.text).substr(e.span.begin, e.span.size()), &out);
    out += "</TIMEX3>";
    at = e.span.end;
  }
  Escape(std::string_view(doc.text).substr(at), &out);
  out += doc.after_text;
  return out;
}

}  // namespace newsloom::eval
