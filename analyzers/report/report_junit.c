// JUnit XML, the test report every CI system shows (GitLab, Jenkins, Azure,
// GitHub actions that read it): each file with findings is a test suite,
// each finding a failing test case named after its rule, as ruff writes it.
#include "report.h"

#include "report_util.h"
#include "rule.h"
#include "source.h"
#include "strbuf.h"

#include <stdint.h>
#include <string.h>

// Appends text as XML character data or an attribute value: markup
// characters as entities, bytes that are not valid UTF-8 and the control
// characters XML 1.0 does not allow as U+FFFD.
static void report_junit__escape(strbuf *out, const char *text) {
  size_t length = strlen(text);
  size_t bad = utf8_first_invalid(text, length);
  for (size_t i = 0; i < length; i++) {
    unsigned char c = (unsigned char)text[i];
    if (bad != SIZE_MAX && i == bad) {
      strbuf_append_str(out, "\xef\xbf\xbd");
      size_t next = utf8_first_invalid(text + i + 1, length - i - 1);
      bad = next == SIZE_MAX ? SIZE_MAX : i + 1 + next;
      continue;
    }
    switch (c) {
    case '&':
      strbuf_append_str(out, "&amp;");
      break;
    case '<':
      strbuf_append_str(out, "&lt;");
      break;
    case '>':
      strbuf_append_str(out, "&gt;");
      break;
    case '"':
      strbuf_append_str(out, "&quot;");
      break;
    case '\t':
    case '\n':
    case '\r':
      strbuf_printf(out, "&#%u;", c);
      break;
    default:
      if (c < 0x20 || c == 0x7f)
        strbuf_append_str(out, "\xef\xbf\xbd");
      else
        strbuf_append_char(out, (char)c);
    }
  }
}

// The class name of a file's test cases: its path without the extension.
static void report_junit__class(strbuf *out, const char *path) {
  const char *slash = strrchr(path, '/');
  const char *dot = strrchr(slash ? slash : path, '.');
  strbuf name;
  strbuf_init(&name);
  strbuf_append(&name, path,
                dot && dot != (slash ? slash + 1 : path) ? (size_t)(dot - path) : strlen(path));
  report_junit__escape(out, name.data);
  strbuf_release(&name);
}

static void report_junit__case(strbuf *out, const finding *item) {
  strbuf_append_str(out, "    <testcase name=\"strata.");
  report_junit__escape(out, item->rule->id);
  strbuf_append_str(out, "\" classname=\"");
  report_junit__class(out, item->location.path);
  strbuf_printf(out, "\" file=\"");
  report_junit__escape(out, item->location.path);
  strbuf_printf(out, "\" line=\"%u\" column=\"%u\">\n      <failure message=\"",
                (unsigned)item->location.line, (unsigned)item->location.column);
  report_junit__escape(out, item->message);
  strbuf_printf(out, "\" type=\"%s\">line %u, col %u, ", rule_level_name(item->level),
                (unsigned)item->location.line, (unsigned)item->location.column);
  report_junit__escape(out, item->message);
  strbuf_append_str(out, "</failure>\n    </testcase>\n");
}

bool report_junit(FILE *out, const report_context *context) {
  const finding_list *findings = context->findings;
  strbuf text;
  strbuf_init(&text);
  strbuf_printf(&text,
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                "<testsuites name=\"strata\" tests=\"%zu\" failures=\"%zu\" errors=\"0\">\n",
                findings->count ? findings->count : 1, findings->count);
  if (findings->count == 0)
    strbuf_append_str(&text, "  <testsuite name=\"strata\" tests=\"1\" failures=\"0\" "
                             "errors=\"0\">\n    <testcase name=\"no problems found\" "
                             "classname=\"strata\"/>\n  </testsuite>\n");
  bool ok = true;
  for (size_t i = 0; i < findings->count && ok;) {
    const char *path = findings->items[i].location.path;
    size_t end = i;
    while (end < findings->count && strcmp(findings->items[end].location.path, path) == 0)
      end++;
    strbuf_append_str(&text, "  <testsuite name=\"");
    report_junit__escape(&text, path);
    strbuf_printf(&text, "\" tests=\"%zu\" failures=\"%zu\" errors=\"0\" package=\"strata\">\n",
                  end - i, end - i);
    for (; i < end; i++)
      report_junit__case(&text, &findings->items[i]);
    strbuf_append_str(&text, "  </testsuite>\n");
    ok = fwrite(text.data, 1, text.length, out) == text.length;
    strbuf_clear(&text);
  }
  strbuf_append_str(&text, "</testsuites>\n");
  ok = ok && fwrite(text.data, 1, text.length, out) == text.length;
  strbuf_release(&text);
  return ok && report_flush(out);
}
