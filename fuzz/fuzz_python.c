// libFuzzer target: the Python front end (tree-sitter-python, the guard,
// the import, deprecation and suppression walks) on one file.
#include "fuzz_frontend.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  return fuzz_frontend_run("fuzz.py", data, size);
}
