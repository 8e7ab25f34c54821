// Unit tests for the C/C++/CUDA front end: every preprocessor branch form,
// include forms, positions, notices, dialects, on in-memory sources.
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "cxx_args.h"
#include "cxx_lex.h"
#include "facts_codec.h"
#include "frontend.h"
#include "strbuf.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

extern const frontend cxx_frontend;

typedef struct fixture {
  frontend_worker *worker;
  file_facts *facts;
} fixture;

static file_facts *extract_as(frontend_worker *worker, const char *path, const char *text) {
  strata_language language = STRATA_LANG_PYTHON;
  assert_true(cxx_frontend.claims(path, &language));
  source_text source = {
      .path = path,
      .absolute_path = path,
      .language = language,
      .bytes = text,
      .length = strlen(text),
      .valid_utf8 = true,
  };
  file_facts *facts = file_facts_new();
  assert_true(cxx_frontend.extract(worker, &source, facts));
  return facts;
}

static int setup(void **state) {
  fixture *f = calloc(1, sizeof(fixture));
  f->worker = cxx_frontend.worker_new(NULL);
  assert_non_null(f->worker);
  *state = f;
  return 0;
}

static int teardown(void **state) {
  fixture *f = *state;
  file_facts_delete(f->facts);
  cxx_frontend.worker_delete(f->worker);
  free(f);
  return 0;
}

static file_facts *extract(void **state, const char *path, const char *text) {
  fixture *f = *state;
  file_facts_delete(f->facts);
  f->facts = extract_as(f->worker, path, text);
  return f->facts;
}

// The targets of facts joined by ',' (into a static buffer).
static const char *targets(const file_facts *facts) {
  static char joined[2048];
  joined[0] = '\0';
  for (size_t i = 0; i < facts->dependency_count; i++) {
    if (i)
      strcat(joined, ",");
    strcat(joined, facts->dependencies[i].target);
  }
  return joined;
}

static void test_claims_by_extension(void **state) {
  (void)state;
  strata_language language = STRATA_LANG_PYTHON;
  static const struct {
    const char *path;
    strata_language language;
  } claimed[] = {
      {"a/b.c", STRATA_LANG_C},   {"a/b.cc", STRATA_LANG_CPP},    {"b.cpp", STRATA_LANG_CPP},
      {"b.cxx", STRATA_LANG_CPP}, {"c10/Foo.h", STRATA_LANG_CPP}, {"b.hh", STRATA_LANG_CPP},
      {"b.hpp", STRATA_LANG_CPP}, {"b.hxx", STRATA_LANG_CPP},     {"b.inl", STRATA_LANG_CPP},
      {"k.cu", STRATA_LANG_CUDA}, {"k.cuh", STRATA_LANG_CUDA},
  };
  for (size_t i = 0; i < sizeof(claimed) / sizeof(*claimed); i++) {
    assert_true(cxx_frontend.claims(claimed[i].path, &language));
    assert_int_equal(language, claimed[i].language);
  }
  assert_false(cxx_frontend.claims("a/b.py", &language));
  assert_false(cxx_frontend.claims("a/b.def", &language));
  assert_false(cxx_frontend.claims("a/b.inc", &language));
  assert_false(cxx_frontend.claims("a/b.H", &language));
  assert_false(cxx_frontend.claims("a/.h", &language));
  assert_false(cxx_frontend.claims("a.h/Makefile", &language));
}

static void test_every_branch_counts(void **state) {
  const char *text = "#ifdef _WIN32\n"
                     "#include \"win.h\"\n"
                     "#else\n"
                     "#include \"posix.h\"\n"
                     "#endif\n"
                     "#ifndef NDEBUG\n"
                     "#include <debug.h>\n"
                     "#endif\n"
                     "#if defined(FOO) && FOO > 2\n"
                     "#include \"foo_new.h\"\n"
                     "#elif defined(BAR)\n"
                     "#include \"bar.h\"\n"
                     "#else\n"
                     "#include \"foo_old.h\"\n"
                     "#endif\n"
                     "#if A\n"
                     "#  if B\n"
                     "#    include \"nested.h\"\n"
                     "#  endif\n"
                     "#endif\n"
                     "#if __has_include(<optional.h>)\n"
                     "#include <optional.h>\n"
                     "#endif\n"
                     "#if 1\n"
                     "#else\n"
                     "#include \"else_of_if_1.h\"\n"
                     "#endif\n";
  const file_facts *facts = extract(state, "x.h", text);
  assert_string_equal(targets(facts), "win.h,posix.h,debug.h,foo_new.h,bar.h,foo_old.h,nested.h,"
                                      "optional.h,else_of_if_1.h");
  assert_int_equal(facts->notice_count, 0);
}

