#include "cli.h"
#include "cli_options.h"

#include "exit_code.h"
#include "version.h"

#include <stdio.h>
#include <string.h>

typedef struct command {
  const char *name;
  int (*run)(int argc, char **argv);
  const char *summary;
} command;

static const command cli__commands[] = {
#define STRATA_COMMAND(name, function, summary) {name, function, summary},
#include "commands.def"
#undef STRATA_COMMAND
};

static void cli__usage(FILE *out) {
  fprintf(out, "usage: strata <command> [options] [PATH]\n"
               "       strata --version\n\n"
               "strata guards the module boundaries of C, C++, CUDA and Python trees.\n\n"
               "commands:\n");
  for (size_t i = 0; i < sizeof(cli__commands) / sizeof(cli__commands[0]); i++)
    fprintf(out, "  %-13s %s\n", cli__commands[i].name, cli__commands[i].summary);
  fprintf(out, "\nrun 'strata <command> --help' for a command's options\n");
}

int cli_main(int argc, char **argv) {
  if (argc < 2) {
    cli__usage(stderr);
    return EXIT_ERROR;
  }
  const char *name = argv[1];
  if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0 || strcmp(name, "help") == 0) {
    cli__usage(stdout);
    return EXIT_CLEAN;
  }
  if (strcmp(name, "--version") == 0 || strcmp(name, "version") == 0) {
    printf("strata %s\n", STRATA_VERSION);
    return EXIT_CLEAN;
  }
  for (size_t i = 0; i < sizeof(cli__commands) / sizeof(cli__commands[0]); i++)
    if (strcmp(name, cli__commands[i].name) == 0)
      return cli__commands[i].run(argc - 1, argv + 1);
  const char *names[sizeof(cli__commands) / sizeof(cli__commands[0]) + 2] = {"help", "version"};
  for (size_t i = 0; i < sizeof(cli__commands) / sizeof(cli__commands[0]); i++)
    names[i + 2] = cli__commands[i].name;
  const char *close = cli_suggest(name, names, sizeof(names) / sizeof(names[0]));
  if (close)
    fprintf(stderr, "strata: '%s' is not a strata command; did you mean '%s'?\n", name, close);
  else
    fprintf(stderr, "strata: '%s' is not a strata command; see 'strata --help'\n", name);
  return EXIT_ERROR;
}
