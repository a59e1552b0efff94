// What ingest hands to extraction: the bytes of one page and what its container said about it.
#ifndef NEWSLOOM_RAW_PAGE_H_
#define NEWSLOOM_RAW_PAGE_H_

#include <optional>
#include <string>

namespace newsloom {

struct RawPage {
  std::string
      source;       // the input as the user named it, plus "#N" for the Nth record of a container
  std::string url;  // the page's own URL when known (WARC target, JSONL url), else empty
  std::string fetched_at;    // ISO 8601 when the container gives it or the page was fetched live
  std::string content_type;  // "text/plain" or "text/html", sniffed from content as well as name
  std::string bytes;         // the page itself, as stored in the input

  // Fields a JSONL record or a feed item may carry; they take precedence over what extraction
  // finds.
  std::optional<std::string> given_id;
  std::optional<std::string> given_title;
  std::optional<std::string> given_published;
  std::optional<std::string> given_summary;  // a feed item's summary, as plain text
};

}  // namespace newsloom

#endif  // NEWSLOOM_RAW_PAGE_H_
