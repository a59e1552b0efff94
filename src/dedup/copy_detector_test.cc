#include <gtest/gtest.h>

#include <functional>
#include <map>
#include <numeric>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "analyze/analyze.h"
#include "newsloom/dedup.h"

namespace newsloom::dedup {
namespace {

AnalyzedArticle Make(const std::string& id, const std::string& body,
                     std::optional<Date> published = std::nullopt) {
  Article a;
  a.id = id;
  a.body = body;
  a.published = published;
  auto r = analyze::Analyze(std::move(a));
  EXPECT_TRUE(r.ok());
  return std::move(r).value();
}

// Deterministic pseudo-text: `n` words drawn from a vocabulary of 5,000.
std::vector<std::string> Words(std::mt19937& rng, int n) {
  std::vector<std::string> out;
  std::uniform_int_distribution<int> pick(0, 4999);
  for (int i = 0; i < n; ++i) out.push_back("w" + std::to_string(pick(rng)));
  return out;
}

std::string Join(const std::vector<std::string>& words, int per_paragraph = 1000000) {
  std::string out;
  for (size_t i = 0; i < words.size(); ++i) {
    if (i > 0) out += (i % per_paragraph == 0) ? '\n' : ' ';
    out += words[i];
  }
  return out;
}

const CopyGroup* GroupOf(const std::vector<CopyGroup>& groups, const std::string& id) {
  for (const CopyGroup& g : groups) {
    for (const std::string& a : g.article_ids) {
      if (a == id) return &g;
    }
  }
  return nullptr;
}

CopyRole RoleOf(const CopyGroup& g, const std::string& id) {
  for (size_t i = 0; i < g.article_ids.size(); ++i) {
    if (g.article_ids[i] == id) return g.roles[i];
  }
  ADD_FAILURE() << id << " not in group";
  return CopyRole::kOriginal;
}

TEST(CopyDetectorTest, ExactNearRewriteAndUnrelated) {
  std::mt19937 rng(1);
  const std::vector<std::string> base = Words(rng, 400);
  std::vector<std::string> near = base;
  for (int i = 0; i < 4; ++i) near[50 + i * 90] = "changed";
  // A rewrite keeps three of its five paragraphs and writes two anew.
  std::vector<std::string> rewrite = base;
  const std::vector<std::string> fresh = Words(rng, 160);
  std::copy(fresh.begin(), fresh.end(), rewrite.begin() + 80);

  CopyDetector detector;
  detector.Add(Make("copy-first-ingested", Join(base, 80), Date{2024, 6, 19}));
  detector.Add(Make("original", Join(base, 80), Date{2024, 6, 18}));
  detector.Add(Make("near", Join(near, 80), Date{2024, 6, 20}));
  detector.Add(Make("rewrite", Join(rewrite, 80)));
  detector.Add(Make("unrelated", Join(Words(rng, 400), 80)));
  const std::vector<CopyGroup> groups = detector.Groups();

  ASSERT_EQ(groups.size(), 1u);
  const CopyGroup& g = groups[0];
  EXPECT_EQ(g.article_ids,
            (std::vector<std::string>{"copy-first-ingested", "original", "near", "rewrite"}));
  EXPECT_EQ(g.first_publisher, "original");  // earliest date wins over ingest order
  EXPECT_EQ(RoleOf(g, "original"), CopyRole::kOriginal);
  EXPECT_EQ(RoleOf(g, "copy-first-ingested"), CopyRole::kCopy);
  EXPECT_EQ(RoleOf(g, "near"), CopyRole::kCopy);
  EXPECT_EQ(RoleOf(g, "rewrite"), CopyRole::kRewrite);
  EXPECT_EQ(GroupOf(groups, "unrelated"), nullptr);
  EXPECT_DOUBLE_EQ(g.similarity[0], 1.0);
  EXPECT_EQ(g.id.size(), 16u);
}

TEST(CopyDetectorTest, UndatedAndTiesGoByIngestOrder) {
  const std::string text =
      "The council approved the new budget on Monday after a long debate about schools and roads.";
  CopyDetector detector;
  detector.Add(Make("a", text));
  detector.Add(Make("b", text, Date{2024, 1, 2}));
  detector.Add(Make("c", text, Date{2024, 1, 2}));
  auto groups = detector.Groups();
  ASSERT_EQ(groups.size(), 1u);
  EXPECT_EQ(groups[0].first_publisher, "b");  // dated before undated, then ingest order
}

TEST(CopyDetectorTest, EmptyBodiesAreNotCopies) {
  CopyDetector detector;
  detector.Add(Make("a", ""));
  detector.Add(Make("b", "  \n "));
  EXPECT_TRUE(detector.Groups().empty());
}

// LSH is a fast path: cross-check it against brute-force Jaccard over all pairs. Every pair at or
// above the copy threshold must be grouped (at J >= 0.8, 32 bands of 4 rows miss a pair with
// probability below 1e-7), and nothing may be grouped that brute force does not connect.
TEST(CopyDetectorTest, LshAgreesWithBruteForce) {
  std::mt19937 rng(42);
  std::vector<std::vector<std::string>> docs;
  for (int family = 0; family < 12; ++family) {
    const std::vector<std::string> base = Words(rng, 200);
    for (int variant = 0; variant < 4; ++variant) {
      std::vector<std::string> doc = base;
      const int edits = variant * variant * 3;  // 0, 3, 12, 27 changed words
      std::uniform_int_distribution<int> pos(0, 199);
      for (int e = 0; e < edits; ++e) doc[pos(rng)] = "edit" + std::to_string(e);
      docs.push_back(doc);
    }
  }
  DedupOptions options;
  options.rewrite_shared_paragraphs = 2.0;  // shingles only: no paragraph links
  CopyDetector detector(options);
  std::vector<AnalyzedArticle> analyzed;
  std::vector<std::vector<uint64_t>> shingles;
  for (size_t i = 0; i < docs.size(); ++i) {
    analyzed.push_back(Make("d" + std::to_string(i), Join(docs[i])));
    shingles.push_back(analyze::ShingleHashes(analyzed.back().tokens, 5));
    detector.Add(analyzed.back());
  }
  const auto groups = detector.Groups();
  std::map<std::string, std::string> group_of;
  for (const CopyGroup& g : groups) {
    for (const std::string& id : g.article_ids) group_of[id] = g.id;
  }
  // Brute-force components at the rewrite threshold.
  std::vector<int> comp(docs.size());
  std::iota(comp.begin(), comp.end(), 0);
  std::function<int(int)> find = [&](int x) { return comp[x] == x ? x : comp[x] = find(comp[x]); };
  int high_pairs = 0;
  for (size_t i = 0; i < docs.size(); ++i) {
    for (size_t j = i + 1; j < docs.size(); ++j) {
      const double jac = analyze::Jaccard(shingles[i], shingles[j]);
      if (jac >= options.rewrite_jaccard)
        comp[find(static_cast<int>(i))] = find(static_cast<int>(j));
      if (jac >= options.near_duplicate_jaccard) {
        ++high_pairs;
        const std::string a = "d" + std::to_string(i), b = "d" + std::to_string(j);
        ASSERT_TRUE(group_of.count(a) && group_of.count(b)) << a << " " << b << " J=" << jac;
        EXPECT_EQ(group_of[a], group_of[b]) << a << " " << b << " J=" << jac;
      }
    }
  }
  EXPECT_GE(high_pairs, 12);  // at least variants 0 and 1 of every family
  for (const CopyGroup& g : groups) {
    std::set<int> roots;
    for (const std::string& id : g.article_ids) roots.insert(find(std::stoi(id.substr(1))));
    EXPECT_EQ(roots.size(), 1u) << "group " << g.id << " joins articles brute force keeps apart";
  }
}

TEST(CopyDetectorTest, DeterministicGroups) {
  std::mt19937 rng(3);
  const std::vector<std::string> base = Words(rng, 300);
  auto run = [&] {
    CopyDetector d;
    for (int i = 0; i < 5; ++i) d.Add(Make("x" + std::to_string(i), Join(base, 60)));
    return d.Groups();
  };
  const auto a = run(), b = run();
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].id, b[i].id);
    EXPECT_EQ(a[i].article_ids, b[i].article_ids);
  }
}

}  // namespace
}  // namespace newsloom::dedup
