// Exact mode's cache: the facts of each translation unit of the last run,
// kept while the unit's command and every file it opened are unchanged.
//
// A unit is found by its key (a hash of its file, folder and the exact
// arguments of each of its parses) and used only when every file it opened
// (the unit, its headers, the toolkit's) still has the bytes it had: a
// file whose size, inode and modification time are those recorded (and
// older than the pack) is taken as unchanged, any other is hashed again.
// Each file is looked at once per run whatever number of units opened it.
// A header a unit did not find may be made by the next build: the folders
// where it would appear (each include dir of the command, and the
// including file's folder, joined with the header name's folders) are
// watched, and a change to any of them makes the unit parse again. The
// pack sits in the fact cache's folder, one per tree and strata version; a
// damaged pack is ignored and rewritten.
#ifndef STRATA_EXACT_CACHE_H
#define STRATA_EXACT_CACHE_H

#include "exact_flags.h"
#include "exact_tu.h"

#include <stdbool.h>
#include <stdint.h>

typedef struct exact_cache exact_cache;

typedef struct exact_unit_key {
  uint64_t low;
  uint64_t high;
} exact_unit_key;

// Opens the pack for options_key in folder. Never fails: without a usable
// pack the cache is empty. Freed with exact_cache_delete.
exact_cache *exact_cache_open(const char *folder, uint64_t options_key);
void exact_cache_delete(exact_cache *self);

// The cached facts of the unit with key when nothing it read changed, else
// NULL; the caller frees them. A unit found is kept for the next pack.
// Safe from several threads.
exact_tu *exact_cache_find(exact_cache *self, const exact_unit_key *key);
// Keeps a unit just parsed for the next pack (reading and hashing the files
// it opened, once each per run), watching for its missing headers in the
// command's include dirs (absolute). Safe from several threads.
void exact_cache_keep(exact_cache *self, const exact_unit_key *key, const exact_tu *tu,
                      const char *const *search_dirs, size_t search_dir_count);

// Whether clang knows warning flag in dialect, when an earlier run probed it.
bool exact_cache_probe_find(const exact_cache *self, const char *flag, exact_dialect dialect,
                            bool *unknown);
void exact_cache_probe_keep(exact_cache *self, const char *flag, exact_dialect dialect,
                            bool unknown);

// Writes this run's pack (unless it would equal the one read); run_start is
// when the run began. False when it could not be written.
bool exact_cache_write(exact_cache *self, int64_t run_start);

#endif
