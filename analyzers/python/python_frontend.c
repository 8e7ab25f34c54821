// The Python front end: tree-sitter-python turns a .py file into a tree; the
// import statements of that tree become dependency facts, its deprecation
// sites deprecation facts, its `strata: ignore[...]` comments suppressions.
#include "file_budget.h"
#include "frontend.h"
#include "python_arena.h"
#include "python_bridge.h"
#include "python_deprecations.h"
#include "python_grammar.h"
#include "python_guard.h"
#include "python_imports.h"
#include "python_suppressions.h"
#include "python_syntax.h"
#include "python_text.h"
#include "xalloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

// The most of tree-sitter's memory a parse may take for each byte of the
// file, and for any file (see python__extract).
#define PYTHON_PARSE_BYTES_PER_BYTE ((size_t)1024)
#define PYTHON_PARSE_BYTES_FLOOR ((size_t)16 << 20)

struct frontend_worker {
  python_arena *arena; // tree-sitter's memory for the file at hand
  python_grammar grammar;
  python_imports imports;
  python_bridge bridge;
  python_deprecations deprecations;
  python_guard_result guard;   // what the file at hand is parsed and read from
  const strata_config *config; // may be NULL; for the budget of a file
};

// .py modules and .pyi stubs, whose imports only type checkers follow (the
// graph gives them that scope: facts depend on bytes alone).
static bool python__claims(const char *path, strata_language *language) {
  size_t length = strlen(path);
  bool module = length >= 3 && strcmp(path + length - 3, ".py") == 0;
  bool stub = length >= 4 && strcmp(path + length - 4, ".pyi") == 0;
  if (!module && !stub)
    return false;
  *language = STRATA_LANG_PYTHON;
  return true;
}

static void python__worker_delete(frontend_worker *worker);

// Of the configuration only deprecations.python_calls changes a Python
// file's facts; config may be NULL (no extra names).
static frontend_worker *python__worker_new(const strata_config *config) {
  frontend_worker *worker = xcalloc(1, sizeof(*worker));
  if (!python_grammar_init(&worker->grammar)) {
    free(worker);
    return NULL;
  }
  python_imports_init(&worker->imports, &worker->grammar);
  python_bridge_init(&worker->bridge, &worker->grammar);
  python_guard_result_init(&worker->guard);
  worker->config = config;
  python_deprecations_init(&worker->deprecations, &worker->grammar,
                           config ? config->deprecations.python_calls : NULL,
                           config ? config->deprecations.python_call_count : 0);
  python_arena_install();
  worker->arena = python_arena_new();
  // Each file gets a parser of its own, made in the arena; this one only
  // asks whether the runtime loads the grammar's ABI.
  TSParser *parser = ts_parser_new();
  bool loads = ts_parser_set_language(parser, worker->grammar.language);
  ts_parser_delete(parser);
  if (!loads) {
    python__worker_delete(worker);
    return NULL;
  }
  return worker;
}

static void python__worker_delete(frontend_worker *worker) {
  if (!worker)
    return;
  python_arena_delete(worker->arena);
  python_imports_release(&worker->imports);
  python_bridge_release(&worker->bridge);
  python_deprecations_release(&worker->deprecations);
  python_guard_result_release(&worker->guard);
  python_grammar_release(&worker->grammar);
  free(worker);
}

