// Helpers the reporters share: JSON strings that never fail on bad bytes,
// percent-encoded URIs, and writing a JSON value with error checking.
#ifndef STRATA_REPORT_UTIL_H
#define STRATA_REPORT_UTIL_H

#include "strbuf.h"

#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>

// A new JSON string of text (the caller owns the reference); NULL gives
// JSON null. File names, and the text of files, may hold any bytes, but
// jansson takes only UTF-8: each byte of text that is not part of valid
// UTF-8 is kept in the string as a marker, and the writers below turn the
// markers into what their format can say. The JSON formats for scripts
// (`--format json`, the graph and deprecation JSON) write the byte exactly,
// as the lone surrogate escape \udcXX that Python's surrogateescape (PEP
// 383, os.fsdecode) gives such a byte, so that json.loads and os.fsencode
// give the name back byte for byte; the others write U+FFFD. Strings made any
// other way must be UTF-8 and hold no U+0001.
json_t *report_json_string(const char *text);

// value as JSON text with json_dumps flags, its byte markers written as
// \udcXX escapes (exact) or as U+FFFD; NULL when jansson cannot write it.
// The caller frees the text.
char *report_json_dumps(const json_t *value, size_t flags, bool exact);

// Whether text is valid UTF-8 (and so no name a marker stands in for).
bool report_is_utf8(const char *text);

// Whether value is the JSON string report_json_string makes of text.
bool report_json_string_is(const json_t *value, const char *text);

// Appends path to out as a URI path: every byte but the unreserved ones,
// '/' and the sub-delimiters RFC 3986 allows in a path is percent-encoded
// (so spaces, '%', ':' and non-ASCII bytes are).
void report_uri_append_path(strbuf *out, const char *path);
// "file:///abs/root/" for an absolute path, percent-encoded, with exactly one
// trailing '/'. The caller frees it.
char *report_file_uri(const char *absolute_path);

// Writes value and a newline to out with json_dumpf flags, bytes that are not
// UTF-8 as U+FFFD (SARIF, metrics) or exactly (report_json_dumps). Returns
// false when writing failed (a full disk, a closed pipe).
bool report_write_json(FILE *out, const json_t *value, size_t flags);
bool report_write_json_exact(FILE *out, const json_t *value, size_t flags);
// Whether everything written to out so far reached it.
bool report_flush(FILE *out);

#endif
