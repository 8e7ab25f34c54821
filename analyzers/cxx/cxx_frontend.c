// The C, C++ and CUDA front end: libclang lexes (cxx_lex.h), strata walks
// the directives (cxx_directives.h), finds the deprecation sites
// (cxx_deprecations.h) and the suppression comments (cxx_suppressions.h).
#include "frontend.h"

#include "cxx_args.h"
#include "cxx_bridge.h"
#include "cxx_deprecations.h"
#include "cxx_directives.h"
#include "cxx_lex.h"
#include "cxx_macros.h"
#include "cxx_suppressions.h"
#include "cxx_text.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

struct frontend_worker {
  const strata_config *config; // may be NULL; for the budget of a file
  cxx_lexer *lexer;
  cxx_macros *defines; // cxx.defines, under every file's own macros
  cxx_token_list tokens;
  // deprecations.cxx_macros (config-owned, or the defaults).
  const char *const *deprecation_macros;
  size_t deprecation_macro_count;
  unsigned char *roles; // one cxx_token_role per token, for the deprecation walk
  size_t role_capacity;
};

typedef struct cxx_extension {
  const char *suffix;
  strata_language language;
} cxx_extension;

// .h is C++: PyTorch's headers are.
static const cxx_extension cxx__extensions[] = {
    {".c", STRATA_LANG_C},     {".cc", STRATA_LANG_CPP},   {".cpp", STRATA_LANG_CPP},
    {".cxx", STRATA_LANG_CPP}, {".h", STRATA_LANG_CPP},    {".hh", STRATA_LANG_CPP},
    {".hpp", STRATA_LANG_CPP}, {".hxx", STRATA_LANG_CPP},  {".inl", STRATA_LANG_CPP},
    {".cu", STRATA_LANG_CUDA}, {".cuh", STRATA_LANG_CUDA}, {".mm", STRATA_LANG_OBJCPP},
    {".hip", STRATA_LANG_HIP},
};

static bool cxx__claims(const char *path, strata_language *language) {
  const char *dot = strrchr(path, '.');
  const char *slash = strrchr(path, '/');
  if (!dot || (slash && dot < slash) || dot == path || dot[-1] == '/')
    return false; // no extension, or a dot file such as ".h"
  for (size_t i = 0; i < sizeof(cxx__extensions) / sizeof(*cxx__extensions); i++) {
    if (strcmp(dot, cxx__extensions[i].suffix) == 0) {
      *language = cxx__extensions[i].language;
      return true;
    }
  }
  return false;
}

static void cxx__worker_delete(frontend_worker *worker) {
  if (!worker)
    return;
  cxx_lexer_delete(worker->lexer);
  cxx_macros_delete(worker->defines);
  cxx_token_list_release(&worker->tokens);
  free(worker->roles);
  free(worker);
}

static frontend_worker *cxx__worker_new(const strata_config *config) {
  cxx_lexer *lexer = cxx_lexer_new(config);
  if (!lexer)
    return NULL;
  frontend_worker *worker = xcalloc(1, sizeof(frontend_worker));
  worker->config = config;
  worker->lexer = lexer;
  worker->defines = cxx_macros_new(NULL);
  if (config)
    for (size_t i = 0; i < config->cxx_define_count; i++)
      cxx_macros_define_option(worker->defines, config->cxx_defines[i]);
  worker->deprecation_macros = config_default_deprecation_macros;
  while (worker->deprecation_macros[worker->deprecation_macro_count])
    worker->deprecation_macro_count++;
  if (config) {
    worker->deprecation_macros = (const char *const *)config->deprecations.cxx_macros;
    worker->deprecation_macro_count = config->deprecations.cxx_macro_count;
  }
  return worker;
}

static bool cxx__extract_tokens(frontend_worker *worker, const source_text *source,
                                file_facts *facts);

static bool cxx__extract(frontend_worker *worker, const source_text *source, file_facts *facts) {
  char *error = NULL;
  file_budget budget;
  file_budget_start(&budget, worker->config);
  if (!cxx_lexer_tokenize(worker->lexer, cxx_dialect_of(source->language), source->bytes,
                          source->length, &budget, &worker->tokens, &error)) {
    file_facts_add_notice(facts, 0, 0, "%s", error);
    free(error);
    return false;
  }
  return cxx__extract_tokens(worker, source, facts);
}

// A file over this is lexed alone: its own parse costs little next to its
// lexing, and a batch of such files could run libclang's 32-bit source
// locations out of room.
enum { CXX_BATCH_MAX_FILE_BYTES = 1024 * 1024 };