static void test_if_zero_is_dead(void **state) {
  const char *text = "#if 0\n"
                     "#include \"dead1.h\"\n"
                     "#  ifdef X\n"
                     "#include \"dead_nested.h\"\n"
                     "#  else\n"
                     "#include \"dead_nested_else.h\"\n"
                     "#  endif\n"
                     "#elif defined(Y)\n"
                     "#include \"elif_live.h\"\n"
                     "#else\n"
                     "#include \"else_live.h\"\n"
                     "#endif\n"
                     "#if X\n"
                     "#include \"live.h\"\n"
                     "#elif 0\n"
                     "#include \"elif_zero_dead.h\"\n"
                     "#endif\n"
                     "#ifdef OUTER\n"
                     "#if 0 /* off */\n"
                     "#include \"dead2.h\"\n"
                     "#endif\n"
                     "#include \"after.h\"\n"
                     "#endif\n"
                     "#if (0)\n"
                     "#include \"paren_zero_is_live.h\"\n"
                     "#endif\n"
                     "#if 0L\n"
                     "#include \"zero_l_is_live.h\"\n"
                     "#endif\n";
  const file_facts *facts = extract(state, "x.h", text);
  assert_string_equal(
      targets(facts),
      "elif_live.h,else_live.h,live.h,after.h,paren_zero_is_live.h,zero_l_is_live.h");
  assert_int_equal(facts->notice_count, 0);
}

static void test_include_forms(void **state) {
  const char *text = "#include \"a/b.h\"\n"
                     "#include <c/d.h>\n"
                     "#include_next <e.h>\n"
                     "#import \"f.h\"\n"
                     "  #  include   \"g.h\"   // trailing comment\n"
                     "#include <h//i.h>\n"
                     "/* lead */ #include \"j.h\"\n"
                     "%:include \"k.h\"\n"
                     "#inc\\\nlude \"l.h\"\n";
  const file_facts *facts = extract(state, "x.cpp", text);
  assert_string_equal(targets(facts), "a/b.h,c/d.h,e.h,f.h,g.h,h//i.h,j.h,k.h,l.h");
  const fact_dependency *d = facts->dependencies;
  assert_false(d[0].angled);
  assert_true(d[1].angled);
  assert_true(d[2].angled);
  assert_false(d[3].angled);
  for (size_t i = 0; i < facts->dependency_count; i++) {
    assert_int_equal(d[i].kind, FACT_DEP_INCLUDE);
    assert_int_equal(d[i].scope, FACT_SCOPE_MODULE);
    assert_false(d[i].computed);
  }
  assert_string_equal(d[0].statement, "#include \"a/b.h\"");
  assert_string_equal(d[1].statement, "#include <c/d.h>");
  assert_string_equal(d[2].statement, "#include_next <e.h>");
  assert_string_equal(d[3].statement, "#import \"f.h\"");
  assert_string_equal(d[4].statement, "#include \"g.h\"");
  assert_string_equal(d[8].statement, "#include \"l.h\"");
}

static void test_not_directives(void **state) {
  const char *text = "int x; #include \"not_at_line_start.h\"\n"
                     "const char *s = \"\\\n#include \\\"in_string.h\\\"\";\n"
                     "// #include \"in_comment.h\"\n"
                     "/*\n#include \"in_block_comment.h\"\n*/\n"
                     "auto r = R\"(\n#include \"in_raw_string.h\"\n)\";\n"
                     "#define STR(x) #x\n"
                     "#include \"real.h\"\n";
  const file_facts *facts = extract(state, "x.cpp", text);
  assert_string_equal(targets(facts), "real.h");
}

static void test_line_and_column(void **state) {
  const char *text = "// caf\xc3\xa9\n"
                     "\n"
                     "/* \xc3\xa9\xc3\xa9 */ #include \"a.h\"\n"
                     "    #include <b.h>\n";
  const file_facts *facts = extract(state, "x.h", text);
  assert_int_equal(facts->dependency_count, 2);
  assert_int_equal(facts->dependencies[0].line, 3);
  assert_int_equal(facts->dependencies[0].column, 10);
  assert_int_equal(facts->dependencies[1].line, 4);
  assert_int_equal(facts->dependencies[1].column, 5);
}

