// The fact cache: the facts of every file of the last run, in one pack file
// under the cache folder (ROOT/.strata-cache unless --cache-dir), so that a
// file that did not change is never parsed again.
//
// An entry is found by path when the file's size, inode and modification
// time are those recorded (and the time is older than the run that wrote
// it, so a file changed in the same instant is not missed), and otherwise by
// the xxHash of the file's bytes. The pack's name holds a key of everything
// that changes facts (strata version, facts format, front-end options), so a
// run with other options never reads it. Every entry carries a checksum: a
// corrupt, truncated or foreign pack is ignored and rewritten, never trusted.
// A new pack is written to a temporary file and renamed into place, so
// concurrent runs each see a whole pack.
#ifndef STRATA_FACT_CACHE_H
#define STRATA_FACT_CACHE_H

#include "facts.h"
#include "strbuf.h"

#include <stdbool.h>
#include <stdint.h>
#include <sys/stat.h>

typedef struct fact_cache fact_cache;

typedef struct fact_cache_stamp {
  int64_t size;
  int64_t inode;
  int64_t mtime_sec;
  int64_t mtime_nsec;
} fact_cache_stamp;

typedef struct fact_cache_hash {
  uint64_t low;
  uint64_t high;
} fact_cache_hash;

// One file's record for the pack this run writes.
typedef struct fact_cache_record {
  bool valid; // false: leave the file out of the pack (unreadable, say)
  fact_cache_stamp stamp;
  fact_cache_hash hash;
  const char *payload; // the encoded facts: either owned_payload or bytes of the old pack
  size_t payload_length;
  char *owned_payload;
  bool reused_by_stamp; // found by path and stamp: nothing about it changed
} fact_cache_record;

fact_cache_stamp fact_cache_stamp_of(const struct stat *info);
fact_cache_hash fact_cache_hash_bytes(const char *bytes, size_t length);

// Opens the pack for options_key in folder (created when missing). Never
// fails: without a usable pack the cache is empty. The caller frees it with
// fact_cache_delete.
fact_cache *fact_cache_open(const char *folder, uint64_t options_key);
void fact_cache_delete(fact_cache *self);

// The cached facts of path when its stamp matches a trusted entry, else NULL.
// Sets *record to reuse the entry's bytes. Safe from several threads.
file_facts *fact_cache_find_by_stamp(const fact_cache *self, const char *path,
                                     const fact_cache_stamp *stamp, fact_cache_record *record);
// The cached facts of a file whose bytes hash to hash, else NULL.
file_facts *fact_cache_find_by_hash(const fact_cache *self, const fact_cache_hash *hash,
                                    fact_cache_record *record);

// Writes the pack of this run (paths[i] with records[i]) unless it would
// equal the one read. run_start: when this run began reading files. Returns
// false when it could not be written (the run goes on without).
bool fact_cache_write(fact_cache *self, const char *const *paths, const fact_cache_record *records,
                      size_t count, int64_t run_start_sec);

#endif
