// The baseline: the findings a tree already had when it adopted strata, so
// that `strata check` reports only new ones (docs/suppressions.md).
//
// A JSON file written by `strata baseline`, one finding per line so that
// its diffs review well, sorted by path, rule, summary and fingerprint:
//
//   {
//     "version": 1,
//     "findings": [
//       {"path": "a.py", "rule": "import-cycle", "summary": "...", "fingerprint": "..."},
//       ...
//     ]
//   }
//
// An entry matches a finding by fingerprint alone (rule, files and statement
// text, never line numbers). Two findings with one fingerprint need two
// entries: each entry matches one finding.
#ifndef STRATA_BASELINE_H
#define STRATA_BASELINE_H

#include "finding.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct baseline_entry {
  char *path;
  char *rule;
  char *summary; // may be NULL
  char *fingerprint;
  // Where the entry is in the file (its line, at its first non-blank
  // character), for a stale entry's finding; 1:1 when it cannot be found.
  uint32_t line;
  uint32_t column;
  bool matched;
} baseline_entry;

typedef struct baseline {
  char *path;              // as given to baseline_read
  baseline_entry *entries; // in file order
  size_t count;
  size_t *by_fingerprint; // entry indices, sorted by fingerprint, then file order
} baseline;

// Reads and checks the baseline at path. Returns NULL and sets *error (the
// caller frees it) when it cannot be read or is not a baseline; *line and
// *column then say where in the file the problem is (a syntax error, or the
// value that is wrong or lacks what is missing), both 0 only when the file
// could not be read.
// The caller frees the result with baseline_delete.
baseline *baseline_read(const char *path, char **error, uint32_t *line, uint32_t *column);
// The same for the text of a baseline already in memory (length bytes, no
// NUL needed), which path names in messages.
baseline *baseline_read_text(const char *text, size_t length, const char *path, char **error,
                             uint32_t *line, uint32_t *column);
void baseline_delete(baseline *self);

// Marks the first unmatched entry with fingerprint matched. False when there
// is none (the finding is new).
bool baseline_match(baseline *self, const char *fingerprint);
// How many entries matched nothing.
size_t baseline_unmatched_count(const baseline *self);

// Writes a baseline of the findings whose include[index] is true (every
// finding when include is NULL) to path, whole or not at all. False with
// *error (the caller frees it) when it cannot.
bool baseline_write_findings(const char *path, const finding_list *findings, const bool *include,
                             char **error);
// Rewrites self->path with its matched entries only (what
// `strata check --update-baseline` does); entries are never added.
bool baseline_write_matched(const baseline *self, char **error);

#endif
