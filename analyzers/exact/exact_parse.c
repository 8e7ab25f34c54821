#include "exact_parse.h"

#include "xalloc.h"

#include "clang_library.h"
#include <limits.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

// A path no file system has: libclang takes the unsaved file as its only
// copy.
const char exact_parse_body_header[] = "/strata-exact/open-body.h";
const char exact_parse_cuda_body_header[] = "/strata-exact/open-body-cuda.h";
static const char exact_parse__body[] = "void __strata_exact_unit(void) {\n";
static const char exact_parse__cuda_body[] = "void __strata_exact_unit(void) {\n"
                                             "#include <__clang_cuda_runtime_wrapper.h>\n";

struct exact_parser {
  CXIndex index;
};

static pthread_once_t exact_parse__environment_once = PTHREAD_ONCE_INIT;

// As for the C/C++ front end (cxx_lex.c): without LIBCLANG_NOTHREADS
// libclang runs each parse on a thread of its own; strata's workers are
// threads already.
static void exact_parse__set_environment(void) {
  setenv("LIBCLANG_NOTHREADS", "1", 0);
}

exact_parser *exact_parser_new(void) {
  pthread_once(&exact_parse__environment_once, exact_parse__set_environment);
  // displayDiagnostics = 0: libclang prints nothing.
  CXIndex index = clang_createIndex(1, 0);
  if (!index)
    return NULL;
  exact_parser *self = xcalloc(1, sizeof(exact_parser));
  self->index = index;
  return self;
}

void exact_parser_delete(exact_parser *self) {
  if (!self)
    return;
  clang_disposeIndex(self->index);
  free(self);
}

// The real path of file (symbolic links resolved), which the caller frees;
// NULL for no file.
static char *exact_parse__path(CXFile file) {
  if (!file)
    return NULL;
  CXString real = clang_File_tryGetRealPathName(file);
  const char *text = clang_getCString(real);
  char *path = NULL;
  if (text && text[0]) {
    path = xstrdup(text);
  } else {
    CXString name = clang_getFileName(file);
    char resolved[PATH_MAX];
    const char *spelled = clang_getCString(name);
    if (spelled)
      path = xstrdup(realpath(spelled, resolved) ? resolved : spelled);
    clang_disposeString(name);
  }
  clang_disposeString(real);
  return path;
}

// Whether path is one of the parser's own body headers, which no file
// system has.
static bool exact_parse__is_body(const char *path) {
  return strcmp(path, exact_parse_body_header) == 0 ||
         strcmp(path, exact_parse_cuda_body_header) == 0;
}

typedef struct exact_parse_visit {
  exact_tu *tu;
} exact_parse_visit;

static enum CXChildVisitResult exact_parse__visit(CXCursor cursor, CXCursor parent,
                                                  CXClientData data) {
  (void)parent;
  if (clang_getCursorKind(cursor) != CXCursor_InclusionDirective)
    return CXChildVisit_Continue;
  exact_parse_visit *self = data;
  CXFile from;
  unsigned line, column;
  clang_getExpansionLocation(clang_getCursorLocation(cursor), &from, &line, &column, NULL);
  char *includer = exact_parse__path(from);
  char *included = exact_parse__path(clang_getIncludedFile(cursor));
  if (includer && exact_parse__is_body(includer)) {
    // Included by the body header (clang's CUDA wrapper): as if by the
    // command line, which is where the build has it from.
    free(includer);
    includer = NULL;
  }
  if (included && exact_parse__is_body(included)) {
    free(includer);
    free(included);
    return CXChildVisit_Continue;
  }
  uint32_t to = included ? exact_tu_file(self->tu, included) : EXACT_NO_FILE;
  // A directive of the command line (-include) sits in no file: it opens
  // its header, and there is no edge to draw.
  if (includer) {
    CXString spelled = clang_getCursorSpelling(cursor);
    uint32_t at = exact_tu_file(self->tu, includer);
    exact_tu_add_inclusion(self->tu, at, line, column, to, clang_getCString(spelled));
    if (to == EXACT_NO_FILE) {
      char *message = xasprintf("'%s' is not found with the build's flags; the includes it "
                                "holds are not counted",
                                clang_getCString(spelled));
      exact_tu_add_problem(self->tu, at, line, column, message);
      free(message);
    }
    clang_disposeString(spelled);
  }
  free(includer);
  free(included);
  return CXChildVisit_Continue;
}

// Problems with the command line: diagnostics that sit in no file. Flags
// clang does not know become unknown flags; the rest, problems.
static void exact_parse__command_problems(CXTranslationUnit unit, exact_tu *tu) {
  unsigned count = clang_getNumDiagnostics(unit);
  for (unsigned i = 0; i < count; i++) {
    CXDiagnostic diagnostic = clang_getDiagnostic(unit, i);
    CXFile file = NULL;
    clang_getSpellingLocation(clang_getDiagnosticLocation(diagnostic), &file, NULL, NULL, NULL);
    if (!file && clang_getDiagnosticSeverity(diagnostic) >= CXDiagnostic_Error) {
      CXString spelling = clang_getDiagnosticSpelling(diagnostic);
      const char *text = clang_getCString(spelling);
      const char *quote = strchr(text, '\'');
      const char *close = quote ? strchr(quote + 1, '\'') : NULL;
      if (strncmp(text, "unknown argument", 16) == 0 && close) {
        char *flag = xstrndup(quote + 1, (size_t)(close - quote - 1));
        exact_tu_add_unknown_flag(tu, flag);
        free(flag);
      } else {
        char *message = xasprintf("libclang: %s", text);
        exact_tu_add_problem(tu, EXACT_NO_FILE, 0, 0, message);
        free(message);
      }
      clang_disposeString(spelling);
    }
    clang_disposeDiagnostic(diagnostic);
  }
}

bool exact_parser_run(exact_parser *self, const char *const *argv, size_t argc, exact_tu *tu) {
  struct CXUnsavedFile bodies[] = {
      {exact_parse_body_header, exact_parse__body, sizeof(exact_parse__body) - 1},
      {exact_parse_cuda_body_header, exact_parse__cuda_body, sizeof(exact_parse__cuda_body) - 1}};
  // KeepGoing: past a fatal error (a header not found), every directive
  // after it is still processed. Incomplete: no work at the unit's end.
  unsigned options = CXTranslationUnit_DetailedPreprocessingRecord | CXTranslationUnit_KeepGoing |
                     CXTranslationUnit_SkipFunctionBodies | CXTranslationUnit_Incomplete;
  CXTranslationUnit unit = NULL;
  enum CXErrorCode error = clang_parseTranslationUnit2FullArgv(self->index, NULL, argv, (int)argc,
                                                               bodies, 2, options, &unit);
  if (error != CXError_Success || !unit) {
    exact_tu_add_problem(tu, EXACT_NO_FILE, 0, 0,
                         "libclang cannot parse the unit with the build's flags");
    return false;
  }
  exact_parse__command_problems(unit, tu);
  exact_parse_visit visit = {tu};
  clang_visitChildren(clang_getTranslationUnitCursor(unit), exact_parse__visit, &visit);
  clang_disposeTranslationUnit(unit);
  return true;
}
