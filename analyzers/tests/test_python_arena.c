// Unit tests for the arena that holds tree-sitter's memory for one file:
// blocks inside a scope come from the arena, keep their bytes when they grow
// or move, and go at once when the scope ends; outside a scope, and for
// blocks made before it, the hooks are libc's. The sanitizer build checks
// that nothing here touches memory the arena took back.
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "python_arena.h"
#include "python_grammar.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

static void fill(unsigned char *block, size_t size, unsigned char seed) {
  for (size_t i = 0; i < size; i++)
    block[i] = (unsigned char)(seed + i * 7);
}

static bool holds(const unsigned char *block, size_t size, unsigned char seed) {
  for (size_t i = 0; i < size; i++)
    if (block[i] != (unsigned char)(seed + i * 7))
      return false;
  return true;
}

static void test_outside_a_scope_the_hooks_are_libc(void **state) {
  (void)state;
  python_arena *arena = python_arena_new();
  unsigned char *block = python_arena_malloc(100);
  fill(block, 100, 1);
  block = python_arena_realloc(block, 5000);
  assert_true(holds(block, 100, 1));
  python_arena_free(block);
  python_arena_free(NULL);
  assert_int_equal(python_arena_used(arena), 0);
  python_arena_delete(arena);
}

static void test_blocks_come_from_the_arena_aligned_and_zeroed(void **state) {
  (void)state;
  python_arena *arena = python_arena_new();
  python_arena_enter(arena);
  void *first = python_arena_malloc(3);
  unsigned char *zeroed = python_arena_calloc(10, 9);
  assert_non_null(first);
  assert_ptr_not_equal(first, zeroed);
  assert_int_equal((uintptr_t)first % 16, 0);
  assert_int_equal((uintptr_t)zeroed % 16, 0);
  for (size_t i = 0; i < 90; i++)
    assert_int_equal(zeroed[i], 0);
  assert_int_equal(python_arena_used(arena), 16 + 96);
  python_arena_leave(arena);
  assert_int_equal(python_arena_used(arena), 0);
  python_arena_delete(arena);
}

static void test_the_newest_block_grows_in_place_and_rolls_back(void **state) {
  (void)state;
  python_arena *arena = python_arena_new();
  python_arena_enter(arena);
  unsigned char *block = python_arena_malloc(64);
  fill(block, 64, 3);
  unsigned char *grown = python_arena_realloc(block, 4096);
  assert_ptr_equal(grown, block);
  assert_true(holds(grown, 64, 3));
  assert_int_equal(python_arena_used(arena), 4096);
  python_arena_free(grown);
  assert_int_equal(python_arena_used(arena), 0);
  python_arena_leave(arena);
  python_arena_delete(arena);
}

static void test_an_older_block_moves_with_its_bytes(void **state) {
  (void)state;
  python_arena *arena = python_arena_new();
  python_arena_enter(arena);
  unsigned char *older = python_arena_malloc(40);
  fill(older, 40, 5);
  unsigned char *newer = python_arena_malloc(40);
  fill(newer, 40, 9);
  unsigned char *moved = python_arena_realloc(older, 1000);
  assert_ptr_not_equal(moved, older);
  assert_true(holds(moved, 40, 5));
  assert_true(holds(newer, 40, 9));
  // Shrinking an older block moves it too, with the bytes that still fit.
  unsigned char *shrunk = python_arena_realloc(newer, 8);
  assert_true(holds(shrunk, 8, 9));
  // Freeing a block that is not the newest gives nothing back yet.
  size_t used = python_arena_used(arena);
  python_arena_free(older);
  assert_int_equal(python_arena_used(arena), used);
  python_arena_leave(arena);
  python_arena_delete(arena);
}

static void test_a_block_made_before_the_scope_stays_on_the_heap(void **state) {
  (void)state;
  python_arena *arena = python_arena_new();
  unsigned char *heap = python_arena_malloc(32);
  fill(heap, 32, 11);
  python_arena_enter(arena);
  heap = python_arena_realloc(heap, 64 * 1024);
  assert_true(holds(heap, 32, 11));
  assert_int_equal(python_arena_used(arena), 0);
  python_arena_leave(arena);
  // Still the caller's after the scope: libc frees it.
  assert_true(holds(heap, 32, 11));
  python_arena_free(heap);
  python_arena_delete(arena);
}

static void test_big_blocks_and_many_chunks(void **state) {
  (void)state;
  python_arena *arena = python_arena_new();
  for (int round = 0; round < 3; round++) {
    python_arena_enter(arena);
    unsigned char *big = python_arena_malloc(40u * 1024 * 1024);
    fill(big, 1024, 13);
    unsigned char *blocks[2000];
    for (size_t i = 0; i < 2000; i++) {
      blocks[i] = python_arena_malloc(1000 + i);
      fill(blocks[i], 1000 + i, (unsigned char)i);
    }
    for (size_t i = 0; i < 2000; i++)
      assert_true(holds(blocks[i], 1000 + i, (unsigned char)i));
    assert_true(holds(big, 1024, 13));
    assert_true(python_arena_used(arena) >= 40u * 1024 * 1024 + 2000 * 1000);
    python_arena_leave(arena);
    assert_int_equal(python_arena_used(arena), 0);
  }
  python_arena_delete(arena);
}

// The way the Python front end uses it: a parser and a tree per file, made
// in the arena and dropped with it, never deleted one by one.
static void parse_files(int count) {
  python_grammar grammar;
  assert_true(python_grammar_init(&grammar));
  python_arena *arena = python_arena_new();
  static const char text[] = "import os\n"
                             "def f(x):\n"
                             "    return [y for y in x if y] + (1, 2)\n"
                             "class C:\n"
                             "    pass\n";
  for (int i = 0; i < count; i++) {
    python_arena_enter(arena);
    TSParser *parser = ts_parser_new();
    assert_true(ts_parser_set_language(parser, grammar.language));
    TSTree *tree = ts_parser_parse_string(parser, NULL, text, sizeof(text) - 1);
    TSNode root = ts_tree_root_node(tree);
    assert_false(ts_node_has_error(root));
    assert_int_equal(ts_node_named_child_count(root), 3);
    assert_true(python_arena_used(arena) > 0);
    ts_parser_delete(parser);
    python_arena_leave(arena);
  }
  python_arena_delete(arena);
  python_grammar_release(&grammar);
}

static void *parse_files_thread(void *argument) {
  (void)argument;
  parse_files(200);
  return NULL;
}

static void test_tree_sitter_parses_in_arenas_on_two_threads(void **state) {
  (void)state;
  python_arena_install();
  python_arena_install(); // twice is once
  pthread_t other;
  assert_int_equal(pthread_create(&other, NULL, parse_files_thread, NULL), 0);
  parse_files(200);
  assert_int_equal(pthread_join(other, NULL), 0);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_outside_a_scope_the_hooks_are_libc),
      cmocka_unit_test(test_blocks_come_from_the_arena_aligned_and_zeroed),
      cmocka_unit_test(test_the_newest_block_grows_in_place_and_rolls_back),
      cmocka_unit_test(test_an_older_block_moves_with_its_bytes),
      cmocka_unit_test(test_a_block_made_before_the_scope_stays_on_the_heap),
      cmocka_unit_test(test_big_blocks_and_many_chunks),
      cmocka_unit_test(test_tree_sitter_parses_in_arenas_on_two_threads),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