static bool python__extract(frontend_worker *worker, const source_text *source, file_facts *facts) {
  if (source->length > UINT32_MAX) {
    file_facts_add_notice(facts, 0, 0, "cannot parse: the file is over 4 GiB");
    return false;
  }
  bool ok = true;
  file_budget budget;
  file_budget_start(&budget, worker->config);
  source_text text = *source;
  char *lf_copy = python_text_lone_cr_to_lf(source->bytes, source->length);
  if (lf_copy)
    text.bytes = lf_copy;
  // The guard blanks what the parser cannot take (python_guard.h): the facts
  // are read from its readable text, the parser gets its parsable one.
  python_guard_result *guard = &worker->guard;
  python_guard_apply(text.bytes, text.length, guard);
  if (guard->readable)
    text.bytes = guard->readable;
  const char *parsed = guard->parsable ? guard->parsable : text.bytes;
  if (guard->deep_count)
    file_facts_add_notice(facts, guard->deep_line, 1,
                          "skipped %u statement%s from line %u: nested too deeply for the parser "
                          "to recover from an error in it",
                          guard->deep_count, guard->deep_count == 1 ? "" : "s", guard->deep_line);
  if (guard->backslash_count)
    file_facts_add_notice(
        facts, guard->backslash_line, 1,
        "read %u line%s from line %u as blank: they hold nothing but a backslash, more than %u in "
        "a "
        "row, which the parser reads in quadratic time; the statements they continued end there",
        guard->backslash_count, guard->backslash_count == 1 ? "" : "s", guard->backslash_line,
        PYTHON_GUARD_MAX_RUN);
  // Everything tree-sitter makes for this file, the parser and the tree
  // included, comes from the arena and goes with it at the end.
  python_arena_enter(worker->arena);
  // The budget (file_budget.h): the arena cancels the parse when it goes
  // past the file's seconds or memory; tree-sitter's own timeout, on the
  // wall clock and four times the seconds, is there in case a parse ever
  // spends long without allocating.
  // The memory a parse may take grows with the file, too: real code takes
  // at most a few hundred bytes of tree-sitter's memory per byte (350 for
  // 20,000 nested calls); error recovery over a long broken stretch takes
  // thousands, in time that grows as fast, so stopping it at a fixed
  // multiple keeps the cost of a file linear in its length.
  size_t cancel = 0;
  size_t proportional = PYTHON_PARSE_BYTES_PER_BYTE * text.length + PYTHON_PARSE_BYTES_FLOOR;
  bool proportional_cap = proportional < budget.memory;
  if (proportional_cap)
    budget.memory = proportional;
  python_arena_watch(worker->arena, &budget, &cancel);
  TSParser *parser = ts_parser_new();
  ts_parser_set_language(parser, worker->grammar.language);
  ts_parser_set_cancellation_flag(parser, &cancel);
  ts_parser_set_timeout_micros(parser, (uint64_t)(budget.seconds * 4e6));
  TSTree *tree = ts_parser_parse_string(parser, NULL, parsed, (uint32_t)text.length);
  if (!tree) {
    if (python_arena_overrun_of(worker->arena) == PYTHON_ARENA_OVER_MEMORY && proportional_cap)
      file_facts_add_notice(facts, 0, 0,
                            "skipped: parsing it takes more than %zu bytes of memory, %u for each "
                            "byte of the file (real code takes a few hundred)",
                            budget.memory, (unsigned)PYTHON_PARSE_BYTES_PER_BYTE);
    else if (python_arena_overrun_of(worker->arena) == PYTHON_ARENA_OVER_MEMORY)
      file_facts_add_notice(facts, 0, 0,
                            "skipped: parsing it takes more than max_file_memory (%zu bytes)",
                            budget.memory);
    else
      file_facts_add_notice(facts, 0, 0,
                            "skipped: parsing it takes more than max_file_seconds (%g s)",
                            budget.seconds);
    ok = false;
    goto cleanup;
  }
  python_imports_extract(&worker->imports, tree, &text, facts);
  python_bridge_extract(&worker->bridge, tree, &text, facts);
  python_comments_drop_in_strings(&guard->hidden, worker->grammar.string,
                                  worker->grammar.string_content, tree);
  python_deprecations_extract(&worker->deprecations, tree, &text, &guard->hidden, facts);
  python_suppressions_extract(&worker->deprecations.comments, text.bytes, facts);
  uint32_t line, column;
  if (python_syntax_first_problem(tree, text.bytes, &line, &column) &&
      python_syntax_confirm(parser, text.bytes, text.length, &line, &column))
    file_facts_add_notice(
        facts, line, column,
        "syntax error: the file does not parse cleanly (first problem at line %u, column %u)", line,
        column);
cleanup:
  // The parser and the tree go with the arena, and so do the scanner's stacks
  // (the grammar is built with TREE_SITTER_REUSE_ALLOCATOR); deleting the
  // parser lets the scanner free its own struct, which it callocs from libc.
  // No ts_tree_delete, which would visit every node.
  ts_parser_delete(parser);
  python_arena_leave(worker->arena);
  free(lf_copy);
  python_guard_result_clear(guard);
  return ok;
}

const frontend python_frontend = {
    "python", python__claims, python__worker_new, python__worker_delete, python__extract, NULL};
