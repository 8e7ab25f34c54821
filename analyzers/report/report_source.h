// The source text behind a finding's location, read back from the file when
// a report shows it: the line under a `full` finding, a SARIF snippet. Files
// are read one at a time and kept until another is asked for, as findings
// come sorted by path.
#ifndef STRATA_REPORT_SOURCE_H
#define STRATA_REPORT_SOURCE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct report_source report_source;

// A reader of the files under root (absolute, or NULL: paths are taken as
// given). The caller frees it with report_source_delete.
report_source *report_source_new(const char *root);
void report_source_delete(report_source *self);

// Line (1-based) of path (relative to the root, or absolute), without its
// line ending, and its length; NULL when the file cannot be read (or is
// larger than 16 MB) or has no such line. The text is self's, valid until
// the next call.
const char *report_source_line(report_source *self, const char *path, uint32_t line,
                               size_t *length);

// The byte offset in text[0, length) of 1-based column (in code points); the
// length when the line is shorter.
size_t report_source_column_offset(const char *text, size_t length, uint32_t column);

// The text from (line, column) to just before (end_line, end_column),
// columns in code points, lines joined by '\n'; NULL when unknown or the
// file does not hold it. The caller frees it.
char *report_source_region(report_source *self, const char *path, uint32_t line, uint32_t column,
                           uint32_t end_line, uint32_t end_column);

#endif
