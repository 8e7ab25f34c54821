#include "cli.h"

#include "exit_code.h"

#include <stdio.h>

int cmd_check(int argc, char **argv) {
  (void)argc;
  (void)argv;
  fprintf(stderr, "strata check: not yet implemented\n");
  return EXIT_ERROR;
}
