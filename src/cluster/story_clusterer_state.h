// The clusterer's state as a blob: every field of StoryClusterer::Impl that a later Add reads, so
// that a clusterer restored from it assigns the next articles exactly as the one that saved it.
// Included only by story_clusterer.cc, which defines Impl; kept apart from the scoring code.
#ifndef NEWSLOOM_CLUSTER_STORY_CLUSTERER_STATE_H_
#define NEWSLOOM_CLUSTER_STORY_CLUSTERER_STATE_H_

#include <algorithm>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "text/byte_archive.h"

namespace newsloom::cluster {

inline constexpr const char* kClustererStateKind = "newsloom.story_clusterer";
// Bump whenever a field is added, removed or changes meaning.
inline constexpr uint32_t kClustererStateVersion = 1;

// An inverted index (term -> stories), by increasing term so that the blob is deterministic.
template <typename Archive, typename Index>
void TransferIndex(Archive& ar, Index& index) {
  std::vector<int> terms;
  if constexpr (!Archive::kReading) {
    for (const auto& [term, list] : index) terms.push_back(term);
    std::sort(terms.begin(), terms.end());
  }
  const uint64_t n = ar.Count(terms.size());
  if constexpr (Archive::kReading) {
    index.clear();
    index.reserve(n);
  }
  for (uint64_t i = 0; i < n && ar.ok(); ++i) {
    int term = Archive::kReading ? 0 : terms[i];
    ar.Value(term);
    ar.Array(index[term]);
  }
}

template <typename Archive, typename Evidence>
void TransferEvidence(Archive& ar, Evidence& e) {
  for (auto& v : e.kind) ar.Array(v);
  ar.Optional(e.day);
  ar.Array(e.lead_event_days);
  ar.Optional(e.lead_day);
  ar.Value(e.lead_weekday);
  ar.Optional(e.seen_by);
  ar.Text(e.language);
  ar.Value(e.article);
}

// A term table (term -> id), by increasing term so that the blob is deterministic.
template <typename Archive, typename Table>
void TransferTerms(Archive& ar, Table& table) {
  std::vector<std::pair<std::string, int>> entries;
  if constexpr (!Archive::kReading) {
    entries.assign(table.begin(), table.end());
    std::sort(entries.begin(), entries.end());
  }
  ar.Size(entries);
  for (auto& [term, id] : entries) {
    ar.Text(term);
    ar.Value(id);
  }
  if constexpr (Archive::kReading) {
    table.clear();
    table.reserve(entries.size());
    for (auto& [term, id] : entries) table.emplace(std::move(term), id);
  }
}

template <typename Archive, typename Impl>
void TransferClustererState(Archive& ar, Impl& impl) {
  // The link cache is left out: it only saves recomputing links.
  TransferTerms(ar, impl.vocabulary);
  TransferTerms(ar, impl.folded_vocabulary);
  ar.Array(impl.df);
  ar.Value(impl.documents);

  ar.Size(impl.stories);
  for (auto& s : impl.stories) {
    if (!ar.ok()) break;
    ar.Value(s.id);
    ar.Value(s.thread);
    ar.Optional(s.newest_day);
    ar.Value(s.last_add);
    uint8_t active = s.active != nullptr;
    ar.Value(active);
    if (!active) continue;
    if constexpr (Archive::kReading) {
      s.active = std::make_unique<typename std::remove_reference_t<decltype(*s.active)>>();
    }
    auto& a = *s.active;
    ar.Size(a.members);
    for (auto& m : a.members) {
      ar.Value(m.article);
      TransferEvidence(ar, m.evidence);
    }
    ar.Array(a.indexed_terms);
    ar.Value(a.thread_only);
    for (auto& v : a.centroid) ar.Array(v);
    for (double& n : a.norm2) ar.Value(n);
  }
  ar.Array(impl.active_stories);
  if constexpr (Archive::kReading) {
    impl.story_ids.clear();
    for (const auto& s : impl.stories) impl.story_ids.insert(s.id);
  }
  TransferIndex(ar, impl.index);
  TransferIndex(ar, impl.thread_index);
  ar.Text(impl.article_ids);
  ar.Array(impl.article_id_end);
  ar.Array(impl.story_of);
  ar.Optional(impl.latest_day);
  ar.Value(impl.peak_active_bytes);
}

}  // namespace newsloom::cluster

#endif  // NEWSLOOM_CLUSTER_STORY_CLUSTERER_STATE_H_
