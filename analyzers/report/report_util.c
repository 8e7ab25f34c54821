#include "report_util.h"

#include "source.h"
#include "xalloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

// The marker of a byte that is not UTF-8: U+0001 and the byte in two hex
// digits (80 to FF: every byte below 0x80 is UTF-8). A U+0001 of the text
// itself is the marker and "01", so that markers are all U+0001s there are.
// jansson writes U+0001 as the escape \u0001, which report_json_dumps finds.
#define REPORT_MARK '\x01'

json_t *report_json_string(const char *text) {
  if (!text)
    return json_null();
  size_t length = strlen(text);
  size_t bad = utf8_first_invalid(text, length);
  if (bad == SIZE_MAX && !memchr(text, REPORT_MARK, length))
    return json_stringn(text, length);
  static const char hex[] = "0123456789abcdef";
  strbuf marked;
  strbuf_init(&marked);
  size_t start = 0;
  for (;;) {
    size_t end = bad == SIZE_MAX ? length : start + bad;
    for (size_t i = start; i < end; i++) {
      strbuf_append_char(&marked, text[i]);
      if (text[i] == REPORT_MARK)
        strbuf_append(&marked, "01", 2);
    }
    if (bad == SIZE_MAX)
      break;
    unsigned char byte = (unsigned char)text[end];
    char mark[3] = {REPORT_MARK, hex[byte >> 4], hex[byte & 0xf]};
    strbuf_append(&marked, mark, sizeof(mark));
    // One byte at a time: the next call finds where valid text resumes.
    start = end + 1;
    bad = utf8_first_invalid(text + start, length - start);
  }
  json_t *value = json_stringn(marked.data, marked.length);
  strbuf_release(&marked);
  return value;
}

bool report_json_string_is(const json_t *value, const char *text) {
  if (!json_is_string(value) || !text)
    return false;
  json_t *expected = report_json_string(text);
  bool same = json_equal(expected, value);
  json_decref(expected);
  return same;
}

bool report_is_utf8(const char *text) {
  return utf8_first_invalid(text, strlen(text)) == SIZE_MAX;
}

static bool report__is_hex(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

char *report_json_dumps(const json_t *value, size_t flags, bool exact) {
  char *text = json_dumps(value, flags);
  if (!text || !strstr(text, "\\u0001"))
    return text;
  strbuf fixed;
  strbuf_init(&fixed);
  // Backslashes come only in escapes inside strings: reading escape by
  // escape from the start, each \u0001 is a marker's.
  for (const char *at = text; *at;) {
    const char *slash = strchr(at, '\\');
    if (!slash) {
      strbuf_append_str(&fixed, at);
      break;
    }
    strbuf_append(&fixed, at, (size_t)(slash - at));
    if (strncmp(slash, "\\u0001", 6) == 0 && report__is_hex(slash[6]) && report__is_hex(slash[7])) {
      if (slash[6] == '0' && slash[7] == '1')
        strbuf_append_str(&fixed, "\\u0001"); // the text's own U+0001
      else if (exact)
        strbuf_printf(&fixed, "\\udc%c%c", slash[6], slash[7]);
      else if (flags & JSON_ENSURE_ASCII)
        strbuf_append_str(&fixed, "\\uFFFD");
      else
        strbuf_append_str(&fixed, "\xef\xbf\xbd");
      at = slash + 8;
    } else {
      strbuf_append(&fixed, slash, slash[1] ? 2 : 1);
      at = slash + (slash[1] ? 2 : 1);
    }
  }
  free(text);
  return strbuf_detach(&fixed);
}

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
  char *text = report_json_dumps(value, flags, exact);
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
