// Unit tests for cli_paths.c: @PATHSFILE, finding the root, and showing
// paths as the caller gave them.
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "cli_paths.h"
#include "rule.h"
#include "xalloc.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

typedef struct paths_fixture {
  char root[PATH_MAX]; // a temporary tree with strata.yaml
  char here[PATH_MAX]; // the current folder before the test
} paths_fixture;

static void write_file(const char *root, const char *relative, const char *text) {
  char *path = xasprintf("%s/%s", root, relative);
  FILE *out = fopen(path, "w");
  assert_non_null(out);
  fputs(text, out);
  fclose(out);
  free(path);
}

static void make_folder(const char *root, const char *relative) {
  char *path = xasprintf("%s/%s", root, relative);
  assert_int_equal(mkdir(path, 0755), 0);
  free(path);
}

static int paths_setup(void **state) {
  paths_fixture *fixture = calloc(1, sizeof(*fixture));
  char template[] = "/tmp/strata-test-paths-XXXXXX";
  if (!mkdtemp(template) || !realpath(template, fixture->root) ||
      !getcwd(fixture->here, sizeof(fixture->here)))
    return -1;
  write_file(fixture->root, "strata.yaml", "version: 1\n");
  make_folder(fixture->root, "app");
  make_folder(fixture->root, "core");
  write_file(fixture->root, "app/views.py", "");
  write_file(fixture->root, "core/base.py", "");
  *state = fixture;
  return 0;
}

static int paths_teardown(void **state) {
  paths_fixture *fixture = *state;
  if (chdir(fixture->here) != 0)
    return -1;
  char *command = xasprintf("rm -rf '%s' '%s.outside.py'", fixture->root, fixture->root);
  int status = system(command);
  free(command);
  free(fixture);
  return status == 0 ? 0 : -1;
}

static void test_expand_reads_paths_files(void **state) {
  paths_fixture *fixture = *state;
  write_file(fixture->root, "list.txt", "app/views.py\r\n\ncore/base.py\n");
  char *list = xasprintf("@%s/list.txt", fixture->root);
  char *arguments[] = {"first.py", list, "last.py"};
  cli_path_list paths = {0};
  char *error = NULL;
  bool positioned;
  assert_true(cli_paths_expand(arguments, 3, &paths, &error, &positioned));
  assert_int_equal(paths.count, 4);
  assert_string_equal(paths.items[0], "first.py");
  assert_string_equal(paths.items[1], "app/views.py");
  assert_string_equal(paths.items[2], "core/base.py");
  assert_string_equal(paths.items[3], "last.py");
  cli_path_list_release(&paths);
  free(list);

  char *missing[] = {"@/nonexistent/strata-list"};
  assert_false(cli_paths_expand(missing, 1, &paths, &error, &positioned));
  assert_false(positioned);
  assert_string_equal(
      error, "cannot read paths file '/nonexistent/strata-list': No such file or directory");
  free(error);
  cli_path_list_release(&paths);
}

static void test_root_is_the_nearest_config_above(void **state) {
  paths_fixture *fixture = *state;
  make_folder(fixture->root, "app/sub");
  write_file(fixture->root, "app/sub/deep.py", "");
  char *deep = xasprintf("%s/app/sub/deep.py", fixture->root);
  char *views = xasprintf("%s/app/views.py", fixture->root);
  char *items[] = {deep, views, "does-not-exist.py"};
  cli_path_list paths = {.items = items, .count = 3, .capacity = 3};
  char *error = NULL;
  char *root = cli_paths_find_root(&paths, &error);
  assert_non_null(root);
  assert_string_equal(root, fixture->root);
  free(root);
  // Relative paths, from a folder below: the same root.
  assert_int_equal(chdir(fixture->root), 0);
  assert_int_equal(chdir("app/sub"), 0);
  char *relative[] = {"deep.py"};
  cli_path_list relative_paths = {.items = relative, .count = 1, .capacity = 1};
  root = cli_paths_find_root(&relative_paths, &error);
  assert_string_equal(root, fixture->root);
  free(root);
  // A nested strata.yaml nearer the files wins.
  write_file(fixture->root, "app/.strata.yaml", "version: 1\n");
  root = cli_paths_find_root(&relative_paths, &error);
  char *nested = xasprintf("%s/app", fixture->root);
  assert_string_equal(root, nested);
  free(nested);
  free(root);
  free(deep);
  free(views);
}

