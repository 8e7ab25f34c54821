// Little-endian integers and byte runs, for the caches' packs (fact_cache.c,
// exact/exact_cache.c). A reader checks every width against what is left
// and stays failed after the first short read, so a caller checks ok once.
#ifndef STRATA_BYTE_PACK_H
#define STRATA_BYTE_PACK_H

#include "strbuf.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct byte_reader {
  const char *at;
  const char *end;
  bool ok;
} byte_reader;

// An unsigned integer of width bytes (1 to 8); 0 once the reader failed.
uint64_t byte_reader_uint(byte_reader *self, size_t width);
// The next length bytes, in place; NULL once the reader failed.
const char *byte_reader_bytes(byte_reader *self, size_t length);
// Appends value as width little-endian bytes.
void byte_pack_put_uint(strbuf *out, uint64_t value, size_t width);

#endif
