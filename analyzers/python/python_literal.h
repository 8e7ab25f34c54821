// The text a message expression spells out in string literals: what a
// deprecation site says, as far as it can be known without running the code.
#ifndef STRATA_PYTHON_LITERAL_H
#define STRATA_PYTHON_LITERAL_H

#include "python_grammar.h"
#include "strbuf.h"

#include <stdbool.h>
#include <stddef.h>

// How deeply literal forms may nest through parentheses and mixed operators
// before the message counts as not statically known. Chains (`a + b + c`,
// `"..." % x % y`) do not nest, however long.
#define PYTHON_LITERAL_MAX_DEPTH 200

// Whether node, parsed from bytes, is a literal form, and if so appends its
// text to out. The literal forms:
// - a string literal, its escapes decoded (below); `"a" "b"` concatenated;
// - an f-string: its literal parts, `{{` and `}}` as one brace, the
//   replacement fields left out;
// - `x + y` when x or y is a literal form: the text of those that are (an
//   operand that is not is left out, as an f-string's fields are);
// - `"..." % args` and `"...".format(...)`: the text of the format string,
//   its placeholders kept as written;
// - any of these in parentheses.
// Escapes are decoded as Python decodes them, except that one meaning NUL,
// a surrogate or `\N{name}` stays as written; raw strings keep every
// backslash; "\r\n" in a string is "\n". Bytes literals read as Latin-1.
bool python_literal_text(const python_grammar *grammar, TSNode node, const char *bytes,
                         strbuf *out);

// Appends the UTF-8 encoding of code point to out (no validation).
void python_literal_append_utf8(strbuf *out, uint32_t code_point);

#endif
