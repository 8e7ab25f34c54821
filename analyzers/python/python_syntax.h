// Where a tree that does not parse cleanly first goes wrong.
#ifndef STRATA_PYTHON_SYNTAX_H
#define STRATA_PYTHON_SYNTAX_H

#include "python_grammar.h"

#include <stdbool.h>
#include <stdint.h>

// Sets *line and *column (1-based, column in code points) to the start of
// the first innermost ERROR or MISSING node of tree, parsed from bytes. Returns false
// when the tree has none.
bool python_syntax_first_problem(const TSTree *tree, const char *bytes, uint32_t *line,
                                 uint32_t *column);

#endif
