// strata deprecations: every deprecation site of a tree, oldest first, with
// when it started and when it ends, for the people who cut releases.
#include "analysis.h"
#include "cli.h"
#include "cli_analysis.h"
#include "cli_common.h"
#include "cli_options.h"
#include "deprecation_sites.h"
#include "exit_code.h"
#include "report.h"
#include "report_util.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

enum {
  DEPRECATIONS_FORMAT,
  DEPRECATIONS_TODAY,
  DEPRECATIONS_OUTPUT,
  DEPRECATIONS_SHARED,
};

static const cli_option deprecations_options[] = {
    [DEPRECATIONS_FORMAT] = {"format", 'f', "FORMAT", "text (default) or json"},
    [DEPRECATIONS_TODAY] = {"today", 0, "YYYY-MM-DD",
                            "judge removal dates as on that day (default: the clock)"},
    [DEPRECATIONS_OUTPUT] = {"output", 'o', "FILE", "write the list to FILE (whole or not at all)"},
    CLI_ANALYSIS_OPTIONS,
};

static const cli_command_spec deprecations_spec = {
    "deprecations",
    "[options] [PATH]",
    "List every deprecation site of the tree at PATH (default: the current folder), oldest\n"
    "first: when it was deprecated (since), when it is to be removed (removal), where, its\n"
    "kind and the start of its message. Versions come before dates, and undated sites last.\n"
    "A removal that has passed is marked '!': a removal version once the current version\n"
    "(deprecations.current_version or deprecations.version_file) reaches it, a removal date\n"
    "once it is over.",
    deprecations_options,
    sizeof(deprecations_options) / sizeof(deprecations_options[0]),
    "See docs/deprecations.md for what counts as a site and how it is dated, and\n"
    "docs/output.md for the JSON.\n\n"
    "exit status: 0 listed, 2 usage, config or internal error\n",
};

typedef enum deprecations_format { DEPRECATIONS_TEXT, DEPRECATIONS_JSON } deprecations_format;

typedef struct deprecations_state {
  cli_analysis_flags shared;
  const char *output_path;
  const char *today;
  deprecations_format format;
} deprecations_state;

static bool deprecations__option(void *state, size_t option, const char *argument) {
  deprecations_state *self = state;
  if (option >= DEPRECATIONS_SHARED)
    return cli_analysis_option(&self->shared, "deprecations", option - DEPRECATIONS_SHARED,
                               argument);
  switch (option) {
  case DEPRECATIONS_FORMAT:
    if (strcmp(argument, "text") == 0) {
      self->format = DEPRECATIONS_TEXT;
    } else if (strcmp(argument, "json") == 0) {
      self->format = DEPRECATIONS_JSON;
    } else {
      fprintf(stderr, "strata deprecations: unknown format '%s' (text, json)\n", argument);
      return false;
    }
    return true;
  case DEPRECATIONS_TODAY:
    self->today = argument;
    return cli_valid_today("deprecations", argument);
  case DEPRECATIONS_OUTPUT:
    self->output_path = argument;
    return true;
  }
  return false;
}

// One site as listed.
typedef struct deprecations_row {
  const graph_file *file;
  const fact_deprecation *site;
  deprecation_dating dating;  // owned
  deprecation_when order_key; // since, or else removal: what "oldest" sorts by
  bool expired;
} deprecations_row;

typedef struct deprecations_rows {
  deprecations_row *items;
  size_t count;
  size_t capacity;
  const deprecation_clock *clock;
} deprecations_rows;

static void deprecations__collect(void *state, const graph_file *file, const fact_deprecation *site,
                                  const deprecation_dating *dating) {
  deprecations_rows *rows = state;
  XGROW(rows->items, rows->capacity, rows->count + 1);
  deprecations_row *row = &rows->items[rows->count++];
  *row = (deprecations_row){.file = file, .site = site};
  row->dating.dated = dating->dated;
  row->dating.since = xstrdup(dating->since);
  row->dating.removal = xstrdup(dating->removal);
  deprecation_when removal;
  if (deprecation_when_parse(dating->removal, &removal))
    row->expired = deprecation_clock_passed(rows->clock, &removal, dating->removal_after);
  row->dating.removal_after = dating->removal_after;
  if (!deprecation_when_parse(dating->since, &row->order_key))
    row->order_key = removal;
}

// Oldest first: by since (or removal), versions before dates; then dated
// sites whose version or date strata cannot read; undated last. Ties go by
// place.
static int deprecations__compare(const void *a, const void *b) {
  const deprecations_row *x = a, *y = b;
  if (x->dating.dated != y->dating.dated)
    return x->dating.dated ? -1 : 1;
  int order = deprecation_when_compare(&x->order_key, &y->order_key);
  if (order)
    return order;
  order = strcmp(x->file->path, y->file->path);
  if (order)
    return order;
  if (x->site->line != y->site->line)
    return x->site->line < y->site->line ? -1 : 1;
  return (x->site->column > y->site->column) - (x->site->column < y->site->column);
}

// Code points in text: what a column of a terminal holds, near enough.
static size_t deprecations__width(const char *text) {
  size_t width = 0;
  for (; *text; text++)
    width += ((unsigned char)*text & 0xc0) != 0x80;
  return width;
}

static void deprecations__cell(strbuf *out, const char *text, size_t width) {
  strbuf_append_str(out, text);
  for (size_t w = deprecations__width(text); w < width; w++)
    strbuf_append_char(out, ' ');
  strbuf_append(out, "  ", 2);
}

// The cells of row: since, removal, location, kind (each owned).
static void deprecations__cells(const deprecations_row *row, char *cells[4]) {
  const deprecation_dating *dating = &row->dating;
  cells[0] = xstrdup(dating->since ? dating->since : "-");
  cells[1] =
      dating->removal ? xasprintf("%s%s", dating->removal, row->expired ? " !" : "") : xstrdup("-");
  cells[2] = xasprintf("%s:%u", row->file->path, row->site->line);
  cells[3] = xstrdup(row->site->kind);
}

