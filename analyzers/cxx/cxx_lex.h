// libclang as a lexer: the raw tokens of one file, every preprocessor branch
// included.
//
// A parse evaluates conditions and skips branches, but clang_tokenize over
// the whole file lexes raw text, skipped branches too; that is all strata
// needs to walk the directives itself (cxx_directives.h). The parse is kept
// as cheap as libclang allows, because the tokens come from the translation
// unit's source manager and nothing else of the parse is used:
// - one translation unit per dialect per lexer, reparsed for each file with
//   the new bytes as the unsaved main file (a fresh parse pays ~0.7 ms of
//   compiler set-up per file, a reparse ~0.25 ms);
// - the bytes handed to the parse start with "#if 0\n", so the preprocessor
//   skips the file instead of parsing it (a file with a stray #endif only
//   costs a real parse of its tail; the tokens are the same either way);
// - SingleFileParse, SkipFunctionBodies, Incomplete; no include paths, no
//   predefined macros (cxx_args.h).
// Offsets in tokens are into the caller's bytes, not the prefixed copy.
#ifndef STRATA_CXX_LEX_H
#define STRATA_CXX_LEX_H

#include "config.h"
#include "cxx_args.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum cxx_token_kind {
  CXX_TOKEN_PUNCTUATION,
  CXX_TOKEN_KEYWORD,
  CXX_TOKEN_IDENTIFIER,
  CXX_TOKEN_LITERAL,
  CXX_TOKEN_COMMENT,
} cxx_token_kind;

typedef struct cxx_token {
  cxx_token_kind kind;
  uint32_t begin; // byte offsets into the lexed bytes, end exclusive
  uint32_t end;
} cxx_token;

typedef struct cxx_token_list {
  cxx_token *items;
  size_t count;
  size_t capacity;
} cxx_token_list;

void cxx_token_list_release(cxx_token_list *list);

typedef struct cxx_lexer cxx_lexer;

// A lexer with its own CXIndex (one per worker thread). config may be NULL.
// The caller frees it with cxx_lexer_delete.
cxx_lexer *cxx_lexer_new(const strata_config *config);
void cxx_lexer_delete(cxx_lexer *self);

// Replaces the contents of tokens with the tokens of bytes (length bytes, no
// NUL needed) lexed as dialect. Returns false when libclang refused the text
// and sets *error to a message the caller frees.
bool cxx_lexer_tokenize(cxx_lexer *self, cxx_dialect dialect, const char *bytes, size_t length,
                        cxx_token_list *tokens, char **error);

#endif
