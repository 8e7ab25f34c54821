// The formats for people: one line per finding (concise), the same with the
// source line and a caret under the statement (full), or the findings under
// their file (grouped); then, once per rule, the advice the messages share,
// and the counts.
#include "report.h"

#include "report_source.h"
#include "report_util.h"
#include "rule.h"
#include "strbuf.h"
#include "strmap.h"

#include <stdlib.h>
#include <string.h>

#define ANSI_BOLD "\033[1m"
#define ANSI_DIM "\033[2m"
#define ANSI_RED "\033[31m"
#define ANSI_MAGENTA "\033[35m"
#define ANSI_CYAN "\033[36m"
#define ANSI_BLUE "\033[34m"
#define ANSI_RESET "\033[0m"

static const char *report_text__level_color(rule_level level) {
  switch (level) {
  case RULE_LEVEL_ERROR:
    return ANSI_BOLD ANSI_RED;
  case RULE_LEVEL_WARNING:
    return ANSI_BOLD ANSI_MAGENTA;
  case RULE_LEVEL_NOTE:
    return ANSI_BOLD ANSI_CYAN;
  }
  return "";
}

// Appends start, text and ANSI_RESET when color is on; text alone otherwise.
static void report_text__paint(strbuf *out, bool color, const char *start, const char *text) {
  if (color)
    strbuf_append_str(out, start);
  strbuf_append_str(out, text);
  if (color)
    strbuf_append_str(out, ANSI_RESET);
}

// Control bytes in a path or message would break "one line per finding" and
// could smuggle terminal escapes, so they are written as C-style escapes.
static void report_text__append_clean_n(strbuf *line, const char *text, size_t length) {
  for (const unsigned char *p = (const unsigned char *)text; length > 0; p++, length--) {
    if (*p == '\n')
      strbuf_append_str(line, "\\n");
    else if (*p == '\t')
      strbuf_append_str(line, "\\t");
    else if (*p == '\r')
      strbuf_append_str(line, "\\r");
    else if (*p < 0x20 || *p == 0x7f)
      strbuf_printf(line, "\\x%02x", *p);
    else
      strbuf_append_char(line, (char)*p);
  }
}

static void report_text__append_clean(strbuf *line, const char *text) {
  report_text__append_clean_n(line, text, strlen(text));
}

// "level: message [rule]\n": the part of a finding's line after its place.
// The message stops before its advice, which the footer gives once.
static void report_text__format_body(strbuf *line, const finding *item, bool color) {
  if (color)
    strbuf_append_str(line, report_text__level_color(item->level));
  strbuf_append_str(line, rule_level_name(item->level));
  strbuf_append_char(line, ':');
  if (color)
    strbuf_append_str(line, ANSI_RESET);
  strbuf_append_char(line, ' ');
  report_text__append_clean_n(line, item->message, finding_message_length(item));
  strbuf_append_char(line, ' ');
  if (color)
    strbuf_append_str(line, ANSI_DIM);
  strbuf_printf(line, "[%s]", item->rule->id);
  if (color)
    strbuf_append_str(line, ANSI_RESET);
  strbuf_append_char(line, '\n');
}

static void report_text__format_finding(strbuf *line, const finding *item, bool color) {
  if (color)
    strbuf_append_str(line, ANSI_BOLD);
  report_text__append_clean(line, item->location.path);
  strbuf_printf(line, ":%u:%u:", (unsigned)item->location.line, (unsigned)item->location.column);
  if (color)
    strbuf_append_str(line, ANSI_RESET);
  strbuf_append_char(line, ' ');
  report_text__format_body(line, item, color);
}

static void report_text__plural(strbuf *line, size_t count, const char *noun) {
  strbuf_printf(line, "%zu %s%s", count, noun, count == 1 ? "" : "s");
}

