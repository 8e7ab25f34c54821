// Unit tests for compile_db.c (splitting commands, resolving paths) and
// exact_flags.c (what of a build's command line reaches libclang).
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "compile_db.h"
#include "exact_flags.h"

#include <stdlib.h>
#include <string.h>

static void assert_words(char **words, size_t count, const char *const *expected,
                         size_t expected_count) {
  assert_int_equal(count, expected_count);
  for (size_t i = 0; i < count; i++)
    assert_string_equal(words[i], expected[i]);
}

static void free_words(char **words, size_t count) {
  for (size_t i = 0; i < count; i++)
    free(words[i]);
  free(words);
}

static void test_split_follows_the_shell(void **state) {
  (void)state;
  size_t count;
  char **words = compile_db_split_command(
      "cc  -DA=\"\\\"x.h\\\"\" '-DB=two words' -DC=a\\ b \"-I/with space\" -c x.c", &count);
  const char *expected[] = {"cc", "-DA=\"x.h\"", "-DB=two words", "-DC=a b", "-I/with space",
                            "-c", "x.c"};
  assert_words(words, count, expected, 7);
  free_words(words, count);
  words = compile_db_split_command("   ", &count);
  assert_int_equal(count, 0);
  free_words(words, count);
}

static void test_absolute_normalises(void **state) {
  (void)state;
  char *path = compile_db_absolute("/work/build", "../src/./a/../x.c");
  assert_string_equal(path, "/work/src/x.c");
  free(path);
  path = compile_db_absolute("/work/build", "/abs//y.c");
  assert_string_equal(path, "/abs/y.c");
  free(path);
  path = compile_db_absolute("/", "..");
  assert_string_equal(path, "/");
  free(path);
}

// A command as an entry holds it, translated.
static void translate(const char *command, const char *file, exact_command *out) {
  compile_db_entry entry = {.directory = "/work/build", .file = (char *)file};
  entry.arguments = compile_db_split_command(command, &entry.argument_count);
  exact_command_translate(&entry, out);
  free_words(entry.arguments, entry.argument_count);
}

static bool has_dropped(const exact_command *command, const char *flag) {
  for (size_t i = 0; i < command->dropped_count; i++)
    if (strcmp(command->dropped[i].flag, flag) == 0)
      return true;
  return false;
}

static void test_gcc_keeps_what_the_preprocessor_reads(void **state) {
  (void)state;
  exact_command command;
  translate("ccache /usr/bin/gcc -DNDEBUG -I ../include -isystem /opt/x -include cfg.h -std=gnu11 "
            "-O2 -fPIC -Wall -Wno-maybe-uninitialized -MD -MT a.o -MF a.o.d -o a.o -c ../src/a.c",
            "/work/src/a.c", &command);
  const char *expected[] = {"-DNDEBUG", "-I",    "../include", "-isystem", "/opt/x",
                            "-include", "cfg.h", "-std=gnu11", "-O2",      "-fPIC"};
  assert_words(command.common.items, command.common.count, expected, 10);
  const char *warnings[] = {"-Wall", "-Wno-maybe-uninitialized"};
  assert_words(command.warnings.items, command.warnings.count, warnings, 2);
  assert_int_equal(command.dialect, EXACT_DIALECT_C);
  assert_false(command.cxx_driver);
  assert_null(command.skip_reason);
  exact_command_release(&command);

  translate("/usr/bin/c++ -c a.c", "/work/src/a.c", &command);
  assert_int_equal(command.dialect, EXACT_DIALECT_CXX); // g++ compiles a .c file as C++
  assert_true(command.cxx_driver);
  exact_command_release(&command);
}

