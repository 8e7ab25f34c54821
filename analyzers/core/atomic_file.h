// Output files are written whole or not at all: to a temporary file in the
// same folder, renamed over the target only once everything was written.
// On Linux the temporary file has no name until then (O_TMPFILE), so a
// process killed while writing (kill -9 included) leaves nothing behind;
// where the file system cannot make unnamed files, it is a named
// `.NAME.tmp-XXXXXX` that such a kill leaves. The file gets mode 0666 less
// the umask, as files made by open(2) do, so that a cache shared by a team's
// users can be read by all of them.
#ifndef STRATA_ATOMIC_FILE_H
#define STRATA_ATOMIC_FILE_H

#include <stdbool.h>
#include <stdio.h>

typedef struct atomic_file atomic_file;

// Opens a temporary file beside path. Returns NULL and sets *error_number
// when that fails. Finish with atomic_file_commit or atomic_file_abort.
atomic_file *atomic_file_open(const char *path, int *error_number);
FILE *atomic_file_stream(atomic_file *self);
// Flushes, closes and renames into place; on any failure removes the
// temporary file, sets *error_number and returns false. Frees self.
bool atomic_file_commit(atomic_file *self, int *error_number);
// Removes the temporary file and frees self; atomic_file_abort(NULL) is a no-op.
void atomic_file_abort(atomic_file *self);

#endif
