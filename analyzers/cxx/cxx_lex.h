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
// - the bytes handed to the parse start with nested "#if 0" lines, so the
//   preprocessor skips the file instead of parsing it (as many as it takes
//   that no stray #endif of the file can end them: a parse would follow the
//   file's includes); the tokens are lexed from the file's own range;
// - SingleFileParse, SkipFunctionBodies, Incomplete; no include paths, no
//   predefined macros (cxx_args.h);
// - or many files in one parse (cxx_lexer_load), which shares the set-up.
// Offsets in tokens are into the caller's bytes, not the prefixed copy.
#ifndef STRATA_CXX_LEX_H
#define STRATA_CXX_LEX_H

#include "config.h"
#include "cxx_args.h"
#include "file_budget.h"

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

typedef struct cxx_lexer cxx_lexer;

typedef struct cxx_token {
  cxx_token_kind kind;
  uint32_t begin; // byte offset into the lexed bytes
  // One past the last byte, measured on demand (cxx_token_end): libclang
  // measures a token's extent by lexing it again, which would cost a fifth
  // of the whole run if done for every token.
  uint32_t end;
  uint32_t raw_index; // libclang's index of the token
} cxx_token;

typedef struct cxx_token_list {
  cxx_token *items;
  size_t count;
  size_t capacity;
  cxx_lexer *lexer; // the lexer that filled it, which can measure ends
  // Where lexing stopped because the file's budget was spent (an offset into
  // the file's bytes; the tokens are those before it), or SIZE_MAX when the
  // whole file was lexed.
  size_t stopped_at;
  bool stopped_for_memory; // the budget's memory ran out, not its seconds
} cxx_token_list;

void cxx_token_list_release(cxx_token_list *list);

// The end offset of token index; valid until the lexer tokenizes again.
uint32_t cxx_token_end(cxx_token_list *list, size_t index);

// Whether token (of the file whose bytes are given) may hold a newline: a
// comment, or a string or character literal (raw strings span lines). Names,
// numbers and punctuators cannot, so their (costly) ends need not be
// measured to look for line breaks.
bool cxx_token_may_span_lines(const cxx_token *token, const char *bytes);

// A lexer with its own CXIndex (one per worker thread). config may be NULL;
// it must outlive the lexer.
// The caller frees it with cxx_lexer_delete.
cxx_lexer *cxx_lexer_new(const strata_config *config);
void cxx_lexer_delete(cxx_lexer *self);

// Replaces the contents of tokens with the tokens of bytes (length bytes, no
// NUL needed) lexed as dialect. Returns false when libclang refused the text
// and sets *error to a message the caller frees. libclang lexes the file a
// chunk at a time; when budget (NULL: none) is spent (its seconds, or its
// memory in tokens) with more to lex, lexing stops there and
// tokens->stopped_at says where.
bool cxx_lexer_tokenize(cxx_lexer *self, cxx_dialect dialect, const char *bytes, size_t length,
                        const file_budget *budget, cxx_token_list *tokens, char **error);

// Several files of one dialect with one parse: compiler set-up is most of
// what a parse of a file behind "#if 0" costs, so a batch shares it. The
// main file of the batch is one #include line per file, each file an unsaved
// file of its own that starts with the "#if 0" lines, so each is lexed from
// its own buffer exactly as cxx_lexer_tokenize would lex it alone.
// Returns how many files the parse read; cxx_lexer_tokenize_loaded then
// gives the tokens of file index (and fails for a file it did not read: the
// caller lexes that one alone). Loading again ends the batch.
size_t cxx_lexer_load(cxx_lexer *self, cxx_dialect dialect, const char *const *bytes,
                      const size_t *lengths, size_t count);
bool cxx_lexer_tokenize_loaded(cxx_lexer *self, size_t index, const file_budget *budget,
                               cxx_token_list *tokens, char **error);

#endif
