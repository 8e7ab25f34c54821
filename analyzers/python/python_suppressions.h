// `# strata: ignore[rule-a, rule-b] reason`: suppression comments, as facts.
#ifndef STRATA_PYTHON_SUPPRESSIONS_H
#define STRATA_PYTHON_SUPPRESSIONS_H

#include "facts.h"
#include "python_comments.h"

// A suppression fact for every comment of comments that holds one, at the
// comment's line and column, read by suppression_comment_parse (the form and
// what is malformed are described there).
void python_suppressions_extract(const python_comments *comments, const char *bytes,
                                 file_facts *facts);

#endif
