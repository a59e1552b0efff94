// Groups of items linked directly or through others, for merging what several sources say.
#ifndef NEWSLOOM_STORY_TRANSITIVE_GROUPS_H_
#define NEWSLOOM_STORY_TRANSITIVE_GROUPS_H_

#include <cstddef>
#include <map>
#include <vector>

#include "text/union_find.h"

namespace newsloom::story {

// The groups of items 0..n-1 under the pairs (i < j) for which linked(i, j) holds, taken
// transitively. Only pairs of the same block are tried: linked must be false across blocks.
// Each group lists its members in order, and the groups come in the order of their first member.
template <typename Block, typename Linked>
std::vector<std::vector<size_t>> TransitiveGroupsWithin(const std::vector<Block>& block,
                                                        Linked linked) {
  const size_t n = block.size();
  std::map<Block, std::vector<size_t>> members;
  for (size_t i = 0; i < n; ++i) members[block[i]].push_back(i);
  text::UnionFind sets(n);
  for (const auto& [key, items] : members) {
    for (size_t a = 0; a < items.size(); ++a) {
      for (size_t b = a + 1; b < items.size(); ++b) {
        // Already one group: the pair cannot change it.
        if (sets.Find(items[a]) == sets.Find(items[b])) continue;
        if (linked(items[a], items[b])) sets.Union(items[a], items[b]);
      }
    }
  }
  std::vector<std::vector<size_t>> by_root(n);  // the root is the first member
  for (size_t i = 0; i < n; ++i) by_root[sets.Find(i)].push_back(i);
  std::vector<std::vector<size_t>> groups;
  for (std::vector<size_t>& g : by_root) {
    if (!g.empty()) groups.push_back(std::move(g));
  }
  return groups;
}

}  // namespace newsloom::story

#endif  // NEWSLOOM_STORY_TRANSITIVE_GROUPS_H_
