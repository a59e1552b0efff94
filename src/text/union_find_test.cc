#include "text/union_find.h"

#include <gtest/gtest.h>

namespace newsloom::text {
namespace {

TEST(UnionFindTest, TheSmallestItemIsTheRootWhateverTheOrder) {
  UnionFind a(6), b(6);
  EXPECT_TRUE(a.Union(4, 2));
  EXPECT_TRUE(a.Union(2, 5));
  EXPECT_FALSE(a.Union(5, 4));  // one set already
  EXPECT_TRUE(b.Union(5, 2));
  EXPECT_TRUE(b.Union(5, 4));
  for (size_t x : {2, 4, 5}) {
    EXPECT_EQ(a.Find(x), 2u);
    EXPECT_EQ(b.Find(x), 2u);
  }
  EXPECT_EQ(a.Find(0), 0u);
  EXPECT_EQ(a.Find(3), 3u);
}

TEST(UnionFindTest, AddGrowsBySingletons) {
  UnionFind sets;
  EXPECT_EQ(sets.Add(), 0u);
  EXPECT_EQ(sets.Add(), 1u);
  EXPECT_EQ(sets.size(), 2u);
  EXPECT_NE(sets.Find(0), sets.Find(1));
  sets.Union(1, 0);
  EXPECT_EQ(sets.Find(1), 0u);
  EXPECT_GE(sets.MemoryBytes(), 2 * sizeof(uint32_t));
}

}  // namespace
}  // namespace newsloom::text
