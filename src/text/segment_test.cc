#include "text/segment.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

namespace newsloom::text {
namespace {

std::vector<std::string> SentenceTexts(std::string_view text, const Segmentation& s) {
  std::vector<std::string> out;
  for (const Span& span : s.sentences) out.emplace_back(text.substr(span.begin, span.size()));
  return out;
}

TEST(SegmentTest, Sentences) {
  struct Row {
    std::string text;
    std::vector<std::string> sentences;
  } rows[] = {
      {"Mr. Kim met Mr. Putin. They talked.", {"Mr. Kim met Mr. Putin.", "They talked."}},
      {"The U.S. said no. Russia agreed.", {"The U.S. said no.", "Russia agreed."}},
      {"A line without end\nSecond paragraph. Two.",
       {"A line without end", "Second paragraph.", "Two."}},
      {"  Leading space.  \n\n  ", {"Leading space."}},
      {"Él dijo “sí”. Ça va? Oui!", {"Él dijo “sí”.", "Ça va?", "Oui!"}},
      {"", {}},
  };
  for (const Row& row : rows) {
    auto seg = Segment(row.text);
    ASSERT_TRUE(seg.ok()) << seg.status().ToString();
    EXPECT_EQ(SentenceTexts(row.text, *seg), row.sentences) << row.text;
  }
}

TEST(SegmentTest, TokensCarryByteOffsets) {
  struct Expected {
    uint32_t begin, end;
    const char* norm;
    bool is_word, capitalized;
  };
  struct Row {
    std::string text;
    std::vector<Expected> tokens;
  } rows[] = {
      {"Mr. Kim", {{0, 2, "mr", true, true}, {2, 3, ".", false, false}, {4, 7, "kim", true, true}}},
      // "é" and "’" are two and three bytes: offsets count bytes, not characters.
      {"Café Korea’s", {{0, 5, "café", true, true}, {6, 15, "korea's", true, true}}},
      {"ＡＢＣ 1,000", {{0, 9, "abc", true, true}, {10, 15, "1,000", true, false}}},
      {"U.S. pact",
       {{0, 3, "u.s", true, true}, {3, 4, ".", false, false}, {5, 9, "pact", true, false}}},
      {"STRASSE Straße", {{0, 7, "strasse", true, true}, {8, 15, "strasse", true, true}}},
  };
  for (const Row& row : rows) {
    auto seg = Segment(row.text);
    ASSERT_TRUE(seg.ok());
    ASSERT_EQ(seg->tokens.size(), row.tokens.size()) << row.text;
    for (size_t i = 0; i < row.tokens.size(); ++i) {
      const Token& t = seg->tokens[i];
      const Expected& e = row.tokens[i];
      EXPECT_EQ(t.span.begin, e.begin) << row.text << " #" << i;
      EXPECT_EQ(t.span.end, e.end) << row.text << " #" << i;
      EXPECT_EQ(t.norm, e.norm) << row.text << " #" << i;
      EXPECT_EQ(t.is_word, e.is_word) << row.text << " #" << i;
      EXPECT_EQ(t.capitalized, e.capitalized) << row.text << " #" << i;
    }
  }
}

TEST(SegmentTest, JoinHyphenatedMakesCompoundsOneWord) {
  struct Row {
    std::string text;
    std::vector<std::string> norms;
  } rows[] = {
      {"a three-day strike", {"a", "three-day", "strike"}},
      {"Bashar al-Assad's", {"bashar", "al-assad's"}},
      {"5-10 or 2024-06-19", {"5-10", "or", "2024-06-19"}},
      {"well - no", {"well", "-", "no"}},           // spaces around: a dash, not a compound
      {"up-", {"up", "-"}},                         // nothing after the hyphen
      {"pre–war", {"pre", "\xE2\x80\x93", "war"}},  // an en dash joins nothing
  };
  for (const Row& row : rows) {
    auto seg = Segment(row.text);
    ASSERT_TRUE(seg.ok());
    std::vector<std::string> norms;
    for (const Token& t : JoinHyphenated(seg->tokens)) norms.push_back(t.norm);
    EXPECT_EQ(norms, row.norms) << row.text;
  }
  auto seg = Segment("Jean-Marc said");
  ASSERT_TRUE(seg.ok());
  const std::vector<Token> joined = JoinHyphenated(seg->tokens);
  ASSERT_EQ(joined.size(), 2u);
  EXPECT_EQ(joined[0].span.begin, 0u);
  EXPECT_EQ(joined[0].span.end, 9u);
  EXPECT_TRUE(joined[0].is_word);
  EXPECT_TRUE(joined[0].capitalized);
}

TEST(SegmentTest, SpansStayInsideParagraphs) {
  const std::string text = "One. Two\nThree.\nFour";
  auto seg = Segment(text);
  ASSERT_TRUE(seg.ok());
  for (const Span& s : seg->sentences) {
    EXPECT_EQ(text.substr(s.begin, s.size()).find('\n'), std::string::npos);
  }
  EXPECT_EQ(seg->sentences.size(), 4u);
}

TEST(SegmentTest, IllFormedBytesDoNotCrash) {
  const std::string text = "Bad \xFF\xFE bytes. And \xC3 more.";
  auto seg = Segment(text);
  ASSERT_TRUE(seg.ok());
  for (const Token& t : seg->tokens) EXPECT_LE(t.span.end, text.size());
  EXPECT_FALSE(seg->sentences.empty());
}

TEST(SegmentTest, SameResultOnEveryThread) {
  const std::string text = "Mr. Kim met Mr. Putin in Pyongyang. The U.S. said so.";
  auto expected = Segment(text);
  ASSERT_TRUE(expected.ok());
  std::vector<std::thread> threads;
  std::vector<size_t> sizes(4);
  for (int i = 0; i < 4; ++i) {
    threads.emplace_back([&, i] {
      auto got = Segment(text);
      sizes[i] = got.ok() ? got->tokens.size() + 1000 * got->sentences.size() : 0;
    });
  }
  for (auto& t : threads) t.join();
  for (size_t s : sizes) {
    EXPECT_EQ(s, expected->tokens.size() + 1000 * expected->sentences.size());
  }
}

}  // namespace
}  // namespace newsloom::text
