// Suppression comments: `// strata: ignore[rule-a, rule-b] reason text`, or
// the same in a block comment, anywhere in the file (live code, dead code or
// a directive). The marker must open the comment's text: what comes after
// "//", "/*" and any more '/', '*' or '!' (doc comments) and white space.
// Each such comment becomes a fact_suppression at the comment's start; its
// reason is the text after ']' with white space folded, NULL when empty.
#ifndef STRATA_CXX_SUPPRESSIONS_H
#define STRATA_CXX_SUPPRESSIONS_H

#include "cxx_lex.h"
#include "cxx_text.h"
#include "facts.h"

#include <stddef.h>

void cxx_suppressions_extract(const char *bytes, size_t length, cxx_token_list *tokens,
                              cxx_lines *lines, file_facts *facts);

#endif
