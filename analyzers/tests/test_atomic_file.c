// Unit tests for atomic_file.c: the target gets all of the output or none,
// with the usual mode, and a writer killed mid-way leaves no file behind.
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "atomic_file.h"

#include <dirent.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static char *make_folder(void) {
  char *folder = strdup("/tmp/strata-atomic-test-XXXXXX");
  assert_non_null(mkdtemp(folder));
  return folder;
}

// The names in folder, one per line, sorted; the caller frees the text.
static char *list_folder(const char *folder) {
  struct dirent **entries;
  int count = scandir(folder, &entries, NULL, alphasort);
  assert_true(count >= 0);
  size_t size = 1;
  for (int i = 0; i < count; i++)
    size += strlen(entries[i]->d_name) + 1;
  char *text = calloc(1, size);
  for (int i = 0; i < count; i++) {
    if (strcmp(entries[i]->d_name, ".") != 0 && strcmp(entries[i]->d_name, "..") != 0) {
      strcat(text, entries[i]->d_name);
      strcat(text, "\n");
    }
    free(entries[i]);
  }
  free(entries);
  return text;
}

static char *read_all(const char *path) {
  FILE *file = fopen(path, "rb");
  assert_non_null(file);
  static char buffer[4096];
  size_t length = fread(buffer, 1, sizeof(buffer) - 1, file);
  buffer[length] = '\0';
  fclose(file);
  return buffer;
}

static void remove_folder(char *folder) {
  char *names = list_folder(folder);
  for (char *name = strtok(names, "\n"); name; name = strtok(NULL, "\n")) {
    char path[512];
    snprintf(path, sizeof(path), "%s/%s", folder, name);
    unlink(path);
  }
  free(names);
  rmdir(folder);
  free(folder);
}

static void test_commit_writes_whole_file_with_umask_mode(void **state) {
  (void)state;
  char *folder = make_folder();
  char path[512];
  snprintf(path, sizeof(path), "%s/report.json", folder);
  mode_t old_mask = umask(022);
  int error = 0;
  atomic_file *file = atomic_file_open(path, &error);
  assert_non_null(file);
  fputs("{\"ok\": true}\n", atomic_file_stream(file));
  // Nothing under the target's name until the commit.
  assert_int_equal(access(path, F_OK), -1);
  assert_true(atomic_file_commit(file, &error));
  umask(old_mask);
  assert_string_equal(read_all(path), "{\"ok\": true}\n");
  struct stat info;
  assert_int_equal(stat(path, &info), 0);
  assert_int_equal(info.st_mode & 0777, 0644);
  char *names = list_folder(folder);
  assert_string_equal(names, "report.json\n");
  free(names);
  remove_folder(folder);
}

static void test_abort_leaves_target_alone(void **state) {
  (void)state;
  char *folder = make_folder();
  char path[512];
  snprintf(path, sizeof(path), "%s/out.txt", folder);
  FILE *old = fopen(path, "w");
  fputs("old\n", old);
  fclose(old);
  int error = 0;
  atomic_file *file = atomic_file_open(path, &error);
  assert_non_null(file);
  fputs("new\n", atomic_file_stream(file));
  atomic_file_abort(file);
  assert_string_equal(read_all(path), "old\n");
  char *names = list_folder(folder);
  assert_string_equal(names, "out.txt\n");
  free(names);
  remove_folder(folder);
}

// kill -9 while the output is written: the old file stays as it was, and no
// temporary file is left beside it.
static void test_killed_writer_leaves_nothing(void **state) {
  (void)state;
  char *folder = make_folder();
  char path[512];
  snprintf(path, sizeof(path), "%s/out.txt", folder);
  FILE *old = fopen(path, "w");
  fputs("old\n", old);
  fclose(old);
  pid_t child = fork();
  assert_true(child >= 0);
  if (child == 0) {
    int error = 0;
    atomic_file *file = atomic_file_open(path, &error);
    if (!file)
      _exit(3);
    for (int i = 0; i < 10000; i++)
      fputs("half of a report\n", atomic_file_stream(file));
    fflush(atomic_file_stream(file));
    raise(SIGKILL);
    _exit(4);
  }
  int status = 0;
  assert_int_equal(waitpid(child, &status, 0), child);
  assert_true(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
  assert_string_equal(read_all(path), "old\n");
  char *names = list_folder(folder);
  assert_string_equal(names, "out.txt\n");
  free(names);
  remove_folder(folder);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_commit_writes_whole_file_with_umask_mode),
      cmocka_unit_test(test_abort_leaves_target_alone),
      cmocka_unit_test(test_killed_writer_leaves_nothing),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
