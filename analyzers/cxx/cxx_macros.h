// The object-like macros a computed `#include MACRO` may name.
//
// A table holds what one file defines (in the order the directives come,
// every branch but #if 0 ones, so the last definition above an include
// wins), on top of a parent table built once from cxx.defines. An #undef in
// the file hides the parent's definition too.
#ifndef STRATA_CXX_MACROS_H
#define STRATA_CXX_MACROS_H

#include <stdbool.h>
#include <stddef.h>

typedef struct cxx_macros cxx_macros;

// An empty table over parent (which may be NULL and must outlive it). The
// caller frees it with cxx_macros_delete.
cxx_macros *cxx_macros_new(const cxx_macros *parent);
void cxx_macros_delete(cxx_macros *self);

// Defines name as replacement (its text, white space folded), or as a
// function-like macro, which never names a header, when replacement is NULL.
void cxx_macros_define(cxx_macros *self, const char *name, size_t name_length,
                       const char *replacement, size_t replacement_length);
void cxx_macros_undefine(cxx_macros *self, const char *name, size_t name_length);
// Defines from a cxx.defines entry: "NAME" (as 1) or "NAME=VALUE".
void cxx_macros_define_option(cxx_macros *self, const char *option);

// Expands name, following object-like macros that name other macros, to a
// header name: "x.h" or <x.h>. Returns false when it does not end in one;
// otherwise sets *target (the caller frees it) and *angled.
bool cxx_macros_expand_header(const cxx_macros *self, const char *name, size_t name_length,
                              char **target, bool *angled);

#endif