static void test_byte_order_mark(void **state) {
  const file_facts *facts =
      extract(state, "x.h", "\xef\xbb\xbf#include \"a.h\"\n#include \"b.h\"\n");
  assert_string_equal(targets(facts), "a.h,b.h");
  assert_int_equal(facts->dependencies[0].line, 1);
  assert_int_equal(facts->dependencies[1].line, 2);
  assert_int_equal(facts->dependencies[1].column, 1);
}

static void test_computed_includes(void **state) {
  const char *text = "#define QUOTED \"q.h\"\n"
                     "#include QUOTED\n"
                     "#ifdef _WIN32\n"
                     "#define PLATFORM <win/p.h>\n"
                     "#else\n"
                     "#define PLATFORM <posix/p.h>\n"
                     "#endif\n"
                     "#include PLATFORM\n"
                     "#define ALIAS QUOTED\n"
                     "#include ALIAS\n"
                     "#include UNKNOWN_MACRO\n"
                     "#define FN(x) <x.h>\n"
                     "#include FN(y)\n"
                     "#include FN\n"
                     "#undef QUOTED\n"
                     "#include QUOTED\n"
                     "#if 0\n"
                     "#define DEAD \"dead.h\"\n"
                     "#endif\n"
                     "#include DEAD\n"
                     "#define LATE \"late.h\"\n";
  const file_facts *facts = extract(state, "x.h", text);
  assert_string_equal(targets(facts), "q.h,posix/p.h,q.h,UNKNOWN_MACRO,FN(y),FN,QUOTED,DEAD");
  const fact_dependency *d = facts->dependencies;
  assert_false(d[0].computed);
  assert_false(d[0].angled);
  assert_string_equal(d[0].statement, "#include QUOTED");
  assert_false(d[1].computed);
  assert_true(d[1].angled);
  assert_false(d[2].computed);
  for (size_t i = 3; i < 8; i++)
    assert_true(d[i].computed);
  assert_string_equal(d[4].statement, "#include FN(y)");
}

static void test_defines_from_config(void **state) {
  (void)state;
  char *defines[] = {"CONFIG_HEADER=\"cfg.h\"", "SYS=<sys/x.h>", "FLAG"};
  strata_config config = {.cxx_defines = defines, .cxx_define_count = 3};
  frontend_worker *worker = cxx_frontend.worker_new(&config);
  assert_non_null(worker);
  file_facts *facts = extract_as(worker, "x.h",
                                 "#include CONFIG_HEADER\n#include SYS\n#include FLAG\n"
                                 "#define CONFIG_HEADER \"mine.h\"\n#include CONFIG_HEADER\n"
                                 "#undef SYS\n#include SYS\n");
  assert_string_equal(targets(facts), "cfg.h,sys/x.h,FLAG,mine.h,SYS");
  assert_true(facts->dependencies[1].angled);
  assert_true(facts->dependencies[2].computed);
  assert_true(facts->dependencies[4].computed);
  file_facts_delete(facts);
  cxx_frontend.worker_delete(worker);
}

static void test_unbalanced_conditionals(void **state) {
  const file_facts *facts = extract(state, "x.h",
                                    "#include \"a.h\"\n"
                                    "#endif\n"
                                    "#else\n"
                                    "#include \"b.h\"\n"
                                    "#ifndef GUARD\n"
                                    "#if X\n"
                                    "#include \"c.h\"\n");
  assert_string_equal(targets(facts), "a.h,b.h,c.h");
  assert_int_equal(facts->notice_count, 2);
  assert_string_equal(facts->notices[0].message, "'#endif' without a matching '#if'");
  assert_int_equal(facts->notices[0].line, 2);
  assert_string_equal(facts->notices[1].message, "'#ifndef' without a matching '#endif'");
  assert_int_equal(facts->notices[1].line, 5);
}

