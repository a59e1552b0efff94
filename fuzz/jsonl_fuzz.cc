// Fuzzes the reader on input named "pages.jsonl".
#include "read_fuzz.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  newsloom::fuzz::ReadAs("pages.jsonl", data, size);
  return 0;
}
