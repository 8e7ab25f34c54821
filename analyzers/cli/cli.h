// The command line: one table wires the subcommands (cli.c), each in its own
// cmd_<name>.c with the same signature.
#ifndef STRATA_CLI_H
#define STRATA_CLI_H

int cli_main(int argc, char **argv);

#define STRATA_COMMAND(name, function, summary) int function(int argc, char **argv);
#include "commands.def"
#undef STRATA_COMMAND

#endif
