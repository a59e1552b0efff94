// The sample pages through extraction, analysis (with the committed entity tagger) and entity
// resolution, one reference story at a time, checked against gold.json's `entities`: every variant
// that occurs in an article maps to one entity, and `distinct_from` names stay apart. Variants the
// tagger does not tag at all are reported separately; they are not resolution errors.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "analyze/analyze.h"
#include "analyze/ner.h"
#include "extract/extract.h"
#include "story/entity_resolution.h"

namespace newsloom::story {
namespace {

namespace fs = std::filesystem;

const fs::path kSeeds = fs::path(NEWSLOOM_SHARED_DIR) / "corpus" / "seeds";

std::string ReadAll(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

bool IsWordByte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         static_cast<unsigned char>(c) >= 0x80;
}

struct Occurrence {
  size_t article;
  Span span;
  std::string variant;
};

class EntitySamplesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const fs::path gold_path = kSeeds / "gold.json";
    ASSERT_TRUE(fs::exists(gold_path)) << "sample pages absent: expected " << gold_path
                                       << " (the shared data beside the checkout)";
    ASSERT_TRUE(fs::exists(analyze::DefaultNerModelPath()))
        << "entity model absent: expected " << analyze::DefaultNerModelPath();
    gold_ = nlohmann::json::parse(ReadAll(gold_path));
    std::vector<RawPage> pages;
    extract::LineStats stats;
    for (const auto& doc : gold_["documents"]) {
      RawPage page;
      page.source = doc["file"].get<std::string>();
      page.content_type = "text/plain";
      page.bytes = ReadAll(kSeeds / page.source);
      ASSERT_FALSE(page.bytes.empty()) << page.source;
      stats.AddPage(page);
      pages.push_back(std::move(page));
    }
    for (const RawPage& page : pages) {
      Result<Article> article = extract::Extract(page, &stats);
      ASSERT_TRUE(article.ok()) << page.source << ": " << article.status().ToString();
      article->id = page.source;
      Result<AnalyzedArticle> analyzed = analyze::Analyze(std::move(article).value());
      ASSERT_TRUE(analyzed.ok()) << analyzed.status().ToString();
      articles_[page.source] = std::move(analyzed).value();
    }
  }

  nlohmann::json gold_;
  std::map<std::string, AnalyzedArticle> articles_;
};

