// Fuzzes the reader on input named "crawl.warc".
#include "read_fuzz.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  newsloom::fuzz::ReadAs("crawl.warc", data, size);
  return 0;
}
