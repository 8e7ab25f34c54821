// The text format, for people: one line per finding, then counts.
#include "report.h"

#include "report_util.h"
#include "rule.h"
#include "strbuf.h"

#include <string.h>

#define ANSI_BOLD "\033[1m"
#define ANSI_DIM "\033[2m"
#define ANSI_RED "\033[31m"
#define ANSI_MAGENTA "\033[35m"
#define ANSI_CYAN "\033[36m"
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

// Control bytes in a path or message would break "one line per finding" and
// could smuggle terminal escapes, so they are written as C-style escapes.
static void report_text__append_clean(strbuf *line, const char *text) {
  for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
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

static void report_text__format_finding(strbuf *line, const finding *item, bool color) {
  if (color)
    strbuf_append_str(line, ANSI_BOLD);
  report_text__append_clean(line, item->location.path);
  strbuf_printf(line, ":%u:%u:", (unsigned)item->location.line, (unsigned)item->location.column);
  if (color)
    strbuf_append_str(line, ANSI_RESET);
  strbuf_append_char(line, ' ');
  if (color)
    strbuf_append_str(line, report_text__level_color(item->level));
  strbuf_append_str(line, rule_level_name(item->level));
  strbuf_append_char(line, ':');
  if (color)
    strbuf_append_str(line, ANSI_RESET);
  strbuf_append_char(line, ' ');
  report_text__append_clean(line, item->message);
  strbuf_append_char(line, ' ');
  if (color)
    strbuf_append_str(line, ANSI_DIM);
  strbuf_printf(line, "[%s]", item->rule->id);
  if (color)
    strbuf_append_str(line, ANSI_RESET);
  strbuf_append_char(line, '\n');
}

static void report_text__plural(strbuf *line, size_t count, const char *noun) {
  strbuf_printf(line, "%zu %s%s", count, noun, count == 1 ? "" : "s");
}

// The count per rule, by rule id (strata_rules is sorted by id), then the
// total by level.
static void report_text__format_summary(strbuf *text, const finding_list *findings) {
  if (findings->count == 0) {
    strbuf_append_str(text, "no problems found\n");
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

bool report_text(FILE *out, const report_context *context) {
  const finding_list *findings = context->findings;
  strbuf line;
  strbuf_init(&line);
  bool ok = true;
  for (size_t i = 0; i < findings->count && ok; i++) {
    strbuf_clear(&line);
    report_text__format_finding(&line, &findings->items[i], context->color);
    ok = fwrite(line.data, 1, line.length, out) == line.length;
  }
  if (ok) {
    strbuf_clear(&line);
    report_text__format_summary(&line, findings);
    if (context->baselined_hidden)
      strbuf_printf(&line, "%zu baselined finding%s not shown\n", context->baselined_hidden,
                    context->baselined_hidden == 1 ? "" : "s");
    ok = fwrite(line.data, 1, line.length, out) == line.length;
  }
  strbuf_release(&line);
  return ok && report_flush(out);
}