static void test_root_falls_back_to_git_then_fails(void **state) {
  paths_fixture *fixture = *state;
  char *config = xasprintf("%s/strata.yaml", fixture->root);
  assert_int_equal(unlink(config), 0);
  free(config);
  char *base = xasprintf("%s/core/base.py", fixture->root);
  char *items[] = {base};
  cli_path_list paths = {.items = items, .count = 1, .capacity = 1};
  char *error = NULL;
  char *root = cli_paths_find_root(&paths, &error);
  // /tmp is in no git work tree and holds no strata.yaml.
  assert_null(root);
  char *expected = xasprintf("cannot find the tree of '%s/core': no strata.yaml, .strata.yaml or "
                             "git work tree above it; give --root DIR",
                             fixture->root);
  assert_string_equal(error, expected);
  free(expected);
  free(error);
  make_folder(fixture->root, ".git");
  root = cli_paths_find_root(&paths, &error);
  assert_string_equal(root, fixture->root);
  free(root);
  free(base);
}

static void test_folders_are_refused(void **state) {
  paths_fixture *fixture = *state;
  assert_int_equal(chdir(fixture->root), 0);
  char *items[] = {"app/views.py", "core"};
  cli_path_list paths = {.items = items, .count = 2, .capacity = 2};
  char *error = NULL;
  bool positioned;
  assert_false(cli_paths_reject_folders(&paths, &error, &positioned));
  assert_string_equal(error, "'core' is a folder: give one folder alone, or files");
  assert_false(positioned);
  free(error);
  paths.count = 1;
  assert_true(cli_paths_reject_folders(&paths, &error, &positioned));
}

// A problem with a path of a paths file is placed in that file:
// PATHSFILE:LINE:COL, as config errors are.
static void test_paths_file_problems_are_placed(void **state) {
  paths_fixture *fixture = *state;
  assert_int_equal(chdir(fixture->root), 0);
  write_file(fixture->root, "list.txt", "app/views.py\n\ncore\n");
  char *arguments[] = {"@list.txt"};
  cli_path_list paths = {0};
  char *error = NULL;
  bool positioned;
  assert_true(cli_paths_expand(arguments, 1, &paths, &error, &positioned));
  assert_false(cli_paths_reject_folders(&paths, &error, &positioned));
  assert_true(positioned);
  assert_string_equal(error,
                      "list.txt:3:1: error: 'core' is a folder: give one folder alone, or files");
  free(error);
  cli_path_list_release(&paths);
  // No path holds a NUL byte: a paths file that does is no list of paths.
  FILE *file = fopen("nul.txt", "wb");
  assert_non_null(file);
  fwrite("a.py\nb\0c.py\n", 1, 12, file);
  fclose(file);
  char *nul[] = {"@nul.txt"};
  assert_false(cli_paths_expand(nul, 1, &paths, &error, &positioned));
  assert_true(positioned);
  assert_string_equal(error, "nul.txt:2:2: error: a NUL byte in a path");
  free(error);
  cli_path_list_release(&paths);
}

static finding_list *two_findings(void) {
  finding_list *findings = finding_list_new();
  finding *cycle =
      finding_list_add(findings, rule_find("import-cycle"), "app/views.py", 1, 1, "cycle");
  finding_add_related(cycle, "app/views.py", 1, 1, "views imports models");
  finding_add_related(cycle, "app/models.py", 1, 1, "models imports views");
  finding_add_involved(cycle, "app/models.py");
  finding_add_involved(cycle, "app/views.py");
  cycle->fingerprint = xstrdup("f1");
  finding *other = finding_list_add(findings, rule_find("layer-violation"), "lib/x.py", 2, 1, "x");
  finding_add_involved(other, "lib/x.py");
  finding_add_involved(other, "lib/y.py");
  return findings;
}

