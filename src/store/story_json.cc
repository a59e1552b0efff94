#include "newsloom/story_json.h"

namespace newsloom::store {

namespace {

using nlohmann::json;

json DateToJson(const std::optional<Date>& date) {
  return date ? json(date->ToIso()) : json(nullptr);
}

std::optional<Date> DateFromJson(const json& j) {
  if (!j.is_string()) return std::nullopt;
  return Date::FromIso(j.get<std::string>());
}

Citation CitationFromJson(const json& j) {
  Citation c;
  c.article_id = j.value("article_id", "");
  c.span.begin = j.value("begin", 0u);
  c.span.end = j.value("end", 0u);
  c.text = j.value("text", "");
  return c;
}

// Story entities: entities [{id, name, type, variants, roles, mentions [citation]}] and
// entity_merges [{a, b, reason}].
void EntitiesToJson(const Story& story, json& out) {
  json entities = json::array();
  for (const StoryEntity& e : story.entities) {
    json mentions = json::array();
    for (const Citation& c : e.mentions) mentions.push_back(CitationToJson(c));
    entities.push_back({{"id", e.id},
                        {"name", e.name},
                        {"type", e.type},
                        {"variants", e.variants},
                        {"roles", e.roles},
                        {"mentions", std::move(mentions)}});
  }
  json merges = json::array();
  for (const EntityMerge& m : story.entity_merges) {
    merges.push_back({{"a", m.a}, {"b", m.b}, {"reason", m.reason}});
  }
  out["entities"] = std::move(entities);
  out["entity_merges"] = std::move(merges);
}

void EntitiesFromJson(const json& j, Story& story) {
  for (const json& e : j.value("entities", json::array())) {
    StoryEntity entity;
    entity.id = e.value("id", "");
    entity.name = e.value("name", "");
    entity.type = e.value("type", "");
    entity.variants = e.value("variants", std::vector<std::string>{});
    entity.roles = e.value("roles", std::vector<std::string>{});
    for (const json& c : e.value("mentions", json::array())) {
      entity.mentions.push_back(CitationFromJson(c));
    }
    story.entities.push_back(std::move(entity));
  }
  for (const json& m : j.value("entity_merges", json::array())) {
    story.entity_merges.push_back(
        EntityMerge{m.value("a", ""), m.value("b", ""), m.value("reason", "")});
  }
}

// quotes [{text, speaker, speaker_entity, cue, kind, independent_sources, citations [citation]}]
// and claims [{unit, thing, status, independent_sources, values [{text, value, value_high,
// approx, reference_date, citation}]}].
void QuotesAndClaimsToJson(const Story& story, json& out) {
  json quotes = json::array();
  for (const StoryQuote& q : story.quotes) {
    json citations = json::array();
    for (const Citation& c : q.citations) citations.push_back(CitationToJson(c));
    quotes.push_back({{"text", q.text},
                      {"speaker", q.speaker},
                      {"speaker_entity", q.speaker_entity},
                      {"cue", q.cue},
                      {"kind", q.kind},
                      {"independent_sources", q.independent_sources},
                      {"citations", std::move(citations)}});
  }
  json claims = json::array();
  for (const Claim& c : story.claims) {
    json values = json::array();
    for (const ClaimValue& v : c.values) {
      values.push_back({{"text", v.text},
                        {"value", v.value},
                        {"value_high", v.value_high},
                        {"approx", v.approx},
                        {"reference_date", v.reference_date},
                        {"citation", CitationToJson(v.citation)}});
    }
    claims.push_back({{"unit", c.unit},
                      {"thing", c.thing},
                      {"status", c.status},
                      {"independent_sources", c.independent_sources},
                      {"values", std::move(values)}});
  }
  out["quotes"] = std::move(quotes);
  out["claims"] = std::move(claims);
}

void QuotesAndClaimsFromJson(const json& j, Story& story) {
  for (const json& q : j.value("quotes", json::array())) {
    StoryQuote quote;
    quote.text = q.value("text", "");
    quote.speaker = q.value("speaker", "");
    quote.speaker_entity = q.value("speaker_entity", "");
    quote.cue = q.value("cue", "");
    quote.kind = q.value("kind", "direct");
    quote.independent_sources = q.value("independent_sources", 0);
    for (const json& c : q.value("citations", json::array()))
      quote.citations.push_back(CitationFromJson(c));
    story.quotes.push_back(std::move(quote));
  }
  for (const json& c : j.value("claims", json::array())) {
    Claim claim;
    claim.unit = c.value("unit", "");
    claim.thing = c.value("thing", "");
    claim.status = c.value("status", "");
    claim.independent_sources = c.value("independent_sources", 0);
    for (const json& v : c.value("values", json::array())) {
      ClaimValue value;
      value.text = v.value("text", "");
      value.value = v.value("value", 0.0);
      value.value_high = v.value("value_high", 0.0);
      value.approx = v.value("approx", "");
      value.reference_date = v.value("reference_date", "");
      value.citation = CitationFromJson(v.value("citation", json::object()));
      claim.values.push_back(std::move(value));
    }
    story.claims.push_back(std::move(claim));
  }
}

}  // namespace

const char* StoredRoleName(CopyRole role) {
  switch (role) {
    case CopyRole::kCopy:
      return "copy";
    case CopyRole::kRewrite:
      return "rewrite";
    case CopyRole::kOriginal:
      break;
  }
  return "original";
}

CopyRole StoredRole(std::string_view name) {
  if (name == "copy") return CopyRole::kCopy;
  if (name == "rewrite") return CopyRole::kRewrite;
  return CopyRole::kOriginal;
}

json CitationToJson(const Citation& c) {
  return {
      {"article_id", c.article_id}, {"begin", c.span.begin}, {"end", c.span.end}, {"text", c.text}};
}

json StoryToJson(const Story& story) {
  json articles = json::array();
  for (const StoryArticle& a : story.articles) {
    articles.push_back({{"id", a.id},
                        {"source", a.source},
                        {"title", a.title},
                        {"outlet", a.outlet},
                        {"published", DateToJson(a.published)},
                        {"role", StoredRoleName(a.role)}});
  }
  json timeline = json::array();
  for (const TimelineEntry& e : story.timeline) {
    json sources = json::array();
    for (const Citation& c : e.sources) sources.push_back(CitationToJson(c));
    timeline.push_back({{"date", e.date},
                        {"background", e.background},
                        {"independent_sources", e.independent_sources},
                        {"sources", std::move(sources)}});
  }
  json shared = json::array();
  for (const auto& group : story.shared_sentences) {
    json citations = json::array();
    for (const Citation& c : group) citations.push_back(CitationToJson(c));
    shared.push_back(std::move(citations));
  }
  json out = {{"id", story.id},
              {"thread", story.thread},
              {"title", story.title},
              {"first_published", DateToJson(story.first_published)},
              {"last_published", DateToJson(story.last_published)},
              {"sources_independent", story.sources_independent},
              {"articles", std::move(articles)},
              {"timeline", std::move(timeline)},
              {"shared_sentences", std::move(shared)}};
  EntitiesToJson(story, out);
  QuotesAndClaimsToJson(story, out);
  return out;
}

Result<Story> StoryFromJson(const json& j) {
  if (!j.is_object() || !j.contains("id")) return Status::Corrupt("story JSON without id");
  try {
    Story story;
    story.id = j.value("id", "");
    story.thread = j.value("thread", "");
    story.title = j.value("title", "");
    story.first_published = DateFromJson(j.value("first_published", json()));
    story.last_published = DateFromJson(j.value("last_published", json()));
    story.sources_independent = j.value("sources_independent", 0);
    for (const json& a : j.value("articles", json::array())) {
      StoryArticle article;
      article.id = a.value("id", "");
      article.source = a.value("source", "");
      article.title = a.value("title", "");
      article.outlet = a.value("outlet", "");
      article.published = DateFromJson(a.value("published", json()));
      article.role = StoredRole(a.value("role", "original"));
      story.articles.push_back(std::move(article));
    }
    for (const json& e : j.value("timeline", json::array())) {
      TimelineEntry entry;
      entry.date = e.value("date", "");
      entry.background = e.value("background", false);
      entry.independent_sources = e.value("independent_sources", 0);
      for (const json& c : e.value("sources", json::array())) {
        entry.sources.push_back(CitationFromJson(c));
      }
      story.timeline.push_back(std::move(entry));
    }
    for (const json& group : j.value("shared_sentences", json::array())) {
      std::vector<Citation> citations;
      for (const json& c : group) citations.push_back(CitationFromJson(c));
      story.shared_sentences.push_back(std::move(citations));
    }
    EntitiesFromJson(j, story);
    QuotesAndClaimsFromJson(j, story);
    return story;
  } catch (const json::exception& e) {
    return Status::Corrupt(std::string("story JSON: ") + e.what());
  }
}

}  // namespace newsloom::store