static void deprecations__text(strbuf *out, const deprecations_rows *rows,
                               const deprecation_clock *clock) {
  static const char *const headers[4] = {"since", "removal", "location", "kind"};
  size_t widths[4];
  for (int c = 0; c < 4; c++)
    widths[c] = strlen(headers[c]);
  for (size_t i = 0; i < rows->count; i++) {
    char *cells[4];
    deprecations__cells(&rows->items[i], cells);
    for (int c = 0; c < 4; c++) {
      size_t width = deprecations__width(cells[c]);
      widths[c] = width > widths[c] ? width : widths[c];
      free(cells[c]);
    }
  }
  if (rows->count == 0) {
    strbuf_append_str(out, "no deprecations\n");
    return;
  }
  for (int c = 0; c < 4; c++)
    deprecations__cell(out, headers[c], widths[c]);
  strbuf_append_str(out, "message\n");
  size_t dated = 0, expired = 0;
  for (size_t i = 0; i < rows->count; i++) {
    const deprecations_row *row = &rows->items[i];
    char *cells[4];
    deprecations__cells(row, cells);
    for (int c = 0; c < 4; c++) {
      deprecations__cell(out, cells[c], widths[c]);
      free(cells[c]);
    }
    const char *message = row->site->message;
    char *start = message ? deprecation_text_start(message, 60) : NULL;
    strbuf_append_str(out, !message             ? "(not a string literal)"
                           : message[0] == '\0' ? "(no message)"
                                                : start);
    free(start);
    // Trailing blanks of a short last cell stay out of the output.
    while (out->length && out->data[out->length - 1] == ' ')
      out->data[--out->length] = '\0';
    strbuf_append_char(out, '\n');
    dated += row->dating.dated;
    expired += row->expired;
  }
  strbuf_printf(out,
                "\n%zu deprecation%s: %zu dated, %zu undated; %zu past %s removal (!) as of %s",
                rows->count, rows->count == 1 ? "" : "s", dated, rows->count - dated, expired,
                expired == 1 ? "its" : "their", clock->today_text);
  if (clock->has_version)
    strbuf_printf(out, ", version %s", clock->version_text);
  strbuf_append_char(out, '\n');
}

static bool deprecations__json(FILE *out, const deprecations_rows *rows) {
  bool ok =
      fprintf(out, "{\n  \"version\": 1,\n  \"deprecations\": [%s", rows->count ? "\n" : "") >= 0;
  for (size_t i = 0; ok && i < rows->count; i++) {
    const deprecations_row *row = &rows->items[i];
    json_t *entry = report_deprecation_entry(row->file, row->site, &row->dating);
    json_object_set_new(entry, "expired", json_boolean(row->expired));
    char *text = json_text_dumps(entry, 0, true);
    ok = text && fputs("    ", out) != EOF && fputs(text, out) != EOF &&
         fputs(i + 1 == rows->count ? "\n" : ",\n", out) != EOF;
    free(text);
    json_decref(entry);
  }
  ok = ok && fprintf(out, "%s]\n}\n", rows->count ? "  " : "") >= 0;
  return ok && report_flush(out);
}

int cmd_deprecations(int argc, char **argv) {
  deprecations_state state = {0};
  int first;
  bool help;
  if (!cli_parse_options(argc, argv, &deprecations_spec, deprecations__option, &state, &first,
                         &help))
    return EXIT_ERROR;
  if (help)
    return EXIT_CLEAN;
  if (argc - first > 1) {
    fprintf(stderr, "strata deprecations: give one PATH, not %d\n", argc - first);
    return EXIT_ERROR;
  }
  const char *root = first < argc ? argv[first] : ".";
  strata_config *config = cli_load_config("deprecations", state.shared.config_path, root);
  if (!config)
    return EXIT_ERROR;
  if (state.today) {
    free(config->today);
    config->today = xstrdup(state.today);
  }
  int status = EXIT_ERROR;
  char *error = NULL;
  deprecation_clock clock;
  deprecations_rows rows = {.clock = &clock};
  analysis_options options = cli_analysis_options(&state.shared, false);
  analysis *result = analysis_run(root, config, &options, &error);
  if (!result) {
    fprintf(stderr, "strata deprecations: %s\n", error);
    free(error);
    goto cleanup;
  }
  char *problem = NULL;
  if (!deprecation_clock_init(&clock, config, result->root, &problem)) {
    notice_list_add(result->notices, NULL, 0, 0, problem);
    notice_list_sort(result->notices);
  }
  free(problem);
  deprecation_dates_each(result->graph, config, result->notices, deprecations__collect, &rows);
  cli_print_notices(result->notices);
  if (rows.count)
    qsort(rows.items, rows.count, sizeof(*rows.items), deprecations__compare);
  cli_output output;
  if (!cli_output_open("deprecations", state.output_path, &output))
    goto cleanup;
  bool written;
  if (state.format == DEPRECATIONS_JSON) {
    written = deprecations__json(output.stream, &rows);
  } else {
    strbuf text;
    strbuf_init(&text);
    deprecations__text(&text, &rows, &clock);
    written = fwrite(text.data, 1, text.length, output.stream) == text.length;
    strbuf_release(&text);
  }
  if (!cli_output_close("deprecations", &output, written))
    goto cleanup;
  status = EXIT_CLEAN;
cleanup:
  for (size_t i = 0; i < rows.count; i++)
    deprecation_dating_release(&rows.items[i].dating);
  free(rows.items);
  analysis_delete(result);
  config_delete(config);
  return status;
}
