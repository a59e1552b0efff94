// Fuzzes the reader on input named "page.txt".
#include "read_fuzz.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  newsloom::fuzz::ReadAs("page.txt", data, size);
  return 0;
}
