// libFuzzer target: the fact cache's decoder (facts_decode). Whatever it
// accepts must be facts a front end can make, and encode back to the very
// bytes it was decoded from.
#include "fuzz_common.h"

#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  file_facts *facts = facts_decode((const char *)data, size);
  if (!facts)
    return 0;
  const char *problem = NULL;
  if (!file_facts_check(facts, &problem))
    fuzz_fail("the decoder accepted facts no front end may make", problem);
  strbuf encoded;
  strbuf_init(&encoded);
  facts_encode(facts, &encoded);
  if (encoded.length != size || memcmp(encoded.data, data, size) != 0)
    fuzz_fail("decoded facts encode to other bytes", NULL);
  strbuf_release(&encoded);
  file_facts_delete(facts);
  return 0;
}
