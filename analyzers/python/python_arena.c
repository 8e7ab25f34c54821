#include "python_arena.h"

#include "file_budget.h"
#include "xalloc.h"

#include <tree_sitter/api.h>

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// Under AddressSanitizer the free space of every chunk is poisoned, so a
// block used after python_arena_leave (or after its rollback by free) is
// reported like any use after free.
#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/asan_interface.h>
#define PYTHON_ARENA_POISON(start, size) ASAN_POISON_MEMORY_REGION((start), (size))
#define PYTHON_ARENA_UNPOISON(start, size) ASAN_UNPOISON_MEMORY_REGION((start), (size))
#else
#define PYTHON_ARENA_POISON(start, size) ((void)(start), (void)(size))
#define PYTHON_ARENA_UNPOISON(start, size) ((void)(start), (void)(size))
#endif

enum {
  PYTHON_ARENA_ALIGN = 16,                      // max_align_t on the targets strata builds for
  PYTHON_ARENA_FIRST_CHUNK = 256 * 1024,        // grows by doubling while files need more
  PYTHON_ARENA_LARGEST_CHUNK = 16 * 1024 * 1024 // a chunk over this is never kept for reuse
};

typedef struct python_arena_chunk {
  struct python_arena_chunk *older;
  size_t size; // usable bytes after the header
  size_t used;
} python_arena_chunk;

struct python_arena {
  python_arena_chunk *newest; // allocations bump this one; older ones are full
  // The newest block, which can grow in place or be rolled back on free.
  char *last;
  size_t last_size;
  // The budget of the scope's file (python_arena_watch), or NULL.
  const file_budget *budget;
  size_t *cancel;
  size_t taken; // bytes handed out in the scope, frees not taken off
  size_t takes; // allocations in the scope
  python_arena_overrun overrun;
};

// How many allocations go between two looks at the thread's CPU clock: a
// parse allocates for nearly every token, and a look costs a vDSO call.
enum { PYTHON_ARENA_CLOCK_EVERY = 512 };

// The arena of this thread's current scope; NULL outside one.
static _Thread_local python_arena *python_arena__current;

static size_t python_arena__round(size_t size) {
  if (size > SIZE_MAX - PYTHON_ARENA_ALIGN) {
    fprintf(stderr, "strata: out of memory (a request for %zu bytes)\n", size);
    abort();
  }
  return size == 0 ? PYTHON_ARENA_ALIGN
                   : (size + PYTHON_ARENA_ALIGN - 1) & ~(size_t)(PYTHON_ARENA_ALIGN - 1);
}

static size_t python_arena__header(void) {
  return python_arena__round(sizeof(python_arena_chunk));
}

static char *python_arena__data(python_arena_chunk *chunk) {
  return (char *)chunk + python_arena__header();
}

static python_arena_chunk *python_arena__chunk_new(size_t size, python_arena_chunk *older) {
  python_arena_chunk *chunk = xmalloc(python_arena__header() + size);
  chunk->older = older;
  chunk->size = size;
  chunk->used = 0;
  PYTHON_ARENA_POISON(python_arena__data(chunk), size);
  return chunk;
}

static void python_arena__account(python_arena *self, size_t size) {
  self->taken += size;
  if (!self->budget || self->overrun != PYTHON_ARENA_WITHIN)
    return;
  if (self->taken > self->budget->memory)
    self->overrun = PYTHON_ARENA_OVER_MEMORY;
  else if (++self->takes % PYTHON_ARENA_CLOCK_EVERY == 0 && file_budget_time_is_up(self->budget))
    self->overrun = PYTHON_ARENA_OVER_TIME;
  if (self->overrun != PYTHON_ARENA_WITHIN)
    *self->cancel = 1;
}

static void *python_arena__take(python_arena *self, size_t size) {
  size = python_arena__round(size);
  python_arena__account(self, size);
  python_arena_chunk *chunk = self->newest;
  if (!chunk || chunk->size - chunk->used < size) {
    // Each new chunk is twice the last, so a big file needs few of them; a
    // block bigger than that gets a chunk of its own size.
    size_t chunk_size = chunk ? chunk->size * 2 : PYTHON_ARENA_FIRST_CHUNK;
    if (chunk_size > PYTHON_ARENA_LARGEST_CHUNK)
      chunk_size = PYTHON_ARENA_LARGEST_CHUNK;
    if (chunk_size < size)
      chunk_size = size;
    chunk = self->newest = python_arena__chunk_new(chunk_size, chunk);
  }
  char *block = python_arena__data(chunk) + chunk->used;
  chunk->used += size;
  PYTHON_ARENA_UNPOISON(block, size);
  self->last = block;
  self->last_size = size;
  return block;
}

// The chunk of self that holds block, or NULL when block came from libc.
static python_arena_chunk *python_arena__owner(const python_arena *self, const void *block) {
  for (python_arena_chunk *chunk = self->newest; chunk; chunk = chunk->older) {
    const char *data = python_arena__data(chunk);
    if ((const char *)block >= data && (const char *)block < data + chunk->size)
      return chunk;
  }
  return NULL;
}

