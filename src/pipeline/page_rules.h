// Rules for a page on its way to the store that every ingest path shares (the single-process
// pipeline and the queue workers), so that both give a page the same id and the same reason.
#ifndef NEWSLOOM_PIPELINE_PAGE_RULES_H_
#define NEWSLOOM_PIPELINE_PAGE_RULES_H_

#include <string>
#include <string_view>

#include "newsloom/status.h"
#include "text/hash.h"

namespace newsloom {

// A short, countable reason for a page that extraction or analysis rejected.
inline std::string StageReason(const char* stage, const Status& status) {
  if (stage == std::string_view("extract") && status.code() == Status::Code::kCorrupt) {
    return "no article text";
  }
  return std::string(stage) + " failed: " + status.message();
}

// The id a page gets when its own id is taken by a different page: the id, a tilde and a hash of
// id and bytes, so the same page always gets the same derived id.
inline std::string CollisionId(const std::string& id, const std::string& bytes) {
  std::string key = id;
  key.push_back('\0');
  key += bytes;
  return id + "~" + text::HexId(text::Hash64(key));
}

}  // namespace newsloom

#endif  // NEWSLOOM_PIPELINE_PAGE_RULES_H_
