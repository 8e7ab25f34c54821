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

// Whether a file whose tree has a problem is invalid Python indeed, and not
// valid Python the pinned grammar lacks: a starred operand other than a
// name, attribute or subscript inside an unparenthesized expression list
// (`return a, *[x]`, `x, *y = a, *[]`), which CPython takes and no
// tree-sitter-python release does. Those operands are replaced in a copy of
// bytes by names of the same length (every offset stays) and the copy is
// parsed again with parser: true, with *line and *column set to its first
// problem, when one remains; false when the copy parses cleanly.
bool python_syntax_confirm(TSParser *parser, const char *bytes, size_t length, uint32_t *line,
                           uint32_t *column);

#endif