// The advice the messages of each rule share, once per rule and advice, by
// rule id: `help: ADVICE [rule]`.
static void report_text__format_advice(strbuf *text, const finding_list *findings, bool color) {
  bool any = false;
  for (size_t r = 0; r < strata_rule_count; r++) {
    // The advice said for this rule; keys borrow the findings' messages.
    strmap *seen = strmap_new();
    for (size_t i = 0; i < findings->count; i++) {
      const finding *item = &findings->items[i];
      const char *advice = finding_advice(item);
      uint32_t ignored;
      if (!advice || item->rule != &strata_rules[r] ||
          strmap_get(seen, advice, strlen(advice), &ignored))
        continue;
      strmap_put(seen, advice, strlen(advice), 0);
      if (!any)
        strbuf_append_char(text, '\n');
      any = true;
      report_text__paint(text, color, ANSI_BOLD ANSI_BLUE, "help:");
      strbuf_append_char(text, ' ');
      report_text__append_clean(text, advice);
      strbuf_append_char(text, ' ');
      if (color)
        strbuf_append_str(text, ANSI_DIM);
      strbuf_printf(text, "[%s]", item->rule->id);
      if (color)
        strbuf_append_str(text, ANSI_RESET);
      strbuf_append_char(text, '\n');
    }
    strmap_delete(seen);
  }
}

// The count per rule, by rule id (strata_rules is sorted by id), then the
// total by level.
static void report_text__format_summary(strbuf *text, const report_context *context) {
  const finding_list *findings = context->findings;
  if (findings->count == 0) {
    strbuf_append_str(text, context->nothing_analyzed
                                ? "nothing analyzed: the tree holds no file strata reads\n"
                                : "no problems found\n");
    return;
  }
  strbuf_append_char(text, '\n');
  for (size_t r = 0; r < strata_rule_count; r++) {
    size_t count = 0;
    for (size_t i = 0; i < findings->count; i++)
      if (strcmp(findings->items[i].rule->id, strata_rules[r].id) == 0)
        count++;
    if (count)
      strbuf_printf(text, "%zu %s\n", count, strata_rules[r].id);
  }
  size_t by_level[3] = {0, 0, 0};
  for (size_t i = 0; i < findings->count; i++)
    by_level[findings->items[i].level]++;
  strbuf_append_str(text, "found ");
  report_text__plural(text, findings->count, "problem");
  static const rule_level order[] = {RULE_LEVEL_ERROR, RULE_LEVEL_WARNING, RULE_LEVEL_NOTE};
  const char *separator = ": ";
  for (size_t k = 0; k < sizeof(order) / sizeof(order[0]); k++) {
    if (!by_level[order[k]])
      continue;
    strbuf_append_str(text, separator);
    report_text__plural(text, by_level[order[k]], rule_level_name(order[k]));
    separator = ", ";
  }
  strbuf_append_char(text, '\n');
}

// Writes what follows the findings, unless the run is quiet: the advice,
// the counts, the baselined findings left out.
static bool report_text__finish(FILE *out, const report_context *context) {
  if (context->quiet)
    return report_flush(out);
  strbuf text;
  strbuf_init(&text);
  report_text__format_advice(&text, context->findings, context->color);
  report_text__format_summary(&text, context);
  if (context->baselined_hidden)
    strbuf_printf(&text, "%zu baselined finding%s not shown\n", context->baselined_hidden,
                  context->baselined_hidden == 1 ? "" : "s");
  bool ok = fwrite(text.data, 1, text.length, out) == text.length;
  strbuf_release(&text);
  return ok && report_flush(out);
}

static bool report_text__write(FILE *out, strbuf *text) {
  bool ok = fwrite(text->data, 1, text->length, out) == text->length;
  strbuf_clear(text);
  return ok;
}

bool report_text(FILE *out, const report_context *context) {
  const finding_list *findings = context->findings;
  strbuf line;
  strbuf_init(&line);
  bool ok = true;
  for (size_t i = 0; i < findings->count && ok; i++) {
    report_text__format_finding(&line, &findings->items[i], context->color);
    ok = report_text__write(out, &line);
  }
  strbuf_release(&line);
  return ok && report_text__finish(out, context);
}

// ---------------------------------------------------------------------------
// full: the source line under each finding

