// Helpers the reporters share: percent-encoded URIs, and writing a JSON
// value with error checking (its strings made by json_text.h).
#ifndef STRATA_REPORT_UTIL_H
#define STRATA_REPORT_UTIL_H

#include "json_text.h"
#include "strbuf.h"

#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>

// Appends path to out as a URI path: every byte but the unreserved ones,
// '/' and the sub-delimiters RFC 3986 allows in a path is percent-encoded
// (so spaces, '%', ':' and non-ASCII bytes are).
void report_uri_append_path(strbuf *out, const char *path);
// "file:///abs/root/" for an absolute path, percent-encoded, with exactly one
// trailing '/'. The caller frees it.
char *report_file_uri(const char *absolute_path);

// Writes value and a newline to out with json_dumpf flags, bytes that are not
// UTF-8 as U+FFFD (SARIF, metrics) or exactly (json_text_dumps). Returns
// false when writing failed (a full disk, a closed pipe).
bool report_write_json(FILE *out, const json_t *value, size_t flags);
bool report_write_json_exact(FILE *out, const json_t *value, size_t flags);
// Whether everything written to out so far reached it.
bool report_flush(FILE *out);

#endif
