// libclang, loaded when the first C/C++ file is lexed rather than when
// strata starts: loading it (and LLVM behind it) costs about 90 ms of CPU,
// more than a warm run over a whole tree takes, and a run whose facts all
// come from the cache never needs it.
//
// A file that calls libclang includes this header instead of
// <clang-c/Index.h>: each clang_ function it names is then a call through
// the loaded library's table. cxx_lexer_new loads it (clang_library_load)
// and fails softly; any other caller reaches it through the macros, which
// stop the program with exit status 2 if it cannot be loaded.
#ifndef STRATA_CLANG_LIBRARY_H
#define STRATA_CLANG_LIBRARY_H

#include <clang-c/Index.h>

// Every libclang function strata calls.
#define CLANG_LIBRARY_FUNCTIONS(X)                                                                 \
  X(clang_File_tryGetRealPathName)                                                                 \
  X(clang_createIndex)                                                                             \
  X(clang_defaultReparseOptions)                                                                   \
  X(clang_disposeDiagnostic)                                                                       \
  X(clang_disposeIndex)                                                                            \
  X(clang_disposeString)                                                                           \
  X(clang_disposeTokens)                                                                           \
  X(clang_disposeTranslationUnit)                                                                  \
  X(clang_equalLocations)                                                                          \
  X(clang_getCString)                                                                              \
  X(clang_getCursorKind)                                                                           \
  X(clang_getCursorLocation)                                                                       \
  X(clang_getCursorSpelling)                                                                       \
  X(clang_getDiagnostic)                                                                           \
  X(clang_getDiagnosticLocation)                                                                   \
  X(clang_getDiagnosticOption)                                                                     \
  X(clang_getDiagnosticSeverity)                                                                   \
  X(clang_getDiagnosticSpelling)                                                                   \
  X(clang_getExpansionLocation)                                                                    \
  X(clang_getFile)                                                                                 \
  X(clang_getFileLocation)                                                                         \
  X(clang_getFileName)                                                                             \
  X(clang_getIncludedFile)                                                                         \
  X(clang_getLocationForOffset)                                                                    \
  X(clang_getNullLocation)                                                                         \
  X(clang_getNumDiagnostics)                                                                       \
  X(clang_getRange)                                                                                \
  X(clang_getRangeEnd)                                                                             \
  X(clang_getSpellingLocation)                                                                     \
  X(clang_getTokenExtent)                                                                          \
  X(clang_getTokenKind)                                                                            \
  X(clang_getTokenLocation)                                                                        \
  X(clang_getTranslationUnitCursor)                                                                \
  X(clang_parseTranslationUnit2)                                                                   \
  X(clang_parseTranslationUnit2FullArgv)                                                           \
  X(clang_reparseTranslationUnit)                                                                  \
  X(clang_tokenize)                                                                                \
  X(clang_visitChildren)

typedef struct clang_library {
#define CLANG_LIBRARY_FIELD(name) __typeof__(name) *name;
  CLANG_LIBRARY_FUNCTIONS(CLANG_LIBRARY_FIELD)
#undef CLANG_LIBRARY_FIELD
} clang_library;

// The library, loaded on the first call (once per process, from any
// thread); NULL with *error (the loader's message, to free) when it cannot
// be loaded.
const clang_library *clang_library_load(char **error);

// The library; prints why and exits with status 2 when it cannot be loaded.
const clang_library *clang_library_require(void);

#ifndef CLANG_LIBRARY_NO_CALLS
#define clang_File_tryGetRealPathName (clang_library_require()->clang_File_tryGetRealPathName)
#define clang_createIndex (clang_library_require()->clang_createIndex)
#define clang_defaultReparseOptions (clang_library_require()->clang_defaultReparseOptions)
#define clang_disposeDiagnostic (clang_library_require()->clang_disposeDiagnostic)
#define clang_disposeIndex (clang_library_require()->clang_disposeIndex)
#define clang_disposeString (clang_library_require()->clang_disposeString)
#define clang_disposeTokens (clang_library_require()->clang_disposeTokens)
#define clang_disposeTranslationUnit (clang_library_require()->clang_disposeTranslationUnit)
#define clang_equalLocations (clang_library_require()->clang_equalLocations)
#define clang_getCString (clang_library_require()->clang_getCString)
#define clang_getCursorKind (clang_library_require()->clang_getCursorKind)
#define clang_getCursorLocation (clang_library_require()->clang_getCursorLocation)
#define clang_getCursorSpelling (clang_library_require()->clang_getCursorSpelling)
#define clang_getDiagnostic (clang_library_require()->clang_getDiagnostic)
#define clang_getDiagnosticLocation (clang_library_require()->clang_getDiagnosticLocation)
#define clang_getDiagnosticOption (clang_library_require()->clang_getDiagnosticOption)
#define clang_getDiagnosticSeverity (clang_library_require()->clang_getDiagnosticSeverity)
#define clang_getDiagnosticSpelling (clang_library_require()->clang_getDiagnosticSpelling)
#define clang_getExpansionLocation (clang_library_require()->clang_getExpansionLocation)
#define clang_getFile (clang_library_require()->clang_getFile)
#define clang_getFileLocation (clang_library_require()->clang_getFileLocation)
#define clang_getFileName (clang_library_require()->clang_getFileName)
#define clang_getIncludedFile (clang_library_require()->clang_getIncludedFile)
#define clang_getLocationForOffset (clang_library_require()->clang_getLocationForOffset)
#define clang_getNullLocation (clang_library_require()->clang_getNullLocation)
#define clang_getNumDiagnostics (clang_library_require()->clang_getNumDiagnostics)
#define clang_getRange (clang_library_require()->clang_getRange)
#define clang_getRangeEnd (clang_library_require()->clang_getRangeEnd)
#define clang_getSpellingLocation (clang_library_require()->clang_getSpellingLocation)
#define clang_getTokenExtent (clang_library_require()->clang_getTokenExtent)
#define clang_getTokenKind (clang_library_require()->clang_getTokenKind)
#define clang_getTokenLocation (clang_library_require()->clang_getTokenLocation)
#define clang_getTranslationUnitCursor (clang_library_require()->clang_getTranslationUnitCursor)
#define clang_parseTranslationUnit2 (clang_library_require()->clang_parseTranslationUnit2)
#define clang_parseTranslationUnit2FullArgv                                                        \
  (clang_library_require()->clang_parseTranslationUnit2FullArgv)
#define clang_reparseTranslationUnit (clang_library_require()->clang_reparseTranslationUnit)
#define clang_tokenize (clang_library_require()->clang_tokenize)
#define clang_visitChildren (clang_library_require()->clang_visitChildren)
#endif

#endif
