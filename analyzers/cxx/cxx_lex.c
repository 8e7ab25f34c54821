#include "cxx_lex.h"

#include "file_budget.h"
#include "source.h"
#include "strbuf.h"
#include "xalloc.h"

#include "clang_library.h"
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

// Repeated before the file, makes the preprocessor skip it (see cxx_lex.h).
static const char cxx_lex__skip[] = "#if 0\n";
#define CXX_LEX__SKIP_LENGTH (sizeof(cxx_lex__skip) - 1)

static const char *const cxx_lex__main_file[CXX_DIALECT_COUNT] = {
    "/strata-input/main.c", "/strata-input/main.cpp", "/strata-input/main.cu"};

// libclang lexes a file this many bytes at a time (clang_tokenize over a
// range), each chunk from where the last token of the one before ended, so
// that a file's budget (file_budget.h) is checked between chunks and a file
// over it stops there: libclang's own time and token memory per file are
// what the budget allows, plus a chunk.
#ifndef CXX_LEX_CHUNK_BYTES
#define CXX_LEX_CHUNK_BYTES (256 * 1024)
#endif
// What a token costs in memory: libclang's CXToken and strata's cxx_token.
#define CXX_LEX_TOKEN_BYTES (sizeof(CXToken) + sizeof(cxx_token))

typedef struct cxx_lex_chunk {
  CXToken *raw;
  unsigned count;
  size_t first; // the index, over all chunks, of its first token
} cxx_lex_chunk;

struct cxx_lexer {
  CXIndex index;
  const strata_config *config; // may be NULL
  cxx_args args[CXX_DIALECT_COUNT];
  CXTranslationUnit units[CXX_DIALECT_COUNT]; // NULL until the first file
  strbuf text;                                // the prefixed copy handed to libclang
  // A batch (cxx_lexer_load): one unit per dialect whose main file
  // includes each file of the batch as an unsaved file of its own.
  CXTranslationUnit batch_units[CXX_DIALECT_COUNT];
  cxx_dialect batch_dialect;
  strbuf *batch_texts; // the prefixed copies
  char **batch_names;
  size_t *batch_prefix;  // bytes of "#if 0" lines before each file
  size_t *batch_skipped; // 3 for a file that starts with a byte order mark
  bool *batch_loaded;    // false for a file the batch parse did not read
  size_t batch_count;
  size_t batch_capacity;
  strbuf batch_main;
  // The last tokenized file's libclang tokens, kept to measure ends: one
  // array per chunk of the file (cxx_lex__tokens_of), in order.
  CXTranslationUnit raw_unit;
  cxx_lex_chunk *chunks;
  size_t chunk_count;
  size_t chunk_capacity;
  size_t raw_total; // tokens in all chunks
  size_t shift;     // libclang offset - shift = offset in the caller's bytes
};

#define CXX_TOKEN__END_UNKNOWN UINT32_MAX

static void cxx_lex__drop_raw(cxx_lexer *self) {
  for (size_t i = 0; i < self->chunk_count; i++)
    if (self->chunks[i].raw)
      clang_disposeTokens(self->raw_unit, self->chunks[i].raw, self->chunks[i].count);
  self->chunk_count = 0;
  self->raw_total = 0;
  self->raw_unit = NULL;
}

// The libclang token of index raw_index over all chunks.
static CXToken cxx_lex__raw(const cxx_lexer *self, size_t raw_index) {
  size_t low = 0, high = self->chunk_count;
  while (high - low > 1) {
    size_t middle = low + (high - low) / 2;
    if (self->chunks[middle].first <= raw_index)
      low = middle;
    else
      high = middle;
  }
  const cxx_lex_chunk *chunk = &self->chunks[low];
  return chunk->raw[raw_index - chunk->first];
}

static unsigned cxx_lex__offset(CXSourceLocation location) {
  unsigned offset = 0;
  clang_getFileLocation(location, NULL, NULL, NULL, &offset);
  return offset;
}

