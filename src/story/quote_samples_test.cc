// Quotes and claims of the sample pages (../shared/corpus/seeds), checked against gold.json's
// "quotes", "same_quote_across_sources" and "claims". The five pages are analysed, clustered into
// stories and built once for the whole suite.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "analyze/analyze.h"
#include "story/entity_resolution.h"
#include "story/quote_merge.h"
#include "story/story_builder.h"
#include "testing/gold_article.h"
#include "text/segment.h"

namespace newsloom::story {
namespace {

namespace fs = std::filesystem;

const fs::path kSeeds = fs::path(NEWSLOOM_SHARED_DIR) / "corpus" / "seeds";

// The words of a whole text, as QuoteWords reads a quote's.
std::vector<std::string> WordsOfText(const std::string& text) {
  auto seg = text::Segment(text);
  if (!seg.ok()) return {};
  return QuoteWords(seg->tokens, Span{0, static_cast<uint32_t>(text.size())});
}

std::vector<std::string> Lines(const fs::path& path) {
  std::ifstream in(path);
  std::vector<std::string> out;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    out.push_back(line);
  }
  return out;
}

struct Samples {
  nlohmann::json gold;
  std::vector<AnalyzedArticle> articles;  // in gold.json's order
  std::map<std::string, std::string> id_of_file;
  std::vector<Story> stories;
};

class QuoteSamplesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto samples = std::make_unique<Samples>();
    const fs::path gold_path = kSeeds / "gold.json";
    if (!fs::exists(gold_path)) return;  // each test fails on the missing data
    std::ifstream in(gold_path);
    samples->gold = nlohmann::json::parse(in);
    for (const auto& doc : samples->gold["documents"]) {
      const std::string file = doc["file"];
      const std::string id = file.substr(0, file.find('.'));
      auto analyzed =
          analyze::Analyze(testing::ArticleFromGoldLines(Lines(kSeeds / file), doc, id));
      if (!analyzed.ok()) return;
      samples->id_of_file[file] = id;
      samples->articles.push_back(std::move(analyzed).value());
    }
    // The reference stories' members (clustering the pages is checked by `newsloom eval seeds`).
    std::map<std::string, std::vector<const AnalyzedArticle*>> members;
    for (const auto& story : samples->gold["stories"]) {
      for (const auto& f : story["docs"]) {
        for (const AnalyzedArticle& a : samples->articles) {
          if (a.article.source == f.get<std::string>()) members[story["id"]].push_back(&a);
        }
      }
    }
    for (const auto& [id, articles] : members)
      samples->stories.push_back(BuildStory(id, id, articles, {}));
    samples_ = samples.release();
  }
  static void TearDownTestSuite() {
    delete samples_;
    samples_ = nullptr;
  }
  void SetUp() override {
    ASSERT_NE(samples_, nullptr) << "sample pages absent or unreadable: expected "
                                 << kSeeds / "gold.json"
                                 << " and the pages beside it";
    ASSERT_EQ(samples_->articles.size(), 5u);
  }

  // The article made from a sample file.
  static const AnalyzedArticle& Article(const std::string& file) {
    for (const AnalyzedArticle& a : samples_->articles)
      if (a.article.source == file) return a;
    ADD_FAILURE() << "no article for " << file;
    return samples_->articles.front();
  }
  // The byte range of a page line in its article body.
  static Span LineSpan(const std::string& file, int line) {
    for (const Paragraph& p : Article(file).article.paragraphs)
      if (p.line == line) return p.span;
    return {};
  }
  static bool Cites(const std::vector<Citation>& citations, const std::string& file, int line) {
    const Span span = LineSpan(file, line);
    const std::string& id = samples_->id_of_file[file];
    for (const Citation& c : citations)
      if (c.article_id == id && c.span.begin < span.end && span.begin < c.span.end) return true;
    return false;
  }

  static Samples* samples_;
};
Samples* QuoteSamplesTest::samples_ = nullptr;

// Every reference quote is a story quote citing its line, with the speaker's full name.
TEST_F(QuoteSamplesTest, AllReferenceQuotesFoundWithTheirSpeaker) {
  int right = 0;
  for (const auto& g : samples_->gold["quotes"]) {
    const std::string file = g["file"], starts = g["starts"], speaker = g["speaker"];
    const int line = g["line"];
    std::string seen;
    bool ok = false;
    for (const Story& s : samples_->stories) {
      for (const StoryQuote& q : s.quotes) {
        bool here = false;
        for (const Citation& c : q.citations)
          here |= Cites({c}, file, line) && c.text.find(starts) != std::string::npos;
        if (!here) continue;
        seen += " [" + q.speaker + "]";
        ok |= EntityKey(q.speaker) == EntityKey(speaker) && !q.speaker_entity.empty();
      }
    }
    EXPECT_TRUE(ok) << file << " line " << line << " \"" << starts << "\" by " << speaker
                    << "; found:" << seen;
    right += ok;
  }
  EXPECT_EQ(right, static_cast<int>(samples_->gold["quotes"].size()));
}