// The files of one dialect go through one libclang parse (cxx_lexer_load);
// a file the batch could not read is lexed alone, as extract would.
static void cxx__extract_batch(frontend_worker *worker, const source_text *sources,
                               file_facts *const *facts, bool *ok, size_t count) {
  for (size_t i = 0; i < count; i++)
    if (sources[i].length > CXX_BATCH_MAX_FILE_BYTES)
      ok[i] = cxx__extract(worker, &sources[i], facts[i]);
  size_t *members = xmalloc((count + 1) * sizeof(size_t));
  const char **bytes = xmalloc((count + 1) * sizeof(char *));
  size_t *lengths = xmalloc((count + 1) * sizeof(size_t));
  for (int dialect = 0; dialect < CXX_DIALECT_COUNT; dialect++) {
    size_t member_count = 0;
    for (size_t i = 0; i < count; i++) {
      if ((int)cxx_dialect_of(sources[i].language) != dialect ||
          sources[i].length > CXX_BATCH_MAX_FILE_BYTES)
        continue;
      members[member_count] = i;
      bytes[member_count] = sources[i].bytes;
      lengths[member_count++] = sources[i].length;
    }
    if (member_count == 0)
      continue;
    if (member_count > 1)
      cxx_lexer_load(worker->lexer, (cxx_dialect)dialect, bytes, lengths, member_count);
    for (size_t m = 0; m < member_count; m++) {
      size_t i = members[m];
      char *error = NULL;
      file_budget budget;
      file_budget_start(&budget, worker->config);
      if (member_count > 1 &&
          cxx_lexer_tokenize_loaded(worker->lexer, m, &budget, &worker->tokens, &error)) {
        ok[i] = cxx__extract_tokens(worker, &sources[i], facts[i]);
        continue;
      }
      free(error);
      ok[i] = cxx__extract(worker, &sources[i], facts[i]);
    }
  }
  free(members);
  free(bytes);
  free(lengths);
}

// The facts of the file whose tokens worker->tokens holds.
static bool cxx__extract_tokens(frontend_worker *worker, const source_text *source,
                                file_facts *facts) {
  size_t stopped_at = worker->tokens.stopped_at;
  if (stopped_at != SIZE_MAX) {
    // The tokens before the stop are read as usual: the facts of the lines
    // before it are kept.
    cxx_lines lines;
    cxx_lines_init(&lines, source->bytes, source->length);
    uint32_t line = cxx_lines_line(&lines, stopped_at);
    cxx_lines_release(&lines);
    file_budget limits;
    file_budget_start(&limits, worker->config);
    if (worker->tokens.stopped_for_memory)
      file_facts_add_notice(facts, line, 1,
                            "read up to line %u only: lexing the rest takes more than "
                            "max_file_memory (%zu bytes)",
                            line, limits.memory);
    else
      file_facts_add_notice(facts, line, 1,
                            "read up to line %u only: lexing the rest takes more than "
                            "max_file_seconds (%g s)",
                            line, limits.seconds);
  }
  // Most files hold no deprecation and no bridge form: they skip the walks
  // and their token roles.
  unsigned char *roles = NULL;
  bool deprecations = cxx_deprecations_possible(
      source->bytes, source->length, worker->deprecation_macros, worker->deprecation_macro_count);
  bool bridge = cxx_bridge_possible(source->bytes, source->length);
  if (deprecations || bridge) {
    XGROW(worker->roles, worker->role_capacity, worker->tokens.count + 1);
    roles = worker->roles;
  }
  cxx_directives_extract(source->bytes, source->length, &worker->tokens, worker->defines, facts,
                         roles, worker->deprecation_macros, worker->deprecation_macro_count);
  cxx_lines lines;
  cxx_lines_init(&lines, source->bytes, source->length);
  if (roles && bridge)
    cxx_bridge_extract(source->bytes, &worker->tokens, roles, &lines, facts);
  if (roles && deprecations)
    cxx_deprecations_extract(source->bytes, &worker->tokens, roles, worker->deprecation_macros,
                             worker->deprecation_macro_count, &lines, facts);
  cxx_suppressions_extract(source->bytes, source->length, &worker->tokens, &lines, facts);
  cxx_lines_release(&lines);
  return true;
}

const frontend cxx_frontend = {"cxx",        cxx__claims,       cxx__worker_new, cxx__worker_delete,
                               cxx__extract, cxx__extract_batch};