static void test_bad_input_still_reads_includes(void **state) {
  const file_facts *facts = extract(state, "x.cpp",
                                    "#include \"a.h\"\n"
                                    "template <class T> class { unknown_type x; ]]]\n"
                                    "#include\n"
                                    "#include \"unterminated.h\n"
                                    "#include <unterminated.h\n"
                                    "\"unterminated string\n"
                                    "/* unterminated comment\n#include \"in_comment.h\"\n");
  assert_string_equal(targets(facts), "a.h");
  assert_int_equal(facts->notice_count, 3);
  assert_string_equal(facts->notices[0].message, "'#include' without a header name");
  assert_string_equal(facts->notices[1].message, "unterminated header name in '#include'");
  assert_int_equal(facts->notices[2].line, 5);
}

static void test_empty_and_directive_only_files(void **state) {
  assert_int_equal(extract(state, "x.h", "")->dependency_count, 0);
  assert_int_equal(extract(state, "x.h", "#")->dependency_count, 0);
  assert_string_equal(targets(extract(state, "x.h", "#include \"a.h\"")), "a.h");
}

static void test_stray_endif_opens_nothing(void **state) {
  // libclang's parse must never reach a file's includes, even once stray
  // #endif-s (three hidden by line splices, one with blanks before its
  // newline: more than the two spare levels) close what keeps the
  // preprocessor out: it would open them, and a FIFO nobody writes to
  // blocks open(2) for ever. The alarm turns a hang into a failure.
  char folder[] = "/tmp/strata-cxx-XXXXXX";
  assert_non_null(mkdtemp(folder));
  char fifo[64];
  snprintf(fifo, sizeof(fifo), "%s/fifo.h", folder);
  assert_int_equal(mkfifo(fifo, 0600), 0);
  char text[256];
  snprintf(text, sizeof(text),
           "#endif\n#endif\n#else\n#end\\\nif\n#en\\\ndif\n#endi\\ \t\r\nf\n#endif\n"
           "#include \"%s\"\nint x;\n",
           fifo);
  signal(SIGALRM, SIG_DFL);
  alarm(30);
  const file_facts *facts = extract(state, "x.h", text);
  alarm(0);
  unlink(fifo);
  rmdir(folder);
  assert_int_equal(facts->dependency_count, 1);
  assert_string_equal(facts->dependencies[0].target, fifo);
}

static void test_cuda_sources(void **state) {
  const char *text = "#include <cuda_runtime.h>\n"
                     "#include \"kernels/common.cuh\"\n"
                     "__global__ void add(float *x) { x[threadIdx.x] += 1.0f; }\n"
                     "void launch(float *x) { add<<<1, 32>>>(x); }\n"
                     "#ifdef __CUDA_ARCH__\n"
                     "#include \"device_only.cuh\"\n"
                     "#endif\n";
  const file_facts *facts = extract(state, "k.cu", text);
  assert_string_equal(targets(facts), "cuda_runtime.h,kernels/common.cuh,device_only.cuh");
  facts = extract(state, "k.cuh", text);
  assert_string_equal(targets(facts), "cuda_runtime.h,kernels/common.cuh,device_only.cuh");
}

static void test_c_dialect(void **state) {
  // In C, an apostrophe is not a digit separator: it opens a character
  // literal, which ends at the line's end, and the include below still reads.
  const file_facts *facts = extract(state, "x.c", "int x = 1'000;\n#include \"c.h\"\n");
  assert_string_equal(targets(facts), "c.h");
}

static void test_reparse_many_files(void **state) {
  // One translation unit per dialect is reparsed for every file: nothing of
  // one file may leak into the next.
  for (int i = 0; i < 50; i++) {
    char text[64];
    snprintf(text, sizeof(text), "#include \"f%d.h\"\n", i);
    const char *path = i % 3 == 0 ? "x.c" : i % 3 == 1 ? "x.h" : "x.cu";
    const file_facts *facts = extract(state, path, text);
    assert_int_equal(facts->dependency_count, 1);
    char expected[32];
    snprintf(expected, sizeof(expected), "f%d.h", i);
    assert_string_equal(facts->dependencies[0].target, expected);
  }
}

