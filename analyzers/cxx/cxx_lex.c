#include "cxx_lex.h"

#include "strbuf.h"
#include "xalloc.h"

#include <clang-c/Index.h>
#include <stdlib.h>
#include <string.h>

// Makes the preprocessor skip the whole file (see cxx_lex.h).
static const char cxx_lex__prefix[] = "#if 0\n";
#define CXX_LEX__PREFIX_LENGTH (sizeof(cxx_lex__prefix) - 1)

static const char *const cxx_lex__main_file[CXX_DIALECT_COUNT] = {
    "/strata-input/main.c", "/strata-input/main.cpp", "/strata-input/main.cu"};

struct cxx_lexer {
  CXIndex index;
  cxx_args args[CXX_DIALECT_COUNT];
  CXTranslationUnit units[CXX_DIALECT_COUNT]; // NULL until the first file
  strbuf text;                                // the prefixed copy handed to libclang
};

void cxx_token_list_release(cxx_token_list *list) {
  free(list->items);
  list->items = NULL;
  list->count = 0;
  list->capacity = 0;
}

cxx_lexer *cxx_lexer_new(const strata_config *config) {
  // excludeDeclarationsFromPCH = 1, displayDiagnostics = 0: libclang prints
  // nothing; headers never compile alone and their diagnostics are noise.
  CXIndex index = clang_createIndex(1, 0);
  if (!index)
    return NULL;
  cxx_lexer *self = xcalloc(1, sizeof(cxx_lexer));
  self->index = index;
  for (int d = 0; d < CXX_DIALECT_COUNT; d++)
    cxx_args_build(&self->args[d], config, (cxx_dialect)d);
  strbuf_init(&self->text);
  return self;
}

void cxx_lexer_delete(cxx_lexer *self) {
  if (!self)
    return;
  for (int d = 0; d < CXX_DIALECT_COUNT; d++) {
    if (self->units[d])
      clang_disposeTranslationUnit(self->units[d]);
    cxx_args_release(&self->args[d]);
  }
  clang_disposeIndex(self->index);
  strbuf_release(&self->text);
  free(self);
}

static const char *cxx_lex__error_name(enum CXErrorCode code) {
  switch (code) {
  case CXError_Success:
    return "success";
  case CXError_Failure:
    return "failure";
  case CXError_Crashed:
    return "crashed";
  case CXError_InvalidArguments:
    return "invalid arguments";
  case CXError_ASTReadError:
    return "rejected the command line";
  }
  return "unknown error";
}

// Brings the dialect's translation unit up to date with self->text: a
// reparse when one exists, else (or when the reparse fails, after which the
// unit is unusable) a fresh parse.
static enum CXErrorCode cxx_lex__parse(cxx_lexer *self, cxx_dialect dialect) {
  struct CXUnsavedFile unsaved = {cxx_lex__main_file[dialect], self->text.data,
                                  (unsigned long)self->text.length};
  CXTranslationUnit *unit = &self->units[dialect];
  if (*unit) {
    if (clang_reparseTranslationUnit(*unit, 1, &unsaved, clang_defaultReparseOptions(*unit)) == 0)
      return CXError_Success;
    clang_disposeTranslationUnit(*unit);
    *unit = NULL;
  }
  unsigned options = CXTranslationUnit_SingleFileParse | CXTranslationUnit_SkipFunctionBodies |
                     CXTranslationUnit_Incomplete | CXTranslationUnit_KeepGoing;
  const cxx_args *args = &self->args[dialect];
  return clang_parseTranslationUnit2(self->index, cxx_lex__main_file[dialect],
                                     (const char *const *)args->items, (int)args->count,
                                     &unsaved, 1, options, unit);
}

static cxx_token_kind cxx_lex__kind(CXTokenKind kind) {
  switch (kind) {
  case CXToken_Punctuation:
    return CXX_TOKEN_PUNCTUATION;
  case CXToken_Keyword:
    return CXX_TOKEN_KEYWORD;
  case CXToken_Identifier:
    return CXX_TOKEN_IDENTIFIER;
  case CXToken_Literal:
    return CXX_TOKEN_LITERAL;
  case CXToken_Comment:
    break;
  }
  return CXX_TOKEN_COMMENT;
}

static unsigned cxx_lex__offset(CXSourceLocation location) {
  unsigned offset = 0;
  clang_getFileLocation(location, NULL, NULL, NULL, &offset);
  return offset;
}

bool cxx_lexer_tokenize(cxx_lexer *self, cxx_dialect dialect, const char *bytes, size_t length,
                        cxx_token_list *tokens, char **error) {
  tokens->count = 0;
  *error = NULL;
  if (length > UINT32_MAX - CXX_LEX__PREFIX_LENGTH) {
    *error = xstrdup("file too large for libclang");
    return false;
  }
  // A byte order mark is only one at the very start of the buffer; behind
  // the prefix it would lex as a stray token, so it stays out of the copy.
  size_t skipped = length >= 3 && memcmp(bytes, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;
  strbuf_clear(&self->text);
  strbuf_append(&self->text, cxx_lex__prefix, CXX_LEX__PREFIX_LENGTH);
  strbuf_append(&self->text, bytes + skipped, length - skipped);

  enum CXErrorCode code = cxx_lex__parse(self, dialect);
  if (code != CXError_Success) {
    *error = xasprintf("libclang cannot read the file (%s)", cxx_lex__error_name(code));
    return false;
  }
  CXTranslationUnit unit = self->units[dialect];
  CXFile file = clang_getFile(unit, cxx_lex__main_file[dialect]);
  if (!file) {
    *error = xstrdup("libclang lost the file it parsed");
    return false;
  }
  CXSourceRange range =
      clang_getRange(clang_getLocationForOffset(unit, file, (unsigned)CXX_LEX__PREFIX_LENGTH),
                     clang_getLocationForOffset(unit, file, (unsigned)self->text.length));
  CXToken *raw = NULL;
  unsigned raw_count = 0;
  clang_tokenize(unit, range, &raw, &raw_count);
  XGROW(tokens->items, tokens->capacity, raw_count);
  size_t shift = CXX_LEX__PREFIX_LENGTH - skipped;
  for (unsigned i = 0; i < raw_count; i++) {
    CXSourceRange extent = clang_getTokenExtent(unit, raw[i]);
    unsigned begin = cxx_lex__offset(clang_getRangeStart(extent));
    unsigned end = cxx_lex__offset(clang_getRangeEnd(extent));
    if (begin < CXX_LEX__PREFIX_LENGTH || end < begin)
      continue;
    cxx_token *token = &tokens->items[tokens->count++];
    token->kind = cxx_lex__kind(clang_getTokenKind(raw[i]));
    token->begin = (uint32_t)(begin - shift);
    token->end = (uint32_t)(end - shift);
  }
  if (raw)
    clang_disposeTokens(unit, raw, raw_count);
  return true;
}
