// libFuzzer target: the baseline reader (jansson, then the checks of every
// entry, and the positions of values and errors in the text). It reads a
// baseline or reports an error, with a line and column inside the text.
#include "fuzz_common.h"

#include "baseline.h"
#include "json_position.h"

#include <stdint.h>

static bool fuzz_visit(void *context, const json_path_step *path, size_t depth, size_t offset) {
  (void)path;
  (void)depth;
  if (offset >= *(const size_t *)context)
    fuzz_fail("a JSON value placed past the end of the text", NULL);
  return true;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char *text = malloc(size + 1);
  if (!text)
    abort();
  memcpy(text, data, size);
  text[size] = '\0';
  // The position walk takes any text, JSON or not.
  json_position_walk(text, size, fuzz_visit, &size);
  char *error = NULL;
  uint32_t line = 0, column = 0;
  baseline *read = baseline_read_text(text, size, "fuzz.json", &error, &line, &column);
  if (read) {
    for (size_t i = 0; i < read->count; i++)
      if (!read->entries[i].fingerprint || !read->entries[i].path || !read->entries[i].rule)
        fuzz_fail("a baseline entry without a required member", NULL);
    baseline_delete(read);
  } else {
    if (!error)
      fuzz_fail("a baseline refused without a message", NULL);
    if (line == 0 || column == 0)
      fuzz_fail("a baseline refused without a place", error);
    free(error);
  }
  free(text);
  return 0;
}
