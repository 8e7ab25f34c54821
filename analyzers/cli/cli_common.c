#include "cli_common.h"

#include "xalloc.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

strata_config *cli_load_config_quietly(const char *command, const char *config_path,
                                       const char *root, char **message) {
  config_error error;
  memset(&error, 0, sizeof(error));
  strata_config *config = NULL;
  *message = NULL;
  if (config_path) {
    config = config_load_file(config_path, &error);
  } else {
    static const char *const names[] = {"strata.yaml", ".strata.yaml"};
    for (size_t i = 0; i < 2 && !config; i++) {
      char *candidate = xasprintf("%s/%s", root, names[i]);
      if (access(candidate, F_OK) == 0) {
        config = config_load_file(candidate, &error);
        if (!config) {
          free(candidate);
          goto fail;
        }
      }
      free(candidate);
    }
    if (!config)
      config = config_load_default(&error);
  }
  if (config)
    return config;
fail:
  if (error.position.line > 0)
    *message = xasprintf("%s:%u:%u: error: %s", error.file ? error.file : "?", error.position.line,
                         error.position.column, error.message);
  else
    *message = xasprintf("strata %s: %s", command, error.message);
  config_error_release(&error);
  return NULL;
}

strata_config *cli_load_config(const char *command, const char *config_path, const char *root) {
  char *message = NULL;
  strata_config *config = cli_load_config_quietly(command, config_path, root, &message);
  if (!config)
    fprintf(stderr, "%s\n", message);
  free(message);
  return config;
}

void cli_print_notices(const notice_list *notices) {
  for (size_t i = 0; i < notices->count; i++) {
    const notice *item = &notices->items[i];
    if (!item->path)
      fprintf(stderr, "strata: notice: %s\n", item->message);
    else if (item->line == 0)
      fprintf(stderr, "%s: notice: %s\n", item->path, item->message);
    else
      fprintf(stderr, "%s:%u:%u: notice: %s\n", item->path, item->line, item->column,
              item->message);
  }
}

bool cli_output_open(const char *command, const char *path, cli_output *output) {
  memset(output, 0, sizeof(*output));
  if (!path || strcmp(path, "-") == 0) {
    output->stream = stdout;
    return true;
  }
  int error_number = 0;
  output->file = atomic_file_open(path, &error_number);
  if (!output->file) {
    fprintf(stderr, "strata %s: cannot write '%s': %s\n", command, path, strerror(error_number));
    return false;
  }
  output->stream = atomic_file_stream(output->file);
  output->path = path;
  return true;
}

bool cli_output_close(const char *command, cli_output *output, bool write_ok) {
  if (!output->file) {
    if (fflush(stdout) != 0 || !write_ok) {
      fprintf(stderr, "strata %s: cannot write to standard output: %s\n", command,
              strerror(errno ? errno : EIO));
      return false;
    }
    return true;
  }
  if (!write_ok) {
    fprintf(stderr, "strata %s: cannot write '%s': %s\n", command, output->path,
            strerror(errno ? errno : EIO));
    atomic_file_abort(output->file);
    return false;
  }
  int error_number = 0;
  if (!atomic_file_commit(output->file, &error_number)) {
    fprintf(stderr, "strata %s: cannot write '%s': %s\n", command, output->path,
            strerror(error_number));
    return false;
  }
  return true;
}

bool cli_parse_color(const char *value, cli_color_mode *mode) {
  if (strcmp(value, "auto") == 0)
    *mode = CLI_COLOR_AUTO;
  else if (strcmp(value, "always") == 0)
    *mode = CLI_COLOR_ALWAYS;
  else if (strcmp(value, "never") == 0)
    *mode = CLI_COLOR_NEVER;
  else
    return false;
  return true;
}

// Whether the variable asks to force colour: set, not empty and not "0".
static bool cli__forced(const char *name) {
  const char *value = getenv(name);
  return value && value[0] && strcmp(value, "0") != 0;
}

bool cli_use_color(cli_color_mode mode, FILE *stream) {
  if (mode == CLI_COLOR_ALWAYS)
    return true;
  if (mode == CLI_COLOR_NEVER)
    return false;
  // As ruff does: forcing wins over NO_COLOR, which CI systems set when
  // their log viewer shows colour.
  if (cli__forced("FORCE_COLOR") || cli__forced("CLICOLOR_FORCE"))
    return true;
  const char *no_color = getenv("NO_COLOR");
  if (no_color && no_color[0])
    return false;
  const char *term = getenv("TERM");
  if (term && strcmp(term, "dumb") == 0)
    return false;
  return isatty(fileno(stream));
}

static void cli__progress(void *context, size_t done, size_t total, bool finished) {
  (void)context;
  if (finished)
    fputs("\r\033[K", stderr);
  else
    fprintf(stderr, "\rstrata: reading files %zu/%zu (%zu%%)", done, total,
            total ? done * 100 / total : 100);
  fflush(stderr);
}

cli_progress_function *cli_progress_for_stderr(void) {
  const char *term = getenv("TERM");
  if (!isatty(fileno(stderr)) || (term && strcmp(term, "dumb") == 0))
    return NULL;
  return cli__progress;
}
