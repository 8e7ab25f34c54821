// The text of statements, as facts carry it.
#ifndef STRATA_PYTHON_TEXT_H
#define STRATA_PYTHON_TEXT_H

#include "source.h"
#include "strbuf.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <tree_sitter/api.h>

// Appends bytes[start..end) to out with comments removed and every run of
// white space (newlines and backslash-newline continuations included) folded
// to one space, trimmed at both ends. Only valid for import statements,
// which hold no string literal, so every '#' starts a comment.
void python_text_fold(const char *bytes, size_t start, size_t end, strbuf *out);

// Appends bytes[start..end) to out with every run of white space folded to
// one space, trimmed at both ends, and nothing else changed: for text that
// may hold string literals, where a '#' is not always a comment.
void python_text_fold_plain(const char *bytes, size_t start, size_t end, strbuf *out);

// Appends the dotted name in bytes[start..end) to out with the white space
// and line continuations that Python allows around its dots removed
// (`a . b` is `a.b`).
void python_text_dotted(const char *bytes, size_t start, size_t end, strbuf *out);

// Whether text[0..length) is a dotted name whose every part is an
// identifier: error recovery can make a dotted name of keywords (`from x
// import` followed by another `from` line gives the name "from").
bool python_text_is_dotted_name(const char *text, size_t length);

// 1-based column, in code points, of the byte at start, which tree-sitter
// places at point. A byte order mark opening the file is not a column.
// columns (over bytes) counts on from the column asked for before on the
// same line (source.h), so a walk that asks in file order pays each line
// once however many sites it holds.
uint32_t python_text_column(source_columns *columns, const char *bytes, TSPoint point,
                            uint32_t start);

// Python ends a line at "\n", "\r\n" or a lone "\r"; tree-sitter-python
// only at "\n". When bytes hold a lone "\r", returns a copy (the caller
// frees it) where each is a "\n", so lines count as Python counts them and
// byte offsets are unchanged; otherwise NULL.
char *python_text_lone_cr_to_lf(const char *bytes, size_t length);

#endif
