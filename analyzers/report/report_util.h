// Helpers the reporters share: JSON strings that never fail on bad bytes,
// percent-encoded URIs, and writing a JSON value with error checking.
#ifndef STRATA_REPORT_UTIL_H
#define STRATA_REPORT_UTIL_H

#include "strbuf.h"

#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>

// A new JSON string of text (the caller owns the reference). jansson refuses
// invalid UTF-8, and file names may hold any bytes, so each invalid sequence
// becomes U+FFFD instead of losing the whole value. NULL gives JSON null.
json_t *report_json_string(const char *text);

// Appends path to out as a URI path: every byte but the unreserved ones,
// '/' and the sub-delimiters RFC 3986 allows in a path is percent-encoded
// (so spaces, '%', ':' and non-ASCII bytes are).
void report_uri_append_path(strbuf *out, const char *path);
// "file:///abs/root/" for an absolute path, percent-encoded, with exactly one
// trailing '/'. The caller frees it.
char *report_file_uri(const char *absolute_path);

// Writes value and a newline to out with json_dumpf flags. Returns false when
// writing failed (a full disk, a closed pipe).
bool report_write_json(FILE *out, const json_t *value, size_t flags);
// Whether everything written to out so far reached it.
bool report_flush(FILE *out);

#endif