TEST_F(EntitySamplesTest, GoldVariantsMapToOneEntityAndDistinctNamesStayApart) {
  int checked_variants = 0, tagger_misses = 0, resolution_errors = 0;
  for (const auto& story : gold_["stories"]) {
    SCOPED_TRACE(story["id"].get<std::string>());
    std::vector<const AnalyzedArticle*> arts;
    for (const auto& f : story["docs"]) arts.push_back(&articles_.at(f.get<std::string>()));
    const ResolvedEntities resolved = ResolveEntities(arts);
    std::map<std::pair<std::string, uint32_t>, int> entity_of_mention;  // (article, begin) -> index
    std::vector<std::vector<Span>> mention_spans(arts.size());
    for (size_t e = 0; e < resolved.entities.size(); ++e) {
      for (const Citation& c : resolved.entities[e].mentions) {
        entity_of_mention[{c.article_id, c.span.begin}] = static_cast<int>(e);
      }
    }

    // Every occurrence of every gold name (variants and distinct_from names), whole words only;
    // an occurrence inside a longer one ("Kim" in "Kim Il Sung") belongs to the longer one.
    std::set<std::string> names;
    for (const auto& ent : gold_["entities"]) {
      for (const auto& v : ent["variants"]) names.insert(v.get<std::string>());
      for (const auto& v : ent.value("distinct_from", nlohmann::json::array())) {
        names.insert(v.get<std::string>());
      }
    }
    std::vector<Occurrence> occurrences;
    for (size_t a = 0; a < arts.size(); ++a) {
      const std::string& body = arts[a]->article.body;
      for (const std::string& name : names) {
        for (size_t pos = body.find(name); pos != std::string::npos; pos = body.find(name, pos + 1)) {
          const size_t end = pos + name.size();
          if ((pos > 0 && IsWordByte(body[pos - 1])) || (end < body.size() && IsWordByte(body[end]))) {
            continue;
          }
          occurrences.push_back(
              Occurrence{a, Span{static_cast<uint32_t>(pos), static_cast<uint32_t>(end)}, name});
        }
      }
    }
    std::vector<Occurrence> outer;
    for (const Occurrence& o : occurrences) {
      bool inside = false;
      for (const Occurrence& p : occurrences) {
        if (p.article == o.article && p.span.begin <= o.span.begin && o.span.end <= p.span.end &&
            p.span.size() > o.span.size()) {
          inside = true;
        }
      }
      if (!inside) outer.push_back(o);
    }
    // name -> entities of the mentions overlapping its occurrences.
    std::map<std::string, std::set<int>> entities_of;
    std::map<std::string, int> missed;
    for (const Occurrence& o : outer) {
      const AnalyzedArticle& a = *arts[o.article];
      std::set<int> found;
      for (const EntityMention& m : a.entities) {
        if (m.span.begin < o.span.end && o.span.begin < m.span.end) {
          auto it = entity_of_mention.find({a.article.id, m.span.begin});
          if (it != entity_of_mention.end()) found.insert(it->second);
        }
      }
      if (found.empty()) {
        ++missed[o.variant];
      } else {
        entities_of[o.variant].insert(found.begin(), found.end());
      }
    }
    for (const auto& [name, n] : missed) {
      ++tagger_misses;
      std::cout << "[tagger miss] " << story["id"].get<std::string>() << ": \"" << name
                << "\" untagged at " << n << " occurrence(s)\n";
    }

    for (const auto& ent : gold_["entities"]) {
      const std::string gold_name = ent["name"];
      std::set<int> ids;
      for (const auto& v : ent["variants"]) {
        const std::string variant = v.get<std::string>();
        auto it = entities_of.find(variant);
        if (it == entities_of.end()) continue;
        ++checked_variants;
        ids.insert(it->second.begin(), it->second.end());
      }
      if (ids.size() > 1) {
        ++resolution_errors;
        std::ostringstream split;
        for (int id : ids) {
          split << " [" << resolved.entities[id].name << ":";
          for (const auto& v : resolved.entities[id].variants) split << " \"" << v << "\"";
          split << "]";
        }
        ADD_FAILURE() << gold_name << " is split over " << ids.size() << " entities:" << split.str();
      }
      for (const auto& d : ent.value("distinct_from", nlohmann::json::array())) {
        auto it = entities_of.find(d.get<std::string>());
        if (it == entities_of.end()) continue;
        for (int id : it->second) {
          if (ids.count(id)) {
            ++resolution_errors;
            ADD_FAILURE() << gold_name << " merged with distinct " << d.get<std::string>();
          }
        }
      }
    }
    // Two gold entities must not share one resolved entity.
    std::map<int, std::string> owner;
    for (const auto& ent : gold_["entities"]) {
      std::set<int> ids;
      for (const auto& v : ent["variants"]) {
        auto it = entities_of.find(v.get<std::string>());
        if (it != entities_of.end()) ids.insert(it->second.begin(), it->second.end());
      }
      for (int id : ids) {
        auto [it, inserted] = owner.emplace(id, ent["name"].get<std::string>());
        if (!inserted) {
          ++resolution_errors;
          ADD_FAILURE() << it->second << " and " << ent["name"].get<std::string>()
                        << " resolved to one entity (" << resolved.entities[id].name << ")";
        }
      }
    }
  }
  std::cout << "[entity sample check] variants checked " << checked_variants << ", tagger misses "
            << tagger_misses << ", resolution errors " << resolution_errors << "\n";
  EXPECT_GT(checked_variants, 20);
}

}  // namespace
}  // namespace newsloom::story
