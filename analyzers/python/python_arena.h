// tree-sitter's memory for one file, taken from a bump arena and given back
// at once.
//
// A parse makes a heap node for nearly every token and rule, and deleting
// the tree visits every one of them again: with libc's allocator that is a
// sixth of a cold run. Inside python_arena_enter / python_arena_leave every
// allocation tree-sitter makes on this thread comes from the arena, frees
// are (almost) free, and leaving drops the parser, the tree and everything
// else of the file in one step, with no ts_tree_delete.
//
// The hooks are tree-sitter's own (ts_set_allocator), installed once per
// process by python_arena_install. The arena in use is per thread, so each
// extraction worker has its own and no lock is taken. Outside a scope, or for
// a block that was not taken from the arena (a parser made before it), the
// hooks are libc's malloc, realloc and free.
//
// The rule that makes this safe: nothing tree-sitter allocated inside a scope
// may be used after python_arena_leave. The Python front end makes its
// parser, tree and cursors inside the scope and lets go of them all before it
// leaves.
#ifndef STRATA_PYTHON_ARENA_H
#define STRATA_PYTHON_ARENA_H

#include <stddef.h>

typedef struct python_arena python_arena;

// Installs the hooks; safe to call from any thread, any number of times.
void python_arena_install(void);

// An empty arena, freed with python_arena_delete.
python_arena *python_arena_new(void);
void python_arena_delete(python_arena *self);

// From here to python_arena_leave, tree-sitter's allocations on this thread
// come from self. Scopes do not nest.
void python_arena_enter(python_arena *self);
// Ends the scope and takes back everything allocated in it. A little memory
// is kept for the next file.
void python_arena_leave(python_arena *self);

// Bytes taken from the arena in the current scope (for tests).
size_t python_arena_used(const python_arena *self);

// What the file of the current scope may cost (file_budget.h): from here to
// python_arena_leave, when the parse has taken more than budget->memory
// bytes, or (checked every few hundred allocations, which a parse makes all
// the time) spent more than budget->seconds, the arena sets *cancel, which
// is the parser's cancellation flag (ts_parser_set_cancellation_flag): the
// parse stops at its next check and returns no tree. budget and cancel must
// outlive the scope.
typedef enum python_arena_overrun {
  PYTHON_ARENA_WITHIN, // the parse kept to its budget
  PYTHON_ARENA_OVER_TIME,
  PYTHON_ARENA_OVER_MEMORY,
} python_arena_overrun;

struct file_budget;
void python_arena_watch(python_arena *self, const struct file_budget *budget, size_t *cancel);
// Which limit, if any, the parse of the current scope went past.
python_arena_overrun python_arena_overrun_of(const python_arena *self);

// The hooks themselves, exposed so unit tests can call them directly.
void *python_arena_malloc(size_t size);
void *python_arena_calloc(size_t count, size_t size);
void *python_arena_realloc(void *block, size_t size);
void python_arena_free(void *block);

#endif
