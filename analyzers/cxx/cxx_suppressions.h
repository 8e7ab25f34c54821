// Suppression comments: `// strata: ignore[rule-a, rule-b] reason text`, or
// the same in a block comment, anywhere in the file (live code, dead code or
// a directive). Each comment that suppression_comment_parse takes for one
// (malformed ones included, with no rules) becomes a fact_suppression at the
// comment's start.
#ifndef STRATA_CXX_SUPPRESSIONS_H
#define STRATA_CXX_SUPPRESSIONS_H

#include "cxx_lex.h"
#include "cxx_text.h"
#include "facts.h"

#include <stddef.h>

void cxx_suppressions_extract(const char *bytes, size_t length, cxx_token_list *tokens,
                              cxx_lines *lines, file_facts *facts);

#endif