void *python_arena_malloc(size_t size) {
  python_arena *arena = python_arena__current;
  return arena ? python_arena__take(arena, size) : xmalloc(size ? size : 1);
}

void *python_arena_calloc(size_t count, size_t size) {
  python_arena *arena = python_arena__current;
  if (!arena)
    return xcalloc(count ? count : 1, size ? size : 1);
  if (size && count > SIZE_MAX / size) {
    fprintf(stderr, "strata: out of memory (a request for %zu x %zu bytes)\n", count, size);
    abort();
  }
  void *block = python_arena__take(arena, count * size);
  memset(block, 0, count * size);
  return block;
}

void *python_arena_realloc(void *block, size_t size) {
  python_arena *arena = python_arena__current;
  if (!block)
    return python_arena_malloc(size);
  python_arena_chunk *chunk = arena ? python_arena__owner(arena, block) : NULL;
  if (!chunk)
    return xrealloc(block, size ? size : 1); // a block made outside the scope stays on the heap
  size_t rounded = python_arena__round(size);
  char *data = python_arena__data(chunk);
  if (block == arena->last && chunk == arena->newest &&
      (size_t)((char *)block - data) + rounded <= chunk->size) {
    // The newest block grows or shrinks where it is.
    if (rounded > arena->last_size) {
      python_arena__account(arena, rounded - arena->last_size);
      PYTHON_ARENA_UNPOISON((char *)block + arena->last_size, rounded - arena->last_size);
    } else
      PYTHON_ARENA_POISON((char *)block + rounded, arena->last_size - rounded);
    chunk->used = (size_t)((char *)block - data) + rounded;
    arena->last_size = rounded;
    return block;
  }
  // The old block's size is not recorded; blocks lie end to end, so copying
  // up to the new size (but not past what the chunk has handed out) copies
  // all of it, and at worst some bytes of the blocks after it.
  size_t available = (size_t)(data + chunk->used - (char *)block);
  void *moved = python_arena__take(arena, size);
  memcpy(moved, block, size < available ? size : available);
  return moved;
}

void python_arena_free(void *block) {
  if (!block)
    return;
  python_arena *arena = python_arena__current;
  python_arena_chunk *chunk = arena ? python_arena__owner(arena, block) : NULL;
  if (!chunk) {
    free(block);
    return;
  }
  // Only the newest block can be given back before the scope ends.
  if (block == arena->last && chunk == arena->newest) {
    chunk->used -= arena->last_size;
    PYTHON_ARENA_POISON(block, arena->last_size);
    arena->last = NULL;
    arena->last_size = 0;
  }
}

static void python_arena__install_once(void) {
  ts_set_allocator(python_arena_malloc, python_arena_calloc, python_arena_realloc,
                   python_arena_free);
}

void python_arena_install(void) {
  static pthread_once_t installed = PTHREAD_ONCE_INIT;
  pthread_once(&installed, python_arena__install_once);
}

python_arena *python_arena_new(void) {
  return xcalloc(1, sizeof(python_arena));
}

static void python_arena__free_chunks(python_arena_chunk *chunk) {
  while (chunk) {
    python_arena_chunk *older = chunk->older;
    free(chunk);
    chunk = older;
  }
}

void python_arena_delete(python_arena *self) {
  if (!self)
    return;
  if (python_arena__current == self)
    python_arena__current = NULL;
  python_arena__free_chunks(self->newest);
  free(self);
}

void python_arena_enter(python_arena *self) {
  python_arena__current = self;
}

void python_arena_watch(python_arena *self, const file_budget *budget, size_t *cancel) {
  self->budget = budget;
  self->cancel = cancel;
  self->taken = 0;
  self->takes = 0;
  self->overrun = PYTHON_ARENA_WITHIN;
}

python_arena_overrun python_arena_overrun_of(const python_arena *self) {
  return self->overrun;
}

void python_arena_leave(python_arena *self) {
  python_arena__current = NULL;
  self->budget = NULL;
  self->cancel = NULL;
  // The newest chunk is the biggest: keep it for the next file unless it is
  // so big that only a rare file needed it.
  python_arena_chunk *keep = self->newest;
  if (keep && keep->size > PYTHON_ARENA_LARGEST_CHUNK)
    keep = NULL;
  python_arena__free_chunks(keep ? keep->older : self->newest);
  if (keep) {
    keep->older = NULL;
    keep->used = 0;
    PYTHON_ARENA_POISON(python_arena__data(keep), keep->size);
  }
  self->newest = keep;
  self->last = NULL;
  self->last_size = 0;
}

size_t python_arena_used(const python_arena *self) {
  size_t used = 0;
  for (const python_arena_chunk *chunk = self->newest; chunk; chunk = chunk->older)
    used += chunk->used;
  return used;
}
