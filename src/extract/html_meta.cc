#include "extract/html_meta.h"

#include <nlohmann/json.hpp>
#include <optional>

#include "extract/dates.h"
#include "extract/furniture.h"
#include "extract/html_dom.h"
#include "text/chars.h"
#include "text/normalize.h"

namespace newsloom::extract {
namespace {

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

void ReadJsonLd(const nlohmann::json& j, HtmlMeta* meta, int depth) {
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

void ReadElement(xmlNode* node, HtmlMeta* meta) {
  const Tag tag = TagOf(node);
  if (tag == Tag::kTitle && meta->title_tag.empty()) {
    meta->title_tag = CollapseSpace(TextOf(node));
  } else if (tag == Tag::kH1 && meta->h1.empty()) {
    meta->h1 = CollapseSpace(TextOf(node));
  } else if (tag == Tag::kMeta) {
    const char* key = Attr(node, "property");
    if (!key) key = Attr(node, "name");
    if (!key) key = Attr(node, "itemprop");
    const char* content = Attr(node, "content");
    if (key && content) meta->meta.emplace(text::AsciiLower(key), CollapseSpace(content));
  } else if (tag == Tag::kTime && meta->time_datetime.empty()) {
    if (const char* dt = Attr(node, "datetime")) meta->time_datetime = dt;
  }
  if (const char* ip = Attr(node, "itemprop"); ip && text::AsciiLower(ip) == "datepublished") {
    const char* v = Attr(node, "datetime");
    if (!v) v = Attr(node, "content");
    if (!v) v = Attr(node, "title");  // <abbr itemprop="datePublished" title="2019-10-16T14:33">
    if (v) {
      meta->meta.emplace("itemprop:datepublished", v);
    } else if (std::string text = CollapseSpace(TextOf(node)); text.size() <= 80) {
      meta->meta.emplace("itemprop:datepublished", std::move(text));  // <span ...>May 19, 2020
    }
  }
}

std::string MetaValue(const HtmlMeta& meta, std::initializer_list<std::string_view> keys) {
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

void DecidePublished(const HtmlMeta& meta, Article* article) {
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
}

}  // namespace

HtmlMeta CollectMeta(xmlDoc* doc, const std::vector<std::string>& json_ld) {
  HtmlMeta meta;
  WalkTree(
      reinterpret_cast<xmlNode*>(doc),
      [&](xmlNode* node) {
        if (node->type == XML_HTML_DOCUMENT_NODE) return true;
        if (!IsElement(node)) return false;
        ReadElement(node, &meta);
        const Tag tag = TagOf(node);
        return tag != Tag::kScript && tag != Tag::kStyle && tag != Tag::kTitle;
      },
      [](xmlNode*) {});
  for (const std::string& raw : json_ld) {
    nlohmann::json j = nlohmann::json::parse(raw, nullptr, /*allow_exceptions=*/false);
    if (!j.is_discarded()) {
      ReadJsonLd(j, &meta, 0);
    } else if (meta.ld_published.empty()) {
      // Hand-written JSON-LD is often invalid (a trailing comma, an unescaped quote); its date is
      // still the publisher's own statement.
      meta.ld_published = QuotedValueAfter(raw, "\"datePublished\"");
    }
  }
  return meta;
}

void DecideMetadata(const HtmlMeta& meta, Article* article) {
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
  DecidePublished(meta, article);
}

}  // namespace newsloom::extract
