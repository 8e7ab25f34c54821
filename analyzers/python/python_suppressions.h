// `# strata: ignore[rule-a, rule-b] reason`: suppression comments, as facts.
#ifndef STRATA_PYTHON_SUPPRESSIONS_H
#define STRATA_PYTHON_SUPPRESSIONS_H

#include "facts.h"
#include "python_comments.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

// Whether the comment text[0..length) (from its marker, '#' or "//", to its
// end) holds a suppression, and if so adds it to facts at line and column
// (the comment's). The form: the marker or a later '#', optional blanks,
// "strata:", optional blanks, "ignore", then either `[rules] reason` or
// nothing but a reason. Rules are comma-separated and trimmed, empty ones
// dropped; the reason is the rest, white space folded, NULL when empty. A
// comment that names no rule (`strata: ignore`, `strata: ignore[]`, an
// unclosed `[`) is still recorded, with no rules, so that a check can point
// at it; it suppresses nothing. "ignore" followed by a letter (`strata:
// ignored`) is no suppression.
bool python_suppression_parse(const char *text, size_t length, uint32_t line, uint32_t column,
                              file_facts *facts);

// A suppression fact for every suppression comment of comments, in order.
void python_suppressions_extract(const python_comments *comments, const char *bytes,
                                 file_facts *facts);

#endif
