// Deprecation sites of C, C++ and CUDA code, found in the raw tokens:
// - `[[deprecated]]`, `[[deprecated("...")]]` (also `gnu::deprecated`,
//   `__deprecated__`, among other attributes in the same brackets);
// - `__attribute__((deprecated))`, `__attribute__((deprecated("...")))`;
// - `__declspec(deprecated)`, `__declspec(deprecated("..."))`;
// - every use of a deprecation macro named in deprecations.cxx_macros
//   (known by name alone: one file is read at a time);
// - `TORCH_WARN(...)` and `TORCH_WARN_ONCE(...)` whose string literals say
//   "deprecat" in any case.
// Sites count in every preprocessor branch but `#if 0`, like includes, and
// never inside a directive: a macro's own `#define` is not a site.
//
// A site's message is its string literals inside the parentheses,
// concatenated (NULL when there are arguments but no literal, "" when there
// are none); its comments are those touching its first line and those
// touching the run of comment-only lines directly above that line.
#ifndef STRATA_CXX_DEPRECATIONS_H
#define STRATA_CXX_DEPRECATIONS_H

#include "cxx_directives.h"
#include "cxx_lex.h"
#include "cxx_text.h"
#include "facts.h"

#include <stdbool.h>
#include <stddef.h>

// Whether bytes can hold a site at all: "deprecat" or "will be removed" in
// any case, or one of macros, appears somewhere. Most files hold none and
// skip the walk.
bool cxx_deprecations_possible(const char *bytes, size_t length, const char *const *macros,
                               size_t macro_count);

// Adds the sites among tokens (of bytes) to facts. roles (one
// cxx_token_role per token, from cxx_directives_extract) says which tokens
// are code and which a #define's body. In code, every kind of site counts;
// in a body, only a use of one of macros, and not when it is the whole
// body (`#define MY_DEPRECATED(m) C10_DEPRECATED_MESSAGE(m)` spells a
// deprecation, it deprecates nothing).
void cxx_deprecations_extract(const char *bytes, cxx_token_list *tokens, const unsigned char *roles,
                              const char *const *macros, size_t macro_count, cxx_lines *lines,
                              file_facts *facts);

#endif
