// The Snowball stop lists embedded at build time (embed_stop_lists.cmake), for stopwords.cc.
#ifndef NEWSLOOM_TEXT_SNOWBALL_STOP_LISTS_H_
#define NEWSLOOM_TEXT_SNOWBALL_STOP_LISTS_H_

#include <cstddef>
#include <string_view>

namespace newsloom::text {

struct SnowballStopList {
  std::string_view language;  // ISO 639-1
  const std::string_view* words;
  size_t size;
};

extern const SnowballStopList kSnowballStopLists[];
extern const size_t kSnowballStopListCount;

}  // namespace newsloom::text

#endif  // NEWSLOOM_TEXT_SNOWBALL_STOP_LISTS_H_
