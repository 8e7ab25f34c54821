// JSON strings that never fail on bad bytes: what the checks put in a
// finding's properties and the reporters write, made and written the same
// way by both (the reporters' writers are in report/report_util.h).
#ifndef STRATA_JSON_TEXT_H
#define STRATA_JSON_TEXT_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

// A new JSON string of text (the caller owns the reference); NULL gives
// JSON null. File names, and the text of files, may hold any bytes, but
// jansson takes only UTF-8: each byte of text that is not part of valid
// UTF-8 is kept in the string as a marker, and the writers (json_text_dumps, report_util.h) turn
// the markers into what their format can say. The JSON formats for scripts
// (`--format json`, the graph and deprecation JSON) write the byte exactly,
// as the lone surrogate escape \udcXX that Python's surrogateescape (PEP
// 383, os.fsdecode) gives such a byte, so that json.loads and os.fsencode
// give the name back byte for byte; the others write U+FFFD. Strings made any
// other way must be UTF-8 and hold no U+0001.
json_t *json_text_string(const char *text);

// value as JSON text with json_dumps flags, its byte markers written as
// \udcXX escapes (exact) or as U+FFFD; NULL when jansson cannot write it.
// The caller frees the text.
char *json_text_dumps(const json_t *value, size_t flags, bool exact);

// Whether text is valid UTF-8 (and so no name a marker stands in for).
bool json_text_is_utf8(const char *text);

// Whether value is the JSON string json_text_string makes of text.
bool json_text_string_is(const json_t *value, const char *text);

#endif
