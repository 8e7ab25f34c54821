// strata check: analyze a tree and report what breaks its module boundaries;
// given files, analyze their whole tree and report what involves them.
#include "analysis.h"
#include "cli.h"
#include "cli_analysis.h"
#include "cli_baseline.h"
#include "cli_common.h"
#include "cli_git.h"
#include "cli_options.h"
#include "cli_paths.h"
#include "cli_rules.h"
#include "exit_code.h"
#include "report.h"
#include "report_workflow.h"
#include "xalloc.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

enum {
  CHECK_OUTPUT_FORMAT,
  CHECK_FORMAT,
  CHECK_OUTPUT,
  CHECK_ROOT,
  CHECK_CHANGED,
  CHECK_GIT_CHANGED,
  CHECK_TODAY,
  CHECK_BASELINE,
  CHECK_NO_BASELINE,
  CHECK_UPDATE_BASELINE,
  CHECK_INCLUDE_BASELINED,
  CHECK_EXIT_ZERO,
  CHECK_STATISTICS,
  CHECK_QUIET,
  CHECK_COLOR,
  CHECK_SARIF_CATEGORY,
  CHECK_LINTRUNNER_CODE,
  CHECK_SELECT,
  CHECK_IGNORE,
  CHECK_SHARED
};

static const cli_option check_options[] = {
    [CHECK_OUTPUT_FORMAT] = {"output-format", 0, "FORMAT", "how to report findings (see below)"},
    [CHECK_FORMAT] = {"format", 'f', "FORMAT", "the same as --output-format"},
    [CHECK_OUTPUT] = {"output", 'o', "FILE", "write the report to FILE (whole or not at all)"},
    [CHECK_ROOT] = {"root", 0, "DIR", "the tree the FILEs belong to (default: found, see below)"},
    [CHECK_CHANGED] = {"changed", 0, NULL,
                       "the PATHs are changed files: report what involves them"},
    [CHECK_GIT_CHANGED] = {"git-changed", 0, NULL,
                           "the changed files are those git says (pre-commit: see below)"},
    [CHECK_TODAY] = {"today", 0, "YYYY-MM-DD",
                     "judge removal dates and allowances as on that day (default: the clock)"},
    [CHECK_BASELINE] = {"baseline", 0, "FILE",
                        "compare with the baseline FILE (default: see below)"},
    [CHECK_NO_BASELINE] = {"no-baseline", 0, NULL, "report every finding, baselined or not"},
    [CHECK_UPDATE_BASELINE] = {"update-baseline", 0, NULL,
                               "drop the baseline's stale entries (never adds any)"},
    [CHECK_INCLUDE_BASELINED] = {"include-baselined", 0, NULL,
                                 "SARIF: keep baselined results, as suppressed and unchanged"},
    [CHECK_EXIT_ZERO] = {"exit-zero", 0, NULL,
                         "exit 0 even when error-level findings are reported"},
    [CHECK_STATISTICS] = {"statistics", 0, NULL,
                          "print the number of findings per rule instead of the findings"},
    [CHECK_QUIET] = {"quiet", 'q', NULL,
                     "print the findings and nothing else: no help, counts or notices"},
    [CHECK_COLOR] = {"color", 0, "WHEN", "auto (default: on a terminal, see below), always, never"},
    [CHECK_SARIF_CATEGORY] = {"sarif-category", 0, "NAME",
                              "SARIF: the code scanning category (default: sarif.category, "
                              "else strata)"},
    [CHECK_LINTRUNNER_CODE] = {"lintrunner-code", 0, "CODE",
                               "lintrunner: the linter's code in .lintrunner.toml (STRATA)"},
    CLI_RULES_OPTIONS,
    CLI_ANALYSIS_OPTIONS,
};

