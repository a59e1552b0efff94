#include "newsloom/source_list.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace newsloom::fetch {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

TEST(SourceListTest, LinesWithComments) {
  const SourceList list = ParseSourceList(
      "# my sources\n"
      "https://a.example.org/rss.xml\n"
      "\n"
      "  https://b.example.org/   # front page\n"
      "b.example.org/feed\n"
      "https://a.example.org/rss.xml?utm_source=x\n"  // the same source again
      "https://c.example.org/page#section\n"
      "ftp://d.example.org/feed\n",
      "list.txt");
  EXPECT_THAT(list.urls,
              ElementsAre("https://a.example.org/rss.xml", "https://b.example.org/",
                          "https://b.example.org/feed", "https://c.example.org/page#section"));
  ASSERT_EQ(list.problems.size(), 1u);
  EXPECT_THAT(list.problems[0], HasSubstr("list.txt:8: "));
}

TEST(SourceListTest, Opml) {
  const SourceList list = ParseSourceList(
      "<?xml version=\"1.0\"?><opml version=\"1.0\"><body>"
      "<outline text=\"a\" xmlUrl=\"https://a.example.org/rss\"/>"
      "<outline text=\"b\" xmlUrl=\"https://b.example.org/atom\"/></body></opml>",
      "feeds.opml");
  EXPECT_THAT(list.urls, ElementsAre("https://a.example.org/rss", "https://b.example.org/atom"));
  EXPECT_TRUE(list.problems.empty());
  const SourceList not_opml = ParseSourceList("<rss><channel/></rss>", "x.xml");
  EXPECT_TRUE(not_opml.urls.empty());
  ASSERT_EQ(not_opml.problems.size(), 1u);
  EXPECT_THAT(not_opml.problems[0], HasSubstr("not an OPML list"));
}

TEST(SourceListTest, ExpandsUrlsAndFiles) {
  const std::filesystem::path file =
      std::filesystem::temp_directory_path() / "newsloom_source_list_test.txt";
  std::ofstream(file) << "https://b.example.org/rss\nhttps://a.example.org/feed\n";
  const SourceList list =
      ExpandSources({"https://a.example.org/feed", file.string(), "/no/such/file"});
  std::filesystem::remove(file);
  EXPECT_THAT(list.urls, ElementsAre("https://a.example.org/feed", "https://b.example.org/rss"));
  ASSERT_EQ(list.problems.size(), 1u);
  EXPECT_THAT(list.problems[0], HasSubstr("/no/such/file"));
}

}  // namespace
}  // namespace newsloom::fetch
