// The seam between parsers and the rest of strata.
//
// A front end claims files by name, and turns the vetted bytes of one file
// into file_facts. It keeps its parser in a worker: one worker per thread,
// so extraction can run in parallel with no locks. A front end never prints
// and never exits: problems go into the facts as notices.
#ifndef STRATA_FRONTEND_H
#define STRATA_FRONTEND_H

#include "config.h"
#include "facts.h"
#include "source.h"

#include <stdbool.h>

typedef struct frontend_worker frontend_worker;

typedef struct frontend {
  const char *name; // "python", "cxx"
  // Whether this front end reads path; sets *language when it does.
  bool (*claims)(const char *path, strata_language *language);
  // A worker with its own parser, freed with worker_delete. NULL on failure.
  frontend_worker *(*worker_new)(const strata_config *config);
  void (*worker_delete)(frontend_worker *worker);
  // Adds what source holds to facts. Returns false only when the front end
  // could not run at all (facts then hold a notice saying why).
  bool (*extract)(frontend_worker *worker, const source_text *source, file_facts *facts);
  // Optional, for a front end whose parser costs most to start: the facts of
  // count files at once, exactly what extract would give each (ok[i] is its
  // result). NULL when the front end has none.
  void (*extract_batch)(frontend_worker *worker, const source_text *sources,
                        file_facts *const *facts, bool *ok, size_t count);
} frontend;

// Every front end, in a fixed order; NULL-terminated.
extern const frontend *const strata_frontends[];

// The front end that claims path, or NULL.
const frontend *frontend_for_path(const char *path, strata_language *language);

#endif