static const cli_command_spec check_spec = {
    "check",
    "[options] [PATH | FILE... | @PATHSFILE]",
    "Analyze the tree at PATH (default: the current folder) and report layering violations,\n"
    "forbidden dependencies, import cycles and include cycles. Given files (or @PATHSFILE, a\n"
    "file with one path per line), analyze the whole tree they belong to and report only the\n"
    "findings that involve one of them.",
    check_options,
    sizeof(check_options) / sizeof(check_options[0]),
    "FORMAT is, for people: concise (the default; also called text), one line per finding;\n"
    "full, each with its source line; grouped, by file. For tools: json, json-lines, sarif\n"
    "(GitHub code scanning), github (annotations), gitlab (Code Quality), junit, lintrunner.\n"
    "--format and --output-format are one option; the last one given counts.\n\n"
    "The tree of the FILEs is --root DIR, else the nearest folder above them that holds\n"
    "strata.yaml or .strata.yaml, else the top of their git work tree. The FILEs are shown as\n"
    "given; other files absolute when the FILEs were, else relative to the current folder.\n"
    "FILEs that do not exist or lie outside the tree are notices; excluded ones are ignored.\n"
    "--changed FILE... says the same where a FILE could be taken for a folder.\n"
    "--git-changed takes the FILEs from git in one call, however many: those staged for\n"
    "commit, or those between $PRE_COMMIT_FROM_REF and $PRE_COMMIT_TO_REF when set; with\n"
    "none, the whole tree is checked. When the FILEs hold the config or the baseline, every\n"
    "finding of the tree is reported.\n\n"
    "Facts of unchanged files come from the fact cache (see docs/performance.md).\n\n"
    "The baseline (see docs/suppressions.md) is --baseline FILE, else the config's 'baseline',\n"
    "else ROOT/strata-baseline.json when it exists. Baselined findings are not reported and\n"
    "do not count; baseline entries that match nothing are reported as stale-baseline-entry\n"
    "when the whole tree is checked (not for FILEs).\n\n"
    "The config is ROOT/strata.yaml or ROOT/.strata.yaml unless --config is given; without one\n"
    "the built-in PyTorch default applies (see docs/config.md).\n\n"
    "Colour: --color auto colours the people's formats on a terminal; NO_COLOR (set, not\n"
    "empty) turns it off, FORCE_COLOR or CLICOLOR_FORCE (set, not empty or 0) on.\n\n"
    "exit status: 0 no error-level finding, 1 error-level findings, 2 usage, config or internal "
    "error;\n"
    "with --exit-zero 0 for findings too; with --format lintrunner 0 whenever strata ran: a\n"
    "failure is one message with path null\n",
};

typedef enum check_format {
  FORMAT_CONCISE,
  FORMAT_FULL,
  FORMAT_GROUPED,
  FORMAT_JSON,
  FORMAT_JSON_LINES,
  FORMAT_SARIF,
  FORMAT_GITHUB,
  FORMAT_GITLAB,
  FORMAT_JUNIT,
  FORMAT_LINTRUNNER,
  FORMAT_TEXT, // concise, by its old name
} check_format;

static const char *const check_format_names[] = {
    [FORMAT_CONCISE] = "concise",
    [FORMAT_FULL] = "full",
    [FORMAT_GROUPED] = "grouped",
    [FORMAT_JSON] = "json",
    [FORMAT_JSON_LINES] = "json-lines",
    [FORMAT_SARIF] = "sarif",
    [FORMAT_GITHUB] = "github",
    [FORMAT_GITLAB] = "gitlab",
    [FORMAT_JUNIT] = "junit",
    [FORMAT_LINTRUNNER] = "lintrunner",
    [FORMAT_TEXT] = "text",
};

#define CHECK_FORMAT_COUNT (sizeof(check_format_names) / sizeof(check_format_names[0]))

typedef struct check_state {
  cli_analysis_flags shared;
  const char *output_path;
  const char *root_path;
  const char *today;
  const char *baseline_path;
  const char *sarif_category;
  const char *lintrunner_code;
  check_format format;
  bool changed;
  bool git_changed;
  bool no_baseline;
  bool update_baseline;
  bool include_baselined;
  bool exit_zero;
  bool statistics;
  bool quiet;
  cli_color_mode color;
  cli_rules rules;
} check_state;

