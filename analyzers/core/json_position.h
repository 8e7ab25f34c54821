// Where things are in a JSON text, for messages that give FILE:LINE:COL.
//
// jansson reads strata's JSON inputs (the baseline) and says where a syntax
// error is, but keeps no position of the values it read: a value that is
// there but wrong (a missing member, a string that should be a number) would
// have no position. These walk the text once more, the way jansson read it,
// and say where a value starts. They are meant for text jansson accepted; on
// anything else they stop at the first thing that is not JSON, and never
// read past the end.
#ifndef STRATA_JSON_POSITION_H
#define STRATA_JSON_POSITION_H

#include <jansson.h>

#include <stdbool.h>
#include <stddef.h>

// One step down from a value: a member of an object (key not NULL, as
// decoded, escapes and all), or an element of an array (key NULL, index
// from 0).
typedef struct json_path_step {
  const char *key;
  size_t index;
} json_path_step;

// Called for every value of the text, in the order of the text, with the
// path from the top value down to it (depth steps; 0 for the top value) and
// the byte offset of its first byte. Returning false stops the walk.
typedef bool (*json_position_visit)(void *context, const json_path_step *path, size_t depth,
                                    size_t offset);

// Walks the values of text[0, length). Returns false when visit stopped it
// or the text is not JSON.
bool json_position_walk(const char *text, size_t length, json_position_visit visit, void *context);

// The offset of the value at path, or, when the text lacks it, of the
// deepest value on the way there (a missing member: the object without
// it); *matched (if not NULL) says how many steps of path were found.
size_t json_position_find(const char *text, size_t length, const json_path_step *path, size_t depth,
                          size_t *matched);

// The offset of a syntax error jansson reported for text: the start of the
// token it names ("near 'x'"), the end of the text for one "near end of
// file", else the last byte it read.
size_t json_position_of_error(const char *text, size_t length, const json_error_t *error);

// The 1-based line and column (in code points) of offset in text.
void json_position_line_column(const char *text, size_t offset, unsigned *line, unsigned *column);

#endif
