// Whether a text is a dotted name of identifiers (`torch._C._nn`), as the
// front ends keep Python module names and the config names extension
// modules: one place for the rule, so a name one room accepts is never one
// another refuses.
#ifndef STRATA_DOTTED_NAME_H
#define STRATA_DOTTED_NAME_H

#include <stdbool.h>

typedef enum dotted_name_form {
  DOTTED_NAME_IDENTIFIER = 0,  // one identifier, no dots
  DOTTED_NAME_DOTS = 1 << 0,   // identifiers joined by single dots
  DOTTED_NAME_UNICODE = 1 << 1 // any byte of a UTF-8 sequence is a letter (Python's names)
} dotted_name_form;

// Identifiers are ASCII letters, digits and '_' (and, with
// DOTTED_NAME_UNICODE, bytes >= 0x80), none empty or starting with a digit.
// NULL is no name.
bool dotted_name_valid(const char *text, unsigned form);

#endif