static void test_named_files_show_paths_as_given(void **state) {
  paths_fixture *fixture = *state;
  assert_int_equal(chdir(fixture->root), 0);
  assert_int_equal(chdir("core"), 0);
  // A file beside the tree, not in it.
  char *outside = xasprintf("%s.outside.py", fixture->root);
  FILE *out = fopen(outside, "w");
  assert_non_null(out);
  fclose(out);
  char *items[] = {"../app/./views.py", "gone.py", outside};
  cli_path_list paths = {.items = items, .count = 3, .capacity = 3};
  cli_named_files *named = cli_named_files_new(fixture->root, &paths);
  assert_true(cli_named_files_has(named, "app/views.py"));
  assert_false(cli_named_files_has(named, "core/base.py"));

  // Named: as given. Not named: relative to the current folder (core/).
  char *shown = cli_named_files_display(named, "app/views.py");
  assert_string_equal(shown, "../app/./views.py");
  free(shown);
  shown = cli_named_files_display(named, "app/models.py");
  assert_string_equal(shown, "../app/models.py");
  free(shown);
  shown = cli_named_files_display(named, "core/base.py");
  assert_string_equal(shown, "base.py");
  free(shown);

  finding_list *all = two_findings();
  finding_list *kept = cli_named_files_findings(named, all, true);
  assert_int_equal(kept->count, 1);
  assert_string_equal(kept->items[0].location.path, "../app/./views.py");
  assert_string_equal(kept->items[0].related[1].path, "../app/models.py");
  assert_string_equal(kept->items[0].fingerprint, "f1");
  assert_true(finding_involves(&kept->items[0], "app/models.py"));
  finding_list_delete(kept);
  // For SARIF: relative to the root.
  kept = cli_named_files_findings(named, all, false);
  assert_string_equal(kept->items[0].location.path, "app/views.py");
  assert_string_equal(kept->items[0].related[1].path, "app/models.py");
  finding_list_delete(kept);
  finding_list_delete(all);

  // Notices: about named files and the run; and the paths left out.
  notice_list *notices = notice_list_new();
  notice_list_add(notices, "app/views.py", 3, 1, "syntax error");
  notice_list_add(notices, "core/base.py", 0, 0, "not mine");
  notice_list_add(notices, NULL, 0, 0, "run-wide");
  notice_list *shown_notices = cli_named_files_notices(named, notices, true);
  assert_int_equal(shown_notices->count, 4);
  // Sorted: run-level notices (no path) first, by message.
  assert_null(shown_notices->items[0].path);
  char *expected =
      xasprintf("cannot check '%s': it is outside the analyzed tree '%s'", outside, fixture->root);
  assert_string_equal(shown_notices->items[0].message, expected);
  free(expected);
  assert_null(shown_notices->items[1].path);
  assert_string_equal(shown_notices->items[1].message,
                      "cannot check 'gone.py': No such file or directory");
  assert_string_equal(shown_notices->items[2].message, "run-wide");
  assert_string_equal(shown_notices->items[3].path, "../app/./views.py");
  notice_list_delete(shown_notices);
  notice_list_delete(notices);
  cli_named_files_delete(named);
  free(outside);
}

static void test_absolute_in_absolute_out(void **state) {
  paths_fixture *fixture = *state;
  char *views = xasprintf("%s/app/views.py", fixture->root);
  char *items[] = {views};
  cli_path_list paths = {.items = items, .count = 1, .capacity = 1};
  cli_named_files *named = cli_named_files_new(fixture->root, &paths);
  char *shown = cli_named_files_display(named, "app/views.py");
  assert_string_equal(shown, views);
  free(shown);
  shown = cli_named_files_display(named, "core/base.py");
  char *expected = xasprintf("%s/core/base.py", fixture->root);
  assert_string_equal(shown, expected);
  free(expected);
  free(shown);
  cli_named_files_delete(named);
  cli_named_files_delete(NULL);
  free(views);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(test_expand_reads_paths_files, paths_setup, paths_teardown),
      cmocka_unit_test_setup_teardown(test_root_is_the_nearest_config_above, paths_setup,
                                      paths_teardown),
      cmocka_unit_test_setup_teardown(test_root_falls_back_to_git_then_fails, paths_setup,
                                      paths_teardown),
      cmocka_unit_test_setup_teardown(test_folders_are_refused, paths_setup, paths_teardown),
      cmocka_unit_test_setup_teardown(test_paths_file_problems_are_placed, paths_setup,
                                      paths_teardown),
      cmocka_unit_test_setup_teardown(test_named_files_show_paths_as_given, paths_setup,
                                      paths_teardown),
      cmocka_unit_test_setup_teardown(test_absolute_in_absolute_out, paths_setup, paths_teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
