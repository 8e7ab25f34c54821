#include "cli_git.h"

#include "strbuf.h"
#include "xalloc.h"

#include <errno.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

// Runs argv (argv[0] found on PATH) and collects its standard output;
// standard error goes where strata's does. False with *error when it could
// not be run or exited non-zero.
static bool cli_git__run(char *const *argv, strbuf *output, char **error) {
  int pipe_ends[2];
  if (pipe(pipe_ends) != 0) {
    *error = xasprintf("cannot run git: %s", strerror(errno));
    return false;
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, pipe_ends[1], STDOUT_FILENO);
  posix_spawn_file_actions_addclose(&actions, pipe_ends[0]);
  posix_spawn_file_actions_addclose(&actions, pipe_ends[1]);
  pid_t child;
  int spawned = posix_spawnp(&child, argv[0], &actions, NULL, argv, environ);
  posix_spawn_file_actions_destroy(&actions);
  close(pipe_ends[1]);
  if (spawned != 0) {
    close(pipe_ends[0]);
    *error = xasprintf("cannot run git: %s", strerror(spawned));
    return false;
  }
  char buffer[65536];
  ssize_t got;
  while ((got = read(pipe_ends[0], buffer, sizeof(buffer))) != 0) {
    if (got < 0 && errno == EINTR)
      continue;
    if (got < 0)
      break;
    strbuf_append(output, buffer, (size_t)got);
  }
  close(pipe_ends[0]);
  int status = 0;
  while (waitpid(child, &status, 0) < 0 && errno == EINTR)
    ;
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    *error = xasprintf("'git %s' failed (exit status %d): is this a git work tree?", argv[1],
                       WIFEXITED(status) ? WEXITSTATUS(status) : -1);
    return false;
  }
  return true;
}

bool cli_git_changed_files(cli_path_list *out, char **source, char **error) {
  const char *from = getenv("PRE_COMMIT_FROM_REF");
  const char *to = getenv("PRE_COMMIT_TO_REF");
  bool refs = from && from[0] && to && to[0];
  char *range = refs ? xasprintf("%s...%s", from, to) : NULL;
  // -z: names as they are, NUL-separated, never quoted.
  char *staged[] = {
      "git",        "diff", "--cached", "--name-only", "--no-ext-diff", "--diff-filter=d",
      "--relative", "-z",   NULL};
  char *between[] = {"git", "diff", "--name-only", "--no-ext-diff", "--diff-filter=d", "--relative",
                     "-z",  range,  NULL};
  strbuf output;
  strbuf_init(&output);
  bool ok = cli_git__run(refs ? between : staged, &output, error);
  if (ok) {
    for (size_t start = 0; start < output.length;) {
      size_t length = strnlen(output.data + start, output.length - start);
      if (length > 0) {
        XGROW(out->items, out->capacity, out->count + 1);
        out->items[out->count++] = xstrndup(output.data + start, length);
      }
      start += length + 1;
    }
    *source = refs ? xstrdup(range) : xstrdup("staged");
  }
  strbuf_release(&output);
  free(range);
  return ok;
}
