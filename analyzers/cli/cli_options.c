#include "cli_options.h"

#include "config_suggest.h"
#include "xalloc.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

void cli_print_usage(FILE *out, const cli_command_spec *spec) {
  fprintf(out, "usage: strata %s %s\n\n%s\n\noptions:\n", spec->name, spec->synopsis,
          spec->summary);
  for (size_t i = 0; i < spec->option_count; i++) {
    const cli_option *option = &spec->options[i];
    char left[64];
    if (option->short_name)
      snprintf(left, sizeof(left), "-%c, --%s%s%s", option->short_name, option->long_name,
               option->argument ? " " : "", option->argument ? option->argument : "");
    else
      snprintf(left, sizeof(left), "    --%s%s%s", option->long_name, option->argument ? " " : "",
               option->argument ? option->argument : "");
    fprintf(out, "  %-27s %s\n", left, option->help);
  }
  fprintf(out, "  %-27s %s\n", "-h, --help", "show this help and exit");
  if (spec->epilog)
    fprintf(out, "\n%s", spec->epilog);
}

// "unknown option '--fromat'", and "; did you mean '--format'?" when a long
// option is close to one of spec's.
static void cli__unknown_option(const cli_command_spec *spec, const char *shown) {
  fprintf(stderr, "strata %s: unknown option '%s'", spec->name, shown);
  if (strncmp(shown, "--", 2) == 0) {
    char *word = xstrdup(shown + 2);
    word[strcspn(word, "=")] = '\0';
    config_suggest suggest;
    config_suggest_init(&suggest, word);
    for (size_t i = 0; i < spec->option_count; i++)
      config_suggest_offer(&suggest, spec->options[i].long_name);
    config_suggest_offer(&suggest, "help");
    if (suggest.best)
      fprintf(stderr, "; did you mean '--%s'?", suggest.best);
    free(word);
  }
  fputc('\n', stderr);
}

const char *cli_suggest(const char *word, const char *const *names, size_t count) {
  config_suggest suggest;
  config_suggest_init(&suggest, word);
  for (size_t i = 0; i < count; i++)
    if (names[i])
      config_suggest_offer(&suggest, names[i]);
  return suggest.best;
}

bool cli_parse_options(int argc, char **argv, const cli_command_spec *spec,
                       cli_option_handler *on_option, void *state, int *first_positional,
                       bool *help_shown) {
  *help_shown = false;
  struct option *long_options = xcalloc(spec->option_count + 2, sizeof(struct option));
  char short_options[128] = ":h";
  size_t short_length = strlen(short_options);
  for (size_t i = 0; i < spec->option_count; i++) {
    const cli_option *option = &spec->options[i];
    long_options[i] = (struct option){
        option->long_name, option->argument ? required_argument : no_argument, NULL, 256 + (int)i};
    if (option->short_name && short_length + 3 < sizeof(short_options)) {
      short_options[short_length++] = option->short_name;
      if (option->argument)
        short_options[short_length++] = ':';
      short_options[short_length] = '\0';
    }
  }
  long_options[spec->option_count] = (struct option){"help", no_argument, NULL, 'h'};
  bool ok = true;
  optind = 1;
  opterr = 0;
  int code;
  while (ok && (code = getopt_long(argc, argv, short_options, long_options, NULL)) != -1) {
    if (code == 'h') {
      cli_print_usage(stdout, spec);
      *help_shown = true;
      break;
    }
    if (code == '?' || code == ':') {
      const char *shown = argv[optind - 1];
      if (code == ':')
        fprintf(stderr, "strata %s: option '%s' needs a value\n", spec->name, shown);
      else
        cli__unknown_option(spec, shown);
      fprintf(stderr, "run 'strata %s --help' for usage\n", spec->name);
      ok = false;
      break;
    }
    size_t index;
    if (code >= 256) {
      index = (size_t)(code - 256);
    } else {
      for (index = 0; index < spec->option_count; index++)
        if (spec->options[index].short_name == code)
          break;
    }
    if (index >= spec->option_count || !on_option(state, index, optarg)) {
      fprintf(stderr, "run 'strata %s --help' for usage\n", spec->name);
      ok = false;
    }
  }
  *first_positional = optind;
  free(long_options);
  return ok;
}