static bool check__format(check_state *self, const char *option, const char *argument) {
  for (size_t i = 0; i < CHECK_FORMAT_COUNT; i++) {
    if (strcmp(argument, check_format_names[i]) == 0) {
      self->format = i == FORMAT_TEXT ? FORMAT_CONCISE : (check_format)i;
      return true;
    }
  }
  const char *close = cli_suggest(argument, check_format_names, CHECK_FORMAT_COUNT);
  fprintf(stderr, "strata check: unknown %s '%s'", option, argument);
  if (close)
    fprintf(stderr, "; did you mean '%s'?\n", close);
  else
    fprintf(stderr, " (concise, full, grouped, json, json-lines, sarif, github, gitlab, junit "
                    "or lintrunner)\n");
  return false;
}

static bool check__option(void *state, size_t option, const char *argument) {
  check_state *self = state;
  if (option >= CHECK_SHARED)
    return cli_analysis_option(&self->shared, "check", option - CHECK_SHARED, argument);
  switch (option) {
  case CHECK_OUTPUT_FORMAT:
    return check__format(self, "output format", argument);
  case CHECK_FORMAT:
    return check__format(self, "format", argument);
  case CHECK_OUTPUT:
    self->output_path = argument;
    return true;
  case CHECK_ROOT:
    self->root_path = argument;
    return true;
  case CHECK_CHANGED:
    self->changed = true;
    return true;
  case CHECK_GIT_CHANGED:
    self->git_changed = true;
    return true;
  case CHECK_TODAY:
    self->today = argument;
    return cli_valid_today("check", argument);
  case CHECK_BASELINE:
    self->baseline_path = argument;
    return true;
  case CHECK_NO_BASELINE:
    self->no_baseline = true;
    return true;
  case CHECK_UPDATE_BASELINE:
    self->update_baseline = true;
    return true;
  case CHECK_INCLUDE_BASELINED:
    self->include_baselined = true;
    return true;
  case CHECK_EXIT_ZERO:
    self->exit_zero = true;
    return true;
  case CHECK_STATISTICS:
    self->statistics = true;
    return true;
  case CHECK_QUIET:
    self->quiet = true;
    return true;
  case CHECK_COLOR:
    if (!cli_parse_color(argument, &self->color)) {
      fprintf(stderr, "strata check: --color takes auto, always or never, not '%s'\n", argument);
      return false;
    }
    return true;
  case CHECK_SARIF_CATEGORY:
    if (!config_sarif_category_valid(argument)) {
      fprintf(stderr,
              "strata check: --sarif-category takes a name without white space or control "
              "characters, of at most 255 bytes, not '%s'\n",
              argument);
      return false;
    }
    self->sarif_category = argument;
    return true;
  case CHECK_LINTRUNNER_CODE:
    if (!config_sarif_category_valid(argument)) {
      fprintf(stderr, "strata check: --lintrunner-code takes a code such as STRATA, not '%s'\n",
              argument);
      return false;
    }
    self->lintrunner_code = argument;
    return true;
  case CHECK_SELECT:
  case CHECK_IGNORE:
    cli_rules_add(&self->rules, option == CHECK_IGNORE, argument);
    return true;
  }
  return false;
}

// A run that cannot report findings. In the lintrunner format the failure
// is itself the report (one message, path null) and the exit status 0:
// lintrunner drops all an adapter says when it exits non-zero, and shows
// only "Linter failed".
static int check__fail(const check_state *self, const char *name, const char *message,
                       bool printed) {
  if (!printed)
    fprintf(stderr, "strata check: %s\n", message);
  if (self->format != FORMAT_LINTRUNNER)
    return EXIT_ERROR;
  cli_output output;
  if (!cli_output_open("check", self->output_path, &output))
    return EXIT_ERROR;
  bool written = report_lintrunner_failure(output.stream, self->lintrunner_code, name, message);
  return cli_output_close("check", &output, written) ? EXIT_CLEAN : EXIT_ERROR;
}

