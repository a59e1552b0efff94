// Fuzzes the reader on input named "page".
#include "read_fuzz.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  newsloom::fuzz::ReadAs("page", data, size);
  return 0;
}
