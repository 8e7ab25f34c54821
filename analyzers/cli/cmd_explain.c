#include "cli.h"

#include "exit_code.h"

#include <stdio.h>

int cmd_explain(int argc, char **argv) {
  (void)argc;
  (void)argv;
  fprintf(stderr, "strata explain: not yet implemented\n");
  return EXIT_ERROR;
}