// Appends line text (a source line) with tabs as one space each, so that
// the caret line below lines up, and control bytes escaped.
static void report_text__append_source(strbuf *out, const char *text, size_t length) {
  for (size_t i = 0; i < length; i++) {
    unsigned char c = (unsigned char)text[i];
    if (c == '\t')
      strbuf_append_char(out, ' ');
    else if (c < 0x20 || c == 0x7f)
      strbuf_append_char(out, '?');
    else
      strbuf_append_char(out, (char)c);
  }
}

// Code points in text[0, length): the columns a line takes on a terminal
// (wide characters aside).
static size_t report_text__columns(const char *text, size_t length) {
  size_t columns = 0;
  for (size_t i = 0; i < length; i++)
    columns += ((unsigned char)text[i] & 0xC0) != 0x80;
  return columns;
}

// The source line of where, a gutter with its number, and carets under the
// statement (to the end of the line when it goes on; one caret when its end
// is unknown). Nothing when the file or line cannot be read.
static void report_text__format_excerpt(strbuf *out, report_source *source,
                                        const finding_location *where, bool color) {
  size_t length;
  const char *text = report_source_line(source, where->path, where->line, &length);
  if (!text)
    return;
  char number[16];
  int width = snprintf(number, sizeof(number), "%u", (unsigned)where->line);
  const char *gutter = color ? ANSI_BOLD ANSI_BLUE : "";
  const char *reset = color ? ANSI_RESET : "";
  strbuf_printf(out, "%*s%s |%s\n", width, "", gutter, reset);
  strbuf_printf(out, "%s%s |%s ", gutter, number, reset);
  report_text__append_source(out, text, length);
  strbuf_append_char(out, '\n');
  size_t start = report_source_column_offset(text, length, where->column ? where->column : 1);
  size_t end = start + 1;
  if (where->end_line == where->line && where->end_column > where->column)
    end = report_source_column_offset(text, length, where->end_column);
  else if (where->end_line > where->line)
    end = length;
  size_t lead = report_text__columns(text, start);
  size_t marks = end > start ? report_text__columns(text + start, end - start) : 1;
  strbuf_printf(out, "%*s%s |%s %*s", width, "", gutter, reset, (int)lead, "");
  if (color)
    strbuf_append_str(out, ANSI_BOLD ANSI_RED);
  for (size_t i = 0; i < (marks ? marks : 1); i++)
    strbuf_append_char(out, '^');
  if (color)
    strbuf_append_str(out, ANSI_RESET);
  strbuf_append_char(out, '\n');
}

bool report_text_full(FILE *out, const report_context *context) {
  const finding_list *findings = context->findings;
  report_source *source = report_source_new(context->root);
  strbuf text;
  strbuf_init(&text);
  bool ok = true;
  for (size_t i = 0; i < findings->count && ok; i++) {
    const finding *item = &findings->items[i];
    if (i > 0)
      strbuf_append_char(&text, '\n');
    report_text__format_finding(&text, item, context->color);
    report_text__format_excerpt(&text, source, &item->location, context->color);
    // The steps of a cycle, each where it is.
    for (size_t r = 0; r < item->related_count; r++) {
      const finding_location *step = &item->related[r];
      strbuf_append_str(&text, "  = ");
      report_text__append_clean(&text, step->path);
      strbuf_printf(&text, ":%u:%u: ", (unsigned)step->line, (unsigned)step->column);
      report_text__append_clean(&text, step->message ? step->message : "");
      strbuf_append_char(&text, '\n');
    }
    ok = report_text__write(out, &text);
  }
  strbuf_release(&text);
  report_source_delete(source);
  return ok && report_text__finish(out, context);
}

// ---------------------------------------------------------------------------
// grouped: the findings under their file