static void test_nvcc_as_pytorch_writes_it(void **state) {
  (void)state;
  exact_command command;
  translate("/usr/local/cuda/bin/nvcc -forward-unknown-to-host-compiler -DUSE_CUDA "
            "-isystem=/usr/local/cuda/include -Xfatbin -compress-all "
            "-gencode arch=compute_70,code=sm_70 -gencode=arch=compute_80,code=[sm_80,compute_80] "
            "-Xcudafe --diag_suppress=cc_clobber_ignored --expt-relaxed-constexpr "
            "--expt-extended-lambda -Wno-deprecated-gpu-targets -std=c++17 -Xcompiler=-fPIC "
            "-Xcompiler -fopenmp,-Wall -x cu -c k.cu -o k.cu.o",
            "/work/src/k.cu", &command);
  assert_int_equal(command.dialect, EXACT_DIALECT_CUDA);
  const char *common[] = {"-DUSE_CUDA",
                          "-isystem",
                          "/usr/local/cuda/include",
                          "-D__CUDACC_RELAXED_CONSTEXPR__=1",
                          "-D__CUDACC_EXTENDED_LAMBDA__=1",
                          "-std=c++17",
                          "-x",
                          "cuda"};
  assert_words(command.common.items, command.common.count, common, 8);
  const char *host[] = {"-fPIC", "-fopenmp"};
  assert_words(command.host_only.items, command.host_only.count, host, 2);
  const char *archs[] = {"sm_70", "sm_80"};
  assert_words(command.gpu_archs.items, command.gpu_archs.count, archs, 2);
  assert_true(has_dropped(&command, "-Xfatbin"));
  assert_true(has_dropped(&command, "-Xcudafe"));
  assert_true(has_dropped(&command, "-Wno-deprecated-gpu-targets"));
  assert_int_equal(command.dropped_count, 3);
  assert_true(exact_words_contains(&command.warnings, "-Wall"));
  exact_command_release(&command);
}

static void test_nvcc_compiling_cpp_is_host_only(void **state) {
  (void)state;
  exact_command command;
  translate("nvcc -Xcompiler -fopenmp -arch=sm_86 -c x.cpp", "/work/src/x.cpp", &command);
  assert_int_equal(command.dialect, EXACT_DIALECT_CXX);
  const char *common[] = {"-fopenmp"};
  assert_words(command.common.items, command.common.count, common, 1);
  assert_int_equal(command.gpu_archs.count, 0);
  exact_command_release(&command);
}

static void test_clang_cuda_and_pch(void **state) {
  (void)state;
  exact_command command;
  translate("clang++ --cuda-gpu-arch=sm_75 --cuda-path=/opt/cuda --cuda-device-only "
            "-Xclang -include-pch -Xclang x.pch -Xclang -include -Xclang p.h -c a.cu",
            "/work/a.cu", &command);
  assert_int_equal(command.dialect, EXACT_DIALECT_CUDA);
  assert_string_equal(command.cuda_path, "/opt/cuda");
  const char *common[] = {"-Xclang", "-include", "-Xclang", "p.h"};
  assert_words(command.common.items, command.common.count, common, 4);
  const char *archs[] = {"sm_75"};
  assert_words(command.gpu_archs.items, command.gpu_archs.count, archs, 1);
  assert_true(has_dropped(&command, "-include-pch"));
  exact_command_release(&command);
}

static void test_units_not_parsed(void **state) {
  (void)state;
  exact_command command;
  translate("gcc -c start.S", "/work/start.S", &command);
  assert_string_equal(command.skip_reason, "an assembly file");
  exact_command_release(&command);
  translate("gcc -x assembler-with-cpp -c start.s", "/work/start.s", &command);
  assert_string_equal(command.skip_reason, "an assembly file");
  exact_command_release(&command);
  translate("cl.exe /c x.cpp", "/work/x.cpp", &command);
  assert_non_null(command.skip_reason);
  exact_command_release(&command);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_split_follows_the_shell),
      cmocka_unit_test(test_absolute_normalises),
      cmocka_unit_test(test_gcc_keeps_what_the_preprocessor_reads),
      cmocka_unit_test(test_nvcc_as_pytorch_writes_it),
      cmocka_unit_test(test_nvcc_compiling_cpp_is_host_only),
      cmocka_unit_test(test_clang_cuda_and_pch),
      cmocka_unit_test(test_units_not_parsed),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
