// The comments of one parsed file, kept in order so that a deprecation site
// can find the comments that may date it, and suppressions can be read.
#ifndef STRATA_PYTHON_COMMENTS_H
#define STRATA_PYTHON_COMMENTS_H

#include "strbuf.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <tree_sitter/api.h>

typedef struct python_comment {
  uint32_t line;   // 1-based
  uint32_t column; // 1-based, in code points
  uint32_t start;  // byte offset of the '#'
  uint32_t end;    // past its last character that is not white space
  bool own_line;   // nothing but white space before it on its line
} python_comment;

// A file holds at most one comment per line: a comment runs to the end of it.
typedef struct python_comments {
  python_comment *items; // sorted by line
  size_t count;
  size_t capacity;
} python_comments;

void python_comments_init(python_comments *self);
void python_comments_release(python_comments *self);
void python_comments_clear(python_comments *self);

// Adds the comment node, parsed from bytes. Nodes must come in file order.
void python_comments_add(python_comments *self, TSNode node, const char *bytes);

// Adds the comments of other (sorted by line, on lines self has none on)
// in their places.
void python_comments_merge(python_comments *self, const python_comments *other);

// Drops the comments whose first byte the tree places inside a string: a
// comment the guard took out of the parse (python_guard.h) that was a line
// of a string after all.
void python_comments_drop_in_strings(python_comments *self, TSSymbol string,
                                     TSSymbol string_content, const TSTree *tree);

// The comment on line, or NULL.
const python_comment *python_comments_on_line(const python_comments *self, uint32_t line);

// Appends to out the comments that may date something whose first line is
// line: the block of comment-only lines directly above it (no blank line
// between), then the comment at the end of line itself, one per line, as
// written. Returns false, appending nothing, when there are none.
bool python_comments_around(const python_comments *self, uint32_t line, const char *bytes,
                            strbuf *out);

#endif