// A quote carried by several pages, worded slightly differently, is one quote citing each.
TEST_F(QuoteSamplesTest, SameQuoteAcrossSourcesIsOneQuote) {
  ASSERT_FALSE(samples_->gold["same_quote_across_sources"].empty());
  for (const auto& g : samples_->gold["same_quote_across_sources"]) {
    int holding = 0;
    for (const Story& s : samples_->stories) {
      for (const StoryQuote& q : s.quotes) {
        bool all = true;
        for (const auto& where : g["in"]) all &= Cites(q.citations, where[0], where[1]);
        if (!all) continue;
        ++holding;
        EXPECT_EQ(EntityKey(q.speaker), EntityKey(g["speaker"].get<std::string>()));
        EXPECT_GE(q.independent_sources, static_cast<int>(g["in"].size()));
      }
    }
    EXPECT_EQ(holding, 1) << g["speaker"] << ": one quote should cite every page";
  }
}

// The values of a claim that are not a conflict: no story reports them as differing, and values
// of one story are shown together as a series over time with their dates.
TEST_F(QuoteSamplesTest, NoConflictForNotAConflictClaims) {
  int checked = 0;
  for (const auto& g : samples_->gold["claims"]) {
    if (g["kind"] != "not_a_conflict") continue;
    ++checked;
    std::vector<std::pair<std::string, std::string>> values;  // figure text, file
    for (const auto& v : g["values"]) {
      const std::string text = v[0];
      values.emplace_back(text.substr(0, text.find(',')), v[1]);
    }
    for (const Story& s : samples_->stories) {
      std::set<std::string> ids;
      for (const StoryArticle& a : s.articles) ids.insert(a.id);
      bool together = true;
      for (const auto& [text, file] : values) together &= ids.count(samples_->id_of_file[file]) > 0;
      for (const Claim& c : s.claims) {
        int matched = 0;
        for (const ClaimValue& v : c.values)
          for (const auto& [text, file] : values)
            matched += v.citation.article_id == samples_->id_of_file[file] &&
                       v.citation.text.find(text) != std::string::npos &&
                       text.find(v.text.substr(v.text.find(' ') + 1)) != std::string::npos;
        if (matched == 0) continue;
        EXPECT_NE(c.status, "differ") << g["claim"] << " reported as a conflict";
        if (together && matched >= 2) {
          EXPECT_EQ(c.status, "series") << g["claim"];
          std::set<std::string> dates;
          for (const ClaimValue& v : c.values) dates.insert(v.reference_date);
          EXPECT_GE(dates.size(), 2u) << g["claim"] << ": each value with its own date";
        }
      }
      if (together) {
        // Both values in one story: they must be shown, as one claim.
        int shown = 0;
        for (const Claim& c : s.claims) {
          std::set<std::string> files;
          for (const ClaimValue& v : c.values)
            for (const auto& [text, file] : values)
              if (v.citation.article_id == samples_->id_of_file[file] &&
                  v.citation.text.find(text) != std::string::npos)
                files.insert(file);
          shown += files.size() == values.size();
        }
        EXPECT_EQ(shown, 1) << g["claim"] << ": both values in one claim";
      }
    }
  }
  EXPECT_EQ(checked, 2);
}

// Each corroborated claim is shown with both sources: a figure the sources agree on, or a quote
// both carry, whose words are those of the claim.
TEST_F(QuoteSamplesTest, CorroboratedClaimsShownWithBothSources) {
  int checked = 0;
  for (const auto& g : samples_->gold["claims"]) {
    if (g["kind"] != "corroborated") continue;
    ++checked;
    const std::string claim = g["claim"];
    std::set<std::string> sources;
    for (const auto& f : g["sources"]) sources.insert(samples_->id_of_file[f.get<std::string>()]);
    bool shown = false;
    for (const Story& s : samples_->stories) {
      for (const Claim& c : s.claims) {
        std::set<std::string> cited;
        for (const ClaimValue& v : c.values)
          if (claim.find(v.text) != std::string::npos) cited.insert(v.citation.article_id);
        shown |= c.status == "agree" && cited == sources;
      }
      for (const StoryQuote& q : s.quotes) {
        std::set<std::string> cited;
        for (const Citation& c : q.citations) {
          const std::vector<std::string> words = WordsOfText(c.text);
          const std::vector<std::string> claim_words = WordsOfText(claim);
          if (words.size() >= 2 &&
              std::search(claim_words.begin(), claim_words.end(), words.begin(),
                          words.begin() + 2) != claim_words.end())
            cited.insert(c.article_id);
        }
        shown |= cited == sources;
      }
    }
    EXPECT_TRUE(shown) << claim;
  }
  EXPECT_EQ(checked, 2);
}

}  // namespace
}  // namespace newsloom::story