// A batch (one libclang parse for many files) gives each file exactly the
// facts it gets alone, whatever the file ends with or holds: a comment or raw
// string left open, a line splice, a stray #endif, a byte order mark, no
// bytes at all; in any mix of dialects, and more files than one batch takes.
static void test_batch_equals_alone(void **state) {
  fixture *f = *state;
  static const char *const texts[] = {
      "#include \"a.h\"\n/* never closed\n#include \"hidden.h\"\n",
      "#include <b.h>\nconst char *s = R\"x(\n#include \"raw.h\"\n",
      "#include \"c.h\"\n#define X 1 \\",
      "#endif\n#endif\n#include \"d.h\"\n#if 0\n#include \"e.h\"\n",
      "\xef\xbb\xbf#include \"bom.h\"\n",
      "",
      "#include \"f.h\"\n[[deprecated(\"old\")]] void g(); // strata: ignore[layer-violation]\n",
      "#pragma once\n#include_next <h.h>\n#import \"i.h\"\n",
      "# /* c */ include /* c */ \"j.h\" // trailing\n?\?/\n#include \"k.h\"\n",
      "#include \"l.h\"\n\"unterminated string\n#include \"m.h\"\n",
  };
  static const char *const paths[] = {"x.h", "y.cpp", "z.c", "w.cu", "v.cuh"};
  enum { COUNT = 45 }; // more than one batch of every dialect
  source_text sources[COUNT];
  file_facts *batch_facts[COUNT];
  bool ok[COUNT];
  for (size_t i = 0; i < COUNT; i++) {
    const char *path = paths[i % 5];
    strata_language language = STRATA_LANG_PYTHON;
    assert_true(cxx_frontend.claims(path, &language));
    const char *text = texts[i % 10];
    sources[i] = (source_text){.path = path,
                               .absolute_path = path,
                               .language = language,
                               .bytes = text,
                               .length = strlen(text),
                               .valid_utf8 = true};
    batch_facts[i] = file_facts_new();
  }
  cxx_frontend.extract_batch(f->worker, sources, batch_facts, ok, COUNT);
  for (size_t i = 0; i < COUNT; i++) {
    file_facts *alone = file_facts_new();
    assert_int_equal(ok[i], cxx_frontend.extract(f->worker, &sources[i], alone));
    strbuf expected, got;
    strbuf_init(&expected);
    strbuf_init(&got);
    facts_encode(alone, &expected);
    facts_encode(batch_facts[i], &got);
    if (expected.length != got.length || memcmp(expected.data, got.data, got.length) != 0)
      fail_msg("file %zu (%s) differs in a batch", i, sources[i].path);
    assert_true(batch_facts[i]->dependency_count > 0 || sources[i].length == 0);
    strbuf_release(&expected);
    strbuf_release(&got);
    file_facts_delete(alone);
    file_facts_delete(batch_facts[i]);
  }
}

// A file too big to share a parse goes alone, between files that share one:
// every file still gets its own facts.
static void test_batch_with_a_big_file(void **state) {
  fixture *f = *state;
  strbuf big;
  strbuf_init(&big);
  strbuf_append_str(&big, "#include \"big.h\"\n");
  while (big.length < 1536 * 1024)
    strbuf_append_str(&big, "int filler_declaration_of_some_length;\n");
  strbuf_append_str(&big, "#include \"end.h\"\n");
  const char *texts[] = {"#include \"a.h\"\n", big.data, "#include \"b.h\"\n"};
  source_text sources[3];
  file_facts *facts[3];
  bool ok[3];
  for (size_t i = 0; i < 3; i++) {
    sources[i] = (source_text){.path = "x.h",
                               .absolute_path = "x.h",
                               .language = STRATA_LANG_CPP,
                               .bytes = texts[i],
                               .length = strlen(texts[i]),
                               .valid_utf8 = true};
    facts[i] = file_facts_new();
  }
  cxx_frontend.extract_batch(f->worker, sources, facts, ok, 3);
  assert_true(ok[0] && ok[1] && ok[2]);
  assert_string_equal(targets(facts[0]), "a.h");
  assert_string_equal(targets(facts[1]), "big.h,end.h");
  assert_string_equal(targets(facts[2]), "b.h");
  for (size_t i = 0; i < 3; i++)
    file_facts_delete(facts[i]);
  strbuf_release(&big);
}