bool cxx_token_may_span_lines(const cxx_token *token, const char *bytes) {
  if (token->kind == CXX_TOKEN_COMMENT)
    return true;
  if (token->kind != CXX_TOKEN_LITERAL)
    return false;
  char first = bytes[token->begin];
  return !((first >= '0' && first <= '9') || first == '.');
}

uint32_t cxx_token_end(cxx_token_list *list, size_t index) {
  cxx_token *token = &list->items[index];
  if (token->end == CXX_TOKEN__END_UNKNOWN) {
    cxx_lexer *self = list->lexer;
    CXSourceRange extent =
        clang_getTokenExtent(self->raw_unit, cxx_lex__raw(self, token->raw_index));
    unsigned end = cxx_lex__offset(clang_getRangeEnd(extent));
    token->end = end >= self->shift + token->begin ? (uint32_t)(end - self->shift) : token->begin;
  }
  return token->end;
}

void cxx_token_list_release(cxx_token_list *list) {
  free(list->items);
  list->items = NULL;
  list->count = 0;
  list->capacity = 0;
  list->lexer = NULL;
  list->stopped_at = SIZE_MAX;
}

static pthread_once_t cxx_lex__environment_once = PTHREAD_ONCE_INIT;

// libclang runs every parse and reparse on a fresh thread with an 8 MB
// stack, for crash recovery, unless LIBCLANG_NOTHREADS is set. For a parse
// that skips the whole file that thread is most of the cost (a third of the
// CPU time, and far more wall time on a busy machine), so strata sets it,
// once, before any of its lexers runs (every lexer passes through here
// first), and leaves it alone if the user set it. The price: a crash inside
// libclang is no longer caught, where it used to fail one file.
static void cxx_lex__set_environment(void) {
  setenv("LIBCLANG_NOTHREADS", "1", 0);
}

cxx_lexer *cxx_lexer_new(const strata_config *config) {
  pthread_once(&cxx_lex__environment_once, cxx_lex__set_environment);
  if (!clang_library_load(NULL))
    return NULL;
  // excludeDeclarationsFromPCH = 1, displayDiagnostics = 0: libclang prints
  // nothing; headers never compile alone and their diagnostics are noise.
  CXIndex index = clang_createIndex(1, 0);
  if (!index)
    return NULL;
  cxx_lexer *self = xcalloc(1, sizeof(cxx_lexer));
  self->index = index;
  self->config = config;
  for (int d = 0; d < CXX_DIALECT_COUNT; d++)
    cxx_args_build(&self->args[d], config, (cxx_dialect)d);
  strbuf_init(&self->text);
  strbuf_init(&self->batch_main);
  return self;
}

void cxx_lexer_delete(cxx_lexer *self) {
  if (!self)
    return;
  cxx_lex__drop_raw(self);
  free(self->chunks);
  for (int d = 0; d < CXX_DIALECT_COUNT; d++) {
    if (self->units[d])
      clang_disposeTranslationUnit(self->units[d]);
    if (self->batch_units[d])
      clang_disposeTranslationUnit(self->batch_units[d]);
    cxx_args_release(&self->args[d]);
  }
  clang_disposeIndex(self->index);
  strbuf_release(&self->text);
  for (size_t i = 0; i < self->batch_capacity; i++) {
    strbuf_release(&self->batch_texts[i]);
    free(self->batch_names[i]);
  }
  free(self->batch_texts);
  free(self->batch_names);
  free(self->batch_prefix);
  free(self->batch_skipped);
  free(self->batch_loaded);
  strbuf_release(&self->batch_main);
  free(self);
}

// What a failed parse says: a command line libclang rejects (a cxx.std it
// does not know, a bad define) fails every file of the dialect alike.
static char *cxx_lex__error(const cxx_lexer *self, cxx_dialect dialect, enum CXErrorCode code) {
  static const char *const language[CXX_DIALECT_COUNT] = {"c", "c++", "cuda"};
  switch (code) {
  case CXError_ASTReadError:
  case CXError_InvalidArguments:
    return xasprintf("libclang rejects the command line for %s files (-std=%s; check cxx.std "
                     "and cxx.defines)",
                     language[dialect], cxx_std_for(self->config, dialect));
  case CXError_Crashed:
    return xstrdup("libclang crashed reading the file");
  case CXError_Success:
  case CXError_Failure:
    break;
  }
  return xstrdup("libclang cannot read the file");
}

