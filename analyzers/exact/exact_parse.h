// One parse of a translation unit with libclang, as the build compiles it:
// the unit's own flags, clang's preprocessor evaluating every condition,
// and the preprocessing record telling which include directives it took.
//
// Only the preprocessor's work matters here, so the parser is kept from
// the rest: the unit is read inside the body of a function that libclang
// skips (`-include` of a one-line header that opens `void f(void) {`, with
// CXTranslationUnit_SkipFunctionBodies). Every token still passes through
// the preprocessor, so every directive is processed as in the build, but
// no declaration reaches semantic analysis: a C++ unit that includes the
// standard library parses ten times faster (docs/cxx.md).
#ifndef STRATA_EXACT_PARSE_H
#define STRATA_EXACT_PARSE_H

#include "exact_tu.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct exact_parser exact_parser;

// A parser for one thread (it keeps a libclang index), or NULL when
// libclang cannot start. Freed with exact_parser_delete.
exact_parser *exact_parser_new(void);
void exact_parser_delete(exact_parser *self);

// The header the parser hands libclang to open the skipped body: argv must
// name it with -include before any other -include.
extern const char exact_parse_body_header[];
// The same for a CUDA parse, which also includes clang's CUDA runtime
// wrapper inside the body (argv then says -nocudainc, so that the driver
// does not include it before, and names the toolkit's include dir with
// -idirafter, where the driver would have put it: last).
extern const char exact_parse_cuda_body_header[];

// Parses the unit argv describes (argv[0] the driver, e.g.
// /usr/lib/llvm-19/bin/clang++, the last word the unit's file) and adds
// to tu the files it opened, the directives it took, the headers it did
// not find and the flags clang did not know. Returns false, after adding
// a problem saying why, when libclang could not parse the unit at all.
bool exact_parser_run(exact_parser *self, const char *const *argv, size_t argc, exact_tu *tu);

#endif
