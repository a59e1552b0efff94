// Finds and reads inputs: files, directories (recursively, in name order) and "-" for stdin.
// Formats are recognised by content as well as by name: plain text, HTML, JSONL (one page per
// line), WARC and WARC.gz response records, and gzip around any of them.
#ifndef NEWSLOOM_INGEST_READER_H_
#define NEWSLOOM_INGEST_READER_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "newsloom/raw_page.h"
#include "newsloom/status.h"

namespace newsloom::ingest {

// An input, or a record inside one, that was not read, and why.
struct Skipped {
  std::string source;  // path, plus "#N" for the Nth record of a container
  std::string reason;  // "binary content", "invalid UTF-8", "empty file", "truncated gzip", ...
};

struct ReadOptions {
  uint64_t max_page_bytes = 16u << 20;  // larger pages are skipped as "page too large"
  uint64_t max_line_bytes = 1u << 20;   // a single line longer than this: "line too long"
};

// Calls `sink` once per page found, in a deterministic order, and `skip` once per input or record
// that was skipped. Returns an error only when nothing could be read at all (for example a path
// that does not exist is reported through `skip`, and reading goes on with the next path).
Status ReadInputs(const std::vector<std::string>& paths, const ReadOptions& options,
                  const std::function<void(RawPage&&)>& sink,
                  const std::function<void(Skipped&&)>& skip);

// Reads `bytes` as the content of one input named `source` (any format above, gzip included).
// For benchmarks and fuzzing; always returns Ok, problems go through `skip`.
Status ReadBytes(const std::string& source, std::string_view bytes, const ReadOptions& options,
                 const std::function<void(RawPage&&)>& sink,
                 const std::function<void(Skipped&&)>& skip);

}  // namespace newsloom::ingest

#endif  // NEWSLOOM_INGEST_READER_H_