// Brings the dialect's translation unit up to date with self->text: a
// reparse when one exists, else (or when the reparse fails, after which the
// unit is unusable) a fresh parse.
static enum CXErrorCode cxx_lex__parse(cxx_lexer *self, cxx_dialect dialect) {
  struct CXUnsavedFile unsaved = {cxx_lex__main_file[dialect], self->text.data,
                                  (unsigned long)self->text.length};
  CXTranslationUnit *unit = &self->units[dialect];
  cxx_lex__drop_raw(self);
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
                                     (const char *const *)args->items, (int)args->count, &unsaved,
                                     1, options, unit);
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

// How many "#if 0" lines keep the preprocessor out of bytes. One would do
// for a well-formed file, but a stray #endif would end it, and the parse
// of the rest would then follow includes, absolute ones included (a
// "/dev/stdin" would hang the run). Getting out of n nested "#if 0" takes n
// #endif-s (an #else only flips the outermost), and each is spelled
// "endif", unless a line splice (backslash-newline, or the trigraph ??/ in
// C) cuts the word: one level more than all of those can pop is enough.
static size_t cxx_lex__count(const char *bytes, size_t length, const char *word) {
  size_t count = 0, word_length = strlen(word);
  for (size_t at = source_find(bytes, length, 0, word, word_length); at != SIZE_MAX;
       at = source_find(bytes, length, at + word_length, word, word_length))
    count++;
  return count;
}

static size_t cxx_lex__skip_depth(const char *bytes, size_t length) {
  // memchr finds each candidate: every C/C++ file comes through here.
  size_t depth = 2 + cxx_lex__count(bytes, length, "endif") + cxx_lex__count(bytes, length, "?\?/");
  const char *end = bytes + length;
  for (const char *slash = length ? memchr(bytes, '\\', length) : NULL; slash;
       slash = memchr(slash + 1, '\\', (size_t)(end - slash - 1))) {
    const char *next = slash + 1;
    while (next < end && (*next == ' ' || *next == '\t' || *next == '\r'))
      next++;
    depth += next < end && *next == '\n';
  }
  return depth;
}

