// `strata: ignore[rule-a, rule-b] reason`: reading one suppression comment.
//
// One parser for every language, so that a comment means the same in a .py
// and a .cpp file (docs/suppressions.md). The front ends find the comments;
// this reads one comment's text.
#ifndef STRATA_SUPPRESSION_COMMENT_H
#define STRATA_SUPPRESSION_COMMENT_H

#include "facts.h"

#include <stdbool.h>
#include <stddef.h>

// Whether the comment text[0..length) holds a suppression. text is the whole
// comment from its opening marker: "# ..." (Python), "// ..." or "/* ... */"
// (C, C++, CUDA); the first byte says which.
//
// The marker `strata:` must open the comment's text (after the comment's
// opening characters, any more '#', or '/', '*', '!' of a doc comment, and
// blanks), or open a second comment written inside it: after a later '#' in
// Python (`# type: ignore  # strata: ignore[x] why`), after a later "//" in
// C (`// NOLINT // strata: ignore[x] why`). Then optional blanks, "ignore",
// optional blanks and `[rules]`: comma-separated, blanks trimmed, empty
// names dropped. The reason is the rest, white space folded (a block
// comment's closing "*/" left out), NULL when empty.
//
// A malformed suppression (`strata: ignore` without brackets, `ignore[]`, an
// unclosed `[`) is a suppression with no rules: it suppresses nothing, and
// the malformed-suppression rule points at it. "ignore" followed by anything
// but a blank or '[' (`strata: ignored`) is no suppression.
//
// On success fills out's rules and reason (owned by out: free them as
// file_facts_delete does); line and column are the caller's to set.
bool suppression_comment_parse(const char *text, size_t length, fact_suppression *out);

#endif
