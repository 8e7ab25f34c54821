// What one file may cost a front end: max_file_seconds of CPU time of the
// thread that reads it, and max_file_memory bytes of the parser's memory
// (docs/config.md). A file over either is reported once as a notice; the
// front end skips it (Python: tree-sitter's parse is cancelled) or keeps
// what it read before (C/C++: libclang lexes a file a chunk at a time and
// stops between chunks). Real files need a small part of the defaults: the
// budget is there for input shaped to make a parser's time or memory grow
// without end, which a guard did not foresee.
#ifndef STRATA_FILE_BUDGET_H
#define STRATA_FILE_BUDGET_H

#include "config.h"

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

typedef struct file_budget {
  double seconds;        // CPU seconds
  size_t memory;         // bytes
  struct timespec start; // the thread's CPU time when the file began
} file_budget;

// Starts the budget of a file now, with config's limits (the defaults when
// config is NULL).
void file_budget_start(file_budget *self, const strata_config *config);

// The CPU seconds the thread has spent on the file so far.
double file_budget_spent(const file_budget *self);

// Whether the file has spent its seconds.
bool file_budget_time_is_up(const file_budget *self);

#endif
