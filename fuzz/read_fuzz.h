// Shared body of the reader fuzz targets: read the input as a file of the given name; every page
// handed on must respect the reader's limits.
#ifndef NEWSLOOM_FUZZ_READ_FUZZ_H_
#define NEWSLOOM_FUZZ_READ_FUZZ_H_

#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "ingest/reader.h"

namespace newsloom::fuzz {

inline void ReadAs(const char* name, const uint8_t* data, size_t size) {
  ingest::ReadOptions options;
  options.max_page_bytes = 1 << 20;
  options.max_line_bytes = 64 << 10;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  ingest::ReadBytes(
      name, bytes, options,
      [&](RawPage&& page) {
        if (page.bytes.size() > options.max_page_bytes + (64 << 10)) std::abort();
        if (page.content_type.empty()) std::abort();
      },
      [](ingest::Skipped&& skipped) {
        if (skipped.reason.empty()) std::abort();
      });
}

}  // namespace newsloom::fuzz

#endif  // NEWSLOOM_FUZZ_READ_FUZZ_H_
