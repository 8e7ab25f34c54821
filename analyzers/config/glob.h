// Path globs, compiled to PCRE2 patterns: `*` matches within one path
// segment, `**` across segments (`a/**` matches everything below a, `**/x`
// matches x in any folder), `?` one character other than '/'.
#ifndef STRATA_GLOB_H
#define STRATA_GLOB_H

#include <stdbool.h>
#include <stddef.h>

typedef struct glob glob;

// Compiles pattern. Returns NULL and sets *error_message (static text) and
// *error_offset (byte offset into pattern) when it is malformed. The caller
// frees the result with glob_delete.
glob *glob_new(const char *pattern, const char **error_message, size_t *error_offset);
void glob_delete(glob *self);

// Whether path ('/'-separated, relative, no leading "./") matches.
bool glob_match(const glob *self, const char *path);
// Whether some path below the folder `folder` could match; used to prune the
// walk (an excluded "build/**" never needs build/ opened).
bool glob_matches_everything_below(const glob *self, const char *folder);

const char *glob_pattern(const glob *self);
// Whether the pattern has no wildcard: it matches its own text only.
bool glob_is_literal(const glob *self);
// How specific the pattern is: the number of literal characters. The most
// specific of several matching component globs decides a file's component.
size_t glob_specificity(const glob *self);
// How many bytes at the start of the pattern every matching path starts
// with: the literal folders before its first wildcard (the whole pattern
// when it has none).
size_t glob_literal_prefix(const glob *self);

#endif
