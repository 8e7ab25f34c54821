// The preprocessor directives of one file, walked from its raw tokens.
//
// Every #include, #include_next and #import becomes a dependency fact, in
// whichever branch it sits, because a layering rule must see the
// Windows-only or CUDA-only include too. The one exception is code under a
// literal `#if 0` (or `#elif 0`): it is dead, with every conditional nested
// in it; the branches after it (#elif, #else) are live again. Conditions
// are never evaluated otherwise: `#if (0)`, `#if 0L` or `#if false` are live.
//
// #define and #undef are followed in the same live code so that a computed
// `#include MACRO` can be expanded (cxx_macros.h). Unbalanced conditionals
// and include directives without a header name become notices.
#ifndef STRATA_CXX_DIRECTIVES_H
#define STRATA_CXX_DIRECTIVES_H

#include "cxx_lex.h"
#include "cxx_macros.h"
#include "facts.h"

#include <stdbool.h>
#include <stddef.h>

// Adds the include facts of bytes (length bytes), lexed into tokens (whose
// ends it measures as it needs them), to
// facts. defines (may be NULL) holds cxx.defines; the file's own macros are
// kept in a table of its own over it. When live is not NULL (one entry per
// token) it says which tokens are code: neither part of a directive nor
// under #if 0.
void cxx_directives_extract(const char *bytes, size_t length, cxx_token_list *tokens,
                            const cxx_macros *defines, file_facts *facts, bool *live);

#endif
