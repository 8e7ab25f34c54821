// `strata explain`: a rule's documentation, from the same text as
// docs/rules/ and SARIF's rule descriptors (rules/<id>.md).
#include "cli.h"
#include "cli_options.h"

#include "exit_code.h"
#include "rule.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

enum { EXPLAIN_MARKDOWN, EXPLAIN_LIST };

static const cli_option explain_options[] = {
    [EXPLAIN_MARKDOWN] = {"markdown", 0, NULL, "print it as markdown: the page in docs/rules/"},
    [EXPLAIN_LIST] = {"list", 0, NULL, "list every rule: id, default level and summary"},
};

static const cli_command_spec explain_spec = {
    "explain",
    "[--markdown] RULE | --list",
    "Print a rule's documentation: what it reports, why, an example and the fix.",
    explain_options,
    sizeof(explain_options) / sizeof(explain_options[0]),
    NULL,
};

typedef struct explain_state {
  bool markdown;
  bool list;
} explain_state;

static bool cmd_explain__option(void *state, size_t option, const char *argument) {
  explain_state *self = state;
  (void)argument;
  if (option == EXPLAIN_MARKDOWN)
    self->markdown = true;
  else if (option == EXPLAIN_LIST)
    self->list = true;
  return true;
}

static void cmd_explain__list(FILE *out) {
  int id_width = 0;
  for (size_t i = 0; i < strata_rule_count; i++) {
    int length = (int)strlen(strata_rules[i].id);
    if (length > id_width)
      id_width = length;
  }
  for (size_t i = 0; i < strata_rule_count; i++)
    fprintf(out, "%-*s  %-7s  %s\n", id_width, strata_rules[i].id,
            rule_level_name(strata_rules[i].level), strata_rules[i].summary);
}

static void cmd_explain__tags(FILE *out, const rule_doc *rule) {
  for (size_t i = 0; i < rule->tag_count; i++)
    fprintf(out, "%s%s", i ? ", " : "", rule->tags[i]);
}

// The same page as docs/rules/<id>.md, without its "generated" comment.
static void cmd_explain__markdown(FILE *out, const rule_doc *rule) {
  fprintf(out, "# %s (%s)\n\n%s\n\nDefault level: **%s**. Tags: ", rule->id, rule->name,
          rule->summary, rule_level_name(rule->level));
  cmd_explain__tags(out, rule);
  fprintf(out, ".\n\n%s", rule->markdown);
}

static void cmd_explain__text(FILE *out, const rule_doc *rule) {
  fprintf(out, "%s (%s)\n%s\ndefault level: %s; tags: ", rule->id, rule->name, rule->summary,
          rule_level_name(rule->level));
  cmd_explain__tags(out, rule);
  fprintf(out, "\n\n%s", rule->text);
}

int cmd_explain(int argc, char **argv) {
  explain_state state = {false, false};
  int first;
  bool help;
  if (!cli_parse_options(argc, argv, &explain_spec, cmd_explain__option, &state, &first, &help))
    return EXIT_ERROR;
  if (help)
    return EXIT_CLEAN;
  int positional = argc - first;
  if (state.list) {
    if (positional > 0 || state.markdown) {
      fprintf(stderr, "strata explain: '--list' takes no rule and no '--markdown'\n");
      return EXIT_ERROR;
    }
    cmd_explain__list(stdout);
    return fflush(stdout) == 0 && !ferror(stdout) ? EXIT_CLEAN : EXIT_ERROR;
  }
  if (positional != 1) {
    fprintf(stderr, "strata explain: give one RULE, or '--list'\n"
                    "run 'strata explain --help' for usage\n");
    return EXIT_ERROR;
  }
  const rule_doc *rule = rule_find(argv[first]);
  if (!rule) {
    const rule_doc *close = rule_suggest(argv[first]);
    if (close)
      fprintf(stderr, "strata explain: no rule '%s'; did you mean '%s'?\n", argv[first], close->id);
    else
      fprintf(stderr, "strata explain: no rule '%s'; see 'strata explain --list'\n", argv[first]);
    return EXIT_ERROR;
  }
  if (state.markdown)
    cmd_explain__markdown(stdout, rule);
  else
    cmd_explain__text(stdout, rule);
  return fflush(stdout) == 0 && !ferror(stdout) ? EXIT_CLEAN : EXIT_ERROR;
}
