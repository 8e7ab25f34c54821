// Guards against what the tree-sitter runtime strata links (Debian's 0.20.7)
// and tree-sitter-python's scanner cannot take, applied to a file's bytes
// before they are parsed, offsets and lines kept (what is blanked becomes
// spaces, newlines stay):
//
// - Deep statements. When error recovery meets a parse stack more than
//   65,535 entries deep, a node's 16-bit child count wraps and the parser
//   frees memory twice (`x = ` followed by 40,000 `2 **`, or 70,000 unclosed
//   brackets). Only one statement can build a stack that deep, so the guard
//   finds statements that might, and blanks them: nothing an import needs
//   is lost.
// - Long runs of comment lines. The same 16-bit count wraps for a node
//   holding 65,536 comments (every comment between two tokens is a child of
//   one node: 65,534 comment lines between two imports lost both, and all
//   the file's imports after them, without a word), and the grammar's scanner
//   reads a whole run of comment lines again at every comment of it inside
//   a block (40,000 comment lines after `if x:` took 26 s). So the comment
//   lines of every run of more than PYTHON_GUARD_MAX_RUN are blanked, and
//   their comments kept aside for the walks that read comments: the facts
//   are the same.
// - Long runs of lines holding only a backslash, which the scanner reads
//   again the same way: past PYTHON_GUARD_MAX_RUN in a run, the
//   backslashes are blanked, which ends the statement they continued there;
//   the front end says so in a notice.
#ifndef STRATA_PYTHON_GUARD_H
#define STRATA_PYTHON_GUARD_H

#include "python_comments.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

// The most parse stack entries one logical line may be estimated to need
// before the guard blanks it: the crash needs 65,536, and the blocks around
// the line add a few entries per indentation level.
#define PYTHON_GUARD_MAX_DEPTH 50000u

// The most comment lines and backslash-only lines one run of lines that
// hold nothing else (or nothing) may have before the guard blanks them.
// The scanner's cost for a run is this many times the run's length.
#define PYTHON_GUARD_MAX_RUN 8u

typedef struct python_guard_result {
  // The text to read facts from: the file with its deep statements blanked;
  // NULL when there are none (the file itself).
  char *readable;
  // The text to parse: readable with the long runs blanked too; NULL when
  // it is readable (or the file) as it is.
  char *parsable;
  uint32_t deep_line; // the first deep statement's line, and how many there are
  uint32_t deep_count;
  uint32_t backslash_line; // the first blanked backslash's line, and how many
  uint32_t backslash_count;
  // The comments of the blanked comment lines, in order, as the parser would
  // have given them (only those outside strings, by the guard's reading).
  python_comments hidden;
} python_guard_result;

void python_guard_result_init(python_guard_result *self);
// Lets go of the texts and clears the counts; keeps the comments' buffer.
void python_guard_result_clear(python_guard_result *self);
void python_guard_result_release(python_guard_result *self);

// Fills result (cleared first) for the file of length bytes.
void python_guard_apply(const char *bytes, size_t length, python_guard_result *result);

// When the parse of some logical line of bytes might need more than
// PYTHON_GUARD_MAX_DEPTH stack entries (an estimate that errs high: it
// counts open brackets, and the operators still waiting for an operand), returns
// a copy (the caller frees it) where each such line is white space, newlines kept
// so that lines and offsets do not move, and sets *first_line to the first
// such line and *line_count to how many there are. Otherwise returns NULL.
// (python_guard_apply's readable text.)
char *python_guard_blank_deep_lines(const char *bytes, size_t length, uint32_t *first_line,
                                    uint32_t *line_count);

#endif
