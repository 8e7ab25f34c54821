// libFuzzer target: the C/C++ front end (libclang's lexing, the directive,
// deprecation and suppression walks) on one C++ header.
#include "fuzz_frontend.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  return fuzz_frontend_run("fuzz.h", data, size);
}
