// Groups of items linked directly or through others, for merging what several sources say.
#ifndef NEWSLOOM_STORY_TRANSITIVE_GROUPS_H_
#define NEWSLOOM_STORY_TRANSITIVE_GROUPS_H_

#include <cstddef>
#include <vector>

#include "text/union_find.h"

namespace newsloom::story {

// The groups of items 0..n-1 under the pairs (i < j) for which linked(i, j) holds, taken
// transitively. Each group lists its members in order, and the groups come in the order of
// their first member.
template <typename Linked>
std::vector<std::vector<size_t>> TransitiveGroups(size_t n, Linked linked) {
  text::UnionFind sets(n);
  for (size_t i = 0; i < n; ++i) {
    for (size_t j = i + 1; j < n; ++j) {
      if (linked(i, j)) sets.Union(i, j);
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
