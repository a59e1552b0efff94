// Disjoint sets over items 0..n-1 (union-find with path halving). The smallest item of a set is its
// root, so the sets and their roots do not depend on the order of the unions.
#ifndef NEWSLOOM_TEXT_UNION_FIND_H_
#define NEWSLOOM_TEXT_UNION_FIND_H_

#include <cstddef>
#include <cstdint>
#include <numeric>
#include <utility>
#include <vector>

namespace newsloom::text {

class UnionFind {
 public:
  explicit UnionFind(size_t n = 0) : parent_(n) { std::iota(parent_.begin(), parent_.end(), 0); }

  // Adds a set of one new item and returns the item (the previous size()).
  size_t Add() {
    parent_.push_back(static_cast<uint32_t>(parent_.size()));
    return parent_.size() - 1;
  }
  size_t size() const { return parent_.size(); }

  // The root of x's set: its smallest item.
  size_t Find(size_t x) {
    while (parent_[x] != x) x = parent_[x] = parent_[parent_[x]];
    return x;
  }

  // Joins the sets of a and b; false when they were one set already.
  bool Union(size_t a, size_t b) {
    a = Find(a);
    b = Find(b);
    if (a == b) return false;
    if (b < a) std::swap(a, b);
    parent_[b] = static_cast<uint32_t>(a);
    return true;
  }

  // Bytes held, for memory accounting.
  size_t MemoryBytes() const { return parent_.capacity() * sizeof(uint32_t); }

 private:
  std::vector<uint32_t> parent_;  // items stay below 2^32
};

}  // namespace newsloom::text

#endif  // NEWSLOOM_TEXT_UNION_FIND_H_
