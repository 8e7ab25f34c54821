// file_facts to bytes and back, for the fact cache. The format is private to
// one strata version (the cache key holds the version and FACTS_FORMAT).
// Decoding checks every length, and then every fact as file_facts_check
// does: an entry that is damaged, or whose checksum holds over nonsense, is
// refused (and the file extracted again), never trusted.
#ifndef STRATA_FACTS_CODEC_H
#define STRATA_FACTS_CODEC_H

#include "facts.h"
#include "strbuf.h"

#include <stddef.h>

// Bump when file_facts gains a field.
#define FACTS_FORMAT 9

void facts_encode(const file_facts *facts, strbuf *out);
// Returns the decoded facts (the caller frees them), or NULL when bytes are
// not a whole, well-formed encoding.
file_facts *facts_decode(const char *bytes, size_t length);

#endif
