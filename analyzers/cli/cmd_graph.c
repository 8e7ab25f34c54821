#include "cli.h"

#include "exit_code.h"

#include <stdio.h>

int cmd_graph(int argc, char **argv) {
  (void)argc;
  (void)argv;
  fprintf(stderr, "strata graph: not yet implemented\n");
  return EXIT_ERROR;
}