bool report_text_grouped(FILE *out, const report_context *context) {
  const finding_list *findings = context->findings;
  strbuf text;
  strbuf_init(&text);
  bool ok = true;
  for (size_t i = 0; i < findings->count && ok;) {
    const char *path = findings->items[i].location.path;
    size_t end = i;
    int width = 0;
    while (end < findings->count && strcmp(findings->items[end].location.path, path) == 0) {
      const finding *item = &findings->items[end++];
      int place = snprintf(NULL, 0, "%u:%u", (unsigned)item->location.line,
                           (unsigned)item->location.column);
      width = place > width ? place : width;
    }
    if (i > 0)
      strbuf_append_char(&text, '\n');
    if (context->color)
      strbuf_append_str(&text, ANSI_BOLD);
    report_text__append_clean(&text, path);
    strbuf_append_char(&text, ':');
    if (context->color)
      strbuf_append_str(&text, ANSI_RESET);
    strbuf_append_char(&text, '\n');
    for (; i < end; i++) {
      const finding *item = &findings->items[i];
      char place[32];
      snprintf(place, sizeof(place), "%u:%u", (unsigned)item->location.line,
               (unsigned)item->location.column);
      strbuf_printf(&text, "  %-*s ", width, place);
      report_text__format_body(&text, item, context->color);
    }
    ok = report_text__write(out, &text);
  }
  strbuf_release(&text);
  return ok && report_text__finish(out, context);
}

// ---------------------------------------------------------------------------
// --statistics

typedef struct text_statistic {
  const rule_doc *rule;
  size_t count;
  size_t by_level[3];
} text_statistic;

static int report_text__compare_statistics(const void *left, const void *right) {
  const text_statistic *a = left, *b = right;
  if (a->count != b->count)
    return a->count > b->count ? -1 : 1;
  return strcmp(a->rule->id, b->rule->id);
}

// The rules with findings, most findings first (then by id). *count is set
// to how many; the caller frees the array.
static text_statistic *report_text__statistics(const finding_list *findings, size_t *count) {
  text_statistic *rows = calloc(strata_rule_count + 1, sizeof(text_statistic));
  if (!rows)
    abort();
  *count = 0;
  for (size_t r = 0; r < strata_rule_count; r++) {
    text_statistic row = {&strata_rules[r], 0, {0, 0, 0}};
    for (size_t i = 0; i < findings->count; i++)
      if (findings->items[i].rule == &strata_rules[r]) {
        row.count++;
        row.by_level[findings->items[i].level]++;
      }
    if (row.count)
      rows[(*count)++] = row;
  }
  qsort(rows, *count, sizeof(text_statistic), report_text__compare_statistics);
  return rows;
}

// The level of a row: the rule's, or "mixed" when its findings differ.
static const char *report_text__row_level(const text_statistic *row) {
  for (int level = RULE_LEVEL_NOTE; level <= RULE_LEVEL_ERROR; level++)
    if (row->by_level[level] == row->count)
      return rule_level_name((rule_level)level);
  return "mixed";
}

bool report_statistics(FILE *out, const report_context *context, bool json) {
  size_t count;
  text_statistic *rows = report_text__statistics(context->findings, &count);
  bool ok;
  if (json) {
    json_t *array = json_array();
    for (size_t i = 0; i < count; i++)
      json_array_append_new(array,
                            json_pack("{s:s,s:s,s:s,s:I}", "ruleId", rows[i].rule->id, "level",
                                      report_text__row_level(&rows[i]), "summary",
                                      rows[i].rule->summary, "count", (json_int_t)rows[i].count));
    ok = report_write_json(out, array, JSON_INDENT(2));
    json_decref(array);
  } else {
    strbuf text;
    strbuf_init(&text);
    int count_width = 1, id_width = 1;
    for (size_t i = 0; i < count; i++) {
      int digits = snprintf(NULL, 0, "%zu", rows[i].count);
      int id = (int)strlen(rows[i].rule->id);
      count_width = digits > count_width ? digits : count_width;
      id_width = id > id_width ? id : id_width;
    }
    for (size_t i = 0; i < count; i++)
      strbuf_printf(&text, "%*zu  %-*s  %-7s  %s\n", count_width, rows[i].count, id_width,
                    rows[i].rule->id, report_text__row_level(&rows[i]), rows[i].rule->summary);
    if (count == 0 && !context->quiet)
      strbuf_append_str(&text, context->nothing_analyzed
                                   ? "nothing analyzed: the tree holds no file strata reads\n"
                                   : "no problems found\n");
    ok = fwrite(text.data, 1, text.length, out) == text.length && report_flush(out);
    strbuf_release(&text);
  }
  free(rows);
  return ok;
}
