#include "report_util.h"

#include "source.h"
#include "xalloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static bool report__uri_keeps(unsigned char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
    return true;
  // Unreserved, '/', and the sub-delimiters and '@' of RFC 3986's pchar. ':'
  // is encoded: in a relative reference's first segment it would read as a
  // scheme.
  return c != '\0' && strchr("-._~/!$&'()*+,;=@", c) != NULL;
}

void report_uri_append_path(strbuf *out, const char *path) {
  static const char hex[] = "0123456789ABCDEF";
  for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
    if (report__uri_keeps(*p)) {
      strbuf_append_char(out, (char)*p);
    } else {
      char escaped[3] = {'%', hex[*p >> 4], hex[*p & 0xf]};
      strbuf_append(out, escaped, sizeof(escaped));
    }
  }
}

char *report_file_uri(const char *absolute_path) {
  strbuf uri;
  strbuf_init(&uri);
  strbuf_append_str(&uri, "file://");
  if (absolute_path[0] != '/')
    strbuf_append_char(&uri, '/');
  report_uri_append_path(&uri, absolute_path);
  if (uri.data[uri.length - 1] != '/')
    strbuf_append_char(&uri, '/');
  return strbuf_detach(&uri);
}

bool report_flush(FILE *out) {
  return fflush(out) == 0 && !ferror(out);
}

static bool report__write_json(FILE *out, const json_t *value, size_t flags, bool exact) {
  char *text = json_text_dumps(value, flags, exact);
  bool ok = text && fputs(text, out) != EOF && fputc('\n', out) != EOF;
  free(text);
  return ok && report_flush(out);
}

bool report_write_json(FILE *out, const json_t *value, size_t flags) {
  return report__write_json(out, value, flags, false);
}

bool report_write_json_exact(FILE *out, const json_t *value, size_t flags) {
  return report__write_json(out, value, flags, true);
}