// Copies bytes behind enough "#if 0" lines into text; sets the bytes of
// the prefix and of a byte order mark left out, or returns false when the
// copy would be too large for libclang's 32-bit offsets.
static bool cxx_lex__prefixed(const char *bytes, size_t length, strbuf *text, size_t *prefix,
                              size_t *skipped) {
  size_t depth = cxx_lex__skip_depth(bytes, length);
  *prefix = depth * CXX_LEX__SKIP_LENGTH;
  if (length > UINT32_MAX - *prefix)
    return false;
  // A byte order mark is only one at the very start of the buffer; behind
  // the prefix it would lex as a stray token, so it stays out of the copy.
  *skipped = length >= 3 && memcmp(bytes, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;
  strbuf_clear(text);
  for (size_t i = 0; i < depth; i++)
    strbuf_append(text, cxx_lex__skip, CXX_LEX__SKIP_LENGTH);
  strbuf_append(text, bytes + *skipped, length - *skipped);
  return true;
}

// Fills tokens with the raw tokens of the file called name in unit, whose
// text (of text_length bytes) starts with prefix bytes of "#if 0" lines, a
// chunk at a time; stops early (setting tokens->stopped_at) when budget
// (may be NULL) is spent.
static bool cxx_lex__tokens_of(cxx_lexer *self, CXTranslationUnit unit, const char *name,
                               size_t text_length, size_t prefix, size_t skipped,
                               const file_budget *budget, cxx_token_list *tokens, char **error) {
  cxx_lex__drop_raw(self);
  tokens->count = 0;
  tokens->stopped_at = SIZE_MAX;
  CXFile file = clang_getFile(unit, name);
  if (!file) {
    *error = xstrdup("libclang lost the file it parsed");
    return false;
  }
  self->raw_unit = unit;
  self->shift = prefix - skipped;
  tokens->lexer = self;
  for (size_t at = prefix; at < text_length;) {
    size_t end = text_length - at > CXX_LEX_CHUNK_BYTES ? at + CXX_LEX_CHUNK_BYTES : text_length;
    CXSourceRange range = clang_getRange(clang_getLocationForOffset(unit, file, (unsigned)at),
                                         clang_getLocationForOffset(unit, file, (unsigned)end));
    cxx_lex_chunk chunk = {NULL, 0, self->raw_total};
    clang_tokenize(unit, range, &chunk.raw, &chunk.count);
    XGROW(self->chunks, self->chunk_capacity, self->chunk_count + 1);
    self->chunks[self->chunk_count++] = chunk;
    self->raw_total += chunk.count;
    XGROW(tokens->items, tokens->capacity, tokens->count + chunk.count);
    for (unsigned i = 0; i < chunk.count; i++) {
      unsigned begin = cxx_lex__offset(clang_getTokenLocation(unit, chunk.raw[i]));
      if (begin < prefix)
        continue;
      cxx_token *token = &tokens->items[tokens->count++];
      token->kind = cxx_lex__kind(clang_getTokenKind(chunk.raw[i]));
      token->begin = (uint32_t)(begin - self->shift);
      token->end = CXX_TOKEN__END_UNKNOWN;
      token->raw_index = (uint32_t)(chunk.first + i);
    }
    // libclang lexes whole tokens: the next chunk starts where the last
    // token of this one ended, however far past end that is.
    size_t next = end;
    if (chunk.count > 0) {
      CXSourceRange extent = clang_getTokenExtent(unit, chunk.raw[chunk.count - 1]);
      unsigned last_end = cxx_lex__offset(clang_getRangeEnd(extent));
      if (last_end > next)
        next = last_end;
    }
    at = next;
    if (!budget || at >= text_length)
      continue;
    tokens->stopped_for_memory = tokens->count * CXX_LEX_TOKEN_BYTES > budget->memory;
    if (tokens->stopped_for_memory || file_budget_time_is_up(budget)) {
      tokens->stopped_at = at - self->shift;
      break;
    }
  }
  return true;
}

bool cxx_lexer_tokenize(cxx_lexer *self, cxx_dialect dialect, const char *bytes, size_t length,
                        const file_budget *budget, cxx_token_list *tokens, char **error) {
  tokens->count = 0;
  *error = NULL;
  size_t prefix, skipped;
  if (!cxx_lex__prefixed(bytes, length, &self->text, &prefix, &skipped)) {
    *error = xstrdup("file too large for libclang");
    return false;
  }
  enum CXErrorCode code = cxx_lex__parse(self, dialect);
  if (code != CXError_Success) {
    *error = cxx_lex__error(self, dialect, code);
    return false;
  }
  return cxx_lex__tokens_of(self, self->units[dialect], cxx_lex__main_file[dialect],
                            self->text.length, prefix, skipped, budget, tokens, error);
}

static void cxx_lex__batch_reserve(cxx_lexer *self, size_t count) {
  if (count <= self->batch_capacity)
    return;
  self->batch_texts = xrealloc(self->batch_texts, count * sizeof(*self->batch_texts));
  self->batch_names = xrealloc(self->batch_names, count * sizeof(*self->batch_names));
  self->batch_prefix = xrealloc(self->batch_prefix, count * sizeof(*self->batch_prefix));
  self->batch_skipped = xrealloc(self->batch_skipped, count * sizeof(*self->batch_skipped));
  self->batch_loaded = xrealloc(self->batch_loaded, count * sizeof(*self->batch_loaded));
  for (size_t i = self->batch_capacity; i < count; i++) {
    strbuf_init(&self->batch_texts[i]);
    self->batch_names[i] = xasprintf("/strata-input/batch/%zu.h", i);
  }
  self->batch_capacity = count;
}

size_t cxx_lexer_load(cxx_lexer *self, cxx_dialect dialect, const char *const *bytes,
                      const size_t *lengths, size_t count) {
  cxx_lex__drop_raw(self);
  cxx_lex__batch_reserve(self, count);
  self->batch_dialect = dialect;
  self->batch_count = count;
  struct CXUnsavedFile *unsaved = xcalloc(count + 1, sizeof(*unsaved));
  size_t unsaved_count = 1;
  strbuf_clear(&self->batch_main);
  for (size_t i = 0; i < count; i++) {
    self->batch_loaded[i] = false;
    if (!cxx_lex__prefixed(bytes[i], lengths[i], &self->batch_texts[i], &self->batch_prefix[i],
                           &self->batch_skipped[i]))
      continue;                   // too large: cxx_lexer_tokenize_loaded says so
    self->batch_loaded[i] = true; // included; whether it was read is known after the parse
    strbuf_append_str(&self->batch_main, "#include \"");
    strbuf_append_str(&self->batch_main, self->batch_names[i]);
    strbuf_append_str(&self->batch_main, "\"\n");
    unsaved[unsaved_count++] =
        (struct CXUnsavedFile){self->batch_names[i], self->batch_texts[i].data,
                               (unsigned long)self->batch_texts[i].length};
  }
  unsaved[0] = (struct CXUnsavedFile){cxx_lex__main_file[dialect], self->batch_main.data,
                                      (unsigned long)self->batch_main.length};
  // The main file is only #include lines, each of a file that is all inside
  // "#if 0": the parse reads every file and evaluates nothing in any of them.
  // Includes must be followed here, so no SingleFileParse.
  CXTranslationUnit *unit = &self->batch_units[dialect];
  bool parsed = false;
  if (*unit) {
    parsed = clang_reparseTranslationUnit(*unit, (unsigned)unsaved_count, unsaved,
                                          clang_defaultReparseOptions(*unit)) == 0;
    if (!parsed) {
      clang_disposeTranslationUnit(*unit);
      *unit = NULL;
    }
  }
  if (!parsed) {
    unsigned options = CXTranslationUnit_SkipFunctionBodies | CXTranslationUnit_Incomplete |
                       CXTranslationUnit_KeepGoing;
    const cxx_args *args = &self->args[dialect];
    parsed =
        clang_parseTranslationUnit2(self->index, cxx_lex__main_file[dialect],
                                    (const char *const *)args->items, (int)args->count, unsaved,
                                    (unsigned)unsaved_count, options, unit) == CXError_Success;
  }
  free(unsaved);
  // A file the preprocessor did not enter has no source locations.
  size_t loaded = 0;
  for (size_t i = 0; i < count; i++) {
    if (!parsed || !self->batch_loaded[i])
      continue;
    CXFile file = clang_getFile(*unit, self->batch_names[i]);
    self->batch_loaded[i] =
        file &&
        !clang_equalLocations(clang_getLocationForOffset(*unit, file, 0), clang_getNullLocation());
    loaded += self->batch_loaded[i];
  }
  if (!parsed)
    for (size_t i = 0; i < count; i++)
      self->batch_loaded[i] = false;
  return loaded;
}

bool cxx_lexer_tokenize_loaded(cxx_lexer *self, size_t index, const file_budget *budget,
                               cxx_token_list *tokens, char **error) {
  *error = NULL;
  tokens->count = 0;
  if (index >= self->batch_count || !self->batch_loaded[index]) {
    *error = xstrdup("libclang did not read the file in its batch");
    return false;
  }
  return cxx_lex__tokens_of(self, self->batch_units[self->batch_dialect], self->batch_names[index],
                            self->batch_texts[index].length, self->batch_prefix[index],
                            self->batch_skipped[index], budget, tokens, error);
}
