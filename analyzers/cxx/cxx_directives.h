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

// What each token is to the deprecation walk (cxx_deprecations.h).
typedef enum cxx_token_role {
  CXX_ROLE_NONE,       // part of a directive, or under #if 0
  CXX_ROLE_CODE,       // code
  CXX_ROLE_BODY_START, // the first token of a #define's body
  CXX_ROLE_BODY,       // the rest of that body
} cxx_token_role;

// Adds the include facts of bytes (length bytes), lexed into tokens (whose
// ends it measures as it needs them), to facts. defines (may be NULL) holds
// cxx.defines; the file's own macros are kept in a table of its own over
// it. When roles is not NULL (one cxx_token_role per token) it says what
// each token is: code, a #define's body (a macro that declares a deprecated
// API deprecates wherever it is used), or neither: the other directives,
// code under #if 0, and the bodies of the macros named in own_macros (the
// deprecation macros' own definitions are no sites).
void cxx_directives_extract(const char *bytes, size_t length, cxx_token_list *tokens,
                            const cxx_macros *defines, file_facts *facts, unsigned char *roles,
                            const char *const *own_macros, size_t own_macro_count);

#endif
