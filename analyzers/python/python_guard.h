// A guard against a crash in the tree-sitter runtime strata links (Debian's
// 0.20.7): when error recovery meets a parse stack more than 65,535 entries
// deep, a node's 16-bit child count wraps and the parser frees memory twice
// (`x = ` followed by 40,000 `2 **`, or 70,000 unclosed brackets). Only one
// statement can build a stack that deep, so the guard finds statements that
// might, and blanks them before parsing: nothing an import needs is lost.
#ifndef STRATA_PYTHON_GUARD_H
#define STRATA_PYTHON_GUARD_H

#include <stddef.h>
#include <stdint.h>

// The most parse stack entries one logical line may be estimated to need
// before the guard blanks it: the crash needs 65,536, and the blocks around
// the line add a few entries per indentation level.
#define PYTHON_GUARD_MAX_DEPTH 50000u

// When the parse of some logical line of bytes might need more than
// PYTHON_GUARD_MAX_DEPTH stack entries (an estimate that errs high: it
// counts open brackets, and the operators still waiting for an operand), returns
// a copy (the caller frees it) where each such line is white space, newlines kept
// so that lines and offsets do not move, and sets *first_line to the first
// such line and *line_count to how many there are. Otherwise returns NULL.
char *python_guard_blank_deep_lines(const char *bytes, size_t length, uint32_t *first_line,
                                    uint32_t *line_count);

#endif
