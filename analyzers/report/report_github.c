// GitHub Actions workflow commands: the runner turns each `::error ...::`
// line of a step's output into an annotation on the files of a pull request.
#include "report_workflow.h"

#include "report_util.h"
#include "rule.h"
#include "strbuf.h"

#include <string.h>

static const char *report_github__command(rule_level level) {
  switch (level) {
  case RULE_LEVEL_ERROR:
    return "error";
  case RULE_LEVEL_WARNING:
    return "warning";
  case RULE_LEVEL_NOTE:
    return "notice";
  }
  return "error";
}

// The runner's escaping (actions/toolkit, command.ts): '%' first, then CR
// and LF everywhere, and in property values ':' and ',' too, which would
// otherwise end the value.
static void report_github__escape(strbuf *out, const char *text, bool property) {
  for (const char *p = text; *p; p++) {
    switch (*p) {
    case '%':
      strbuf_append_str(out, "%25");
      break;
    case '\r':
      strbuf_append_str(out, "%0D");
      break;
    case '\n':
      strbuf_append_str(out, "%0A");
      break;
    case ':':
      strbuf_append_str(out, property ? "%3A" : ":");
      break;
    case ',':
      strbuf_append_str(out, property ? "%2C" : ",");
      break;
    default:
      strbuf_append_char(out, *p);
    }
  }
}

static void report_github__format(strbuf *line, const finding *item) {
  strbuf_printf(line, "::%s file=", report_github__command(item->level));
  report_github__escape(line, item->location.path, true);
  // Line and column are left out when unknown: the annotation is then on
  // the whole file.
  if (item->location.line > 0) {
    strbuf_printf(line, ",line=%u", (unsigned)item->location.line);
    if (item->location.column > 0)
      strbuf_printf(line, ",col=%u", (unsigned)item->location.column);
  }
  strbuf_append_str(line, ",title=");
  report_github__escape(line, item->rule->id, true);
  strbuf_append_str(line, "::");
  report_github__escape(line, item->message, false);
  strbuf_append_char(line, '\n');
}

bool report_github(FILE *out, const report_context *context) {
  strbuf line;
  strbuf_init(&line);
  bool ok = true;
  for (size_t i = 0; i < context->findings->count && ok; i++) {
    strbuf_clear(&line);
    report_github__format(&line, &context->findings->items[i]);
    ok = fwrite(line.data, 1, line.length, out) == line.length;
  }
  strbuf_release(&line);
  return ok && report_flush(out);
}