// One PATH that is a folder (or is not there: analysis says so), or none,
// names the tree, as always; files, several paths, @PATHSFILE or --root
// with paths ask for the findings about files.
static bool check__files_mode(const check_state *self, bool listed, const cli_path_list *paths) {
  if (listed || self->changed || self->git_changed)
    return paths->count > 0 || !self->git_changed;
  if (paths->count == 0)
    return false;
  if (self->root_path || paths->count > 1)
    return true;
  struct stat info;
  return stat(paths->items[0], &info) == 0 && !S_ISDIR(info.st_mode);
}

// --root DIR as an absolute real path, or NULL and *error.
static char *check__root_option(const char *path, char **error) {
  char resolved[PATH_MAX];
  struct stat info;
  if (!realpath(path, resolved)) {
    *error = xasprintf("cannot use --root '%s': %s", path, strerror(errno));
    return NULL;
  }
  if (stat(resolved, &info) != 0 || !S_ISDIR(info.st_mode)) {
    *error = xasprintf("cannot use --root '%s': not a folder", path);
    return NULL;
  }
  return xstrdup(resolved);
}

static bool check__write(const check_state *self, FILE *stream, report_context *context) {
  bool people = self->format == FORMAT_CONCISE || self->format == FORMAT_FULL ||
                self->format == FORMAT_GROUPED;
  if (people)
    context->color = cli_use_color(self->color, stream);
  if (self->statistics)
    return report_statistics(stream, context, self->format == FORMAT_JSON);
  switch (self->format) {
  case FORMAT_SARIF:
    return report_sarif(stream, context);
  case FORMAT_JSON:
    return report_json(stream, context);
  case FORMAT_JSON_LINES:
    return report_json_lines(stream, context);
  case FORMAT_LINTRUNNER:
    return report_lintrunner(stream, context);
  case FORMAT_GITHUB:
    return report_github(stream, context);
  case FORMAT_GITLAB:
    return report_gitlab(stream, context);
  case FORMAT_JUNIT:
    return report_junit(stream, context);
  case FORMAT_FULL:
    return report_text_full(stream, context);
  case FORMAT_GROUPED:
    return report_text_grouped(stream, context);
  case FORMAT_CONCISE:
  case FORMAT_TEXT:
    break;
  }
  return report_text(stream, context);
}

// Options that cannot go together, as a usage message; NULL when they can.
static const char *check__conflict(const check_state *self, bool files_mode) {
  if (self->no_baseline && (self->baseline_path || self->update_baseline))
    return "--no-baseline cannot go with --baseline or --update-baseline";
  if (self->include_baselined && self->format != FORMAT_SARIF)
    return "--include-baselined is for --format sarif";
  if (self->sarif_category && self->format != FORMAT_SARIF)
    return "--sarif-category is for --format sarif";
  if (self->lintrunner_code && self->format != FORMAT_LINTRUNNER)
    return "--lintrunner-code is for --format lintrunner";
  if (self->statistics && self->format != FORMAT_CONCISE && self->format != FORMAT_JSON)
    return "--statistics prints concise text or json (--format json)";
  if (self->update_baseline && files_mode)
    return "--update-baseline needs the whole tree: give a PATH, not FILEs";
  return NULL;
}

// The baseline of the run, or NULL when there is none; false (with *error
// or after printing it, as *printed says) when it cannot be read.
static bool check__baseline(const check_state *self, const char *root, const strata_config *config,
                            baseline **out, char **error, bool *printed) {
  *out = NULL;
  *printed = false;
  if (self->no_baseline)
    return true;
  bool named;
  char *path = cli_baseline_path(root, config, self->baseline_path, &named);
  bool ok = true;
  if (named || access(path, F_OK) == 0) {
    const strata_config *named_by = named && !self->baseline_path ? config : NULL;
    *out = cli_baseline_read(path, named_by, error, printed);
    ok = *out != NULL;
    if (!ok && *printed)
      fprintf(stderr, "%s\n", *error);
  } else if (self->update_baseline) {
    *error = xasprintf("--update-baseline: there is no baseline ('%s'); write one with 'strata "
                       "baseline'",
                       path);
    ok = false;
  }
  free(path);
  return ok;
}