// The batch does read every file in one parse (no file falls back to a parse
// of its own), and each file's tokens are those it has alone.
static void test_batch_reads_every_file(void **state) {
  (void)state;
  static const char *const texts[] = {
      "#include \"a.h\"\n/* never closed\n",
      "const char *s = R\"x(\n#include \"raw.h\"\n",
      "#define X 1 \\",
      "#endif\n#endif\n#include \"d.h\"\n",
      "\xef\xbb\xbfint x;\n",
      "",
  };
  enum { COUNT = sizeof(texts) / sizeof(texts[0]) };
  size_t lengths[COUNT];
  for (size_t i = 0; i < COUNT; i++)
    lengths[i] = strlen(texts[i]);
  cxx_lexer *batch = cxx_lexer_new(NULL);
  cxx_lexer *alone = cxx_lexer_new(NULL);
  assert_int_equal(cxx_lexer_load(batch, CXX_DIALECT_CPP, texts, lengths, COUNT), COUNT);
  cxx_token_list from_batch = {0}, from_alone = {0};
  for (size_t i = 0; i < COUNT; i++) {
    char *error = NULL;
    assert_true(cxx_lexer_tokenize_loaded(batch, i, NULL, &from_batch, &error));
    assert_true(cxx_lexer_tokenize(alone, CXX_DIALECT_CPP, texts[i], lengths[i], NULL, &from_alone,
                                   &error));
    assert_int_equal(from_batch.count, from_alone.count);
    for (size_t t = 0; t < from_batch.count; t++) {
      assert_int_equal(from_batch.items[t].kind, from_alone.items[t].kind);
      assert_int_equal(from_batch.items[t].begin, from_alone.items[t].begin);
      assert_int_equal(cxx_token_end(&from_batch, t), cxx_token_end(&from_alone, t));
    }
  }
  char *error = NULL;
  assert_false(cxx_lexer_tokenize_loaded(batch, COUNT, NULL, &from_batch, &error));
  free(error);
  cxx_token_list_release(&from_batch);
  cxx_token_list_release(&from_alone);
  cxx_lexer_delete(batch);
  cxx_lexer_delete(alone);
}

static void test_std_selection(void **state) {
  (void)state;
  assert_string_equal(cxx_std_for(NULL, CXX_DIALECT_CPP), "c++17");
  assert_string_equal(cxx_std_for(NULL, CXX_DIALECT_CUDA), "c++17");
  assert_string_equal(cxx_std_for(NULL, CXX_DIALECT_C), "c11");
  strata_config config = {.cxx_std = "gnu++20"};
  assert_string_equal(cxx_std_for(&config, CXX_DIALECT_CPP), "gnu++20");
  assert_string_equal(cxx_std_for(&config, CXX_DIALECT_C), "gnu11");
  config.cxx_std = "c17";
  assert_string_equal(cxx_std_for(&config, CXX_DIALECT_CPP), "c++17");
  assert_string_equal(cxx_std_for(&config, CXX_DIALECT_C), "c17");
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_claims_by_extension),
      cmocka_unit_test_setup_teardown(test_every_branch_counts, setup, teardown),
      cmocka_unit_test_setup_teardown(test_if_zero_is_dead, setup, teardown),
      cmocka_unit_test_setup_teardown(test_include_forms, setup, teardown),
      cmocka_unit_test_setup_teardown(test_not_directives, setup, teardown),
      cmocka_unit_test_setup_teardown(test_line_and_column, setup, teardown),
      cmocka_unit_test_setup_teardown(test_byte_order_mark, setup, teardown),
      cmocka_unit_test_setup_teardown(test_computed_includes, setup, teardown),
      cmocka_unit_test(test_defines_from_config),
      cmocka_unit_test_setup_teardown(test_unbalanced_conditionals, setup, teardown),
      cmocka_unit_test_setup_teardown(test_bad_input_still_reads_includes, setup, teardown),
      cmocka_unit_test_setup_teardown(test_empty_and_directive_only_files, setup, teardown),
      cmocka_unit_test_setup_teardown(test_stray_endif_opens_nothing, setup, teardown),
      cmocka_unit_test_setup_teardown(test_cuda_sources, setup, teardown),
      cmocka_unit_test_setup_teardown(test_c_dialect, setup, teardown),
      cmocka_unit_test_setup_teardown(test_reparse_many_files, setup, teardown),
      cmocka_unit_test_setup_teardown(test_batch_equals_alone, setup, teardown),
      cmocka_unit_test_setup_teardown(test_batch_with_a_big_file, setup, teardown),
      cmocka_unit_test(test_batch_reads_every_file),
      cmocka_unit_test(test_std_selection),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
