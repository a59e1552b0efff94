// Groups of items linked directly or through others, for merging what several sources say.
#ifndef NEWSLOOM_STORY_TRANSITIVE_GROUPS_H_
#define NEWSLOOM_STORY_TRANSITIVE_GROUPS_H_

#include <algorithm>
#include <cstddef>
#include <numeric>
#include <vector>

namespace newsloom::story {

// The groups of items 0..n-1 under the pairs (i < j) for which linked(i, j) holds, taken
// transitively. Each group lists its members in order, and the groups come in the order of
// their first member.
template <typename Linked>
std::vector<std::vector<size_t>> TransitiveGroups(size_t n, Linked linked) {
  std::vector<size_t> parent(n);
  std::iota(parent.begin(), parent.end(), 0);
  auto find = [&](size_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  };
  for (size_t i = 0; i < n; ++i) {
    for (size_t j = i + 1; j < n; ++j) {
      if (!linked(i, j)) continue;
      const size_t a = find(i), b = find(j);
      if (a != b) parent[std::max(a, b)] = std::min(a, b);  // the root stays the first member
    }
  }
  std::vector<std::vector<size_t>> by_root(n);
  for (size_t i = 0; i < n; ++i) by_root[find(i)].push_back(i);
  std::vector<std::vector<size_t>> groups;
  for (std::vector<size_t>& g : by_root) {
    if (!g.empty()) groups.push_back(std::move(g));
  }
  return groups;
}

}  // namespace newsloom::story

#endif  // NEWSLOOM_STORY_TRANSITIVE_GROUPS_H_