// Drops the baselined findings from findings; returns how many.
static size_t check__drop_baselined(finding_list *findings) {
  bool *keep = xcalloc(findings->count + 1, sizeof(bool));
  size_t dropped = 0;
  for (size_t i = 0; i < findings->count; i++) {
    keep[i] = !findings->items[i].baselined;
    dropped += findings->items[i].baselined;
  }
  finding_list_keep(findings, keep);
  free(keep);
  return dropped;
}

// Error-level findings that count: baselined ones do not.
static size_t check__errors(const finding_list *findings) {
  size_t errors = 0;
  for (size_t i = 0; i < findings->count; i++)
    errors += findings->items[i].level == RULE_LEVEL_ERROR && !findings->items[i].baselined;
  return errors;
}

int cmd_check(int argc, char **argv) {
  check_state state = {0};
  int first;
  bool help;
  if (!cli_parse_options(argc, argv, &check_spec, check__option, &state, &first, &help))
    return EXIT_ERROR;
  if (help)
    return EXIT_CLEAN;
  int status = EXIT_ERROR;
  char *error = NULL;
  char *root = NULL;
  cli_path_list paths = {0};
  cli_named_files *named = NULL;
  strata_config *config = NULL;
  analysis *result = NULL;
  finding_list *named_findings = NULL;
  notice_list *named_notices = NULL;
  notice_list *shown_notices = NULL;
  baseline *base = NULL;

  bool listed = false;
  for (int i = first; i < argc; i++)
    listed = listed || argv[i][0] == '@';
  if (state.git_changed && (first < argc || state.changed)) {
    error = xasprintf("--git-changed takes no PATH and no --changed: git names the files");
    status = check__fail(&state, "usage-error", error, false);
    goto cleanup;
  }
  char *git_source = NULL;
  bool placed = false;
  bool expanded = state.git_changed ? cli_git_changed_files(&paths, &git_source, &error)
                                    : cli_paths_expand(argv + first, (size_t)(argc - first), &paths,
                                                       &error, &placed);
  free(git_source);
  if (!expanded) {
    if (placed)
      fprintf(stderr, "%s\n", error);
    status = check__fail(&state, "usage-error", error, placed);
    goto cleanup;
  }
  bool files_mode = check__files_mode(&state, listed, &paths);
  const char *conflict = check__conflict(&state, files_mode);
  if (conflict) {
    error = xasprintf("%s", conflict);
    status = check__fail(&state, "usage-error", error, false);
    goto cleanup;
  }
  if (files_mode) {
    if (cli_paths_reject_folders(&paths, &error, &placed))
      root = state.root_path ? check__root_option(state.root_path, &error)
                             : cli_paths_find_root(&paths, &error);
    if (!root) {
      if (placed)
        fprintf(stderr, "%s\n", error);
      status = check__fail(&state, "usage-error", error, placed);
      goto cleanup;
    }
    named = cli_named_files_new(root, &paths);
  } else if (state.git_changed && !state.root_path) {
    // Nothing changed: the whole tree of the current folder.
    if (!(root = cli_paths_find_root(&paths, &error))) {
      status = check__fail(&state, "usage-error", error, false);
      goto cleanup;
    }
  } else {
    root = xstrdup(state.root_path ? state.root_path : paths.count ? paths.items[0] : ".");
  }

  config = cli_load_config_quietly("check", state.shared.config_path, root, &error);
  if (!config) {
    fprintf(stderr, "%s\n", error);
    status = check__fail(&state, "config-error", error, true);
    goto cleanup;
  }
  if (state.today) {
    free(config->today);
    config->today = xstrdup(state.today);
  }
  if (!cli_rules_apply(&state.rules, "check", config)) {
    status = check__fail(&state, "usage-error", "unknown rule in --select or --ignore", true);
    goto cleanup;
  }
  bool printed;
  if (!check__baseline(&state, root, config, &base, &error, &printed)) {
    status = check__fail(&state, "baseline-error", error, printed);
    goto cleanup;
  }
  // A change to the config or the baseline concerns every finding.
  if (named) {
    bool baseline_named;
    char *baseline_file = cli_baseline_path(root, config, state.baseline_path, &baseline_named);
    if (cli_named_files_has_file(named, config->source_name) ||
        cli_named_files_has_file(named, baseline_file))
      cli_named_files_involve_all(named);
    free(baseline_file);
  }
  analysis_options options = cli_analysis_options(&state.shared, true);
  if (state.quiet)
    options.progress = NULL;
  options.baseline = base;
  // Stale entries are a whole run's business: FILEs ask about themselves,
  // and an update drops the stale entries instead.
  options.report_stale = (!named || cli_named_files_involves_all(named)) && !state.update_baseline;
  result = analysis_run(root, config, &options, &error);
  if (!result) {
    status = check__fail(&state, "internal-error", error, false);
    goto cleanup;
  }
  if (state.update_baseline && baseline_unmatched_count(base) > 0) {
    size_t stale = baseline_unmatched_count(base);
    if (!baseline_write_matched(base, &error)) {
      status = check__fail(&state, "baseline-error", error, false);
      goto cleanup;
    }
    fprintf(stderr, "strata check: removed %zu stale entr%s from '%s'\n", stale,
            stale == 1 ? "y" : "ies", base->path);
  }

  finding_list *findings = result->findings;
  const notice_list *notices = result->notices;
  if (named) {
    // SARIF and GitLab locate every file relative to the root (the
    // checkout); the other formats show paths as the caller spelled them.
    bool display = state.format != FORMAT_SARIF && state.format != FORMAT_GITLAB;
    named_findings = cli_named_files_findings(named, result->findings, display);
    named_notices = cli_named_files_notices(named, result->notices, display);
    shown_notices = display ? NULL : cli_named_files_notices(named, result->notices, true);
    findings = named_findings;
    notices = named_notices;
  }
  // Baselined findings are shown only as SARIF asked to keep them.
  bool keep_baselined = base && state.include_baselined;
  size_t hidden = keep_baselined ? 0 : check__drop_baselined(findings);
  if (!state.quiet)
    cli_print_notices(shown_notices ? shown_notices : notices);
  cli_output output;
  if (!cli_output_open("check", state.output_path, &output))
    goto cleanup;
  report_context context = {.findings = findings,
                            .notices = notices,
                            .graph = result->graph,
                            .config = config,
                            .root = result->root,
                            .baseline_states = keep_baselined,
                            .baselined_hidden = hidden,
                            .nothing_analyzed = result->files_analyzed == 0,
                            .quiet = state.quiet,
                            .lintrunner_code = state.lintrunner_code,
                            .sarif_category = state.sarif_category};
  bool written = check__write(&state, output.stream, &context);
  // What the tree depends on outside itself is a whole tree's business.
  bool people = state.format == FORMAT_CONCISE || state.format == FORMAT_FULL ||
                state.format == FORMAT_GROUPED;
  if (written && people && !state.statistics && !named && !state.quiet)
    written = report_unresolved_summary(output.stream, result->graph);
  if (!cli_output_close("check", &output, written))
    goto cleanup;
  if (state.format == FORMAT_LINTRUNNER || state.exit_zero)
    status = EXIT_CLEAN;
  else
    status = check__errors(findings) > 0 ? EXIT_FINDINGS : EXIT_CLEAN;
cleanup:
  finding_list_delete(named_findings);
  notice_list_delete(named_notices);
  notice_list_delete(shown_notices);
  analysis_delete(result);
  baseline_delete(base);
  config_delete(config);
  cli_named_files_delete(named);
  cli_path_list_release(&paths);
  cli_rules_release(&state.rules);
  free(root);
  free(error);
  return status;
}
