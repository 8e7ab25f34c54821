// What every fuzz target shares: facts a front end made, or the cache
// decoder accepted, must be facts a front end can make (file_facts_check)
// and survive a trip through the cache's encoding byte for byte. A target
// that finds otherwise aborts, which libFuzzer reports as a crash with the
// input that made it.
#ifndef STRATA_FUZZ_COMMON_H
#define STRATA_FUZZ_COMMON_H

#include "facts.h"
#include "facts_codec.h"
#include "strbuf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static inline void fuzz_fail(const char *what, const char *detail) {
  fprintf(stderr, "strata fuzz: %s%s%s\n", what, detail ? ": " : "", detail ? detail : "");
  abort();
}

// Checks facts, and that encoding, decoding and encoding again gives the
// same bytes.
static inline void fuzz_check_facts(const file_facts *facts) {
  const char *problem = NULL;
  if (!file_facts_check(facts, &problem))
    fuzz_fail("facts no front end may make", problem);
  strbuf first, second;
  strbuf_init(&first);
  strbuf_init(&second);
  facts_encode(facts, &first);
  file_facts *decoded = facts_decode(first.data, first.length);
  if (!decoded)
    fuzz_fail("the cache refuses facts a front end made", NULL);
  facts_encode(decoded, &second);
  if (first.length != second.length || memcmp(first.data, second.data, first.length) != 0)
    fuzz_fail("facts change on a trip through the cache", NULL);
  file_facts_delete(decoded);
  strbuf_release(&first);
  strbuf_release(&second);
}

// data as a NUL-terminated copy (the caller frees it); NULL when data holds
// a NUL byte, which no file a front end reads does (it is binary).
static inline char *fuzz_text(const unsigned char *data, size_t size) {
  if (memchr(data, '\0', size))
    return NULL;
  char *text = malloc(size + 1);
  if (!text)
    abort();
  memcpy(text, data, size);
  text[size] = '\0';
  return text;
}

#endif
